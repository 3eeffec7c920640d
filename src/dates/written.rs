//! Dates written out in full: ISO (`2023-11-08`, `20231108T...`) and in words (`8 November
//! 2023`, `Nov. 8, 2023`). The one grammar for whole dates: file names, `Date:` headers, HTML
//! meta tags and article text all go through it.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[^0-9])").expect("static regex")
});
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    // ASCII word boundaries let the fast engine read non-ASCII text too.
    Regex::new(r"(?i)(?-u:\b)(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})(?-u:\b)")
        .expect("static regex")
});

/// Parses a date written as `2023-11-08`, `2023/11/08`, `20231108T...`, `8 November 2023` or
/// `November 8, 2023`. Returns `None` for anything else or an impossible date.
pub fn parse_date(s: &str) -> Option<Date> {
    if let Some(c) = ISO_DATE.captures(s) {
        let date = Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?).ok();
        if let Some(d) = date.filter(|d| (1900..=2100).contains(&d.year())) {
            return Some(d);
        }
    }
    let c = WRITTEN_DATE.captures(s)?;
    let month = month_number(&c[2])?;
    let day: i8 = c
        .get(1)
        .or_else(|| c.get(3))
        .map_or(Some(1), |m| m.as_str().parse().ok())?;
    Date::new(c[4].parse().ok()?, month, day).ok()
}

/// Every full written date ("7 November 2023", "Nov. 7, 2023") in `text`, in text order.
/// Month-and-year phrases without a day ("December 2022") are skipped: they are not full dates.
pub fn full_written_dates(text: &str) -> impl Iterator<Item = Date> + '_ {
    // Find first (the fast engine), then read the groups of each match only.
    WRITTEN_DATE.find_iter(text).filter_map(|m| {
        let c = WRITTEN_DATE.captures(m.as_str())?;
        let day: i8 = c.get(1).or_else(|| c.get(3))?.as_str().parse().ok()?;
        Date::new(c[4].parse().ok()?, month_number(&c[2])?, day)
            .ok()
            .filter(|d| (1900..=2100).contains(&d.year()))
    })
}

/// Month number for an English month name or its three-letter prefix.
pub fn month_number(name: &str) -> Option<i8> {
    let prefix: String = name
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == prefix)
    .and_then(|i| i8::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_table() {
        let cases: &[(&str, Option<Date>)] = &[
            ("2023-11-08", Some(date(2023, 11, 8))),
            ("2022-07-26T09:15:00Z", Some(date(2022, 7, 26))),
            ("001_20220726T091500Z_UA_en.txt", Some(date(2022, 7, 26))),
            ("2023-11-08-egypt-engines.md", Some(date(2023, 11, 8))),
            ("8 November 2023", Some(date(2023, 11, 8))),
            ("Nov. 8, 2023", Some(date(2023, 11, 8))),
            ("September 2022", Some(date(2022, 9, 1))),
            ("2023-02-30", None),
            ("no date here", None),
            ("article-12345678.txt", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input), *want, "input: {input:?}");
        }
    }
}
