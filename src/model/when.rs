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

    /// Parses a date as a user types it, keeping its precision: "2023" (a year), "2023-04"
    /// (a month) or "2023-04-05" (a day). `None` when the text is not such a date.
    pub fn parse(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        let num = |i: usize| parts.get(i).and_then(|p| p.parse::<i16>().ok());
        let year = num(0).filter(|y| (1000..=9999).contains(y))?;
        let month = || i8::try_from(num(1)?).ok();
        match parts.len() {
            1 => Self::year(year),
            2 => Date::new(year, month()?, 1).ok().map(Self::month_of),
            3 => Date::new(year, month()?, i8::try_from(num(2)?).ok()?)
                .ok()
                .map(Self::day),
            _ => None,
        }
    }

    /// The number of days from the end of one span to the start of the other; 0 when they
    /// overlap or touch.
    pub fn gap_days(&self, other: &When) -> i64 {
        let (first, second) = if self.from <= other.from {
            (self, other)
        } else {
            (other, self)
        };
        if second.from <= first.to {
            return 0;
        }
        first
            .to
            .until(second.from)
            .map_or(i64::MAX, |s| i64::from(s.get_days()))
    }

    /// The middle day, where a chart puts a single mark for the span.
    pub fn middle(&self) -> Date {
        // Civil durations are plain day arithmetic (charts call this for every mark).
        let half_days = self.from.duration_until(self.to).as_secs() / 86_400 / 2;
        self.from
            .checked_add(jiff::SignedDuration::from_hours(half_days * 24))
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
