//! Countries, blocs and the many ways articles name them: names, alternate names, demonyms,
//! capitals, metonyms ("the Kremlin"), leaders, ministries, armies and defence firms.
//!
//! The data lives in `assets/gazetteer/*.tsv` (compiled into the binary and parsed at start);
//! users add entries with `gazetteer.tsv` in their config directory (see [`user_file_path`]).

mod ambiguity;
mod error;
#[allow(clippy::module_inception)]
mod gazetteer;
mod mention;

pub use ambiguity::AmbiguityRule;
pub use error::GazetteerError;
pub use gazetteer::{Gazetteer, user_file_path};
pub use mention::{Compound, Mention, MentionKind};
