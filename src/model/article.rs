use serde::{Deserialize, Serialize};
use std::time::SystemTime;

/// Where a piece of an article's metadata (its title, outlet or date) was found: `armsflow
/// read` and the reader say it beside the value, so a wrong one can be traced to its cause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MetaSource {
    /// A `Date:`, `Title:` or `Source:` header line at the top of a text file.
    Header,
    /// YAML front matter (`date:` between `---` lines).
    FrontMatter,
    /// A web page's JSON-LD (`NewsArticle` headline, `datePublished`, `publisher`).
    JsonLd,
    /// An HTML `<meta>` tag (OpenGraph, Dublin Core, `article:published_time`, ...).
    HtmlMeta,
    /// An HTML `<time datetime>` element.
    TimeTag,
    /// The page's `<title>`, without the site's name, or its headline element.
    TitleTag,
    /// A date in the file name (`2023-11-08-...` or `20231108T...`).
    FileName,
    /// A dateline at the start of the text ("(Reuters) -", "CNN —").
    Dateline,
    /// The first line of the text that reads as a headline.
    FirstLine,
    /// A PDF's document information (`/Title`, `/CreationDate`).
    PdfInfo,
}

impl MetaSource {
    /// Where, in words: "from {this}".
    pub fn describe(self) -> &'static str {
        match self {
            Self::Header => "the file's header lines",
            Self::FrontMatter => "the front matter",
            Self::JsonLd => "the page's JSON-LD",
            Self::HtmlMeta => "the page's meta tags",
            Self::TimeTag => "the page's <time> element",
            Self::TitleTag => "the page's title",
            Self::FileName => "the file name",
            Self::Dateline => "the dateline",
            Self::FirstLine => "the first line",
            Self::PdfInfo => "the PDF's document information",
        }
    }
}

/// One loaded article: its metadata and the cleaned text the reader shows.
///
/// All evidence spans index into [`Article::text`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: [`article_id`] of [`Article::path`], so the same file has the same
    /// id in every load, whatever else the folder holds.
    pub id: String,
    /// Path relative to the opened folder, with `/` separators.
    pub path: String,
    /// Headline: the HTML title or the first meaningful line.
    pub title: String,
    /// Where [`Article::title`] came from (`None` for an article not read from a file).
    #[serde(default)]
    pub title_source: Option<MetaSource>,
    /// Publishing outlet when the file states it.
    pub outlet: Option<String>,
    /// Where [`Article::outlet`] came from.
    #[serde(default)]
    pub outlet_source: Option<MetaSource>,
    /// Who wrote it, when the file says (a byline, an `Author:` line, a PDF's `/Author`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when known.
    pub published: Option<String>,
    /// Where [`Article::published`] came from.
    pub published_source: Option<MetaSource>,
    /// The date the views use: the user's correction, else [`Article::published`], else an
    /// estimate from the text; with its precision and how it is known. Set when the dataset
    /// is built.
    #[serde(default)]
    pub date: Option<super::ArticleDate>,
    /// Text encoding the file was decoded from.
    pub encoding: String,
    /// Cleaned text: metadata headers and web boilerplate removed, LF line ends, paragraphs
    /// separated by a blank line (the lines of one paragraph keep their breaks).
    /// Shared, so that a reload keeps an unchanged article without copying its text.
    #[serde(skip)]
    pub text: std::sync::Arc<str>,
    /// The file's size and modification time when it was read; `None` for an article that
    /// did not come from a file.
    #[serde(skip)]
    pub stamp: Option<FileStamp>,
}

/// What a file looked like when it was read: its size and modification time. A reload
/// re-reads a file only when its stamp changed, so an unchanged article keeps its reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification time, when the file system records one.
    pub modified: Option<SystemTime>,
}

/// The id of the article at `path` (relative to the folder, `/` separators): `a` and 16 hex
/// digits of the path's 64-bit FNV-1a hash. Assigned when the file is read, so extraction
/// emits final ids and a reload renames nothing. Two paths of one folder share an id with a
/// chance of about one in 10^9 at 100,000 files; the dataset then gives the later one
/// another (see `dataset::build`).
pub fn article_id(path: &str) -> String {
    format!("a{:016x}", fnv1a(path.bytes()))
}

/// The 64-bit FNV-1a hash of `bytes`: stable across runs, platforms and versions (std's
/// hasher is not), which ids and review keys kept in files need.
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    bytes
        .into_iter()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}
