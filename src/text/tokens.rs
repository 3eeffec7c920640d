use super::Span;
use compact_str::CompactString;

/// What a [`Token`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes or dots ("el-Sisi", "U.S.", "F-16").
    Word,
    /// Digits with inner separators ("6,000", "3.5").
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// A word, number or punctuation mark with its byte span in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the text.
    pub span: Span,
    /// The token in lower case, with typographic apostrophes made plain.
    pub lower: CompactString,
    /// The token's kind.
    pub kind: TokenKind,
    /// True when the token starts with an upper-case letter.
    pub capitalized: bool,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '/')
}

/// Splits `span` of `text` into tokens. Inner joiners (`-`, `'`, `.`, `,` and `/`) stay inside
/// a token when letters or digits follow them ("F-16", "Russia’s", "6,000"); a trailing period
/// stays with dotted acronyms ("U.S.").
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let piece = span.slice(text);
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            out.push(make(piece, span.start, start, end, TokenKind::Punct));
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_alphanumeric() {
                j += 1;
            } else if is_joiner(ch) && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric()) {
                // A comma joins only digits ("6,000"), never words ("Egypt,Belarus" is rare).
                if ch == ','
                    && !(chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit())
                {
                    break;
                }
                j += 1;
            } else {
                break;
            }
        }
        let mut end = chars.get(j).map_or(piece.len(), |&(p, _)| p);
        let word = &piece[start..end];
        // Keep the final dot of a dotted acronym: "U.S." / "U.K.".
        if word.contains('.')
            && chars.get(j).is_some_and(|&(_, ch)| ch == '.')
            && word.chars().all(|ch| ch == '.' || ch.is_uppercase())
        {
            end += 1;
            j += 1;
        }
        let kind = if piece[start..end]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_digit())
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        out.push(make(piece, span.start, start, end, kind));
        i = j;
    }
    out
}

fn make(piece: &str, base: usize, start: usize, end: usize, kind: TokenKind) -> Token {
    let raw = &piece[start..end];
    // Most tokens are short plain ASCII: kept inline (no allocation), no apostrophe to make
    // plain.
    let lower = if raw.is_ascii() {
        let mut lower = CompactString::from(raw);
        lower.make_ascii_lowercase();
        lower
    } else {
        CompactString::from(raw.to_lowercase().replace('’', "'"))
    };
    Token {
        span: Span::new(base + start, base + end),
        lower,
        kind,
        capitalized: raw.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Russia’s 6,000 F-16s", &["russia's", "6,000", "f-16s"]),
            (
                "the U.S. sent $24 million.",
                &["the", "u.s.", "sent", "$", "24", "million", "."],
            ),
            (
                "Egypt, Belarus and el-Sisi",
                &["egypt", ",", "belarus", "and", "el-sisi"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = tokenize(text, Span::new(0, text.len()))
                .into_iter()
                .map(|t| t.lower.to_string())
                .collect();
            assert_eq!(&got, want, "input: {text:?}");
        }
    }
}
