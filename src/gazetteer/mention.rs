use crate::text::Span;

/// How a mention names its country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// The country's name or an alternate name ("Egypt", "Burma").
    Name,
    /// A demonym used as an adjective ("Egyptian", "North Korean").
    Demonym,
    /// A plural demonym used as a noun ("the Russians").
    DemonymPlural,
    /// A capital or other seat of power ("Cairo", "the Kremlin").
    Capital,
    /// A leader or official ("Putin", "Sisi").
    Leader,
    /// A ministry, army or firm ("Uralvagonzavod", "the Pentagon").
    Org,
    /// A bloc ("the EU", "NATO", "the West").
    Bloc,
    /// A named group of several countries ("the Baltic states").
    Group,
}

/// What a hyphenated suffix right after a mention says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compound {
    /// "Iranian-made", "Soviet-built": the goods' origin.
    Made,
    /// "US-supplied", "UK-donated": the country supplied the goods.
    Supplied,
    /// "Czech-led": the country leads an initiative.
    Led,
    /// "US-based", "Russian-occupied", "Iran-backed", "Russia-Ukraine": a place or a relation, never a party.
    Other,
}

/// One occurrence of a country (or bloc) in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Where the mention is, including a compound suffix ("US-supplied").
    pub span: Span,
    /// The country codes it stands for (several for a group).
    pub codes: Vec<String>,
    /// How it names them.
    pub kind: MentionKind,
    /// A hyphenated suffix, if any.
    pub compound: Option<Compound>,
    /// True for a possessive ("Germany's").
    pub possessive: bool,
}
