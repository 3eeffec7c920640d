use super::Span;

/// Words that end with a period without ending a sentence ("Gen. Smith", "Jan. 5", "No. 10").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "brig", "cmdr", "gov", "sen", "rep", "pres", "st", "jr", "sr", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "v", "inc", "ltd",
    "co", "corp", "dept", "approx", "est", "fig", "mt", "ft", "e.g", "i.e", "u.s", "u.k", "u.n",
    "u.s.a", "d.c", "a.m", "p.m", "al", "cf",
];

/// Characters that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

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
/// Text is read as paragraphs: a blank line ends one, and so does a line break after a line
/// that reads as a line of its own (a headline, caption or list item: see [`continues`]);
/// any other line break is a space, so a sentence wrapped over two lines stays one sentence.
/// Within a paragraph, `.`, `!`, `?` and `…` end a sentence when followed by space and a
/// capital, digit or opening quote, except after known abbreviations, initials ("W."), and
/// dotted acronyms ("U.S."). `\n`, `\r\n` and a lone `\r` all end a line.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let widest = block.iter().map(|l| l.len()).max().unwrap_or(0);
        let mut from = block[0].start;
        for pair in block.windows(2) {
            if !continues(
                pair[0].slice(text),
                pair[1].slice(text),
                block.len(),
                widest,
            ) {
                split_paragraph(text, from, pair[0].end, &mut out);
                from = pair[1].start;
            }
        }
        if let Some(last) = block.last() {
            split_paragraph(text, from, last.end, &mut out);
        }
    }
    out
}

/// The text's lines (without their line ends), grouped into blocks of non-blank lines.
fn blocks(text: &str) -> Vec<Vec<Span>> {
    let mut blocks = Vec::new();
    let mut block: Vec<Span> = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    while start <= text.len() {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(text.len(), |p| start + p);
        if text[start..end].trim().is_empty() {
            if !block.is_empty() {
                blocks.push(std::mem::take(&mut block));
            }
        } else {
            block.push(Span::new(start, end));
        }
        if end == text.len() {
            break;
        }
        let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
        start = end + if crlf { 2 } else { 1 };
    }
    if !block.is_empty() {
        blocks.push(block);
    }
    blocks
}

/// The shortest line that can be a line of hard-wrapped text, in bytes.
const MIN_WRAPPED_LINE: usize = 40;

/// Whether the paragraph goes on from `line` to the `next` line of a block of `lines` lines
/// whose widest is `widest` bytes. A line ending in sentence punctuation, or followed by a list
/// item, a heading or a table row, ends its paragraph. Otherwise the break is a wrap when the
/// next line starts in lower case ("sent 10 tanks\nto Ukraine"), or when the block looks
/// hard-wrapped: three lines or more, and this one nearly as wide as the widest. A two-line
/// headline above a date line stays two lines.
fn continues(line: &str, next: &str, lines: usize, widest: usize) -> bool {
    let line = line.trim_end();
    let next = next.trim_start();
    let ends_sentence = line
        .trim_end_matches(is_closer)
        .ends_with(|c: char| is_terminal(c) || c == ':');
    let opens_item = next.starts_with(['-', '*', '•', '#', '|', '>', '–', '—'])
        || next.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if ends_sentence || opens_item {
        return false;
    }
    let lower = next.starts_with(|c: char| c.is_lowercase());
    let long = line.len() >= MIN_WRAPPED_LINE;
    let wrapped = lines >= 3 && long && line.len() * 4 >= widest * 3;
    // "… 10 tanks to\nUkraine": no headline or sentence ends on a function word; a long
    // line going on with a number ("delivered\n10 tanks") is wrapped too.
    let last_word = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let open_ended = WRAPPING_WORDS.contains(&last_word.as_str());
    let number = long && next.starts_with(|c: char| c.is_ascii_digit());
    lower || wrapped || open_ended || number
}

/// Closed-class words (articles, prepositions, conjunctions, possessives) that never end a
/// line of their own: a line ending with one goes on in the next.
const WRAPPING_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "and", "or", "but", "nor", "in", "on", "at", "by", "for", "from",
    "with", "into", "onto", "over", "under", "about", "after", "before", "between", "against",
    "than", "that", "as", "its", "their", "his", "her", "our", "your", "this", "these", "those",
    "which", "who", "whose",
];

/// Splits the paragraph `text[from..to]` (line breaks within it are spaces) into sentences.
fn split_paragraph(text: &str, from: usize, to: usize, out: &mut Vec<Span>) {
    let para = &text[from..to];
    let mut sentence_start = 0;
    let mut i = 0;
    // Jump from one terminal to the next: most characters are none.
    while let Some(skip) = para[i..].find(is_terminal) {
        i += skip;
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        // Take the whole run of terminal punctuation and closing quotes.
        let after_c = i + c.len_utf8();
        let end = para[after_c..]
            .char_indices()
            .find(|&(_, ch)| !is_terminal(ch) && !is_closer(ch))
            .map_or(para.len(), |(p, _)| after_c + p);
        if ends_sentence(para, i, c, end) {
            push_trimmed(from, &para[sentence_start..end], sentence_start, out);
            sentence_start = end;
        }
        i = end;
    }
    push_trimmed(from, &para[sentence_start..], sentence_start, out);
}

/// Decides whether the punctuation `c` at byte `pos` ends a sentence, given that the next
/// character that is neither punctuation nor a closer is at byte `next`.
fn ends_sentence(para: &str, pos: usize, c: char, next: usize) -> bool {
    // Must be followed by white space, then a sentence opener.
    if !para[next..].starts_with(char::is_whitespace) {
        return false; // end of paragraph (handled by the caller) or "3.5".
    }
    let Some(first) = para[next..].trim_start().chars().next() else {
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
    let before = &para[..pos];
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
    let mut letters = word.chars();
    if letters.next().is_some_and(char::is_uppercase) && letters.next().is_none() {
        return false;
    }
    if word.contains('.') && word.chars().all(|ch| ch == '.' || ch.is_uppercase()) {
        return false;
    }
    true
}

/// True for a short line with no final punctuation: a headline, caption or link text.
pub fn is_headline_like(line: &str) -> bool {
    // The ending first, and words counted only up to the limit: a paragraph is a long line.
    !line.ends_with(['.', '!', '?', '"', '”', ':', ';', ','])
        && (1..=20).contains(&line.split_whitespace().take(21).count())
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
            // A sentence wrapped over lines is one sentence, whatever the line ends.
            (
                "Germany delivered 10 tanks\nto Ukraine.",
                &["Germany delivered 10 tanks\nto Ukraine."],
            ),
            (
                "Germany delivered 10 tanks\r\nto Ukraine.\r\n",
                &["Germany delivered 10 tanks\r\nto Ukraine."],
            ),
            (
                "Germany delivered 10 tanks\rto Ukraine.\r",
                &["Germany delivered 10 tanks\rto Ukraine."],
            ),
            // A blank line ends a paragraph, so does a line ending a sentence or a colon.
            ("One line\n\nanother line", &["One line", "another line"]),
            (
                "It ended.\nthen a new one",
                &["It ended.", "then a new one"],
            ),
            ("Items:\n- tanks\n- guns", &["Items:", "- tanks", "- guns"]),
            // A line ending on a function word goes on, whatever the next one starts with;
            // so does a long line going on with a number.
            (
                "Officials said that Germany delivered 10 tanks to\nUkraine on Monday.",
                &["Officials said that Germany delivered 10 tanks to\nUkraine on Monday."],
            ),
            (
                "Officials in Berlin said on Monday that Germany delivered\n10 tanks.",
                &["Officials in Berlin said on Monday that Germany delivered\n10 tanks."],
            ),
            (
                "Short title\n10 tanks arrive",
                &["Short title", "10 tanks arrive"],
            ),
            // A headline above its date line stays two lines.
            (
                "Tanks for Kyiv\nDate: 2023-01-05",
                &["Tanks for Kyiv", "Date: 2023-01-05"],
            ),
            // Hard-wrapped text (three lines or more, nearly equal width) is one paragraph,
            // even where a wrapped line starts with a capital.
            (
                "The ministry said on Monday that the first batch of armoured\nVehicles had left the port and more would follow within\nthe month.",
                &[
                    "The ministry said on Monday that the first batch of armoured\nVehicles had left the port and more would follow within\nthe month.",
                ],
            ),
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
