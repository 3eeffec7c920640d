//! The lead of a plain-text article with no `Title:` or `Source:` header: which of its first
//! lines is the headline, and which outlet its dateline names ("LONDON (AP) —", "CNN —").

use super::Boilerplate;
use crate::text::data_rows;
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The outlets shipped in `assets/lexicon/outlets.tsv`.
const BUILTIN_OUTLETS: &str = include_str!("../../assets/lexicon/outlets.tsv");

/// How many of the first non-empty lines may hold the headline: past a byline, an audio
/// prompt, a photo credit and a dateline, the story has begun.
const LEAD_LINES: usize = 6;

/// A title longer than this is the story's first paragraph, cut to its first sentence.
const MAX_TITLE_BYTES: usize = 160;

/// A dateline with the outlet in parentheses, before a dash: "CAPRI, Italy (AP) — ",
/// "LONDON, March 3 (Reuters) - ", "(CNN) —".
static PAREN_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\p{Lu}][\p{L}\d .,'’/-]{0,50}?\s*)?\((\p{L}[\p{L}\d ./&-]{1,30})\)\s*(?:[—–]|--?)\s*")
        .expect("static regex")
});

/// A dateline without parentheses: "CNN — ", "WASHINGTON—", "SEOUL, March 26 - ". Group 1
/// is the name before the dash: an outlet when it is a listed one, a place when it is in
/// capitals, else no dateline at all ("Russia — the view from Moscow" is a headline).
static BARE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\p{Lu}][\p{L}.&]*(?: [\p{Lu}][\p{L}.&]*){0,2})(?:,[\p{L}\d .]{1,30})?\s*(?:[—–]\s*|--?(?:\s+|$))")
        .expect("static regex")
});

/// Dashes and spaces a display line is framed with ("– Gazprom to cut deliveries –").
const FRAME: &[char] = &['-', '–', '—', ' '];

/// The outlets datelines name, by the name they give (case as written).
#[derive(Debug, Clone)]
pub struct Outlets {
    by_name: BTreeMap<String, String>,
}

impl Outlets {
    /// The built-in list.
    pub fn builtin_shared() -> &'static Outlets {
        static SHARED: LazyLock<Outlets> = LazyLock::new(|| Outlets::parse(BUILTIN_OUTLETS));
        &SHARED
    }

    /// Parses `name <TAB> outlet` rows (a row with one cell names itself).
    pub fn parse(source: &str) -> Self {
        let by_name = data_rows(source)
            .filter_map(|(_, cells)| {
                let name = cells.first().filter(|n| !n.is_empty())?;
                let shown = cells.get(1).filter(|s| !s.is_empty()).unwrap_or(name);
                Some((name.to_lowercase(), (*shown).to_owned()))
            })
            .collect();
        Self { by_name }
    }

    /// The outlet `name` stands for, when listed.
    fn listed(&self, name: &str) -> Option<&str> {
        self.by_name.get(&name.to_lowercase()).map(String::as_str)
    }
}

/// What the first lines of a plain text say.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lead {
    /// The headline, or the first sentence of the story when it has none.
    pub title: String,
    /// The outlet a dateline names.
    pub outlet: Option<String>,
}

/// Reads the lead of `text`: the headline is the first line that is not a byline, prompt,
/// credit or bare dateline (a story's first paragraph gives its first sentence, its dateline
/// cut off); the outlet is the one a dateline in those lines names.
pub fn read_lead(text: &str, boilerplate: &Boilerplate, outlets: &Outlets) -> Lead {
    let mut lead = Lead::default();
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(LEAD_LINES)
    {
        let (rest, outlet) = strip_dateline(line, outlets);
        if lead.outlet.is_none() {
            lead.outlet = outlet;
        }
        let rest = rest.trim_matches(FRAME);
        if rest.is_empty() || boilerplate.is_preamble(rest) {
            continue;
        }
        lead.title = first_sentence(rest);
        return lead;
    }
    lead.title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(first_sentence)
        .unwrap_or_default();
    lead
}

/// `line` without its dateline, and the outlet the dateline names.
fn strip_dateline<'a>(line: &'a str, outlets: &Outlets) -> (&'a str, Option<String>) {
    if let Some(caps) = PAREN_DATELINE.captures(line) {
        let name = caps[1].trim();
        let outlet = outlets.listed(name).unwrap_or(name).to_owned();
        return (&line[caps[0].len()..], Some(outlet));
    }
    if let Some(caps) = BARE_DATELINE.captures(line) {
        let name = &caps[1];
        if let Some(outlet) = outlets.listed(name) {
            return (&line[caps[0].len()..], Some(outlet.to_owned()));
        }
        let rest = &line[caps[0].len()..];
        // A place's dateline opens a story's first paragraph ("SEOUL, March 26 - South
        // Korea is studying …."); before a headline, capitals are its first word ("NATO —
        // allies pledge more aid").
        let before_story = rest.trim().is_empty() || !crate::text::is_headline_like(rest.trim());
        if !name.chars().any(char::is_lowercase) && before_story {
            return (rest, None);
        }
    }
    (line, None)
}

/// `line` when it reads as a headline, else its first sentence (the story's first paragraph).
fn first_sentence(line: &str) -> String {
    if line.len() <= MAX_TITLE_BYTES && crate::text::is_headline_like(line) {
        return line.to_owned();
    }
    crate::text::split_sentences(line)
        .first()
        .map_or(line, |s| s.slice(line))
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(text: &str) -> Lead {
        read_lead(
            text,
            Boilerplate::builtin_shared(),
            Outlets::builtin_shared(),
        )
    }

    /// Invented leads of the shapes saved articles open with.
    #[test]
    fn the_headline_is_the_first_line_that_is_no_preamble() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Coastal radar deal signed\n\nBy Jane Roe and Sam Poe\n\nValdoria ordered radars.",
                "Coastal radar deal signed",
                None,
            ),
            (
                "NEW You can now listen to Example Daily articles!\n\nValdoria buys radars\n\nText.",
                "Valdoria buys radars",
                None,
            ),
            (
                "GAZETTE —\n\nValdoria has ordered four radars from Eastmark. It will pay later.",
                "Valdoria has ordered four radars from Eastmark.",
                None,
            ),
            (
                "CNN —\n\nValdoria has ordered four radars from Eastmark, officials said on Monday, in a deal that the navy had sought for years and that parliament approved last month.",
                "Valdoria has ordered four radars from Eastmark, officials said on Monday, in a deal that the navy had sought for years and that parliament approved last month.",
                Some("CNN"),
            ),
            (
                "PORTVILLE, Valdoria (AP) — Valdoria has ordered four coastal radars from Eastmark, its navy said on Monday. The first will arrive in spring. More follow.",
                "Valdoria has ordered four coastal radars from Eastmark, its navy said on Monday.",
                Some("Associated Press"),
            ),
            (
                "(Harbour Wire) - Eastmark sells radars",
                "Eastmark sells radars",
                Some("Harbour Wire"),
            ),
            (
                "Editor’s Note: The author advises the navy.\n\n– Radars for the coast –\n\nText.",
                "Radars for the coast",
                None,
            ),
            (
                "Image copyright Getty Images Image caption A radar on a hill\n\nRadars sold",
                "Radars sold",
                None,
            ),
        ];
        for (text, title, outlet) in cases {
            let got = lead(text);
            assert_eq!(got.title, *title, "{text}");
            assert_eq!(got.outlet.as_deref(), *outlet, "{text}");
        }
    }

    #[test]
    fn a_headline_with_a_dash_keeps_its_first_words() {
        let got = lead("Valdoria — the view from the coast\n\nText.");
        assert_eq!(got.title, "Valdoria — the view from the coast");
        let got = lead("NATO — allies pledge more air defence\n\nText.");
        assert_eq!(got.title, "NATO — allies pledge more air defence");
        let got = lead("WASHINGTON—Valdoria bought radars on Monday, officials said.");
        assert_eq!(
            got.title,
            "Valdoria bought radars on Monday, officials said."
        );
    }

    #[test]
    fn a_place_before_a_dash_is_no_outlet() {
        let got = lead("SEOUL, March 26 - South Korea is studying a plan to buy coal.");
        assert_eq!(got.outlet, None);
        assert_eq!(got.title, "South Korea is studying a plan to buy coal.");
    }
}
