//! Folder -> articles: walking, decoding, HTML main text, metadata, boilerplate removal and the
//! per-file problems that never stop a load.
//!
//! Nothing here writes to the folder: files are only opened for reading.

mod boilerplate;
mod decode;
mod file_stamp;
mod formats;
mod html;
mod html_fallback;
mod lead;
mod loader;
mod metadata;
mod pdf;

pub use crate::dates::parse_date;
pub use crate::files::{ReadError, describe_file_type, read_regular_file, read_regular_text};
pub use crate::model::{Article, FileStamp, MetaSource, Problem, ProblemKind};
pub use crate::text::is_headline_like;
pub use boilerplate::Boilerplate;
pub use decode::{Decoded, Encoding, MAX_CONTROL_SHARE, declared_charset, decode};
pub use html::{HtmlPage, html_to_page};
pub use lead::{Lead, Outlets, read_lead};
pub use loader::{
    DEFAULT_MAX_FILE_MB, FolderScan, LoadError, LoadOptions, LoadProgress, Loaded,
    article_from_bytes, load_folder, read_article, read_each, read_file, scan_folder,
};
pub use metadata::{Header, read_header};
