use super::DateSource;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// Metadata found in header lines or YAML front matter at the top of a text file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// `Title:` line.
    pub title: Option<String>,
    /// `Source:`, `Outlet:`, `Publisher:` or `Site:` line.
    pub outlet: Option<String>,
    /// Parsed `Date:` / `Published:` line, with where it came from.
    pub date: Option<(Date, DateSource)>,
    /// Byte length of the header block (removed from the article text).
    pub len: usize,
}

static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(title|date|published|publication date|source|outlet|publisher|site|author|by|url|link)\s*:\s*(.*?)\s*$")
        .expect("static regex")
});

/// Reads `Key: value` header lines (or a `---` YAML block) at the very top of `text`.
/// Stops at the first line that is not a header; blank lines inside the block are allowed.
/// A headline right above the block ("Canada Sells Wheat\nDate: 1987-03-09") is its title.
pub fn read_header(text: &str) -> Header {
    let header = read_header_block(text);
    if header.len > 0 {
        return header;
    }
    let Some((first, rest)) = text.split_once('\n') else {
        return header;
    };
    let headline = first.trim();
    if !super::is_headline_like(headline) || HEADER_LINE.is_match(headline) {
        return header;
    }
    let mut below = read_header_block(rest);
    if below.len == 0 || below.date.is_none() {
        return header;
    }
    below.len += first.len() + 1;
    below.title.get_or_insert_with(|| headline.to_owned());
    below
}

fn read_header_block(text: &str) -> Header {
    let mut header = Header::default();
    let mut consumed = 0;
    let mut rest = text;
    let front_matter = rest.starts_with("---\n") || rest.starts_with("---\r\n");
    if front_matter {
        let first = rest.find('\n').map_or(rest.len(), |i| i + 1);
        consumed += first;
        rest = &rest[first..];
    }
    let source = if front_matter {
        DateSource::FrontMatter
    } else {
        DateSource::Header
    };
    let mut seen_any = false;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim();
        if front_matter && trimmed == "---" {
            consumed += line.len();
            break;
        }
        if trimmed.is_empty() {
            if !seen_any && !front_matter {
                break;
            }
            consumed += line.len();
            continue;
        }
        let Some(caps) = HEADER_LINE.captures(trimmed) else {
            if front_matter {
                consumed += line.len();
                continue;
            }
            break;
        };
        seen_any = true;
        consumed += line.len();
        let key = caps[1].to_ascii_lowercase();
        let value = caps[2].trim_matches(|c| c == '"' || c == '\'').to_owned();
        match key.as_str() {
            "title" if !value.is_empty() => header.title = Some(value),
            "source" | "outlet" | "publisher" | "site" if !value.is_empty() => {
                header.outlet = Some(value)
            }
            "date" | "published" | "publication date" => {
                if let Some(date) = parse_date(&value) {
                    header.date = Some((date, source));
                }
            }
            _ => {}
        }
    }
    if seen_any || front_matter {
        header.len = consumed.min(text.len());
    }
    header
}

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[^0-9])").expect("static regex")
});
static WRITTEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?(\d{4})\b")
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
pub(crate) fn full_written_dates(text: &str) -> impl Iterator<Item = Date> + '_ {
    WRITTEN_DATE.captures_iter(text).filter_map(|c| {
        let day: i8 = c.get(1).or_else(|| c.get(3))?.as_str().parse().ok()?;
        Date::new(c[4].parse().ok()?, month_number(&c[2])?, day)
            .ok()
            .filter(|d| (1900..=2100).contains(&d.year()))
    })
}

/// Month number for an English month name or its three-letter prefix.
pub(crate) fn month_number(name: &str) -> Option<i8> {
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

    #[test]
    fn header_block() {
        let text =
            "Title: Engines go back\nDate: 2023-11-08\nSource: Example Times\n\nBody starts here.";
        let h = read_header(text);
        assert_eq!(h.title.as_deref(), Some("Engines go back"));
        assert_eq!(h.outlet.as_deref(), Some("Example Times"));
        assert_eq!(h.date, Some((date(2023, 11, 8), DateSource::Header)));
        assert_eq!(&text[h.len..], "Body starts here.");
        let yaml = "---\ntitle: A\ndate: 2024-01-02\ntags: [x]\n---\nBody";
        let h = read_header(yaml);
        assert_eq!(h.date, Some((date(2024, 1, 2), DateSource::FrontMatter)));
        assert_eq!(&yaml[h.len..], "Body");
        assert_eq!(read_header("Plain first line.\nDate: 2020-01-01").len, 0);
        let wire = "Canada Sells Wheat To Peru\nDate: 1986-05-02\n\nOTTAWA - Canada sold wheat.";
        let h = read_header(wire);
        assert_eq!(h.title.as_deref(), Some("Canada Sells Wheat To Peru"));
        assert_eq!(h.date, Some((date(1986, 5, 2), DateSource::Header)));
        assert_eq!(&wire[h.len..], "OTTAWA - Canada sold wheat.");
        // Without a date below it, a first line stays text.
        assert_eq!(
            read_header("Canada Sells Wheat\nSource: Wire\n\nBody.").len,
            0
        );
    }
}
