use crate::dataset::Report;
use crate::gazetteer::{Era, Gazetteer};
use crate::text::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What a highlighted part of an evidence sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HighlightKind {
    /// A name of the supplier.
    Supplier,
    /// A name of the recipient.
    Recipient,
    /// The goods.
    Item,
    /// A number or amount of money.
    Figure,
}

/// A highlighted span of a sentence (byte offsets into the sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Highlight {
    /// Where, within the sentence.
    pub span: Span,
    /// What it is.
    pub kind: HighlightKind,
}

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[$€£]\s?)?\b\d[\d,.]*\b(?:\s?(?:million|billion|bn|m|thousand)\b)?")
        .expect("static regex")
});

/// The parts of `sentence` to highlight for `transfer`: the country names (as the gazetteer
/// reads them, so "Moscow" and "Egyptian" count), the item, and the figures. Sorted, never
/// overlapping (an earlier highlight wins).
pub fn highlights(sentence: &str, transfer: &Report, gazetteer: &Gazetteer) -> Vec<Highlight> {
    let mut found = Vec::new();
    // Any era: the sentence's names mean what they meant in its article's year.
    for m in gazetteer.find_in(sentence, Era::Any) {
        let kind = if m.codes.contains(&transfer.supplier.code) {
            HighlightKind::Supplier
        } else if m.codes.contains(&transfer.recipient.code) {
            HighlightKind::Recipient
        } else {
            continue;
        };
        found.push(Highlight { span: m.span, kind });
    }
    if let Some(span) = find_item(sentence, &transfer.item) {
        found.push(Highlight {
            span,
            kind: HighlightKind::Item,
        });
    }
    for m in FIGURE.find_iter(sentence) {
        found.push(Highlight {
            span: Span::new(m.start(), m.end()),
            kind: HighlightKind::Figure,
        });
    }
    found.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
    let mut out: Vec<Highlight> = Vec::with_capacity(found.len());
    for h in found {
        if out.last().is_none_or(|last| h.span.start >= last.span.end) {
            out.push(h);
        }
    }
    out
}

/// The item's words in the sentence: the whole phrase, else its last word (the head noun).
fn find_item(sentence: &str, item: &str) -> Option<Span> {
    // ASCII lower-casing keeps byte offsets, so spans stay valid in the original sentence.
    let hay = sentence.to_ascii_lowercase();
    let item = item.trim().to_ascii_lowercase();
    if item.is_empty() {
        return None;
    }
    if let Some(start) = hay.find(&item) {
        return Some(Span::new(start, start + item.len()));
    }
    let head = item.split_whitespace().last()?;
    hay.find(head)
        .map(|start| Span::new(start, start + head.len()))
}
