//! Text primitives: byte spans, sentence splitting, word tokens and the inflection of word lists.
//!
//! Everything downstream (evidence, highlights, the reader) refers to article text by byte
//! [`Span`]s produced here, so slicing is always exact and always on UTF-8 boundaries.

mod data_file;
pub mod morph;
mod sentences;
mod span;
mod tokens;

pub use data_file::data_rows;
pub use sentences::{MAX_SENTENCE_BYTES, is_headline_like, split_sentences};
pub use span::Span;
pub use tokens::{Token, TokenKind, tokenize};
