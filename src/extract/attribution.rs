use super::word_classes::{Classes, WordClass, WordClasses};
use crate::text::{Token, TokenKind};

/// Pronouns, which are no source on their own (closed class).
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "this", "that", "who", "which",
];

fn joinable(t: &Token) -> bool {
    t.kind != TokenKind::Punct || t.lower == "'" || t.lower == "-"
}

/// The first `max` tokens of `tokens` that still belong to one phrase (no punctuation
/// but apostrophes and hyphens).
fn joined_run(tokens: &[Token], max: usize) -> &[Token] {
    let n = tokens.iter().take_while(|t| joinable(t)).take(max).count();
    &tokens[..n]
}

fn phrase(text: &str, tokens: &[Token]) -> String {
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => text[a.span.start..b.span.end].to_owned(),
        _ => String::new(),
    }
}

fn is_source(tokens: &[Token], words: &WordClasses) -> bool {
    let Some(first) = tokens.first() else {
        return false;
    };
    if tokens.len() == 1 && PRONOUNS.contains(&first.lower.as_str()) {
        return false;
    }
    tokens
        .iter()
        .any(|t| t.capitalized && !matches!(t.lower.as_str(), "the" | "a" | "an"))
        || tokens
            .iter()
            .any(|t| words.of(&t.lower).has(WordClass::SourceNoun))
}

/// Who a sentence says reports or claims its content: "according to X", "X reported",
/// "X said", ", said X", plus ", citing Y". `None` when the sentence names no source.
///
/// `classes` are the word classes of `tokens` ([`WordClasses::classify`]), computed once per
/// sentence.
pub fn find_attribution(
    text: &str,
    tokens: &[Token],
    classes: &[Classes],
    words: &WordClasses,
) -> Option<String> {
    let mut found: Option<String> = None;
    for (i, t) in tokens.iter().enumerate() {
        if found.is_some() {
            break;
        }
        if t.lower == "according" && tokens.get(i + 1).is_some_and(|n| n.lower == "to") {
            let after = joined_run(&tokens[i + 2..], 10);
            if !after.is_empty() {
                found = Some(phrase(text, after));
            }
            continue;
        }
        // "In its report on Wednesday": after a determiner the word is a noun, not a verb.
        let after_determiner = i > 0
            && matches!(
                tokens[i - 1].lower.as_str(),
                "its" | "the" | "a" | "his" | "her" | "their" | "our" | "this" | "that"
            );
        let verb = classes
            .get(i)
            .is_some_and(|c| c.has(WordClass::AttributionVerb));
        if !verb || after_determiner {
            continue;
        }
        // Subject before the verb, skipping auxiliaries.
        let mut j = i;
        while j > 0
            && matches!(
                tokens[j - 1].lower.as_str(),
                "has" | "have" | "had" | "also" | "later" | "previously" | "first"
            )
        {
            j -= 1;
        }
        let end = j;
        while j > 0
            && joinable(&tokens[j - 1])
            && end - j < 8
            && !matches!(
                tokens[j - 1].lower.as_str(),
                "that" | "and" | "but" | "while" | "as"
            )
        {
            j -= 1;
        }
        let before = &tokens[j..end];
        if is_source(before, words) {
            found = Some(phrase(text, before));
            continue;
        }
        // Inverted: ", said the US official".
        let after: Vec<Token> = tokens[i + 1..]
            .iter()
            .take_while(|t| joinable(t) && t.lower != "that")
            .take(8)
            .cloned()
            .collect();
        let no_subject = before.is_empty()
            || (before.len() == 1 && PRONOUNS.contains(&before[0].lower.as_str()));
        // ", said the US official." ends the sentence or the clause.
        let closed = tokens
            .get(i + 1 + after.len())
            .is_none_or(|t| t.kind == TokenKind::Punct);
        if no_subject
            && closed
            && is_source(&after, words)
            && !after
                .first()
                .is_some_and(|a| a.lower == "on" || a.lower == "in")
        {
            found = Some(phrase(text, &after));
        }
    }
    let citing = tokens
        .iter()
        .position(|t| t.lower == "citing")
        .map(|i| phrase(text, joined_run(&tokens[i + 1..], 12)));
    match (found, citing) {
        (Some(f), Some(c)) if !c.is_empty() => Some(format!("{f}, citing {c}")),
        (None, Some(c)) if !c.is_empty() => Some(format!("citing {c}")),
        (f, _) => f,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Span, tokenize};

    #[test]
    fn attribution_table() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Russia is buying shells from North Korea, US officials said.",
                Some("US officials"),
            ),
            (
                "The Wall Street Journal reported that Russia asked for engines.",
                Some("The Wall Street Journal"),
            ),
            (
                "According to the newspaper, Moscow contacted officials.",
                Some("the newspaper"),
            ),
            (
                "Egypt agreed, the outlet reported, citing unnamed sources with knowledge.",
                Some("the outlet, citing unnamed sources with knowledge"),
            ),
            ("He said the tanks will arrive.", None),
            (
                "Germany will send tanks, says the German defence minister, Christine Lambrecht.",
                Some("the German defence minister"),
            ),
            ("Germany sent tanks.", None),
        ];
        let words = WordClasses::builtin().expect("word classes load");
        for (text, want) in cases {
            let tokens = tokenize(text, Span::new(0, text.len()));
            assert_eq!(
                find_attribution(text, &tokens, &words.classify(&tokens), &words).as_deref(),
                *want,
                "input: {text:?}"
            );
        }
    }
}
