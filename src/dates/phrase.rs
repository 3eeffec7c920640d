use super::When;
use super::month_number;
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// "5 May 2023", "May 5, 2023", "December 2022", "April", "August and November 2023".
static MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(\d{1,2}) )?\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: (\d{1,2})(?:st|nd|rd|th)?\b)?(?:,? (\d{4}))?(?: and (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: (\d{4}))?)?",
    )
    .expect("static regex")
});

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\b").expect("static regex"));

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(last |next )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
        .expect("static regex")
});

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(last|this|next|earlier this|later this|earlier in the|later in the|over the|in the coming|in the past|in the last) (week|month|year|days|weeks|months|years)\b")
        .expect("static regex")
});

static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(within|ago)?\s*(a|one|two|three|four|five|six|several|few|\d+)? ?(day|week|month|year)s?( ago)?\b")
        .expect("static regex")
});

/// Resolves a date phrase found in a report ("in April", "in December 2022", "last year",
/// "on Monday", "within a month") to the span it names. `anchor` is the article's date:
/// phrases without a year ("in April", "last week") need it and give `None` without one.
/// Months without a year are taken as the latest such month not after the anchor, because
/// news reports mostly look back.
pub fn resolve_phrase(phrase: &str, anchor: Option<Date>) -> Option<When> {
    let p = phrase.trim();
    let lower = p.to_ascii_lowercase();
    if lower.contains("yesterday") {
        return anchor.and_then(|a| a.yesterday().ok()).map(When::day);
    }
    if lower.contains("today") {
        return anchor.map(When::day);
    }
    if lower.contains("tomorrow") {
        return anchor.and_then(|a| a.tomorrow().ok()).map(When::day);
    }
    if let Some(c) = MONTHS.captures(p) {
        return resolve_months(&c, anchor);
    }
    if let Some(c) = WEEKDAY.captures(p) {
        return resolve_weekday(c.get(1).map(|m| m.as_str()), &c[2], anchor?);
    }
    if let Some(c) = RELATIVE.captures(p) {
        return resolve_relative(
            &c[1].to_ascii_lowercase(),
            &c[2].to_ascii_lowercase(),
            anchor?,
        );
    }
    if let Some(c) = YEAR.captures(p) {
        return When::year(c[1].parse().ok()?);
    }
    if let Some(c) = COUNTED.captures(p) {
        let n = count(c.get(2).map_or("a", |m| m.as_str()));
        let unit = c[3].to_ascii_lowercase();
        let a = anchor?;
        let span = unit_span(&unit, n)?;
        if c.get(1)
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("within"))
        {
            return Some(When::range(a, a.checked_add(span).ok()?));
        }
        if c.get(4).is_some() {
            let day = a.checked_sub(span).ok()?;
            return Some(match unit.as_str() {
                "day" => When::day(day),
                "month" => When::month_of(day),
                "year" => When::year(day.year())?,
                _ => When::range(day, day.checked_add(6.days()).ok()?),
            });
        }
    }
    None
}

fn resolve_months(c: &regex::Captures<'_>, anchor: Option<Date>) -> Option<When> {
    let month = month_number(&c[2])?;
    let day: Option<i8> = c
        .get(1)
        .or_else(|| c.get(3))
        .and_then(|m| m.as_str().parse().ok());
    let second_year: Option<i16> = c.get(6).and_then(|m| m.as_str().parse().ok());
    let year: Option<i16> = c
        .get(4)
        .and_then(|m| m.as_str().parse().ok())
        .or(second_year);
    let first = month_start(year, month, anchor)?;
    if let Some(second) = c.get(5) {
        let month2 = month_number(second.as_str())?;
        let mut end = Date::new(first.year(), month2, 1).ok()?;
        if end < first {
            end = end.checked_add(1.year()).ok()?;
        }
        return Some(When::range(first, end.last_of_month()));
    }
    match day {
        Some(d) => Date::new(first.year(), month, d).ok().map(When::day),
        None => Some(When::month_of(first)),
    }
}

/// The first day of `month` in `year`, or without a year the latest such month not after
/// `anchor`.
fn month_start(year: Option<i16>, month: i8, anchor: Option<Date>) -> Option<Date> {
    if let Some(y) = year {
        return Date::new(y, month, 1).ok();
    }
    let a = anchor?;
    let this_year = Date::new(a.year(), month, 1).ok()?;
    if this_year <= a {
        Some(this_year)
    } else {
        this_year.checked_sub(1.year()).ok()
    }
}

fn resolve_weekday(which: Option<&str>, name: &str, anchor: Date) -> Option<When> {
    let target = match name.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        _ => Weekday::Sunday,
    };
    let next = which.is_some_and(|w| w.trim().eq_ignore_ascii_case("next"));
    let last = which.is_some_and(|w| w.trim().eq_ignore_ascii_case("last"));
    let date = if next {
        anchor.nth_weekday(1, target).ok()?
    } else {
        // "on Monday" in a report is the latest Monday up to the article's day.
        let back = if anchor.weekday() == target {
            anchor
        } else {
            anchor.nth_weekday(-1, target).ok()?
        };
        if last && back == anchor {
            back.checked_sub(7.days()).ok()?
        } else {
            back
        }
    };
    Some(When::day(date))
}

fn resolve_relative(which: &str, unit: &str, anchor: Date) -> Option<When> {
    let singular = unit.trim_end_matches('s');
    match (which, singular) {
        ("last", "year") => When::year(anchor.year() - 1),
        ("next", "year") => When::year(anchor.year() + 1),
        ("this" | "earlier this" | "earlier in the", "year") => {
            Some(When::range(Date::new(anchor.year(), 1, 1).ok()?, anchor))
        }
        ("later this" | "later in the", "year") => {
            Some(When::range(anchor, Date::new(anchor.year(), 12, 31).ok()?))
        }
        ("last", "month") => Some(When::month_of(anchor.checked_sub(1.month()).ok()?)),
        ("next", "month") => Some(When::month_of(anchor.checked_add(1.month()).ok()?)),
        ("this" | "earlier this" | "later this", "month") => Some(When::month_of(anchor)),
        ("last" | "over the" | "in the past" | "in the last", u) => {
            let span = unit_span(u, 1)?;
            Some(When::range(anchor.checked_sub(span).ok()?, anchor))
        }
        ("next" | "in the coming", u) => {
            let span = unit_span(u, 1)?;
            Some(When::range(anchor, anchor.checked_add(span).ok()?))
        }
        ("this", "week") => Some(When::range(anchor.checked_sub(6.days()).ok()?, anchor)),
        _ => None,
    }
}

fn unit_span(unit: &str, n: i64) -> Option<jiff::Span> {
    match unit {
        "day" => Some(n.days()),
        "week" => Some((7 * n).days()),
        "month" => Some(n.months()),
        "year" => Some(n.years()),
        _ => None,
    }
}

fn count(word: &str) -> i64 {
    match word.to_ascii_lowercase().as_str() {
        "a" | "one" => 1,
        "two" => 2,
        "three" | "few" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        n => n.parse().unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Precision;
    use jiff::civil::date;

    #[test]
    fn phrase_table() {
        let anchor = Some(date(2023, 11, 8)); // a Wednesday
        type Case = (&'static str, Option<(Date, Date, Precision)>);
        let cases: &[Case] = &[
            (
                "in April",
                Some((date(2023, 4, 1), date(2023, 4, 30), Precision::Month)),
            ),
            (
                "in December",
                Some((date(2022, 12, 1), date(2022, 12, 31), Precision::Month)),
            ),
            (
                "in December 2022",
                Some((date(2022, 12, 1), date(2022, 12, 31), Precision::Month)),
            ),
            (
                "in August and November",
                Some((date(2023, 8, 1), date(2023, 11, 30), Precision::Range)),
            ),
            (
                "on May 5, 2021",
                Some((date(2021, 5, 5), date(2021, 5, 5), Precision::Day)),
            ),
            (
                "in 2021",
                Some((date(2021, 1, 1), date(2021, 12, 31), Precision::Year)),
            ),
            (
                "last year",
                Some((date(2022, 1, 1), date(2022, 12, 31), Precision::Year)),
            ),
            (
                "earlier this year",
                Some((date(2023, 1, 1), date(2023, 11, 8), Precision::Range)),
            ),
            (
                "on Monday",
                Some((date(2023, 11, 6), date(2023, 11, 6), Precision::Day)),
            ),
            (
                "yesterday",
                Some((date(2023, 11, 7), date(2023, 11, 7), Precision::Day)),
            ),
            (
                "within a month",
                Some((date(2023, 11, 8), date(2023, 12, 8), Precision::Range)),
            ),
            (
                "last month",
                Some((date(2023, 10, 1), date(2023, 10, 31), Precision::Month)),
            ),
            (
                "two years ago",
                Some((date(2021, 1, 1), date(2021, 12, 31), Precision::Year)),
            ),
        ];
        for (phrase, want) in cases {
            let got = resolve_phrase(phrase, anchor).map(|w| (w.from, w.to, w.precision));
            assert_eq!(got, *want, "{phrase}");
        }
    }

    #[test]
    fn phrases_without_year_need_an_anchor() {
        assert_eq!(resolve_phrase("in April", None), None);
        assert_eq!(resolve_phrase("on Monday", None), None);
        assert!(resolve_phrase("in December 2022", None).is_some());
        assert!(resolve_phrase("in 2021", None).is_some());
    }
}
