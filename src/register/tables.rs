//! The register's vocabulary, read from `assets/register/`: which of ArmsFlow's categories a
//! SIPRI weapon description is, which report categories a deal can confirm, what SIPRI does
//! not record, and SIPRI's names for parties that the gazetteer reads otherwise.

use super::RegisterError;
use crate::gazetteer::{Era, Gazetteer};
use crate::model::Category;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

const CATEGORIES_TSV: &str = include_str!("../../assets/register/categories.tsv");
const NAMES_TSV: &str = include_str!("../../assets/register/names.tsv");

/// The category rules of `categories.tsv`.
#[derive(Debug, Default)]
pub struct CategoryTable {
    /// Description words (normalised, space-padded) and their category, first match wins.
    describe: Vec<(String, Category)>,
    /// Armament categories of delivery-level exports.
    armament: HashMap<String, Category>,
    /// For each report category, the register categories that can confirm it.
    compatible: BTreeMap<Category, BTreeSet<Category>>,
    /// Categories SIPRI does not record, with why.
    outside: BTreeMap<Category, String>,
    /// Designation words too common to name a weapon alone.
    generic: BTreeSet<String>,
    /// Categories that are not arms: never compared.
    never: BTreeSet<Category>,
    /// Report words a deal found by category must match, with the description words that do.
    distinguish: BTreeMap<String, BTreeSet<String>>,
    /// Goods words SIPRI does not record whatever their category, with why.
    excluded: BTreeMap<String, String>,
}

impl CategoryTable {
    /// The table compiled into the program (parsed once).
    pub fn builtin() -> &'static CategoryTable {
        static TABLE: OnceLock<CategoryTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            // The bundled file is checked by a unit test, so this cannot fail in a build that
            // passed its tests; an empty table would only leave deals uncategorised.
            Self::parse(CATEGORIES_TSV).unwrap_or_default()
        })
    }

    /// Parses a table in the layout of `assets/register/categories.tsv`.
    pub fn parse(text: &str) -> Result<Self, RegisterError> {
        let mut table = Self::default();
        for (n, line) in data_lines(text) {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = |why: &str| RegisterError::Table {
                file: "categories.tsv",
                line: n,
                reason: why.to_owned(),
            };
            let [kind, words, rest @ ..] = fields.as_slice() else {
                return Err(bad("needs a kind and words"));
            };
            if *kind == "generic" {
                table.generic.insert(words.trim().to_lowercase());
                continue;
            }
            if *kind == "distinguish" {
                let Some(satisfied) = rest.first() else {
                    return Err(bad("needs the description words that match it"));
                };
                table.distinguish.insert(
                    words.trim().to_lowercase(),
                    satisfied
                        .split(',')
                        .map(|w| w.trim().to_lowercase())
                        .collect(),
                );
                continue;
            }
            if *kind == "excluded" {
                let note = rest.first().map_or("", |s| s.trim());
                table
                    .excluded
                    .insert(words.trim().to_lowercase(), note.to_owned());
                continue;
            }
            if *kind == "never" {
                let category = Category::parse(words.trim())
                    .ok_or_else(|| bad(&format!("no category {words:?}")))?;
                table.never.insert(category);
                continue;
            }
            let Some((named, rest)) = rest.split_first() else {
                return Err(bad("needs a category"));
            };
            let parse = |name: &str| {
                Category::parse(name.trim()).ok_or_else(|| bad(&format!("no category {name:?}")))
            };
            match *kind {
                "describe" => table.describe.push((padded(words), parse(named)?)),
                "armament" => {
                    table
                        .armament
                        .insert(words.trim().to_lowercase(), parse(named)?);
                }
                "compatible" => {
                    let also = named
                        .split(',')
                        .map(parse)
                        .collect::<Result<BTreeSet<_>, _>>()?;
                    table
                        .compatible
                        .entry(parse(words)?)
                        .or_default()
                        .extend(also);
                }
                "outside" => {
                    let note = rest.first().map_or("", |s| s.trim());
                    table.outside.insert(parse(words)?, note.to_owned());
                }
                other => return Err(bad(&format!("unknown kind {other:?}"))),
            }
        }
        Ok(table)
    }

    /// ArmsFlow's category of a deal: by its description, else its armament category.
    pub fn categorise(&self, description: &str, armament: Option<&str>) -> Option<Category> {
        let text = padded(description);
        self.describe
            .iter()
            .find(|(words, _)| text.contains(words.as_str()))
            .map(|(_, c)| *c)
            .or_else(|| armament.and_then(|a| self.armament.get(&a.trim().to_lowercase()).copied()))
    }

    /// True when a register deal of category `deal` can be the transfer a report of
    /// `report` describes.
    pub fn compatible(&self, report: Category, deal: Category) -> bool {
        report == deal
            || self
                .compatible
                .get(&report)
                .is_some_and(|also| also.contains(&deal))
    }

    /// Why SIPRI does not record goods of `category`, if it does not.
    pub fn outside(&self, category: Category) -> Option<&str> {
        self.outside.get(&category).map(String::as_str)
    }

    /// True unless the report's goods (`words`, lower case, plurals' "s" taken off) name a
    /// kind the deal's `description` does not: "fighter jets" and a "transport helicopter".
    pub fn kinds_agree(&self, words: &[String], description: &str) -> bool {
        let described: BTreeSet<String> = description
            .split(|c: char| !c.is_ascii_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        words.iter().all(|w| {
            self.distinguish
                .get(w.as_str())
                .or_else(|| w.strip_suffix('s').and_then(|s| self.distinguish.get(s)))
                .is_none_or(|satisfied| satisfied.iter().any(|d| described.contains(d)))
        })
    }

    /// Why SIPRI does not record goods named by one of `words` ("nuclear"), if it does not.
    pub fn excluded(&self, words: &[String]) -> Option<&str> {
        words
            .iter()
            .find_map(|w| self.excluded.get(w.as_str()))
            .map(String::as_str)
    }

    /// True when reports of `category` are not arms and never compared.
    pub fn never_compared(&self, category: Category) -> bool {
        self.never.contains(&category)
    }

    /// True when `word` (lower case) is too common to name a weapon alone ("type").
    pub fn is_generic(&self, word: &str) -> bool {
        self.generic.contains(word)
    }

    /// How many rules the table has (for the lexicon test).
    pub fn rule_count(&self) -> usize {
        self.describe.len()
            + self.armament.len()
            + self.compatible.len()
            + self.outside.len()
            + self.generic.len()
            + self.never.len()
            + self.distinguish.len()
            + self.excluded.len()
    }
}

/// SIPRI's party names resolved to codes: `names.tsv` first, then the gazetteer.
#[derive(Debug)]
pub struct NameTable<'g> {
    listed: HashMap<String, String>,
    gazetteer: &'g Gazetteer,
}

impl<'g> NameTable<'g> {
    /// The bundled `names.tsv` over `gazetteer`.
    pub fn new(gazetteer: &'g Gazetteer) -> Result<Self, RegisterError> {
        let mut listed = HashMap::new();
        for (n, line) in data_lines(NAMES_TSV) {
            let Some((name, code)) = line.split_once('\t') else {
                return Err(RegisterError::Table {
                    file: "names.tsv",
                    line: n,
                    reason: "needs a name and a code".to_owned(),
                });
            };
            listed.insert(name.trim().to_owned(), code.trim().to_owned());
        }
        Ok(Self { listed, gazetteer })
    }

    /// The code of a SIPRI party name, or why it has none. Names marked `*` (non-state
    /// actors) or `**` (organisations) map only when listed; any other name maps when the
    /// gazetteer reads the whole of it as one country.
    pub fn code(&self, name: &str) -> Result<String, &'static str> {
        let name = name.trim();
        if let Some(code) = self.listed.get(name) {
            return Ok(code.clone());
        }
        if name.ends_with("**") {
            return Err("an organisation with no country code");
        }
        if name.ends_with('*') {
            return Err("a non-state actor");
        }
        if name.starts_with("unknown") {
            return Err("an unknown party");
        }
        let mentions = self.gazetteer.find_in(name, Era::Any);
        match mentions.as_slice() {
            [m] if m.span.start == 0 && m.span.end == name.len() && m.codes.len() == 1 => {
                Ok(m.codes[0].clone())
            }
            _ => Err("a name the gazetteer does not know"),
        }
    }
}

/// The non-comment, non-empty lines of a data file, with 1-based line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Lower case, "/", brackets and commas as spaces, single spaces, a space at each end: so a
/// phrase is found only as whole words.
fn padded(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if matches!(c, '/' | '(' | ')' | ',' | ';') {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .to_lowercase();
    let words: Vec<&str> = spaced.split_whitespace().collect();
    format!(" {} ", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_tables_parse_and_every_rule_is_reachable() {
        let table = CategoryTable::parse(CATEGORIES_TSV).expect("categories.tsv parses");
        assert!(table.rule_count() > 80);
        // A describe line that an earlier line always shadows is never reached.
        for (i, (words, category)) in table.describe.iter().enumerate() {
            let first = table
                .describe
                .iter()
                .position(|(w, _)| words.contains(w.as_str()))
                .expect("matches itself");
            assert_eq!(
                first, i,
                "{words:?} ({category}) is shadowed by {:?}",
                table.describe[first].0
            );
        }
        let gazetteer = Gazetteer::builtin().expect("gazetteer");
        NameTable::new(&gazetteer).expect("names.tsv parses");
    }

    #[test]
    fn descriptions_old_and_new_read_as_categories() {
        let t = CategoryTable::builtin();
        let cases = [
            ("one-way attack drone", Some(Category::Drones)),
            ("armed UAV", Some(Category::Drones)),
            ("surface-to-air missile system", Some(Category::AirDefence)),
            ("SAM system", Some(Category::AirDefence)),
            ("portable SAM", Some(Category::Missiles)),
            ("surface-to-air missile", Some(Category::Missiles)),
            ("aircraft engine", Some(Category::Engines)),
            ("aircraft EO system", Some(Category::Sensors)),
            ("fighter/ground-attack aircraft", Some(Category::Aircraft)),
            ("aircraft carrier", Some(Category::Ships)),
            ("self-propelled gun", Some(Category::Artillery)),
            (
                "self-propelled anti-aircraft gun",
                Some(Category::AirDefence),
            ),
            (
                "armoured personnel carrier",
                Some(Category::ArmouredVehicles),
            ),
            ("APC", Some(Category::ArmouredVehicles)),
            ("landing craft", Some(Category::Ships)),
            ("naval gun", Some(Category::Naval)),
            ("reconnaissance satellite", Some(Category::Satellites)),
            ("something new", None),
        ];
        for (description, want) in cases {
            assert_eq!(t.categorise(description, None), want, "{description}");
        }
        assert_eq!(
            t.categorise("something new", Some("Armoured vehicles")),
            Some(Category::ArmouredVehicles)
        );
    }

    #[test]
    fn a_kind_the_report_names_must_be_the_deals() {
        let t = CategoryTable::builtin();
        let words = |item: &str| -> Vec<String> {
            item.split_whitespace().map(str::to_lowercase).collect()
        };
        assert!(!t.kinds_agree(&words("fighter jets"), "transport helicopter"));
        assert!(t.kinds_agree(&words("fighter jets"), "fighter/ground-attack aircraft"));
        assert!(t.kinds_agree(&words("fighter jets"), "FGA aircraft"));
        assert!(t.kinds_agree(&words("anti-aircraft vehicles"), "mobile SAM system"));
        assert!(!t.kinds_agree(
            &words("tactical nuclear weapons"),
            "surface-to-surface missile"
        ));
        assert!(t.kinds_agree(&words("military aid"), "towed gun"));
        assert!(t.excluded(&words("tactical nuclear weapons")).is_some());
        assert!(t.excluded(&words("cruise missiles")).is_none());
    }

    #[test]
    fn compatibility_and_scope() {
        let t = CategoryTable::builtin();
        assert!(t.compatible(Category::Drones, Category::Missiles));
        assert!(t.compatible(Category::WeaponsUnspecified, Category::Artillery));
        assert!(!t.compatible(Category::Ships, Category::Aircraft));
        assert!(t.outside(Category::Ammunition).is_some());
        assert!(t.outside(Category::Money).is_some());
        assert!(t.outside(Category::Aircraft).is_none());
    }

    #[test]
    fn party_names_map_or_say_why_not() {
        let gazetteer = Gazetteer::builtin().expect("gazetteer");
        let names = NameTable::new(&gazetteer).expect("names");
        let cases = [
            ("Soviet Union", Ok("SU")),
            ("Turkiye", Ok("TR")),
            ("Congo", Ok("CG")),
            ("DR Congo", Ok("CD")),
            ("East Germany (GDR)", Ok("DD")),
            ("NATO**", Ok("NATO")),
            (
                "United Nations**",
                Err("an organisation with no country code"),
            ),
            ("Ukraine Rebels*", Err("a non-state actor")),
            ("unknown supplier(s)", Err("an unknown party")),
            ("Biafra", Err("a name the gazetteer does not know")),
        ];
        for (name, want) in cases {
            assert_eq!(names.code(name).as_deref().map_err(|e| *e), want, "{name}");
        }
    }
}
