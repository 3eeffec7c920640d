//! Folder -> articles: walking, decoding, HTML main text, metadata, boilerplate removal and the
//! per-file problems that never stop a load.
//!
//! Nothing here writes to the folder: files are only opened for reading.

mod article;
mod boilerplate;
mod decode;
mod file_stamp;
mod html;
mod html_fallback;
mod loader;
mod metadata;
mod problem;
mod regular_file;

pub use article::{Article, DateSource};
pub use boilerplate::{Boilerplate, is_headline_like};
pub use decode::{Decoded, Encoding, MAX_CONTROL_SHARE, declared_charset, decode};
pub use file_stamp::FileStamp;
pub use html::{HtmlPage, html_to_page};
pub use loader::{
    DEFAULT_MAX_FILE_MB, FolderScan, LoadError, LoadOptions, LoadProgress, Loaded,
    article_from_bytes, load_folder, number_articles, read_article, read_each, read_file,
    scan_folder,
};
pub use metadata::{Header, parse_date, read_header};
pub(crate) use metadata::{full_written_dates, month_number};
pub use problem::{Problem, ProblemKind};
pub use regular_file::{ReadError, describe_file_type, read_regular_file, read_regular_text};
