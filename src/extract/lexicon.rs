use crate::dataset::{Category, Status};
use crate::text::{Token, data_rows};
use std::collections::HashMap;

const TRIGGERS: &str = include_str!("../../assets/lexicon/triggers.tsv");
const ITEMS: &str = include_str!("../../assets/lexicon/items.tsv");
const STATUS_CUES: &str = include_str!("../../assets/lexicon/status_cues.tsv");

/// Which way a transfer word points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// The subject supplies ("send", "supply", "sell").
    Give,
    /// The subject receives ("buy", "import", "receive").
    Get,
    /// The subject asks the object ("asked", "turned to").
    Request,
    /// The holder gives back ("return").
    Return,
    /// The subject uses goods of a foreign origin.
    Use,
    /// A noun naming a transfer ("aid", "deliveries").
    Noun,
}

/// Grammatical form of a transfer word, which sets the default status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Infinitive or base form: needs a modal to say when.
    Base,
    /// Present tense.
    Present,
    /// Past tense.
    Past,
    /// -ing form.
    Ing,
    /// Past participle used as passive or adjective.
    Participle,
    /// A noun.
    Noun,
}

/// One entry of a word list: the words (lower case, space separated) and what they mean.
#[derive(Debug, Clone)]
pub struct LexEntry<T> {
    /// Lower-case words of the phrase.
    pub words: Vec<String>,
    /// What the phrase means.
    pub value: T,
}

/// The extractor's word lists: transfer words, goods and status cues.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Transfer words with frame and tense.
    pub triggers: Vec<LexEntry<(Frame, Tense)>>,
    /// Goods with category; `bool` is true for case-sensitive (model names).
    pub items: Vec<LexEntry<(Category, bool, String)>>,
    /// Status cues; `bool` is true when the cue may stand anywhere in the clause.
    pub status_cues: Vec<LexEntry<(Status, bool)>>,
    /// Index over [`Lexicon::triggers`].
    pub trigger_index: PhraseIndex,
    /// Index over [`Lexicon::items`].
    pub item_index: PhraseIndex,
    /// Index over [`Lexicon::status_cues`].
    pub cue_index: PhraseIndex,
}

/// Finds the longest phrase of a word list that starts at a token.
#[derive(Debug, Clone, Default)]
pub struct PhraseIndex {
    by_first: HashMap<String, Vec<usize>>,
}

impl PhraseIndex {
    /// Indexes the entries by first word, longest phrases first.
    pub fn new<T>(entries: &[LexEntry<T>]) -> Self {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(first) = e.words.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(entries[i].words.len()));
        }
        Self { by_first }
    }

    /// The longest entry whose words match `tokens[at..]`, with its length in tokens.
    /// `accept` can refuse an entry (for case-sensitive phrases).
    pub fn longest_at<T>(
        &self,
        entries: &[LexEntry<T>],
        tokens: &[Token],
        at: usize,
        accept: impl Fn(&LexEntry<T>, &[Token]) -> bool,
    ) -> Option<(usize, usize)> {
        let first = tokens.get(at)?;
        let candidates = self.by_first.get(&first.lower)?;
        candidates.iter().copied().find_map(|i| {
            let e = &entries[i];
            let n = e.words.len();
            let window = tokens.get(at..at + n)?;
            (window.iter().zip(&e.words).all(|(t, w)| &t.lower == w) && accept(e, window))
                .then_some((i, n))
        })
    }
}

/// A word list row that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{file}, line {line}: {message}")]
pub struct LexiconError {
    file: &'static str,
    line: usize,
    message: String,
}

fn words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

impl Lexicon {
    /// The word lists shipped in `assets/lexicon/`.
    pub fn builtin() -> Result<Self, LexiconError> {
        let mut triggers = Vec::new();
        for (line, cols) in data_rows(TRIGGERS) {
            let bad = |message: &str| LexiconError {
                file: "triggers.tsv",
                line,
                message: message.into(),
            };
            let frame = match cols.get(1).copied() {
                Some("give") => Frame::Give,
                Some("get") => Frame::Get,
                Some("request") => Frame::Request,
                Some("return") => Frame::Return,
                Some("use") => Frame::Use,
                Some("noun") => Frame::Noun,
                _ => return Err(bad("unknown frame")),
            };
            let tense = match cols.get(2).copied() {
                Some("base") => Tense::Base,
                Some("present") => Tense::Present,
                Some("past") => Tense::Past,
                Some("ing") => Tense::Ing,
                Some("participle") => Tense::Participle,
                Some("noun") => Tense::Noun,
                _ => return Err(bad("unknown tense")),
            };
            triggers.push(LexEntry {
                words: words(cols[0]),
                value: (frame, tense),
            });
        }
        let mut items = Vec::new();
        for (line, cols) in data_rows(ITEMS) {
            let category = cols
                .get(1)
                .and_then(|c| Category::parse(c))
                .ok_or(LexiconError {
                    file: "items.tsv",
                    line,
                    message: "unknown category".into(),
                })?;
            let sensitive = cols.get(2).is_some_and(|m| *m == "s");
            items.push(LexEntry {
                words: words(cols[0]),
                value: (category, sensitive, cols[0].to_owned()),
            });
        }
        let mut status_cues = Vec::new();
        for (line, cols) in data_rows(STATUS_CUES) {
            let status = cols
                .get(1)
                .and_then(|s| Status::parse(s))
                .ok_or(LexiconError {
                    file: "status_cues.tsv",
                    line,
                    message: "unknown status".into(),
                })?;
            status_cues.push(LexEntry {
                words: words(cols[0]),
                value: (status, cols.get(2).is_some_and(|w| *w == "any")),
            });
        }
        let trigger_index = PhraseIndex::new(&triggers);
        let item_index = PhraseIndex::new(&items);
        let cue_index = PhraseIndex::new(&status_cues);
        Ok(Self {
            triggers,
            items,
            status_cues,
            trigger_index,
            item_index,
            cue_index,
        })
    }
}
