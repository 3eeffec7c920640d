use super::Span;

/// Words that end with a period without ending a sentence ("Gen. Smith", "Jan. 5", "No. 10").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "brig", "cmdr", "gov", "sen", "rep", "pres", "st", "jr", "sr", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "inc", "ltd",
    "co", "corp", "dept", "approx", "est", "fig", "mt", "ft", "e.g", "i.e", "u.s", "u.k", "u.n",
    "u.s.a", "d.c", "a.m", "p.m", "al", "cf",
];

/// Characters that may close a sentence after its final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Characters that may open a sentence before its first letter.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '¿' | '¡')
}

/// Splits `text` into sentences and returns their byte spans, trimmed of surrounding space.
///
/// Line breaks always end a sentence (saved articles put headlines, captions and paragraphs on
/// lines of their own). Within a line, `.`, `!`, `?` and `…` end a sentence when followed by
/// space and a capital, digit or opening quote, except after known abbreviations, initials
/// ("W."), and dotted acronyms ("U.S.").
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, from: usize, to: usize, out: &mut Vec<Span>) {
    let line = &text[from..to];
    let mut sentence_start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of terminal punctuation and closing quotes.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closer(chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(p, _)| p);
            if ends_sentence(line, pos, c, &chars, j) {
                push_trimmed(from, &line[sentence_start..end], sentence_start, out);
                sentence_start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(from, &line[sentence_start..], sentence_start, out);
}

/// Decides whether the punctuation `c` at byte `pos` ends a sentence, given that the next
/// non-punctuation character is at char index `next`.
fn ends_sentence(line: &str, pos: usize, c: char, chars: &[(usize, char)], next: usize) -> bool {
    // Must be followed by white space, then a sentence opener.
    let Some(&(_, after)) = chars.get(next) else {
        return false; // end of line: handled by the caller.
    };
    if !after.is_whitespace() {
        return false;
    }
    let mut k = next;
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    let Some(&(_, first)) = chars.get(k) else {
        return false;
    };
    let starts_new = first.is_uppercase()
        || first.is_ascii_digit()
        || is_opener(first)
        || matches!(first, '—' | '–' | '-');
    if !starts_new {
        return false;
    }
    if c != '.' {
        return true;
    }
    // The word right before the period.
    let before = &line[..pos];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| ch.is_whitespace() || is_opener(ch) || ch == '(')
        .map_or(0, |(p, ch)| p + ch.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // Initials ("W.") and dotted acronyms ("U.S", "D.C").
    let letters: Vec<char> = word.chars().collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    if word.contains('.') && word.chars().all(|ch| ch == '.' || ch.is_uppercase()) {
        return false;
    }
    true
}

/// The longest sentence handed on, in bytes. Real sentences stay far below (a long one is 400
/// bytes); a longer run without a full stop is a list, a table or a dump, and is cut at white
/// space into pieces of at most this size, so that reading it costs time in proportion to its
/// length (a 15 MB file on one line once took hours).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_trimmed(line_from: usize, piece: &str, offset: usize, out: &mut Vec<Span>) {
    let trimmed_start = piece.len() - piece.trim_start().len();
    let mut rest = piece.trim();
    let mut start = line_from + offset + trimmed_start;
    while rest.len() > MAX_SENTENCE_BYTES {
        let mut limit = MAX_SENTENCE_BYTES;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        // At the last white space before the limit; a run without any is cut at the limit.
        let cut = rest[..limit]
            .rfind(char::is_whitespace)
            .filter(|&i| i > 0)
            .unwrap_or(limit);
        let head = rest[..cut].trim_end();
        out.push(Span::new(start, start + head.len()));
        let tail = &rest[cut..];
        let next = tail.trim_start();
        start += cut + (tail.len() - next.len());
        rest = next;
    }
    if !rest.is_empty() {
        out.push(Span::new(start, start + rest.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_without_full_stops_is_cut_at_white_space() {
        let text = "word ".repeat(1_000) + "é".repeat(1_500).as_str();
        let spans = split_sentences(&text);
        assert!(spans.len() > 2, "{}", spans.len());
        let mut joined = Vec::new();
        for s in &spans {
            assert!(s.len() <= MAX_SENTENCE_BYTES, "{s:?}");
            let piece = s.slice(&text);
            assert_eq!(piece, piece.trim());
            joined.push(piece);
        }
        // Nothing lost: the pieces are the text's words in order.
        let words: Vec<&str> = text.split_whitespace().collect();
        let pieces: Vec<&str> = joined.iter().flat_map(|p| p.split_whitespace()).collect();
        assert_eq!(words.concat(), pieces.concat());
    }

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn splitting_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Gen. Ivanov left. He came back.",
                &["Gen. Ivanov left.", "He came back."],
            ),
            (
                "The U.S. Army sent tanks. Then more.",
                &["The U.S. Army sent tanks.", "Then more."],
            ),
            (
                "It arrived on Jan. 5 in Kyiv. Nothing else.",
                &["It arrived on Jan. 5 in Kyiv.", "Nothing else."],
            ),
            (
                "Headline without stop\nBody line one. Body two.",
                &["Headline without stop", "Body line one.", "Body two."],
            ),
            (
                "“We sent them.” The minister said so.",
                &["“We sent them.”", "The minister said so."],
            ),
            (
                "Lt. Gen. W. Smith spoke. Later, No. 10 agreed.",
                &["Lt. Gen. W. Smith spoke.", "Later, No. 10 agreed."],
            ),
            (
                "Did it happen? Yes! It did.",
                &["Did it happen?", "Yes!", "It did."],
            ),
            (
                "Prices rose 3.5 percent. Fine.",
                &["Prices rose 3.5 percent.", "Fine."],
            ),
            (
                "ends with lower. then continues",
                &["ends with lower. then continues"],
            ),
            ("  \n\n  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "input: {text:?}");
        }
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text = "Égypte a dit «oui». Kyiv – “yes”. Ünïcödé!";
        for span in split_sentences(text) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
