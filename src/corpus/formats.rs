//! The file formats ArmsFlow reads, each turned into the same [`Read`]: a body of text and
//! whatever metadata the format carries, with where each piece came from.

use super::{MetaSource, ProblemKind, html_to_page, parse_date, read_header};
use jiff::civil::Date;
use std::path::Path;

/// Extensions of plain text and Markdown.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];
/// Extensions of saved web pages.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml"];
/// Extensions of web archives (a browser's "save as single file").
const WEB_ARCHIVE_EXTENSIONS: &[&str] = &["mhtml", "mht"];
/// Extensions of PDF documents.
const PDF_EXTENSIONS: &[&str] = &["pdf"];

/// How a file is read, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Plain text or Markdown, with optional header lines or front matter.
    Text,
    /// A saved web page.
    Html,
    /// A MIME web archive holding a web page.
    WebArchive,
    /// A PDF document (its text layer).
    Pdf,
}

/// The kind of article `path` is, or `None` when its extension is no article's.
pub(super) fn article_kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    let is = |list: &[&str]| list.contains(&ext.as_str());
    if is(TEXT_EXTENSIONS) {
        Some(Kind::Text)
    } else if is(HTML_EXTENSIONS) {
        Some(Kind::Html)
    } else if is(WEB_ARCHIVE_EXTENSIONS) {
        Some(Kind::WebArchive)
    } else if is(PDF_EXTENSIONS) {
        Some(Kind::Pdf)
    } else {
        None
    }
}

/// What a format reader makes of a file: the body (before boilerplate is removed) and the
/// metadata it found, each with its source.
#[derive(Debug, Default)]
pub(super) struct Read {
    /// The text, paragraphs apart by a blank line.
    pub body: String,
    /// The headline.
    pub title: Option<(String, MetaSource)>,
    /// The publisher.
    pub outlet: Option<(String, MetaSource)>,
    /// Who wrote it.
    pub author: Option<String>,
    /// The publication date.
    pub date: Option<(Date, MetaSource)>,
    /// True when a reader view cut the body from its page (furniture is already gone).
    pub reader_view: bool,
}

/// A plain text: header lines or front matter give the metadata; the title, when given,
/// leads the text so it can be quoted as evidence.
pub(super) fn read_text(raw: String) -> Read {
    let header = read_header(&raw);
    // In place: a 20 MB file is not copied for a header of a few lines.
    let mut body = raw;
    body.drain(..header.len);
    let body = title_first(body, header.title.as_deref());
    let title_source = if header.headline_above {
        MetaSource::FirstLine
    } else {
        header.source
    };
    Read {
        body,
        title: header.title.map(|t| (t, title_source)),
        outlet: header.outlet.map(|o| (o, header.source)),
        author: header.author,
        date: header.date,
        reader_view: false,
    }
}

/// `body` led by `title` when it does not begin with it already: a title from a file's
/// metadata is then in the text, where evidence can quote it.
pub(super) fn title_first(body: String, title: Option<&str>) -> String {
    match title {
        Some(title) if !body.trim_start().starts_with(title) => format!("{title}\n\n{body}"),
        _ => body,
    }
}

/// A web page, read as a reader view shows it (see [`html_to_page`]).
pub(super) fn read_html(raw: &str) -> Read {
    let page = html_to_page(raw);
    let source = |found: Option<MetaSource>, otherwise| found.unwrap_or(otherwise);
    Read {
        date: page
            .date
            .as_deref()
            .and_then(parse_date)
            .map(|d| (d, source(page.date_source, MetaSource::HtmlMeta))),
        title: page
            .title
            .map(|t| (t, source(page.title_source, MetaSource::TitleTag))),
        outlet: page
            .site_name
            .map(|o| (o, source(page.site_source, MetaSource::HtmlMeta))),
        author: page.author,
        body: page.text,
        reader_view: page.reader_view,
    }
}

/// A web archive (`.mhtml`, `.mht`): the HTML page it holds, decoded from its transfer
/// encoding and charset, read like a saved page. The archive's own `Date:` is when it was
/// saved, not published, so it is not used.
pub(super) fn read_web_archive(bytes: &[u8]) -> Result<Read, (ProblemKind, String)> {
    let not_archive = || {
        (
            ProblemKind::Malformed,
            "not a web archive: no MIME page in it (.mhtml and .mht files are saved by a \
             browser's \"save as single file\")"
                .to_owned(),
        )
    };
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or_else(not_archive)?;
    let page = message
        .html_part(0)
        .filter(|p| p.is_text_html())
        .and_then(|p| p.text_contents())
        .ok_or_else(not_archive)?;
    Ok(read_html(page))
}
