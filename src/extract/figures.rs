use crate::model::{Qualifier, Quantity};
use crate::text::{Span, Token, TokenKind};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A dollar amount found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    /// Where the amount is written.
    pub span: Span,
    /// The amount in US dollars.
    pub usd: u64,
}

/// A count found in a sentence ("more than 100", "four", "40,000").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuantityHit {
    /// First token of the qualifier and number.
    pub first: usize,
    /// Last token of the number (and its scale word).
    pub last: usize,
    /// The count and how exact it is.
    pub quantity: Quantity,
}

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[^A-Za-z$£€])(?:US ?|U\.S\. ?)?\$ ?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?) ?(trillion|tn|billion|bn|b|million|mn|m|thousand|k)?\b")
        .expect("static regex")
});

/// Dollar amounts in `span` of `text`. Other currencies ("£500m", "€2bn") and other dollars
/// ("A$", "C$", "HK$") are not US dollars and are left out.
pub fn find_money(text: &str, span: Span) -> Vec<Money> {
    let piece = span.slice(text);
    // Every amount has a dollar sign: most sentences have none and need no regex.
    if !piece.contains('$') {
        return Vec::new();
    }
    MONEY
        .captures_iter(piece)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let lead = c.get(1).map_or(0, |m| m.len());
            let number: f64 = c[2].replace(',', "").parse().ok()?;
            let scale = match c.get(3).map(|m| m.as_str().to_ascii_lowercase()).as_deref() {
                Some("trillion" | "tn") => 1e12,
                Some("billion" | "bn" | "b") => 1e9,
                Some("million" | "mn" | "m") => 1e6,
                Some("thousand" | "k") => 1e3,
                _ => 1.0,
            };
            let usd = (number * scale).round();
            (1.0..1e16).contains(&usd).then(|| Money {
                span: Span::new(span.start + whole.start() + lead, span.start + whole.end()),
                usd: usd as u64,
            })
        })
        .collect()
}

const NUMBER_WORDS: &[(&str, u64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
    ("dozen", 12),
];

/// [`NUMBER_WORDS`] by word: every word of a sentence is looked up.
static NUMBER_WORD_VALUES: LazyLock<FxHashMap<&str, u64>> =
    LazyLock::new(|| NUMBER_WORDS.iter().copied().collect());

const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["more", "than"], Qualifier::MoreThan),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["at", "least"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["some"], Qualifier::About),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["nearly"], Qualifier::About),
    (&["almost"], Qualifier::About),
    (&["an", "estimated"], Qualifier::About),
    (&["close", "to"], Qualifier::About),
    (&["up", "to"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["fewer", "than"], Qualifier::UpTo),
    (&["less", "than"], Qualifier::UpTo),
];

fn scale_of(word: &str) -> Option<u64> {
    match word {
        "thousand" => Some(1_000),
        "million" | "m" | "mn" | "mln" => Some(1_000_000),
        "billion" | "bn" | "bln" => Some(1_000_000_000),
        _ => None,
    }
}

/// True when the token is a count or its scale word ("four", "12", "6,000", "million").
pub(super) fn is_count_or_scale(token: &Token) -> bool {
    is_count(token) || scale_of(&token.lower).is_some()
}

/// True when the token is a count ("four", "12", "6,000").
pub(super) fn is_count(token: &Token) -> bool {
    number_value(token).is_some()
}

/// Parses one number token ("6,000", "4m", "12"); `None` for model numbers ("155mm").
fn number_value(token: &Token) -> Option<u64> {
    if token.kind == TokenKind::Word {
        return NUMBER_WORD_VALUES.get(token.lower.as_str()).copied();
    }
    let lower = token.lower.as_str();
    let opens_with_digit = lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        || (lower.starts_with('.') && lower[1..].starts_with(|c: char| c.is_ascii_digit()));
    if !opens_with_digit {
        return None;
    }
    let end = lower
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(lower.len());
    let (digits, rest) = lower.split_at(end);
    let base: f64 = digits.replace(',', "").parse().ok()?;
    let scale = if rest.is_empty() { 1 } else { scale_of(rest)? };
    Some((base * scale as f64).round() as u64)
}

/// A sum of money written with a currency word ("eight mln stg", "25 billion dlrs").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sum {
    /// First token of the number.
    pub first: usize,
    /// The currency word's token.
    pub last: usize,
    /// The amount when the currency is US dollars.
    pub usd: Option<u64>,
}

/// Sums written with a currency word after the number (and its scale word): `currency(i)` says
/// whether token `i` names a currency, `dollars(i)` whether it names US dollars.
pub fn find_sums(
    tokens: &[Token],
    currency: impl Fn(usize) -> bool,
    dollars: impl Fn(usize) -> bool,
) -> Vec<Sum> {
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let Some(value) = number_value(t) else {
            continue;
        };
        let scale = tokens.get(i + 1).and_then(|n| scale_of(&n.lower));
        let at = i + 1 + usize::from(scale.is_some());
        if !currency(at) {
            continue;
        }
        let usd = value
            .checked_mul(scale.unwrap_or(1))
            .filter(|_| dollars(at));
        out.push(Sum {
            first: i,
            last: at,
            usd,
        });
    }
    out
}

/// Counts in a sentence's tokens, with their qualifiers. Money and percentages are not counts;
/// model numbers ("Leopard 2") are removed by the caller, which knows the model names.
pub fn find_quantities(tokens: &[Token]) -> Vec<QuantityHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(mut value) = number_value(&tokens[i]) else {
            i += 1;
            continue;
        };
        let prev = i.checked_sub(1).map(|p| &tokens[p]);
        let is_money = prev.is_some_and(|p| matches!(p.lower.as_str(), "$" | "£" | "€" | "us$"));
        let mut last = i;
        if let Some(scale) = tokens.get(i + 1).and_then(|t| scale_of(&t.lower)) {
            // "99999999999999 billion" is no count (found by the fuzzer): skip it.
            let Some(scaled) = value.checked_mul(scale) else {
                i += 2;
                continue;
            };
            value = scaled;
            last = i + 1;
        }
        let next = tokens.get(last + 1).map(|t| t.lower.as_str());
        let is_share = matches!(next, Some("%" | "percent" | "per"));
        if is_money || is_share || value == 0 {
            i = last + 1;
            continue;
        }
        let mut first = i;
        let mut qualifier = Qualifier::Exact;
        for (words, q) in QUALIFIERS {
            let n = words.len();
            if i >= n
                && tokens[i - n..i]
                    .iter()
                    .zip(words.iter())
                    .all(|(t, w)| t.lower == *w)
            {
                qualifier = *q;
                first = i - n;
                break;
            }
        }
        out.push(QuantityHit {
            first,
            last,
            quantity: Quantity { value, qualifier },
        });
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absurdly_large_count_is_skipped_not_overflowed() {
        let text = "Russia sent 99999999999999999 billion tanks and 12 drones.";
        let tokens = crate::text::tokenize(text, Span::new(0, text.len()));
        let values: Vec<u64> = find_quantities(&tokens)
            .iter()
            .map(|q| q.quantity.value)
            .collect();
        assert_eq!(values, [12]);
    }
    use crate::text::tokenize;

    #[test]
    fn money_table() {
        let cases: &[(&str, &[u64])] = &[
            ("imported $24 million worth", &[24_000_000]),
            (
                "a $61bn package and $1.5 billion more",
                &[61_000_000_000, 1_500_000_000],
            ),
            ("purchased $150,000 worth", &[150_000]),
            ("an extra £500m and €2bn", &[]),
            ("A$100m from Canberra", &[]),
            ("US$ 3 million", &[3_000_000]),
        ];
        for (text, want) in cases {
            let got: Vec<u64> = find_money(text, Span::new(0, text.len()))
                .iter()
                .map(|m| m.usd)
                .collect();
            assert_eq!(&got, want, "input: {text:?}");
        }
    }

    #[test]
    fn quantity_table() {
        let q = |value, qualifier| Quantity { value, qualifier };
        let cases: &[(&str, &[Quantity])] = &[
            (
                "return more than 100 engines",
                &[q(100, Qualifier::MoreThan)],
            ),
            (
                "some 200 cameras and 40,000 rockets",
                &[q(200, Qualifier::About), q(40_000, Qualifier::Exact)],
            ),
            (
                "four engines, six from Belarus",
                &[q(4, Qualifier::Exact), q(6, Qualifier::Exact)],
            ),
            ("nearly 4m rounds", &[q(4_000_000, Qualifier::About)]),
            ("German Leopard 2 tanks", &[q(2, Qualifier::Exact)]),
            ("$24 million and 20 percent", &[]),
            ("up to 12 jets", &[q(12, Qualifier::UpTo)]),
        ];
        for (text, want) in cases {
            let tokens = tokenize(text, Span::new(0, text.len()));
            let got: Vec<Quantity> = find_quantities(&tokens)
                .iter()
                .map(|h| h.quantity)
                .collect();
            assert_eq!(&got, want, "input: {text:?}");
        }
    }
}
