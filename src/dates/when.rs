use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How exact a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// One day.
    Day,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// Some other span ("in August and November", "within a month", "last week").
    Range,
}

impl Precision {
    /// The name used in JSON and CSV ("month"), the same as its serde name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
            Self::Range => "range",
        }
    }
}

/// A date or span of dates, as exact as the text allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct When {
    /// First day (inclusive).
    pub from: Date,
    /// Last day (inclusive); equal to `from` for a day.
    pub to: Date,
    /// How exact it is.
    pub precision: Precision,
}

impl When {
    /// A single day.
    pub fn day(date: Date) -> Self {
        Self {
            from: date,
            to: date,
            precision: Precision::Day,
        }
    }

    /// The whole calendar month of `date`.
    pub fn month_of(date: Date) -> Self {
        Self {
            from: date.first_of_month(),
            to: date.last_of_month(),
            precision: Precision::Month,
        }
    }

    /// The whole calendar year `year`, when it is a valid year.
    pub fn year(year: i16) -> Option<Self> {
        Some(Self {
            from: Date::new(year, 1, 1).ok()?,
            to: Date::new(year, 12, 31).ok()?,
            precision: Precision::Year,
        })
    }

    /// The days from `from` to `to` (swapped if given backwards).
    pub fn range(from: Date, to: Date) -> Self {
        Self {
            from: from.min(to),
            to: from.max(to),
            precision: Precision::Range,
        }
    }

    /// The middle day, where a chart puts a single mark for the span.
    pub fn middle(&self) -> Date {
        let days = self.from.until(self.to).map_or(0, |s| s.get_days());
        self.from
            .checked_add(jiff::Span::new().days(days / 2))
            .unwrap_or(self.from)
    }
}

impl fmt::Display for When {
    /// Shows the date as exactly as it is known: "2023-11-07", "2023-04", "2022",
    /// "2023-08-01 – 2023-11-30".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.from),
            Precision::Month => write!(f, "{}", self.from.strftime("%Y-%m")),
            Precision::Year => write!(f, "{}", self.from.year()),
            Precision::Range => write!(f, "{} – {}", self.from, self.to),
        }
    }
}
