//! Finding the phrase of a sentence that says when ("in April", "last year"); [`super::phrase`]
//! says what it means.

use crate::text::Span;
use regex::Regex;
use std::sync::LazyLock;

const MONTH: &str = r"(?:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";

static DATE_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let month_or_may = MONTH;
    let month_date = format!(
        r"\b(?:(?:in|on|since|by|from|until|before|after|during) )?(?:(?:early|late|mid)[- ])?(?:\d{{1,2}} )?{month_or_may}(?: \d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,? \d{{4}})?(?: and (?:{MONTH}|May)(?: \d{{4}})?)?"
    );
    let in_may = r"\b(?:in May\b(?: \d{4})?|May \d{1,2}(?:,? \d{4})?)";
    let year =
        r"\b(?:in|since|by|during|from|until|before) (?:(?:early|late|mid)[- ])?(?:19|20)\d{2}\b";
    let weekday = r"\b(?:on |last |this |next |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b";
    let relative = r"\b(?:last|this|next|earlier this|later this|earlier in the|later in the|over the|in the coming|in the past|in the last) (?:week|month|year|summer|winter|spring|autumn|fall|days|weeks|months|years)\b";
    let within = r"\bwithin (?:a|one|two|three|four|six|\d+) (?:days?|weeks?|months?|years?)\b";
    let ago = r"\b(?:(?:a|one|two|three|four|five|six|several|few|\d+) )?(?:days|weeks|months|years|week|month|year) ago\b";
    let deictic = r"\b(?:yesterday|today|tomorrow)\b";
    Regex::new(&format!(
        "{month_date}|{in_may}|{year}|{weekday}|{relative}|{within}|{ago}|{deictic}"
    ))
    .expect("static regex")
});

/// The first phrase in `span` of `text` that says when ("in April", "December 2022",
/// "in August and November", "within a month", "last year", "on Monday").
/// The date of the publication itself ("in an article published on Wednesday") says when
/// the news came out, not when the goods moved, so it is skipped.
pub fn find_date_phrase(text: &str, span: Span) -> Option<String> {
    let sentence = span.slice(text);
    DATE_PHRASE
        .find_iter(sentence)
        .find(|m| {
            let before = sentence[..m.start()].trim_end().to_ascii_lowercase();
            !(before.ends_with("published") || before.ends_with("updated"))
        })
        .map(|m| m.as_str().trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_phrase_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "officials visited Cairo in April and asked",
                Some("in April"),
            ),
            (
                "imported $24 million of goods in December 2022.",
                Some("in December 2022"),
            ),
            (
                "a manufacturer in August and November purchased parts",
                Some("in August and November"),
            ),
            (
                "They are expected back within a month.",
                Some("within a month"),
            ),
            ("said on Monday that", Some("on Monday")),
            (
                "In an article published on Wednesday, officials visited Cairo in April",
                Some("in April"),
            ),
            ("scuppered earlier this year", Some("earlier this year")),
            ("it may send tanks", None),
            ("The deal was signed in 2021.", Some("in 2021")),
            ("no date at all", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                find_date_phrase(text, Span::new(0, text.len())).as_deref(),
                *want,
                "input: {text:?}"
            );
        }
    }
}
