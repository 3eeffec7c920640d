//! Property tests: whatever the text, sentence spans and evidence spans are valid byte ranges
//! on UTF-8 boundaries, in order, and quote exactly what they point at.

use armsflow::corpus::Article;
use armsflow::extract::Extractor;
use armsflow::gazetteer::Gazetteer;
use armsflow::text::{MAX_SENTENCE_BYTES, split_sentences};
use armsflow::view::highlights;
use proptest::prelude::*;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builtin().expect("built-in data loads"));
static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::builtin().expect("built-in data loads"));

/// Sentences the extraction rules read, with names (some with non-ASCII letters and curly
/// quotes), figures and dates drawn at random.
fn report_sentence() -> impl Strategy<Value = String> {
    let country = prop::sample::select(vec![
        "Russia",
        "North Korea",
        "Egypt",
        "Côte d’Ivoire",
        "the United States",
        "Türkiye",
        "Ukraine",
        "Pyongyang",
        "Iranian",
    ]);
    let verb = prop::sample::select(vec![
        "delivered",
        "agreed to sell",
        "asked",
        "denied sending",
        "is buying",
        "pledged",
    ]);
    let goods = prop::sample::select(vec![
        "tanks",
        "helicopter engines",
        "artillery shells",
        "“Shahed” drones",
        "air defence systems",
    ]);
    let tail = prop::sample::select(vec![
        ".",
        " in April.",
        ", officials said.",
        " last year, according to Reuters.",
        "…",
        " (2023)",
        "",
    ]);
    (country.clone(), verb, 0u32..100_000, goods, country, tail)
        .prop_map(|(a, v, n, g, b, t)| format!("{a} {v} {n} {g} to {b}{t}"))
}

/// Text made of such sentences, arbitrary Unicode and odd white space, in any mix.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => report_sentence(),
        1 => any::<String>(),
        1 => "[ \t\n\r\u{a0}\u{2000}\u{2028}.!?…\"“”'’()]{0,6}",
        1 => "[A-Za-z]{1,8}\\. [A-Z][a-z]{0,6}",
        1 => "([a-zé]{1,9}[ ,]){200,500}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|parts| parts.join(" "))
}

fn article(text: String) -> Article {
    Article {
        id: "a1".into(),
        path: "2023-11-08-test.txt".into(),
        title: String::new(),
        outlet: None,
        published: Some("2023-11-08".into()),
        published_source: None,
        title_source: None,
        outlet_source: None,
        author: None,
        date: None,
        encoding: "utf-8".into(),
        text: text.into(),
        stamp: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn sentence_spans_are_trimmed_ordered_and_cover_the_text(text in article_text()) {
        let spans = split_sentences(&text);
        let mut covered = vec![false; text.len()];
        let mut previous_end = 0;
        for s in &spans {
            prop_assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
            prop_assert!(s.len() <= MAX_SENTENCE_BYTES, "{s:?}");
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(s.start >= previous_end, "in order, not overlapping");
            previous_end = s.end;
            let slice = &text[s.start..s.end];
            prop_assert_eq!(slice, slice.trim(), "trimmed");
            prop_assert!(
                slice.lines().all(|l| !l.trim().is_empty()),
                "a blank line always ends a sentence"
            );
            covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        }
        // No text is lost: every character that is not white space is in a sentence.
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() {
                prop_assert!(covered[i], "{c:?} at {i} is in no sentence");
            }
        }
    }

    #[test]
    fn evidence_spans_quote_their_sentence_exactly(text in article_text()) {
        let article = article(text);
        let sentences = split_sentences(&article.text);
        for report in EXTRACTOR.extract(&article) {
            prop_assert!(!report.evidence.is_empty());
            for e in &report.evidence {
                prop_assert!(article.text.is_char_boundary(e.start));
                prop_assert!(article.text.is_char_boundary(e.end));
                prop_assert_eq!(article.text.get(e.start..e.end), Some(e.sentence.as_str()));
                prop_assert!(
                    sentences.iter().any(|s| s.start == e.start && s.end == e.end),
                    "evidence is one whole sentence"
                );
                for h in highlights(&e.sentence, &report, &GAZETTEER) {
                    prop_assert!(h.span.end <= e.sentence.len());
                    prop_assert!(e.sentence.is_char_boundary(h.span.start));
                    prop_assert!(e.sentence.is_char_boundary(h.span.end));
                }
            }
        }
    }
}
