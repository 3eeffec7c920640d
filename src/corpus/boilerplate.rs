use crate::text::is_headline_like;
use regex::RegexSet;
use std::collections::HashMap;

/// The boilerplate patterns shipped in `assets/lexicon/boilerplate.tsv`.
const BUILTIN: &str = include_str!("../../assets/lexicon/boilerplate.tsv");

/// Removes web boilerplate lines (sharing prompts, donation appeals, cookie notices, repeated
/// "related article" headlines) from an article's text.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    lines: RegexSet,
    tails: RegexSet,
    preamble: RegexSet,
}

/// Short lines without final punctuation that occur at least this often are page furniture.
const REPEATS: usize = 2;

impl Boilerplate {
    /// The built-in patterns.
    pub fn builtin() -> Self {
        Self::parse(BUILTIN).unwrap_or_else(|e| panic!("built-in boilerplate.tsv is invalid: {e}"))
    }

    /// Parses `kind <TAB> regex` lines; `#` starts a comment.
    pub fn parse(source: &str) -> Result<Self, regex::Error> {
        let mut lines = Vec::new();
        let mut tails = Vec::new();
        let mut preamble = Vec::new();
        for row in source
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let (kind, pattern) = row.split_once('\t').unwrap_or(("line", row));
            // Compiled once, in its set below; the set's error names the bad pattern.
            let anchored = format!("(?i)^(?:{})$", pattern.trim());
            match kind {
                "tail" => tails.push(anchored),
                "preamble" => preamble.push(anchored),
                _ => lines.push(anchored),
            }
        }
        Ok(Self {
            lines: RegexSet::new(lines)?,
            tails: RegexSet::new(tails)?,
            preamble: RegexSet::new(preamble)?,
        })
    }

    /// Whether `line` (trimmed) opens an article without being its headline: a byline, an
    /// audio prompt, a photo credit, an editor's note, or a line of boilerplate.
    pub fn is_preamble(&self, line: &str) -> bool {
        self.preamble.is_match(line) || self.lines.is_match(line)
    }

    /// Returns `text` without boilerplate lines. Paragraphs stay separated by one blank line,
    /// and the lines of one paragraph by one line break (the sentence splitter decides whether
    /// a break is a wrap); a removed line ends the paragraph before it.
    pub fn clean(&self, text: &str) -> String {
        self.clean_with(text, true)
    }

    /// [`Boilerplate::clean`] for a text that a reader view already cut from its page: only
    /// the line patterns apply. Its comments and related links are gone, and a cut at a
    /// "Comments" line or at repeated short lines would take the story's own table headings
    /// and the rest with them.
    pub fn clean_lines(&self, text: &str) -> String {
        self.clean_with(text, false)
    }

    fn clean_with(&self, text: &str, whole_page: bool) -> String {
        let raw_lines: Vec<&str> = text.lines().map(str::trim).collect();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for line in raw_lines.iter().filter(|l| is_headline_like(l)) {
            *counts.entry(line).or_default() += 1;
        }
        let total: usize = raw_lines.iter().map(|l| l.len() + 1).sum();
        let mut seen = 0;
        let mut kept: Vec<&str> = Vec::new();
        // Whether a blank or removed line came since the last kept one.
        let mut gap = false;
        for line in &raw_lines {
            seen += line.len() + 1;
            // A tail marker in the second half of the page: the story is over.
            if whole_page && self.tails.is_match(line) && seen * 2 >= total {
                break;
            }
            let repeated = whole_page && counts.get(line).is_some_and(|&n| n >= REPEATS);
            if line.is_empty() || repeated || self.lines.is_match(line) {
                gap = true;
                continue;
            }
            if gap && !kept.is_empty() {
                kept.push("");
            }
            gap = false;
            kept.push(line);
        }
        kept.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_boilerplate_keeps_story() {
        let text = "web hit counter\n\nRussia buys shells\n\nShare This Article\nRussia bought shells.\n\nRelated headline here\n\nRelated headline here\n\nAdvertisement\nMore story text.\nLeave a Reply\nNice comment.";
        let cleaned = Boilerplate::builtin().clean(text);
        assert_eq!(
            cleaned,
            "Russia buys shells\n\nRussia bought shells.\n\nMore story text."
        );
    }
}
