//! Sentences (with their article as context) -> reported transfers.
//!
//! A rule engine over tokens, not a parser: each sentence is analysed into country groups,
//! goods, transfer words ("triggers") and figures ([`analysis`]); each trigger's frame says which
//! side of it the supplier and the recipient stand on ([`roles`]); an [`ArticleContext`] carries
//! the parties of earlier sentences, so "Egypt agreed to return 150 engines" gets its recipient
//! and "Pakistan denied being approached" updates an earlier transfer. The word lists live in
//! `assets/lexicon/` (see [`Lexicon`]).

mod analysis;
mod attribution;
mod context;
mod extractor;
mod figures;
mod lexicon;
mod roles;
mod word_classes;

pub use crate::dates::find_date_phrase;
pub use analysis::{Group, GroupRole, ItemHit, SentenceAnalysis, TriggerHit};
pub use attribution::find_attribution;
pub use context::ArticleContext;
pub use extractor::{ExtractError, Extractor};
pub use figures::{Money, QuantityHit, find_money, find_quantities};
pub use lexicon::{Frame, Lexicon, Tense};
pub use roles::{Candidate, assign_roles};
pub use word_classes::{Classes, WordClass, WordClasses};
