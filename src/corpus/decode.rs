use std::fmt;

/// Text encodings ArmsFlow reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (removed).
    Utf8Bom,
    /// Mostly UTF-8 with this many runs of invalid bytes, each read as U+FFFD.
    Utf8Repaired(usize),
    /// UTF-16 little-endian (with a byte-order mark, or recognised by its zero bytes).
    Utf16Le,
    /// UTF-16 big-endian (with a byte-order mark, or recognised by its zero bytes).
    Utf16Be,
    /// UTF-32 little-endian with a byte-order mark.
    Utf32Le,
    /// UTF-32 big-endian with a byte-order mark.
    Utf32Be,
    /// A single-byte or East Asian legacy encoding: the one the page declares, else the one
    /// `chardetng` (the detector of Firefox) finds most likely.
    Legacy(&'static encoding_rs::Encoding),
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Encoding::Utf8 => f.write_str("utf-8"),
            Encoding::Utf8Bom => f.write_str("utf-8-bom"),
            Encoding::Utf8Repaired(1) => f.write_str("utf-8 (1 invalid byte run replaced)"),
            Encoding::Utf8Repaired(n) => write!(f, "utf-8 ({n} invalid byte runs replaced)"),
            Encoding::Utf16Le => f.write_str("utf-16le"),
            Encoding::Utf16Be => f.write_str("utf-16be"),
            Encoding::Utf32Le => f.write_str("utf-32le"),
            Encoding::Utf32Be => f.write_str("utf-32be"),
            Encoding::Legacy(e) => f.write_str(&e.name().to_ascii_lowercase()),
        }
    }
}

/// Text decoded from a file's bytes, or why it is not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// The text and the encoding it was read from.
    Text(String, Encoding),
    /// The bytes are binary; the string names the format when recognised.
    Binary(String),
}

/// Known binary signatures, so the user is told what the file really is.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\x7FELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\xD0\xCF\x11\xE0", "an old Office document"),
];

/// Decodes file bytes. In order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; a known
/// binary signature, or control bytes making up more than [`MAX_CONTROL_SHARE`] of the whole
/// file (and more than a few), make it binary; text with zero bytes in every other place is UTF-16 without a mark;
/// valid UTF-8 is UTF-8; otherwise `declared` (an HTML page's charset) is used when given,
/// text that is mostly UTF-8 keeps it with U+FFFD at the invalid bytes only, and anything else
/// is read in the legacy encoding the detector finds most likely.
pub fn decode(bytes: &[u8], declared: Option<&'static encoding_rs::Encoding>) -> Decoded {
    if let Some(decoded) = decode_marked(bytes) {
        return decoded;
    }
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Decoded::Binary(format!("binary file ({what}), not text"));
        }
    }
    if let Some(decoded) = decode_utf16_unmarked(bytes) {
        return decoded;
    }
    let control = bytes.iter().filter(|&&b| is_control(b)).count();
    if control > MIN_CONTROL_BYTES && control as f64 > bytes.len() as f64 * MAX_CONTROL_SHARE {
        return Decoded::Binary(format!(
            "binary file ({control} of its {} bytes are control codes), not text",
            bytes.len()
        ));
    }
    decode_unmarked(bytes, declared)
}

/// The share of control bytes (NUL and the like, not tabs or line ends) above which a file
/// is binary. Text has none, or a stray one; binary formats are full of them.
pub const MAX_CONTROL_SHARE: f64 = 0.02;

/// A file with this many control bytes or fewer is text with damage, however short (one NUL
/// in a one-line note is not a binary file).
const MIN_CONTROL_BYTES: usize = 8;

fn is_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F)
}

/// Text that starts with a byte-order mark.
fn decode_marked(bytes: &[u8]) -> Option<Decoded> {
    // UTF-32's little-endian mark starts with UTF-16's: test it first.
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\x00\x00") {
        return Some(Decoded::Text(
            decode_utf32(rest, u32::from_le_bytes),
            Encoding::Utf32Le,
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\x00\x00\xFE\xFF") {
        return Some(Decoded::Text(
            decode_utf32(rest, u32::from_be_bytes),
            Encoding::Utf32Be,
        ));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(match decode_utf8(rest) {
            Decoded::Text(text, Encoding::Utf8) => Decoded::Text(text, Encoding::Utf8Bom),
            other => other,
        });
    }
    let utf16 = if bytes.starts_with(b"\xFF\xFE") {
        (encoding_rs::UTF_16LE, Encoding::Utf16Le)
    } else if bytes.starts_with(b"\xFE\xFF") {
        (encoding_rs::UTF_16BE, Encoding::Utf16Be)
    } else {
        return None;
    };
    let (text, _) = utf16.0.decode_with_bom_removal(bytes);
    Some(Decoded::Text(text.into_owned(), utf16.1))
}

/// UTF-32 code units read with `unit`; a unit that is no character becomes U+FFFD, and a
/// trailing partial unit one more.
fn decode_utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> String {
    let mut chunks = bytes.chunks_exact(4);
    let mut text: String = chunks
        .by_ref()
        .map(|c| {
            let unit = unit([c[0], c[1], c[2], c[3]]);
            char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    if !chunks.remainder().is_empty() {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// UTF-16 without a byte-order mark, told by its zero bytes: text in a Latin script has a
/// zero in nearly every second byte, on the odd places (little-endian) or the even ones.
fn decode_utf16_unmarked(bytes: &[u8]) -> Option<Decoded> {
    if bytes.len() < 8 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let (codec, encoding) = if odd * 10 >= pairs * 7 && even * 20 <= pairs {
        (encoding_rs::UTF_16LE, Encoding::Utf16Le)
    } else if even * 10 >= pairs * 7 && odd * 20 <= pairs {
        (encoding_rs::UTF_16BE, Encoding::Utf16Be)
    } else {
        return None;
    };
    let (text, _) = codec.decode_without_bom_handling(bytes);
    Some(Decoded::Text(text.into_owned(), encoding))
}

/// Valid UTF-8, or UTF-8 with U+FFFD for each run of invalid bytes.
fn decode_utf8(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text.to_owned(), Encoding::Utf8),
        Err(_) => {
            let runs = bytes
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            let text = String::from_utf8_lossy(bytes).into_owned();
            Decoded::Text(text, Encoding::Utf8Repaired(runs))
        }
    }
}

/// Text without a mark: see [`decode`].
fn decode_unmarked(bytes: &[u8], declared: Option<&'static encoding_rs::Encoding>) -> Decoded {
    let (multibyte, invalid) = bytes.utf8_chunks().fold((0, 0), |(m, i), chunk| {
        let wide = chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        (m + wide, i + usize::from(!chunk.invalid().is_empty()))
    });
    if invalid == 0 {
        return decode_utf8(bytes);
    }
    // A page's own declaration wins over a guess; a UTF-16 label in an 8-bit page is wrong
    // (browsers read it as UTF-8, and so do we).
    let declared = declared.map(encoding_rs::Encoding::output_encoding);
    match declared {
        Some(e) if e != encoding_rs::UTF_8 => return decode_legacy(bytes, e),
        Some(_) => return decode_utf8(bytes),
        None => {}
    }
    // As many characters written in UTF-8 as stray bytes, or more: a UTF-8 text with damage
    // (legacy text almost never holds a valid UTF-8 sequence by chance).
    if multibyte >= invalid {
        return decode_utf8(bytes);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    decode_legacy(bytes, detector.guess(None, false))
}

fn decode_legacy(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded::Text(text.into_owned(), Encoding::Legacy(encoding))
}

/// The character encoding an HTML page declares in its first 4 KB (`<meta charset=…>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or an XML declaration), as
/// browsers look for it.
pub fn declared_charset(page: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    static DECLARATION: std::sync::LazyLock<Option<regex::bytes::Regex>> = std::sync::LazyLock::new(
        || {
            regex::bytes::Regex::new(
                r#"(?i-u)(?:<meta[^>]*?charset\s*=\s*["']?|<\?xml[^>]*?encoding\s*=\s*["'])([a-z0-9_:.\-]+)"#,
            )
            .ok()
        },
    );
    let head = &page[..page.len().min(4096)];
    let label = DECLARATION.as_ref()?.captures(head)?.get(1)?;
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_table() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Kyiv".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Kyiv".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let utf32le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain("Kyiv".chars().flat_map(|c| u32::from(c).to_le_bytes()))
            .collect();
        let utf32be: Vec<u8> = [0, 0, 0xFE, 0xFF]
            .into_iter()
            .chain("Kyiv".chars().flat_map(|c| u32::from(c).to_be_bytes()))
            .collect();
        let unmarked16: Vec<u8> = "Kyiv, Odesa"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let cases: Vec<(Vec<u8>, Decoded)> = vec![
            (
                b"plain".to_vec(),
                Decoded::Text("plain".into(), Encoding::Utf8),
            ),
            (
                b"\xEF\xBB\xBFbom".to_vec(),
                Decoded::Text("bom".into(), Encoding::Utf8Bom),
            ),
            (utf16le, Decoded::Text("Kyiv".into(), Encoding::Utf16Le)),
            (utf16be, Decoded::Text("Kyiv".into(), Encoding::Utf16Be)),
            (
                b"caf\xE9 \x93quoted\x94".to_vec(),
                Decoded::Text(
                    "café “quoted”".into(),
                    Encoding::Legacy(encoding_rs::WINDOWS_1252),
                ),
            ),
            (
                b"\x89PNG\r\n\x1a\n".to_vec(),
                Decoded::Binary("binary file (a PNG image), not text".into()),
            ),
            (
                [(0u8..16).collect::<Vec<u8>>().as_slice(), b" ab"].concat(),
                Decoded::Binary(
                    "binary file (11 of its 19 bytes are control codes), not text".into(),
                ),
            ),
            // One stray NUL in a page of text is damage, not a binary file.
            (
                [b"ab\0cd ".as_slice(), &b"text ".repeat(20)].concat(),
                Decoded::Text(format!("ab\0cd {}", "text ".repeat(20)), Encoding::Utf8),
            ),
            // A stray byte in UTF-8 text is replaced where it is; the rest stays UTF-8.
            (
                ["Iran’s drones\n".as_bytes(), b"\xFF\n"].concat(),
                Decoded::Text(
                    "Iran’s drones\n\u{FFFD}\n".into(),
                    Encoding::Utf8Repaired(1),
                ),
            ),
            (utf32le, Decoded::Text("Kyiv".into(), Encoding::Utf32Le)),
            (utf32be, Decoded::Text("Kyiv".into(), Encoding::Utf32Be)),
            (
                unmarked16,
                Decoded::Text("Kyiv, Odesa".into(), Encoding::Utf16Le),
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(&bytes, None), want, "{bytes:?}");
        }
    }
}

#[cfg(test)]
mod declared {
    use super::*;

    #[test]
    fn a_declared_charset_is_honoured_for_bytes_that_are_not_utf8() {
        let page =
            b"<html><head><meta charset=windows-1251></head><body>\xCA\xE8\xE5\xE2</body></html>";
        let declared = declared_charset(page);
        assert_eq!(declared, Some(encoding_rs::WINDOWS_1251));
        let Decoded::Text(text, encoding) = decode(page, declared) else {
            panic!("not text")
        };
        assert!(text.contains("Киев"), "{text}");
        assert_eq!(encoding.to_string(), "windows-1251");
        let http_equiv =
            br#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#;
        assert_eq!(
            declared_charset(http_equiv),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_charset(b"<p>charset=koi8-r is a word here</p>"),
            None
        );
    }

    #[test]
    fn legacy_text_without_a_declaration_is_detected() {
        // Cyrillic in KOI8-R, long enough for the detector to be sure.
        let sentence = "Россия поставила Ирану танки и ракеты, сообщило министерство. ";
        let text = sentence.repeat(4);
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(&text);
        let Decoded::Text(text, encoding) = decode(&bytes, None) else {
            panic!("not text")
        };
        assert_eq!(text, sentence.repeat(4));
        // KOI8-R and KOI8-U agree on every Russian letter.
        assert!(encoding.to_string().starts_with("koi8-"), "{encoding}");
    }
}
