use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a reported transfer is (said to be) in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Someone asked for it.
    Requested,
    /// Talks are under way.
    Negotiating,
    /// The parties agreed or approved it.
    Agreed,
    /// Announced, pledged, or will happen.
    Planned,
    /// Sent, received, bought or used.
    Delivered,
    /// A party refused.
    Refused,
    /// Blocked, scuppered or halted.
    Cancelled,
    /// A party denies it.
    Denied,
    /// The text does not say.
    Unknown,
}

/// What kind of goods moved (SIPRI categories plus ammunition, components, commodities, money).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Category {
    Aircraft,
    AirDefence,
    ArmouredVehicles,
    Artillery,
    Engines,
    Missiles,
    Naval,
    Sensors,
    Ships,
    Satellites,
    Ammunition,
    Drones,
    SmallArms,
    Components,
    WeaponsUnspecified,
    Commodities,
    Money,
    Other,
}

impl Category {
    /// Every category, in display order.
    pub const ALL: [Category; 18] = [
        Self::Aircraft,
        Self::AirDefence,
        Self::ArmouredVehicles,
        Self::Artillery,
        Self::Engines,
        Self::Missiles,
        Self::Naval,
        Self::Sensors,
        Self::Ships,
        Self::Satellites,
        Self::Ammunition,
        Self::Drones,
        Self::SmallArms,
        Self::Components,
        Self::WeaponsUnspecified,
        Self::Commodities,
        Self::Money,
        Self::Other,
    ];

    /// The kebab-case name used in JSON, CSV and data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Aircraft => "aircraft",
            Self::AirDefence => "air-defence",
            Self::ArmouredVehicles => "armoured-vehicles",
            Self::Artillery => "artillery",
            Self::Engines => "engines",
            Self::Missiles => "missiles",
            Self::Naval => "naval",
            Self::Sensors => "sensors",
            Self::Ships => "ships",
            Self::Satellites => "satellites",
            Self::Ammunition => "ammunition",
            Self::Drones => "drones",
            Self::SmallArms => "small-arms",
            Self::Components => "components",
            Self::WeaponsUnspecified => "weapons-unspecified",
            Self::Commodities => "commodities",
            Self::Money => "money",
            Self::Other => "other",
        }
    }

    /// Parses the kebab-case name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 9] = [
        Self::Requested,
        Self::Negotiating,
        Self::Agreed,
        Self::Planned,
        Self::Delivered,
        Self::Refused,
        Self::Cancelled,
        Self::Denied,
        Self::Unknown,
    ];

    /// The kebab-case name used in JSON, CSV and data files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Negotiating => "negotiating",
            Self::Agreed => "agreed",
            Self::Planned => "planned",
            Self::Delivered => "delivered",
            Self::Refused => "refused",
            Self::Cancelled => "cancelled",
            Self::Denied => "denied",
            Self::Unknown => "unknown",
        }
    }

    /// Parses the kebab-case name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How exact a quantity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "150"
    Exact,
    /// "more than 100", "over 6,000"
    MoreThan,
    /// "some 200", "about 300,000"
    About,
    /// "up to 50", "as many as 12"
    UpTo,
}

impl Qualifier {
    /// The name used in JSON and CSV ("more_than").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::MoreThan => "more_than",
            Self::About => "about",
            Self::UpTo => "up_to",
        }
    }
}

/// A number of items with its qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quantity {
    /// The number.
    pub value: u64,
    /// How exact it is.
    pub qualifier: Qualifier,
}

/// A supplier or recipient: an ISO 3166-1 alpha-2 code or EU, NATO, WEST, with its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Party {
    /// ISO 3166-1 alpha-2 code, or `EU`, `NATO`, `WEST`.
    pub code: String,
    /// Display name.
    pub name: String,
}

/// A sentence that states (or updates) a transfer, as a byte span into its article's text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    /// The article's id.
    pub article: String,
    /// First byte of the sentence in the article's cleaned text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The sentence itself.
    pub sentence: String,
    /// The extraction rule that read this sentence.
    pub rule: String,
}

impl Evidence {
    /// The sentence as it reads, for quoting and display: a sentence wrapped over lines in
    /// the article has each line break as a space. Every byte stays where it was, so offsets
    /// into [`Evidence::sentence`] (highlights) hold for the quote too.
    pub fn quote(&self) -> std::borrow::Cow<'_, str> {
        if self.sentence.contains(['\n', '\r']) {
            self.sentence.replace(['\n', '\r'], " ").into()
        } else {
            self.sentence.as_str().into()
        }
    }
}
