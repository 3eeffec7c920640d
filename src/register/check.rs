//! One transfer against the register: a deal between the same supplier and recipient, of a
//! compatible kind (or the very designation the reports name), ordered or delivered within
//! [`YEAR_SLACK`] years of the years the reports span.

use super::{CategoryTable, Register};
use crate::model::{Category, RegisterDeal, RegisterMark, RegisterMatch};

/// How many years before and after a report's span a register deal may be ordered or
/// delivered and still be its deal: news reports an order months before SIPRI dates it, and
/// SIPRI marks many of its years as estimates.
pub const YEAR_SLACK: i32 = 1;

/// At most this many matching deals are kept with a transfer.
const KEPT_DEALS: usize = 5;

/// What a transfer is, for the register.
#[derive(Debug, Clone)]
pub struct Query<'a> {
    /// Supplier code.
    pub supplier: &'a str,
    /// Recipient code.
    pub recipient: &'a str,
    /// The goods' category.
    pub category: Category,
    /// The goods as each report names them.
    pub items: Vec<&'a str>,
    /// The reports' sentences, where a designation the item leaves out may stand
    /// ("450 Shahed-136 drones" with the item "drones").
    pub sentences: Vec<&'a str>,
    /// The first and last year of the reports (or of their articles), if any is dated.
    pub years: Option<(i32, i32)>,
}

impl Register {
    /// Checks one transfer: in the register (with the deals, best first), not in it, or
    /// outside what the register can say.
    pub fn check(&self, q: &Query<'_>) -> RegisterMatch {
        let table = CategoryTable::builtin();
        if let Some(why) = self.not_covered(q) {
            return outcome(RegisterMark::NotCovered, why, Vec::new());
        }
        if table.never_compared(q.category)
            && let Some(why) = table.outside(q.category)
        {
            return outcome(RegisterMark::NotCovered, why.to_owned(), Vec::new());
        }
        let window = q.years.map(|(a, b)| (a - YEAR_SLACK, b + YEAR_SLACK));
        let in_window: Vec<&RegisterDeal> = match window {
            Some(w) => self.deals_in(q.supplier, q.recipient, w).collect(),
            None => self.pair(q.supplier, q.recipient).collect(),
        };
        let words = item_words(&q.items);
        // The sentences are the longest texts: read only when there is a deal to name.
        let named_in = if in_window.is_empty() {
            Vec::new()
        } else {
            item_words(&q.sentences)
        };
        let mut found: Vec<(bool, bool, bool, i32, &RegisterDeal)> = in_window
            .iter()
            .filter_map(|d| {
                let compatible = d.category.is_some_and(|c| table.compatible(q.category, c));
                // A designation in the goods is the deal; one elsewhere in the sentence ("…,
                // which already sent Leopard tanks, will deliver missiles") only with goods
                // of a compatible kind.
                let named = names_designation(&words, &d.designation, table)
                    || (compatible && names_designation(&named_in, &d.designation, table));
                let exact = d.category == Some(q.category);
                let fits = compatible && table.kinds_agree(&words, &d.description);
                let kind = shares_a_word(&words, &d.description, table);
                (named || fits).then(|| (!named, !kind, !exact, distance(d, q.years), *d))
            })
            .collect();
        // The designation first, then a description that shares a word with the reports'
        // ("tanks" for "tank"), then the same category, then the nearest in years.
        found.sort_by_key(|&(n, k, e, dist, d)| (n, k, e, dist, d.line));
        let years = years_label(q.years);
        let Some(&(unnamed, _, _, _, best)) = found.first() else {
            if let Some(why) = table.outside(q.category).or_else(|| table.excluded(&words)) {
                return outcome(RegisterMark::NotCovered, why.to_owned(), Vec::new());
            }
            if let Some(bloc) = [q.supplier, q.recipient]
                .into_iter()
                .find(|c| crate::gazetteer::is_bloc(c))
            {
                let why = format!(
                    "SIPRI records what {bloc} members deliver under each member state, not {bloc}"
                );
                return outcome(RegisterMark::NotCovered, why, Vec::new());
            }
            let others = match in_window.len() {
                0 => String::new(),
                1 => " (the register has 1 deal of another kind between them then)".to_owned(),
                n => format!(" (the register has {n} deals of other kinds between them then)"),
            };
            let why = format!("no {} deal between them{years}{others}", q.category);
            return outcome(RegisterMark::NotInRegister, why, Vec::new());
        };
        let why = if unnamed {
            format!(
                "{} ({}) between them{years}, a fit for {}",
                best.description,
                best.category.map_or("", |c| c.as_str()),
                q.category
            )
        } else {
            format!("the designation {} is named in a report", best.designation)
        };
        // Deals a report names, or names the kind of, count as reported; those that only
        // fit a vague report ("weapons", "military aid") stay listed as the register's more.
        let matched_lines = found
            .iter()
            .filter(|&&(unnamed, other_kind, ..)| !unnamed || !other_kind)
            .map(|(.., d)| d.line)
            .collect();
        let deals = found
            .into_iter()
            .take(KEPT_DEALS)
            .map(|(.., d)| d.clone())
            .collect();
        RegisterMatch {
            matched_lines,
            ..outcome(RegisterMark::InRegister, why, deals)
        }
    }

    /// Why the register cannot say anything of `q`, if it cannot.
    fn not_covered(&self, q: &Query<'_>) -> Option<String> {
        for (side, code) in [("supplier", q.supplier), ("recipient", q.recipient)] {
            // A bloc the register never names as one party (the West; the EU in most
            // exports) is not one of its parties: its deals are the member states'.
            if crate::gazetteer::is_bloc(code) && !self.codes.contains(code) {
                return Some(format!("SIPRI records no deals with {code} as one {side}"));
            }
        }
        let limits = [
            (&self.coverage.suppliers, q.supplier, "from"),
            (&self.coverage.recipients, q.recipient, "to"),
        ];
        for (limit, code, word) in limits {
            if let Some((codes, name)) = limit
                && !codes.contains(code)
            {
                return Some(format!("this register holds only deals {word} {name}"));
            }
        }
        let (from, to) = q.years?;
        // The years an export was made for are a hard limit; the years its deals happen to
        // span are widened as matching widens them.
        let (first, last) = match self.coverage.years {
            Some(years) => years,
            None => {
                let (a, b) = self.span?;
                (a - YEAR_SLACK, b + YEAR_SLACK)
            }
        };
        if to < first || from > last {
            return Some(format!("this register covers {first}–{last}"));
        }
        None
    }
}

impl Register {
    /// The deals from `supplier` to `recipient` ordered or delivered within `window` (or
    /// ordered before it and not yet delivered), as [`Register::check`] takes them.
    pub fn deals_in(
        &self,
        supplier: &str,
        recipient: &str,
        window: (i32, i32),
    ) -> impl Iterator<Item = &RegisterDeal> {
        self.pair(supplier, recipient)
            .filter(move |d| in_years(d, window))
    }
}

fn outcome(mark: RegisterMark, why: String, deals: Vec<RegisterDeal>) -> RegisterMatch {
    RegisterMatch {
        mark,
        why,
        matched_lines: deals.iter().map(|d| d.line).collect(),
        deals,
    }
}

/// True when the deal was ordered or delivered within `window`, or is an order placed before
/// it and not yet delivered.
fn in_years(d: &RegisterDeal, (from, to): (i32, i32)) -> bool {
    let within = |y: i32| (from..=to).contains(&y);
    d.order_year.is_some_and(within)
        || d.delivery_years.iter().any(|&y| within(y))
        || (d.delivery_years.is_empty() && d.order_year.is_some_and(|y| y <= to))
}

/// Years between the deal and the reports' span (0 when they meet).
fn distance(d: &RegisterDeal, years: Option<(i32, i32)>) -> i32 {
    let Some((from, to)) = years else {
        return 0;
    };
    d.order_year
        .iter()
        .chain(&d.delivery_years)
        .map(|&y| (from - y).max(y - to).max(0))
        .min()
        .unwrap_or(i32::MAX)
}

fn years_label(years: Option<(i32, i32)>) -> String {
    match years {
        Some((a, b)) if a == b => format!(" within a year of {a}"),
        Some((a, b)) => format!(" within a year of {a}–{b}"),
        None => " in any year (the reports are undated)".to_owned(),
    }
}

/// A word as designations are compared: lower case, letters and digits only ("MiG-29" and
/// "Mig 29"'s first word differ; "MiG-29" -> "mig29").
fn key(word: &str) -> String {
    word.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The keys of the reports' item words, joined with the number that follows a name
/// ("Leopard 2" -> "leopard", "2", "leopard2"), and the parts of hyphenated words
/// ("anti-radar" -> "antiradar", "anti", "radar").
fn item_words(items: &[&str]) -> Vec<String> {
    let mut keys = Vec::new();
    for item in items {
        for word in item.split_whitespace().filter(|w| w.contains('-')) {
            keys.extend(word.split('-').map(key).filter(|k| k.len() >= 3));
        }
        let words: Vec<String> = item
            .split(|c: char| c.is_whitespace() || c == '/')
            .map(key)
            .filter(|k| !k.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            keys.push(w.clone());
            if let Some(next) = words.get(i + 1)
                && next.starts_with(|c: char| c.is_ascii_digit())
            {
                keys.push(format!("{w}{next}"));
            }
        }
    }
    keys
}

/// True when the reports name the deal's designation: a word with a digit that is the
/// designation's code or its start before a variant letter ("F-16" for "F-16C", "T-72" for
/// "T-72B3", not "Mi-2" for "Mi-24"), or the designation's name of four letters or more
/// ("Leopard" for "Leopard-2A4", "Patriot" for "Patriot PAC-3") unless that name is a generic
/// word ("Type").
fn names_designation(words: &[String], designation: &str, table: &CategoryTable) -> bool {
    // Every part counts: "M-2A3 Bradley" is named by "Bradley", "Storm Shadow/SCALP-EG" by
    // "SCALP".
    designation
        .split([' ', '/'])
        .filter(|part| !part.is_empty())
        .any(|part| names_part(words, part, table))
}

/// True when the reports name one part of a designation, by its code or its name.
fn names_part(words: &[String], part: &str, table: &CategoryTable) -> bool {
    // A calibre ("155mm") names every gun and shell of that size, not one weapon.
    if is_calibre(part) {
        return false;
    }
    let code = key(part);
    let name: String = part
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    let by_name = name.len() >= 4 && !table.is_generic(&name);
    words.iter().any(|w| {
        let has_digit = w.chars().any(|c| c.is_ascii_digit());
        let by_code = has_digit && w.len() >= 3 && starts_variant(&code, w);
        let w_name: String = w.chars().take_while(char::is_ascii_alphabetic).collect();
        by_code || (by_name && w_name == name)
    })
}

/// True for a calibre: digits and "mm" ("155mm").
fn is_calibre(part: &str) -> bool {
    let lower = part.to_ascii_lowercase();
    lower
        .strip_suffix("mm")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

/// True when the deal's description shares a word of three letters or more with the
/// reports' items, a plural's "s" aside ("fighter jets" and "fighter aircraft").
fn shares_a_word(words: &[String], description: &str, table: &CategoryTable) -> bool {
    let singular = |w: &str| w.strip_suffix('s').unwrap_or(w).to_owned();
    description
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() >= 3 && !table.is_generic(&w.to_ascii_lowercase()))
        .map(|w| singular(&w.to_ascii_lowercase()))
        .any(|d| words.iter().any(|w| w.len() >= 3 && singular(w) == d))
}

/// True when `short` is `long` or starts it with a letter next ("f16" of "f16c").
fn starts_variant(long: &str, short: &str) -> bool {
    long.strip_prefix(short)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_are_named_by_code_or_name() {
        let t = CategoryTable::builtin();
        let cases = [
            ("Leopard 2 tanks", "Leopard-2A4", true),
            ("F-16 fighter jets", "F-16C", true),
            ("T-72 tanks", "T-72B3", true),
            ("Mi-2 helicopters", "Mi-24", false),
            ("Patriot batteries", "Patriot PAC-3", true),
            ("Shahed-136 drones", "Shahed-136", true),
            ("attack drones", "Shahed-136", false),
            ("a type of frigate", "Type-054A", false),
            ("Type 054A frigates", "Type-054A", true),
            ("Bradley fighting vehicles", "M-2A3 Bradley", true),
            ("SCALP missiles", "Storm Shadow/SCALP-EG", true),
            ("a ghost of a chance", "Phoenix Ghost Dominator", false),
            ("155mm artillery shells", "DITA 155mm", false),
        ];
        for (item, designation, want) in cases {
            let words = item_words(&[item]);
            assert_eq!(
                names_designation(&words, designation, t),
                want,
                "{item} / {designation}"
            );
        }
    }

    #[test]
    fn hyphenated_goods_give_their_parts_as_words() {
        let words = item_words(&["anti-radar missiles"]);
        for w in ["antiradar", "anti", "radar", "missiles"] {
            assert!(words.iter().any(|k| k == w), "{w} in {words:?}");
        }
    }

    #[test]
    fn years_window_takes_orders_deliveries_and_open_orders() {
        let deal = |order: Option<i32>, deliveries: Vec<i32>| RegisterDeal {
            line: 1,
            sipri_id: None,
            supplier: String::new(),
            supplier_code: String::new(),
            recipient: String::new(),
            recipient_code: String::new(),
            designation: String::new(),
            description: String::new(),
            category: None,
            order_year: order,
            order_year_uncertain: false,
            ordered: None,
            ordered_uncertain: false,
            delivered: None,
            delivered_uncertain: false,
            delivery_years: deliveries,
            status: String::new(),
            comments: String::new(),
        };
        assert!(in_years(&deal(Some(2022), vec![]), (2022, 2023)));
        assert!(in_years(&deal(Some(2015), vec![2022]), (2022, 2023)));
        assert!(in_years(&deal(Some(2015), vec![]), (2022, 2023)));
        assert!(!in_years(&deal(Some(2015), vec![2016, 2017]), (2022, 2023)));
        assert!(!in_years(&deal(Some(2025), vec![]), (2022, 2023)));
        assert_eq!(
            distance(&deal(Some(2019), vec![2020]), Some((2022, 2023))),
            2
        );
    }
}
