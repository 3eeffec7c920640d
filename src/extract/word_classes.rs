//! The words the grammar rules test for ("said", "officials", "asked"), as data: each listed
//! once in `assets/lexicon/word_classes.tsv` in its base form, inflected when loaded, and
//! looked up per token once per sentence ([`WordClasses::classify`]).

use super::lexicon::{LexEntry, LexiconError, PhraseIndex};
use crate::text::morph::{PartOfSpeech, WordForm, inflect};
use crate::text::{Token, data_rows};
use rustc_hash::FxHashMap as HashMap;

const WORD_CLASSES: &str = include_str!("../../assets/lexicon/word_classes.tsv");
const CLASSES: &str = include_str!("../../assets/lexicon/classes.tsv");

macro_rules! word_classes {
    ($($variant:ident = $name:literal,)*) => {
        /// A class of words a grammar rule tests for; `classes.tsv` says what each is for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum WordClass {
            $(
                #[doc = concat!("`", $name, "` in the word lists.")]
                $variant,
            )*
        }

        impl WordClass {
            /// Every class, in bit order.
            pub const ALL: &[WordClass] = &[$(WordClass::$variant,)*];

            /// The class's name in the word lists.
            pub fn name(self) -> &'static str {
                match self {
                    $(WordClass::$variant => $name,)*
                }
            }
        }
    };
}

word_classes! {
    OrgNoun = "org-noun",
    SpeechVerb = "speech-verb",
    ObjectVerb = "object-verb",
    ReportingVerb = "reporting-verb",
    AppealVerb = "appeal-verb",
    ControlVerb = "control-verb",
    BanWord = "ban-word",
    BanNoun = "ban-noun",
    HelpVerb = "help-verb",
    CaptureWord = "capture-word",
    DeploymentWord = "deployment-word",
    ListNoun = "list-noun",
    StatisticWord = "statistic-word",
    FacilityNoun = "facility-noun",
    NounMarker = "noun-marker",
    SupplyCompound = "supply-compound",
    AidAdjective = "aid-adjective",
    PackageWord = "package-word",
    AidWorkerNoun = "aid-worker-noun",
    TurnVerb = "turn-verb",
    ApproachVerb = "approach-verb",
    SelfDescribingVerb = "self-describing-verb",
    UnitNoun = "unit-noun",
    FillableNoun = "fillable-noun",
    AidNoun = "aid-noun",
    BareGoods = "bare-goods",
    OutletNoun = "outlet-noun",
    AttributionVerb = "attribution-verb",
    SourceNoun = "source-noun",
    AidKindAdjective = "aid-kind-adjective",
    MoneyAdjective = "money-adjective",
    BareAid = "bare-aid",
    TradeWord = "trade-word",
    CurrencyWord = "currency-word",
    DollarWord = "dollar-word",
    TransitiveOnly = "transitive-only",
    PermissionNoun = "permission-noun",
    TradeChange = "trade-change",
    Contraband = "contraband",
    Period = "period",
    PersonNoun = "person-noun",
    LocalParty = "local-party",
    SourcedVerb = "sourced-verb",
    NameAdjective = "name-adjective",
    ObjectOpener = "object-opener",
    FirmNoun = "firm-noun",
    CargoVerb = "cargo-verb",
    ContentsOpener = "contents-opener",
    CargoVessel = "cargo-vessel",
    AnswerVerb = "answer-verb",
    ValueWord = "value-word",
    MoneyVerb = "money-verb",
}

// One bit per class in [`Classes`].
const _: () = assert!(WordClass::ALL.len() <= 64);

impl WordClass {
    fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }

    fn bit(self) -> u64 {
        1 << (self as u64)
    }
}

/// The classes one token belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u64);

impl Classes {
    /// True when the token is in `class`.
    pub fn has(self, class: WordClass) -> bool {
        self.0 & class.bit() != 0
    }
}

/// The word classes, loaded once.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    words: HashMap<String, Classes>,
    phrases: Vec<LexEntry<WordClass>>,
    /// The phrases by their first word, so a sentence is read once, not once per phrase.
    phrase_index: PhraseIndex,
}

/// The surfaces of `word` for a forms column; `None` for an unknown column value.
pub(crate) fn surfaces(word: &str, forms: &str) -> Option<Vec<String>> {
    let keep: &[WordForm] = match forms {
        "verb-ed" => &[WordForm::Past, WordForm::Participle, WordForm::Ing],
        "verb-past" => &[WordForm::Past, WordForm::Participle],
        "verb-tensed" => &[WordForm::Present, WordForm::Past, WordForm::Participle],
        "verb-finite" => &[
            WordForm::Base,
            WordForm::Present,
            WordForm::Past,
            WordForm::Participle,
        ],
        _ => &[],
    };
    let pos = match forms {
        "verb-ed" | "verb-past" | "verb-tensed" | "verb-finite" => PartOfSpeech::Verb,
        other => PartOfSpeech::parse(other)?,
    };
    Some(
        inflect(word, pos)
            .into_iter()
            .filter(|(_, f)| keep.is_empty() || keep.contains(f))
            .map(|(s, _)| s.to_lowercase())
            .collect(),
    )
}

impl WordClasses {
    /// The classes of `assets/lexicon/word_classes.tsv`, checked against `classes.tsv`.
    pub fn builtin() -> Result<Self, LexiconError> {
        let declared: Vec<&str> = data_rows(CLASSES)
            .filter_map(|(_, cols)| cols.first().copied())
            .collect();
        if let Some(missing) = WordClass::ALL
            .iter()
            .find(|c| !declared.contains(&c.name()))
        {
            return Err(LexiconError::new(
                "classes.tsv",
                0,
                format!("class {} is not described", missing.name()),
            ));
        }
        let mut out = Self::default();
        for (line, cols) in data_rows(WORD_CLASSES) {
            let bad = |m: &str| LexiconError::new("word_classes.tsv", line, m.to_owned());
            let class = cols
                .get(1)
                .and_then(|c| WordClass::parse(c))
                .ok_or_else(|| bad("unknown class (see classes.tsv)"))?;
            let words = cols
                .get(2)
                .and_then(|f| surfaces(cols[0], f))
                .ok_or_else(|| bad("forms must be verb, verb-ed, verb-past, noun or fixed"))?;
            for surface in words {
                let parts: Vec<String> = surface.split_whitespace().map(str::to_owned).collect();
                if parts.len() > 1 {
                    out.phrases.push(LexEntry {
                        words: parts,
                        value: class,
                    });
                } else {
                    out.words.entry(surface).or_default().0 |= class.bit();
                }
            }
        }
        out.phrase_index = PhraseIndex::new(&out.phrases);
        Ok(out)
    }

    /// The classes of each token (a phrase's class goes to each of its tokens).
    pub fn classify(&self, tokens: &[Token]) -> Vec<Classes> {
        let mut out: Vec<Classes> = tokens
            .iter()
            .map(|t| {
                self.words
                    .get(t.lower.as_str())
                    .copied()
                    .unwrap_or_default()
            })
            .collect();
        for start in 0..tokens.len() {
            for (p, n) in self.phrase_index.matches_at(&self.phrases, tokens, start) {
                for c in &mut out[start..start + n] {
                    c.0 |= self.phrases[p].value.bit();
                }
            }
        }
        out
    }

    /// The classes of one lower-case word.
    pub fn of(&self, word: &str) -> Classes {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// True when the whole lower-case `text` (a word or a phrase) is listed in `class`.
    pub fn whole_is(&self, text: &str, class: WordClass) -> bool {
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            [one] => self.of(one).has(class),
            many => self.phrases.iter().any(|p| {
                p.value == class && p.words.iter().map(String::as_str).eq(many.iter().copied())
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_is_described_and_used() {
        let classes = WordClasses::builtin().expect("word classes load");
        for class in WordClass::ALL {
            let listed = classes.words.values().any(|c| c.has(*class))
                || classes.phrases.iter().any(|p| p.value == *class);
            assert!(listed, "no word listed for {}", class.name());
        }
        assert!(classes.of("said").has(WordClass::SpeechVerb));
        assert!(classes.of("officials").has(WordClass::OrgNoun));
        assert!(classes.of("allies").has(WordClass::OrgNoun));
        assert!(classes.of("seized").has(WordClass::CaptureWord));
        // verb-past keeps "pressed" and drops "press".
        assert!(classes.of("pressed").has(WordClass::ControlVerb));
        assert!(!classes.of("press").has(WordClass::ControlVerb));
    }

    #[test]
    fn phrases_mark_each_of_their_tokens() {
        let classes = WordClasses::builtin().expect("word classes load");
        let text = "its market share grew";
        let tokens = crate::text::tokenize(text, crate::text::Span::new(0, text.len()));
        let got: Vec<bool> = classes
            .classify(&tokens)
            .iter()
            .map(|c| c.has(WordClass::StatisticWord))
            .collect();
        assert_eq!(got, [false, true, true, false]);
    }
}
