//! Inflection of the word lists' base forms, so that a list names a word once ("send") and
//! matches every form of it ("sends", "sent", "sending"). The forms come from the `english`
//! crate (Wiktionary's irregular forms plus the regular rules), computed once when a list loads.

use english::{English, Form, Number, Person, Tense};

/// Which form of a word a surface is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordForm {
    /// A verb's base form ("send").
    Base,
    /// A verb's third person present ("sends").
    Present,
    /// A verb's past tense; also its past participle when the two are the same ("sent").
    Past,
    /// A verb's past participle when it differs from the past ("given").
    Participle,
    /// A verb's -ing form ("sending").
    Ing,
    /// A noun, singular or plural.
    Noun,
    /// A phrase that is listed as written (closed-class words: "will not").
    AsWritten,
}

/// How a list entry is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfSpeech {
    /// The first word is a verb: "hand over" -> "handed over".
    Verb,
    /// The last word is a noun: "fighter jet" -> "fighter jets".
    Noun,
    /// Not inflected.
    Fixed,
}

impl PartOfSpeech {
    /// Parses a word list's part-of-speech column (`verb`, `noun`, `fixed`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "verb" => Some(Self::Verb),
            "noun" => Some(Self::Noun),
            "fixed" => Some(Self::Fixed),
            _ => None,
        }
    }
}

/// Every surface of `phrase` as `pos`, each with its form, base form first, without repeats.
pub fn inflect(phrase: &str, pos: PartOfSpeech) -> Vec<(String, WordForm)> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let Some((&first, rest)) = words.split_first() else {
        return Vec::new();
    };
    let mut out: Vec<(String, WordForm)> = Vec::new();
    let mut push = |surface: String, form| {
        if !out.iter().any(|(s, _)| *s == surface) {
            out.push((surface, form));
        }
    };
    match pos {
        PartOfSpeech::Fixed => push(phrase.to_owned(), WordForm::AsWritten),
        PartOfSpeech::Noun => {
            let (head, before) = words.split_last().unwrap_or((&first, &[]));
            push(phrase.to_owned(), WordForm::Noun);
            let plural = English::noun(head, &Number::Plural);
            push(join(before, &plural, &[]), WordForm::Noun);
        }
        PartOfSpeech::Verb => {
            let form =
                |tense, form| English::verb(first, &Person::Third, &Number::Singular, tense, form);
            let (past, participle) = irregular_past(first).unwrap_or_else(|| {
                (
                    form(&Tense::Past, &Form::Finite),
                    form(&Tense::Past, &Form::Participle),
                )
            });
            push(phrase.to_owned(), WordForm::Base);
            push(
                join(&[], &form(&Tense::Present, &Form::Finite), rest),
                WordForm::Present,
            );
            push(join(&[], &past, rest), WordForm::Past);
            push(join(&[], &participle, rest), WordForm::Participle);
            push(
                join(&[], &form(&Tense::Present, &Form::Participle), rest),
                WordForm::Ing,
            );
        }
    }
    out
}

/// Past forms the crate gets wrong, from `assets/lexicon/irregular_verbs.tsv`.
const IRREGULAR_VERBS: &str = include_str!("../../assets/lexicon/irregular_verbs.tsv");

/// The past and past participle of `verb` when the crate's are wrong for it.
fn irregular_past(verb: &str) -> Option<(String, String)> {
    super::data_rows(IRREGULAR_VERBS)
        .map(|(_, cols)| cols)
        .find(|cols| cols.len() == 3 && cols[0] == verb)
        .map(|cols| (cols[1].to_owned(), cols[2].to_owned()))
}

fn join(before: &[&str], word: &str, after: &[&str]) -> String {
    before
        .iter()
        .copied()
        .chain(std::iter::once(word))
        .chain(after.iter().copied())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn surfaces(phrase: &str, pos: PartOfSpeech) -> Vec<(String, WordForm)> {
        inflect(phrase, pos)
    }

    #[test]
    fn verbs_regular_and_irregular() {
        use WordForm::*;
        let s = |w: &str, f| (w.to_owned(), f);
        assert_eq!(
            surfaces("send", PartOfSpeech::Verb),
            vec![
                s("send", Base),
                s("sends", Present),
                s("sent", Past),
                s("sending", Ing)
            ]
        );
        assert_eq!(
            surfaces("give", PartOfSpeech::Verb),
            vec![
                s("give", Base),
                s("gives", Present),
                s("gave", Past),
                s("given", Participle),
                s("giving", Ing)
            ]
        );
        assert_eq!(
            surfaces("supply", PartOfSpeech::Verb),
            vec![
                s("supply", Base),
                s("supplies", Present),
                s("supplied", Past),
                s("supplying", Ing)
            ]
        );
        assert!(surfaces("ship", PartOfSpeech::Verb).contains(&s("shipped", Past)));
        assert!(surfaces("hand over", PartOfSpeech::Verb).contains(&s("handing over", Ing)));
        assert!(surfaces("seek", PartOfSpeech::Verb).contains(&s("sought", Past)));
        // The crate's "flied" is replaced from irregular_verbs.tsv.
        let fly = surfaces("fly", PartOfSpeech::Verb);
        assert!(fly.contains(&s("flew", Past)) && fly.contains(&s("flown", Participle)));
    }

    #[test]
    fn nouns_take_their_plural_on_the_last_word() {
        let plural = |p: &str| inflect(p, PartOfSpeech::Noun)[1].0.clone();
        assert_eq!(plural("fighter jet"), "fighter jets");
        assert_eq!(plural("delivery"), "deliveries");
        assert_eq!(plural("air defence"), "air defences");
        assert_eq!(inflect("will not", PartOfSpeech::Fixed).len(), 1);
    }
}
