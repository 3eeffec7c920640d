//! Countries, blocs and the many ways articles name them: names, alternate names, demonyms,
//! capitals, metonyms ("the Kremlin"), leaders, ministries, armies and defence firms, each
//! read as it was meant in the article's year ([`Era`]: "Moscow" in 1987 is the Soviet Union).
//!
//! The data lives in `assets/gazetteer/*.tsv` (compiled into the binary and parsed at start);
//! users add entries with `gazetteer.tsv` in their config directory (see [`user_file_path`]).

mod ambiguity;
mod era;
mod error;
#[allow(clippy::module_inception)]
mod gazetteer;
mod mention;

pub use ambiguity::AmbiguityRule;
pub use era::{Era, UNDATED_FROM, Years};
pub use error::GazetteerError;
pub use gazetteer::{Gazetteer, is_bloc, user_file_path};
pub use mention::{Compound, Mention, MentionKind};
