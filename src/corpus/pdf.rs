//! Born-digital PDFs: the text layer in reading order, lines joined into paragraphs (and
//! words hyphenated across lines rejoined), running headers, footers and page numbers left
//! out, the title and date from the document's information.
//!
//! A PDF is the riskiest file a folder holds: it may be encrypted, damaged, scanned (no text
//! at all), or built to exhaust a reader (thousands of pages, objects nested without end,
//! streams that inflate to gigabytes). Each of these is checked before the text is read, so
//! it becomes a [`ProblemKind::Malformed`] problem with its reason in bounded time and memory.

use super::formats::{Read, title_first};
use super::{MetaSource, ProblemKind, parse_date};
use pdf_extract::{Document, Object};
use regex::Regex;
use std::collections::HashMap;
use std::io::Read as _;
use std::ops::Range;
use std::sync::LazyLock;

/// More pages than this is no article (a book, or a file built to take the reader hours).
pub const MAX_PDF_PAGES: usize = 2_000;

/// How deep arrays and dictionaries may nest in the file: real PDFs stay under a dozen; the
/// parser recurses, so a deeper file could overflow the stack.
const MAX_PDF_NESTING: usize = 128;

/// How many bytes all the PDF's text-bearing streams may inflate to together: a
/// decompression bomb stops here instead of filling memory.
const MAX_INFLATED_BYTES: u64 = 256 << 20;

/// A line that is only a page number: "12", "Page 3", "3 of 10", "- 4 -".
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[-–\s]*(page\s+)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-–\s]*$")
        .expect("static regex")
});

/// The failure of a PDF, as the loader lists it.
type Failure = (ProblemKind, String);

fn malformed(reason: impl Into<String>) -> Failure {
    (ProblemKind::Malformed, reason.into())
}

/// Reads a PDF's text layer and metadata, or says why it cannot.
pub(super) fn read_pdf(bytes: &[u8]) -> Result<Read, Failure> {
    if nesting_depth(bytes) > MAX_PDF_NESTING {
        return Err(malformed(format!(
            "damaged or hostile PDF: objects nested more than {MAX_PDF_NESTING} deep"
        )));
    }
    // Before the PDF library sees the file: it inflates object streams as it loads them.
    check_inflated_size(bytes, MAX_INFLATED_BYTES)?;
    // The PDF libraries panic on some damaged files: a panic is the file's problem, not
    // the load's.
    std::panic::catch_unwind(|| read_checked(bytes)).unwrap_or_else(|_| {
        Err(malformed(
            "damaged PDF: the PDF reader could not make sense of it",
        ))
    })
}

fn read_checked(bytes: &[u8]) -> Result<Read, Failure> {
    let mut doc =
        Document::load_mem(bytes).map_err(|e| malformed(format!("not a readable PDF ({e})")))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(malformed(
            "encrypted PDF: it needs a password to be read (save an unprotected copy)",
        ));
    }
    let pages = doc.get_pages();
    if pages.len() > MAX_PDF_PAGES {
        return Err(malformed(format!(
            "PDF of {} pages, over the {MAX_PDF_PAGES}-page limit for one article",
            pages.len()
        )));
    }
    let mut page_texts = Vec::with_capacity(pages.len());
    for &number in pages.keys() {
        let mut text = String::new();
        let mut output = pdf_extract::PlainTextOutput::new(&mut text);
        // A page that cannot be read leaves a gap, not a failed file.
        if pdf_extract::output_doc_page(&doc, &mut output, number).is_ok() {
            page_texts.push(text);
        }
    }
    let body = paragraphs(&without_running_lines(&page_texts));
    if body.trim().is_empty() {
        return Err(malformed(
            "PDF with no text layer (scanned?): ArmsFlow reads the text of born-digital PDFs, \
             not images of pages",
        ));
    }
    let info = |key: &[u8]| info_string(&doc, key);
    let title = info(b"Title").map(|t| (t, MetaSource::PdfInfo));
    let date = info(b"CreationDate")
        .and_then(|d| pdf_date(&d))
        .map(|d| (d, MetaSource::PdfInfo));
    let body = title_first(body, title.as_ref().map(|t| t.0.as_str()));
    Ok(Read {
        body,
        title,
        outlet: None,
        author: info(b"Author"),
        date,
        reader_view: false,
    })
}

/// A stream found in the file's raw bytes.
struct RawStream {
    /// Where its `stream` keyword starts (its dictionary comes just before).
    keyword: usize,
    /// Its data, up to `endstream` (or the end of a cut-off file).
    data: Range<usize>,
    /// Where the bytes after its `endstream` begin.
    after: usize,
}

/// The streams of a PDF's raw bytes, in order ("stream" … "endstream"), found without
/// parsing: the checks that must run before the PDF library loads the file use them.
fn raw_streams(bytes: &[u8]) -> impl Iterator<Item = RawStream> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let keyword = at + find(&bytes[at..], b"stream")?;
        let mut start = keyword + b"stream".len();
        start += usize::from(bytes.get(start) == Some(&b'\r'));
        start += usize::from(bytes.get(start) == Some(&b'\n'));
        let len = find(&bytes[start..], b"endstream").unwrap_or(bytes.len() - start);
        at = (start + len + b"endstream".len()).min(bytes.len());
        Some(RawStream {
            keyword,
            data: start..start + len,
            after: at,
        })
    })
}

/// The deepest nesting of `[` arrays and `<<` dictionaries in the file's bytes, stream data
/// skipped (it is binary and means nothing here).
fn nesting_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut from) = (0usize, 0usize, 0usize);
    for stream in raw_streams(bytes) {
        nest(&bytes[from..stream.keyword], &mut depth, &mut deepest);
        from = stream.after;
    }
    nest(&bytes[from..], &mut depth, &mut deepest);
    deepest
}

/// Follows the nesting through `segment` (no stream data in it), from `depth`, raising
/// `deepest` to the deepest level reached.
fn nest(segment: &[u8], depth: &mut usize, deepest: &mut usize) {
    let mut i = 0;
    while i < segment.len() {
        let pair = segment.get(i + 1) == Some(&segment[i]);
        match segment[i] {
            b'[' => *depth += 1,
            b']' => *depth = depth.saturating_sub(1),
            b'<' if pair => {
                *depth += 1;
                i += 1;
            }
            b'>' if pair => {
                *depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => {}
        }
        *deepest = (*deepest).max(*depth);
        i += 1;
    }
}

/// Fails when the file's streams (other than images, which are never decoded here) inflate
/// to more than `cap` bytes together ([`MAX_INFLATED_BYTES`]). The streams are found in the
/// raw bytes ("stream" … "endstream"), so object streams are checked too, before the PDF
/// library inflates them as it loads; each is inflated through a capped reader into nothing,
/// so the check holds no more than a buffer. Data that is not zlib counts as its length.
fn check_inflated_size(bytes: &[u8], cap: u64) -> Result<(), Failure> {
    let mut total: u64 = 0;
    for stream in raw_streams(bytes) {
        let data = &bytes[stream.data];
        let dict = &bytes[stream.keyword.saturating_sub(512)..stream.keyword];
        if find(dict, b"/Image").is_none() {
            let budget = cap.saturating_sub(total) + 1;
            let mut inflated = flate2::read::ZlibDecoder::new(data).take(budget);
            total += match std::io::copy(&mut inflated, &mut std::io::sink()) {
                Ok(n) if n > 0 => n,
                _ => data.len() as u64,
            };
        }
        if total > cap {
            return Err(malformed(format!(
                "hostile or broken PDF: its streams inflate to more than {} MB",
                cap >> 20
            )));
        }
    }
    Ok(())
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The pages' lines without the running headers and footers (a line, its digits aside,
/// that opens or closes most pages) and without page numbers.
fn without_running_lines(pages: &[String]) -> Vec<Vec<String>> {
    let shape = |line: &str| -> String {
        line.chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect()
    };
    let lines: Vec<Vec<&str>> = pages.iter().map(|p| p.lines().collect()).collect();
    // How many pages open or close with each line shape (among their first and last 2).
    let mut edges: HashMap<String, usize> = HashMap::new();
    for page in &lines {
        let kept: Vec<&str> = page
            .iter()
            .copied()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let n = kept.len();
        let mut shapes: Vec<String> = kept
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 2 || *i + 2 >= n)
            .map(|(_, l)| shape(l))
            .filter(|s| !s.is_empty())
            .collect();
        shapes.sort();
        shapes.dedup();
        for s in shapes {
            *edges.entry(s).or_default() += 1;
        }
    }
    let running = |line: &str| {
        pages.len() >= 3
            && edges
                .get(&shape(line))
                .is_some_and(|&n| n * 2 > pages.len())
    };
    let furniture = |line: &str| PAGE_NUMBER.is_match(line) || (line.len() < 120 && running(line));
    lines
        .iter()
        .map(|page| {
            page.iter()
                .map(|l| l.trim())
                .filter(|l| !furniture(l))
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

/// Lines made paragraphs: a blank line (or a page break) ends one; within one, lines are
/// joined with a space, and a word hyphenated at a line end ("defen-" / "ce") is rejoined.
fn paragraphs(pages: &[Vec<String>]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        let paragraph = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !paragraph.is_empty() {
            out.push(paragraph);
        }
        current.clear();
    };
    for page in pages {
        for line in page {
            if line.is_empty() {
                flush(&mut current, &mut out);
                continue;
            }
            let hyphenated = current.ends_with('-')
                && current[..current.len() - 1].ends_with(char::is_alphabetic)
                && line.starts_with(char::is_lowercase);
            if hyphenated {
                current.pop();
            } else if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
        flush(&mut current, &mut out);
    }
    out.join("\n\n")
}

/// A text entry of the document information dictionary (`/Title`, `/CreationDate`), when
/// it is there and not empty.
fn info_string(doc: &Document, key: &[u8]) -> Option<String> {
    let info = match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_dict().ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let value = match info.get(key).ok()? {
        Object::String(bytes, _) => pdf_text_string(bytes),
        _ => return None,
    };
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!value.is_empty()).then_some(value)
}

/// A PDF text string: UTF-16 with a byte-order mark, else PDFDocEncoding (Latin-1 for the
/// characters that matter here).
fn pdf_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// A PDF date ("D:20230405103000+02'00'") as a calendar date.
fn pdf_date(text: &str) -> Option<jiff::civil::Date> {
    let digits: String = text
        .trim_start_matches("D:")
        .chars()
        .take_while(char::is_ascii_digit)
        .take(8)
        .collect();
    if digits.len() < 8 {
        return None;
    }
    parse_date(&format!(
        "{}-{}-{}",
        &digits[..4],
        &digits[4..6],
        &digits[6..8]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::{Dictionary, Stream};
    use std::io::Write as _;

    #[test]
    fn streams_that_inflate_past_the_cap_are_refused_without_holding_them() {
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        zlib.write_all(&vec![0u8; 3 << 20]).expect("compressed");
        let packed = zlib.finish().expect("compressed");
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let mut doc = Document::with_version("1.5");
        doc.add_object(Stream::new(dict, packed).with_compression(false));
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saved");
        let failure = check_inflated_size(&bytes, 2 << 20).expect_err("over the cap");
        assert!(failure.1.contains("more than 2 MB"), "{}", failure.1);
        assert!(check_inflated_size(&bytes, 4 << 20).is_ok());
    }

    #[test]
    fn page_numbers_and_pdf_dates() {
        for line in ["12", "Page 3", "3 of 10", "- 4 -", "7/9"] {
            assert!(PAGE_NUMBER.is_match(line), "{line}");
        }
        for line in ["12 tanks", "In 2023 the navy", "Page three"] {
            assert!(!PAGE_NUMBER.is_match(line), "{line}");
        }
        assert_eq!(
            pdf_date("D:20230516093000+02'00'").map(|d| d.to_string()),
            Some("2023-05-16".to_owned())
        );
        assert_eq!(pdf_date("D:2023"), None);
    }
}
