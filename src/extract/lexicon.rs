use super::word_classes::{WordClasses, surfaces};
use crate::model::{Category, Status};
use crate::text::morph::{PartOfSpeech, WordForm, inflect};
use crate::text::{Token, data_rows};
use rustc_hash::FxHashMap as HashMap;

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
    /// The goods are the subject and arrive somewhere ("rifles from Canada arrive in Peru").
    Arrive,
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
    pub items: Vec<LexEntry<ItemValue>>,
    /// Status cues; `bool` is true when the cue may stand anywhere in the clause.
    pub status_cues: Vec<LexEntry<(Status, bool)>>,
    /// For each of [`Lexicon::triggers`], whether the same words are also a noun trigger
    /// ("supply", "transfer").
    pub trigger_is_also_noun: Vec<bool>,
    /// For each of [`Lexicon::triggers`], whether it is a noun whose owner receives
    /// (`noun-get`: "purchase", "import").
    trigger_owner_receives: Vec<bool>,
    /// For each of [`Lexicon::triggers`], the base form it was inflected from.
    trigger_bases: Vec<String>,
    /// Index over [`Lexicon::triggers`].
    pub trigger_index: PhraseIndex,
    /// Index over [`Lexicon::items`].
    pub item_index: PhraseIndex,
    /// Index over [`Lexicon::status_cues`].
    pub cue_index: PhraseIndex,
    /// The words of the grammar rules, by class.
    pub word_classes: WordClasses,
}

/// Finds the longest phrase of a word list that starts at a token.
#[derive(Debug, Clone, Default)]
pub struct PhraseIndex {
    by_first: HashMap<String, Vec<usize>>,
}

impl PhraseIndex {
    /// Indexes the entries by first word, longest phrases first.
    pub fn new<T>(entries: &[LexEntry<T>]) -> Self {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
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

    /// True when some entry starts with the word `lower` (a lower-case token).
    pub fn starts_with(&self, lower: &str) -> bool {
        self.by_first.contains_key(lower)
    }

    /// Every entry whose words match `tokens[at..]`, longest first, each with its length in
    /// tokens.
    pub fn matches_at<'s, T>(
        &'s self,
        entries: &'s [LexEntry<T>],
        tokens: &'s [Token],
        at: usize,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        tokens
            .get(at)
            .and_then(|first| self.by_first.get(first.lower.as_str()))
            .into_iter()
            .flatten()
            .filter_map(move |&i| {
                let words = &entries[i].words;
                let window = tokens.get(at..at + words.len())?;
                window
                    .iter()
                    .zip(words)
                    .all(|(t, w)| t.lower == *w)
                    .then_some((i, words.len()))
            })
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
        self.matches_at(entries, tokens, at)
            .find(|&(i, n)| accept(&entries[i], &tokens[at..at + n]))
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

impl LexiconError {
    pub(crate) fn new(file: &'static str, line: usize, message: String) -> Self {
        Self {
            file,
            line,
            message,
        }
    }
}

fn words(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// Reads a word list's frame column.
fn parse_frame(s: Option<&str>) -> Option<Frame> {
    Some(match s? {
        "give" => Frame::Give,
        "get" => Frame::Get,
        "request" => Frame::Request,
        "return" => Frame::Return,
        "use" => Frame::Use,
        "noun" | "noun-get" => Frame::Noun,
        "arrive" => Frame::Arrive,
        _ => return None,
    })
}

/// Reads one name of a verb form in a word list's forms column.
fn parse_form(s: &str) -> Option<WordForm> {
    Some(match s {
        "base" => WordForm::Base,
        "present" => WordForm::Present,
        "past" => WordForm::Past,
        "participle" => WordForm::Participle,
        "ing" => WordForm::Ing,
        _ => return None,
    })
}

/// The tense a surface of a transfer word gives it.
fn tense_of(form: WordForm) -> Tense {
    match form {
        WordForm::Base | WordForm::AsWritten => Tense::Base,
        WordForm::Present => Tense::Present,
        WordForm::Past => Tense::Past,
        WordForm::Participle => Tense::Participle,
        WordForm::Ing => Tense::Ing,
        WordForm::Noun => Tense::Noun,
    }
}

impl Lexicon {
    /// The base form trigger `e` was inflected from ("supply" for "supplies").
    pub fn trigger_base(&self, e: usize) -> &str {
        &self.trigger_bases[e]
    }

    /// True when trigger `e` is a noun whose owner receives; for a verb form that reads as a
    /// noun, its noun entry's.
    pub fn noun_owner_receives(&self, e: usize) -> bool {
        self.trigger_owner_receives[e]
    }

    /// The word lists shipped in `assets/lexicon/`, each base form expanded to its inflections.
    pub fn builtin() -> Result<Self, LexiconError> {
        let mut triggers = Vec::new();
        let mut owner_receives = Vec::new();
        let mut bases = Vec::new();
        for (line, cols) in data_rows(TRIGGERS) {
            let frame = parse_frame(cols.get(1).copied()).ok_or(LexiconError {
                file: "triggers.tsv",
                line,
                message: "unknown frame".into(),
            })?;
            let pos = if frame == Frame::Noun {
                PartOfSpeech::Noun
            } else {
                PartOfSpeech::Verb
            };
            let forms: Option<Vec<WordForm>> = match cols.get(2).copied().filter(|f| !f.is_empty())
            {
                None => None,
                Some(list) => Some(
                    list.split(',')
                        .map(|f| parse_form(f.trim()))
                        .collect::<Option<_>>()
                        .ok_or(LexiconError {
                            file: "triggers.tsv",
                            line,
                            message: "forms must be base, present, past, participle or ing".into(),
                        })?,
                ),
            };
            for (surface, form) in inflect(cols[0], pos) {
                if forms.as_ref().is_some_and(|keep| !keep.contains(&form)) {
                    continue;
                }
                owner_receives.push(cols.get(1) == Some(&"noun-get"));
                bases.push(cols[0].to_lowercase());
                triggers.push(LexEntry {
                    words: words(&surface),
                    value: (frame, tense_of(form)),
                });
            }
        }
        let items = load_items()?;
        let status_cues = load_status_cues()?;
        let trigger_index = PhraseIndex::new(&triggers);
        // A verb form read as a noun takes its noun entry's owner rule ("purchases").
        let owner_receives: Vec<bool> = triggers
            .iter()
            .map(|t| {
                triggers
                    .iter()
                    .zip(&owner_receives)
                    .any(|(o, &r)| r && o.words == t.words)
            })
            .collect();
        let trigger_is_also_noun = triggers
            .iter()
            .map(|t| {
                triggers
                    .iter()
                    .any(|o| o.words == t.words && o.value.0 == Frame::Noun)
            })
            .collect();
        let item_index = PhraseIndex::new(&items);
        let cue_index = PhraseIndex::new(&status_cues);
        Ok(Self {
            triggers,
            items,
            status_cues,
            trigger_is_also_noun,
            trigger_owner_receives: owner_receives,
            trigger_bases: bases,
            trigger_index,
            item_index,
            cue_index,
            word_classes: WordClasses::builtin()?,
        })
    }
}

/// A goods phrase's category, whether it matches case-sensitively, and its listed surface.
pub type ItemValue = (Category, bool, String);

/// The goods of `items.tsv`, each inflected.
fn load_items() -> Result<Vec<LexEntry<ItemValue>>, LexiconError> {
    let mut items = Vec::new();
    for (line, cols) in data_rows(ITEMS) {
        let bad = |message: &str| LexiconError {
            file: "items.tsv",
            line,
            message: message.into(),
        };
        let category = cols
            .get(1)
            .and_then(|c| Category::parse(c))
            .ok_or_else(|| bad("unknown category"))?;
        let (sensitive, pos) = match cols.get(2).copied() {
            Some("i") => (false, PartOfSpeech::Noun),
            Some("s") => (true, PartOfSpeech::Noun),
            Some("f") => (false, PartOfSpeech::Fixed),
            _ => return Err(bad("match must be i, s or f")),
        };
        for (surface, _) in inflect(cols[0], pos) {
            items.push(LexEntry {
                words: words(&surface),
                value: (category, sensitive, surface),
            });
        }
    }
    Ok(items)
}

/// The status cues of `status_cues.tsv`, each in the forms its row names.
fn load_status_cues() -> Result<Vec<LexEntry<(Status, bool)>>, LexiconError> {
    let mut status_cues = Vec::new();
    for (line, cols) in data_rows(STATUS_CUES) {
        let bad = |message: &str| LexiconError {
            file: "status_cues.tsv",
            line,
            message: message.into(),
        };
        let status = cols
            .get(1)
            .and_then(|s| Status::parse(s))
            .ok_or_else(|| bad("unknown status"))?;
        let anywhere = match cols.get(2).copied() {
            Some("any") => true,
            Some("before") => false,
            _ => return Err(bad("where must be before or any")),
        };
        let surfaces = cols
            .get(3)
            .and_then(|f| surfaces(cols[0], f))
            .ok_or_else(|| bad("forms must be verb, verb-ed, verb-past, noun or fixed"))?;
        for surface in surfaces {
            status_cues.push(LexEntry {
                words: words(&surface),
                value: (status, anywhere),
            });
        }
    }
    Ok(status_cues)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Span, tokenize};

    /// Every entry of a list is found by its index when its own words are the text: no entry
    /// is shadowed or unreachable.
    fn all_reachable<T>(
        entries: &[LexEntry<T>],
        index: &PhraseIndex,
        surface: impl Fn(&T) -> String,
    ) {
        for (i, e) in entries.iter().enumerate() {
            let text = surface(&e.value);
            let tokens = tokenize(&text, Span::new(0, text.len()));
            let found = index.longest_at(entries, &tokens, 0, |_, _| true);
            let (j, n) = found.unwrap_or_else(|| panic!("entry {i} {text:?} is not found"));
            assert_eq!(n, tokens.len(), "entry {i} {text:?} is cut short");
            assert_eq!(entries[j].words, e.words, "entry {i} {text:?} is shadowed");
        }
    }

    /// Every entry's words, as text, are found by `index` at their start.
    fn all_found<T>(entries: &[LexEntry<T>], index: &PhraseIndex, list: &str) {
        for e in entries {
            let text = e.words.join(" ");
            let tokens = tokenize(&text, Span::new(0, text.len()));
            let found = index.longest_at(entries, &tokens, 0, |_, _| true);
            assert!(found.is_some(), "{list} {text:?} unreachable");
        }
    }

    #[test]
    fn every_entry_parses_and_is_reachable() {
        let lexicon = Lexicon::builtin().expect("the word lists load");
        all_found(&lexicon.triggers, &lexicon.trigger_index, "trigger");
        all_found(&lexicon.status_cues, &lexicon.cue_index, "status cue");
        all_reachable(&lexicon.items, &lexicon.item_index, |(_, _, s)| s.clone());
        // Base forms are inflected: one listed verb finds its other forms.
        let has = |w: &str| lexicon.triggers.iter().any(|e| e.words == [w]);
        assert!(has("donates") && has("donated") && has("donating") && has("sold"));
    }
}
