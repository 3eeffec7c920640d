use std::fmt;

/// Text encodings ArmsFlow reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (removed).
    Utf8Bom,
    /// UTF-16 little-endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with a byte-order mark.
    Utf16Be,
    /// Windows-1252, the fallback for bytes that are not valid UTF-8.
    Windows1252,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        })
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

/// Decodes file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.
/// Bytes with a binary signature or NUL bytes (outside UTF-16) are reported as binary.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Decoded::Text(text.to_owned(), Encoding::Utf8Bom),
            Err(_) => Decoded::Text(
                encoding_rs::WINDOWS_1252.decode(rest).0.into_owned(),
                Encoding::Windows1252,
            ),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (text, _) = encoding_rs::UTF_16LE.decode_with_bom_removal(bytes);
        return Decoded::Text(text.into_owned(), Encoding::Utf16Le);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (text, _) = encoding_rs::UTF_16BE.decode_with_bom_removal(bytes);
        return Decoded::Text(text.into_owned(), Encoding::Utf16Be);
    }
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Decoded::Binary(format!("binary file ({what}), not text"));
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Decoded::Binary("binary file (contains NUL bytes), not text".to_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded::Text(text.to_owned(), Encoding::Utf8),
        Err(_) => Decoded::Text(
            encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
            Encoding::Windows1252,
        ),
    }
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
                Decoded::Text("café “quoted”".into(), Encoding::Windows1252),
            ),
            (
                b"\x89PNG\r\n\x1a\n".to_vec(),
                Decoded::Binary("binary file (a PNG image), not text".into()),
            ),
            (
                b"ab\0cd".to_vec(),
                Decoded::Binary("binary file (contains NUL bytes), not text".into()),
            ),
        ];
        for (bytes, want) in cases {
            assert_eq!(decode(&bytes), want);
        }
    }
}
