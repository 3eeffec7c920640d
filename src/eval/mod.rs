//! Scoring an extraction against a hand-made answer key (the `*.gold.json` format described in
//! `../shared/corpus/ANNOTATION.md`): unit = (article file, supplier, recipient).

mod gold;
mod score;

pub use gold::{AnswerKey, GoldTransfer, Tier};
pub use score::{Attribute, BANDS, Band, Finding, Prf, Scores, items_agree, score};
