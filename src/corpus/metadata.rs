use super::MetaSource;
use crate::dates::parse_date;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

/// Metadata found in header lines or YAML front matter at the top of a text file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// `Title:` line.
    pub title: Option<String>,
    /// `Source:`, `Outlet:`, `Publisher:` or `Site:` line.
    pub outlet: Option<String>,
    /// `Author:` or `By:` line.
    pub author: Option<String>,
    /// Parsed `Date:` / `Published:` line, with where it came from.
    pub date: Option<(Date, MetaSource)>,
    /// Byte length of the header block (removed from the article text).
    pub len: usize,
    /// Header lines or front matter: where the title and outlet were found.
    pub source: MetaSource,
    /// The title is the headline line above the header block, not a `Title:` line.
    pub headline_above: bool,
}

static HEADER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(title|date|published|publication date|source|outlet|publisher|site|author|by|url|link)\s*:\s*(.*?)\s*$")
        .expect("static regex")
});

/// The key and value of a `Key: value` header line. The colon comes within the first few
/// characters, so a long line of text (a story on one line) is not run through the regex.
fn header_line(line: &str) -> Option<regex::Captures<'_>> {
    let key_end = line.find(':')?;
    (key_end <= MAX_KEY_BYTES)
        .then(|| HEADER_LINE.captures(line))
        .flatten()
}

/// The longest key with its surrounding space ("  publication date  :").
const MAX_KEY_BYTES: usize = 40;

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
    if !super::is_headline_like(headline) || header_line(headline).is_some() {
        return header;
    }
    let mut below = read_header_block(rest);
    if below.len == 0 || below.date.is_none() {
        return header;
    }
    below.len += first.len() + 1;
    if below.title.is_none() {
        below.title = Some(headline.to_owned());
        below.headline_above = true;
    }
    below
}

fn read_header_block(text: &str) -> Header {
    let mut header = Header {
        title: None,
        outlet: None,
        author: None,
        date: None,
        len: 0,
        source: MetaSource::Header,
        headline_above: false,
    };
    let mut consumed = 0;
    let mut rest = text;
    let front_matter = rest.starts_with("---\n") || rest.starts_with("---\r\n");
    if front_matter {
        let first = rest.find('\n').map_or(rest.len(), |i| i + 1);
        consumed += first;
        rest = &rest[first..];
    }
    let source = if front_matter {
        MetaSource::FrontMatter
    } else {
        MetaSource::Header
    };
    header.source = source;
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
        let Some(caps) = header_line(trimmed) else {
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
            "author" | "by" if !value.is_empty() => header.author = Some(value),
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn header_block() {
        let text =
            "Title: Engines go back\nDate: 2023-11-08\nSource: Example Times\n\nBody starts here.";
        let h = read_header(text);
        assert_eq!(h.title.as_deref(), Some("Engines go back"));
        assert_eq!(h.outlet.as_deref(), Some("Example Times"));
        assert_eq!(h.date, Some((date(2023, 11, 8), MetaSource::Header)));
        assert_eq!(&text[h.len..], "Body starts here.");
        let yaml = "---\ntitle: A\ndate: 2024-01-02\ntags: [x]\n---\nBody";
        let h = read_header(yaml);
        assert_eq!(h.date, Some((date(2024, 1, 2), MetaSource::FrontMatter)));
        assert_eq!(&yaml[h.len..], "Body");
        assert_eq!(read_header("Plain first line.\nDate: 2020-01-01").len, 0);
        let wire = "Canada Sells Wheat To Peru\nDate: 1986-05-02\n\nOTTAWA - Canada sold wheat.";
        let h = read_header(wire);
        assert_eq!(h.title.as_deref(), Some("Canada Sells Wheat To Peru"));
        assert_eq!(h.date, Some((date(1986, 5, 2), MetaSource::Header)));
        assert_eq!(&wire[h.len..], "OTTAWA - Canada sold wheat.");
        // Without a date below it, a first line stays text.
        assert_eq!(
            read_header("Canada Sells Wheat\nSource: Wire\n\nBody.").len,
            0
        );
    }
}
