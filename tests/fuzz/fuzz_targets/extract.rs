//! Bytes of a file in -> article -> reports out, as a load does: never a panic, and every
//! evidence span lies on UTF-8 boundaries inside the text and slices to its sentence.

#![no_main]

use armsflow::corpus::article_from_bytes;
use armsflow::dataset::group_reports;
use armsflow::dates::{article_date, resolve_phrase};
use armsflow::extract::Extractor;
use armsflow::text::split_sentences;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::builtin().expect("the built-in word lists load"));

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file type, so both the HTML and the plain-text paths run.
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let name = if first % 2 == 0 {
        "page.html"
    } else {
        "2023-11-08-article.txt"
    };
    let Ok(mut article) = article_from_bytes(name, bytes) else {
        return;
    };
    article.id = "a1".into();
    let text = &article.text;

    let mut previous_end = 0;
    for span in split_sentences(text) {
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= previous_end, "sentences in order, not overlapping");
        previous_end = span.end;
    }

    let reports = EXTRACTOR.extract(&article);
    for r in &reports {
        assert!(!r.evidence.is_empty());
        for e in &r.evidence {
            assert!(e.start <= e.end && e.end <= text.len());
            assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            assert_eq!(&text[e.start..e.end], e.sentence);
        }
    }

    // Dating and grouping, as a dataset build does.
    let date = article_date(&article, None);
    let dated: Vec<_> = reports
        .into_iter()
        .map(|mut r| {
            r.date = r.date.resolve(date.as_ref());
            r
        })
        .collect();
    let n = dated.len();
    let transfers = group_reports(dated);
    assert_eq!(transfers.iter().map(|t| t.reports.len()).sum::<usize>(), n);

    // Any text as a date phrase, with and without an anchor.
    let phrase: String = text.chars().take(80).collect();
    let _ = resolve_phrase(&phrase, None);
    let _ = resolve_phrase(&phrase, Some(jiff::civil::date(2023, 11, 8)));
});
