use super::era::{Era, Years};
use super::{AmbiguityRule, Compound, GazetteerError, Mention, MentionKind};
use crate::text::{Span, data_rows};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const COUNTRIES: &str = include_str!("../../assets/gazetteer/countries.tsv");
const ENTITIES: &str = include_str!("../../assets/gazetteer/entities.tsv");
const AMBIGUITY: &str = include_str!("../../assets/gazetteer/ambiguity.tsv");
const HISTORICAL: &str = include_str!("../../assets/gazetteer/historical.tsv");

/// Bloc codes and their display names, beside the ISO 3166-1 codes.
const BLOCS: &[(&str, &str)] = &[
    ("EU", "European Union"),
    ("NATO", "NATO"),
    ("WEST", "the West"),
];

/// True when `code` is a bloc (EU, NATO, the West), not one country.
pub fn is_bloc(code: &str) -> bool {
    BLOCS.iter().any(|(c, _)| *c == code)
}

/// One meaning of a surface; `years` limits it to articles of those years.
#[derive(Debug, Clone)]
struct Entry {
    codes: Vec<String>,
    kind: MentionKind,
    years: Option<Years>,
}

/// The meanings of one surface: at most one without years (the modern one, which a later row
/// replaces), and any number limited to years.
#[derive(Debug, Clone, Default)]
struct Meanings(Vec<Entry>);

impl Meanings {
    fn set(&mut self, entry: Entry) {
        match (entry.years, self.0.iter().position(|e| e.years.is_none())) {
            (None, Some(i)) => self.0[i] = entry,
            _ => self.0.push(entry),
        }
    }

    /// The meaning in `era`: a dated one that holds then, else the modern one. For
    /// [`Era::Any`], every code the surface ever stood for.
    fn in_era(&self, era: Era) -> Option<Entry> {
        if era == Era::Any {
            let mut all = self.0.first()?.clone();
            for e in &self.0[1..] {
                for c in &e.codes {
                    if !all.codes.contains(c) {
                        all.codes.push(c.clone());
                    }
                }
            }
            return Some(all);
        }
        self.0
            .iter()
            .find(|e| e.years.is_some_and(|y| y.holds_in(era)))
            .or_else(|| self.0.iter().find(|e| e.years.is_none()))
            .cloned()
    }
}

/// Finds countries and blocs in text. Built once, shared by every extraction.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    names: BTreeMap<String, String>,
    entries: BTreeMap<String, Meanings>,
    ambiguity: BTreeMap<String, Vec<AmbiguityRule>>,
    surfaces: Vec<String>,
    matcher: AhoCorasick,
}

/// Where users put their own entries: `<config dir>/armsflow/gazetteer.tsv`.
pub fn user_file_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("armsflow").join("gazetteer.tsv"))
}

fn list(field: Option<&&str>) -> impl Iterator<Item = String> {
    field
        .copied()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn plural(demonym: &str) -> Option<String> {
    let no_plural = demonym.ends_with('s')
        || demonym.ends_with("sh")
        || demonym.ends_with("ch")
        || demonym.ends_with("ese")
        || demonym.contains(' ') && demonym.ends_with('i');
    (!no_plural).then(|| format!("{demonym}s"))
}

impl Gazetteer {
    /// The gazetteer shipped with ArmsFlow.
    pub fn builtin() -> Result<Self, GazetteerError> {
        let mut names = BTreeMap::new();
        let mut entries = BTreeMap::new();
        for (code, name) in BLOCS {
            names.insert((*code).to_owned(), (*name).to_owned());
        }
        add_countries(&mut names, &mut entries, COUNTRIES, "countries.tsv", false)?;
        add_countries(&mut names, &mut entries, HISTORICAL, "historical.tsv", true)?;
        let mut gazetteer = Self {
            names,
            entries,
            ambiguity: BTreeMap::new(),
            surfaces: Vec::new(),
            matcher: AhoCorasick::new([""; 0])?,
        };
        gazetteer.add_entities(ENTITIES, "entities.tsv")?;
        for (line, cols) in data_rows(AMBIGUITY) {
            let rule = cols
                .get(1)
                .and_then(|r| AmbiguityRule::parse(r.trim(), cols.get(2).copied().unwrap_or("")));
            let (Some(surface), Some(rule)) = (cols.first(), rule) else {
                return Err(GazetteerError::BadRow {
                    file: "ambiguity.tsv".into(),
                    line,
                    message: "expected surface, rule and words".into(),
                });
            };
            gazetteer
                .ambiguity
                .entry((*surface).to_owned())
                .or_default()
                .push(rule);
        }
        gazetteer.rebuild()?;
        Ok(gazetteer)
    }

    /// The built-in gazetteer plus the user's file when it exists. A bad user file is returned
    /// as a warning beside the built-in gazetteer, never a failure.
    pub fn with_user_file() -> Result<(Self, Option<GazetteerError>), GazetteerError> {
        let mut gazetteer = Self::builtin()?;
        let warning = user_file_path()
            .filter(|p| p.exists())
            .and_then(|p| gazetteer.add_user_file(&p).err());
        Ok((gazetteer, warning))
    }

    /// Adds the entries of a user file (`surface <TAB> codes <TAB> kind`, kind optional).
    pub fn add_user_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let source = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
            file: path.display().to_string(),
            source,
        })?;
        self.add_entities(&source, &path.display().to_string())?;
        self.rebuild()
    }

    fn add_entities(&mut self, source: &str, file: &str) -> Result<(), GazetteerError> {
        for (line, cols) in data_rows(source) {
            let bad = |message: String| GazetteerError::BadRow {
                file: file.to_owned(),
                line,
                message,
            };
            let (Some(surface), Some(codes)) = (cols.first(), cols.get(1)) else {
                return Err(bad("expected surface and code".into()));
            };
            let codes: Vec<String> = codes.split(',').map(|c| c.trim().to_owned()).collect();
            if let Some(unknown) = codes.iter().find(|c| !self.names.contains_key(*c)) {
                return Err(bad(format!("unknown country code {unknown:?}")));
            }
            let kind = match cols.get(2).map(|k| k.trim()).unwrap_or("org") {
                "bloc" => MentionKind::Bloc,
                "group" => MentionKind::Group,
                "leader" => MentionKind::Leader,
                "metonym" | "capital" => MentionKind::Capital,
                "name" => MentionKind::Name,
                "demonym" => MentionKind::Demonym,
                "org" => MentionKind::Org,
                other => return Err(bad(format!("unknown kind {other:?}"))),
            };
            let years = Years::parse(cols.get(3).copied(), cols.get(4).copied()).map_err(bad)?;
            self.entries
                .entry(surface.trim().to_owned())
                .or_default()
                .set(Entry { codes, kind, years });
        }
        Ok(())
    }

    fn rebuild(&mut self) -> Result<(), GazetteerError> {
        self.surfaces = self.entries.keys().cloned().collect();
        self.matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&self.surfaces)?;
        Ok(())
    }

    /// Display name of a code ("EG" -> "Egypt", "WEST" -> "the West").
    pub fn name<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.get(code).map_or(code, String::as_str)
    }

    /// All known codes and names, in code order.
    pub fn codes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter().map(|(c, n)| (c.as_str(), n.as_str()))
    }

    /// Every country or bloc mention in `text`, in order, with ambiguous ones removed, read
    /// as in an undated article.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_in(text, Era::Undated)
    }

    /// Every country or bloc mention in `text`, each name read as it was meant in `era`
    /// ("Moscow" in 1987 is the Soviet Union); names that meant nothing then are skipped.
    pub fn find_in(&self, text: &str, era: Era) -> Vec<Mention> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let surface = &self.surfaces[m.pattern().as_usize()];
            let Some(entry) = self.entries.get(surface).and_then(|e| e.in_era(era)) else {
                continue;
            };
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let prev = previous_word(text, m.start());
            let next = next_word(text, m.end());
            let sentence_start = prev.is_none_or(|w| w.ends_with(['.', '!', '?', ':', '"', '“']));
            if self
                .ambiguity
                .get(surface)
                .is_some_and(|rules| rules.iter().any(|r| r.vetoes(prev, next, sentence_start)))
            {
                continue;
            }
            if is_all_caps_line(surface, prev, next) {
                continue;
            }
            let mut end = m.end();
            let mut compound = None;
            let rest = &text[end..];
            let mut possessive = false;
            if let Some(suffix) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) {
                let word: String = suffix.chars().take_while(|c| c.is_alphanumeric()).collect();
                // "Dassault-Breguet": a firm's name goes on after a hyphen.
                let name_goes_on = entry.kind == MentionKind::Org
                    && word.chars().next().is_some_and(char::is_uppercase);
                compound = match word.as_str() {
                    _ if name_goes_on => None,
                    "made" | "built" | "manufactured" | "produced" | "designed" | "origin" => {
                        Some(Compound::Made)
                    }
                    "supplied" | "provided" | "donated" | "delivered" | "sent" | "given"
                    | "gifted" => Some(Compound::Supplied),
                    "led" => Some(Compound::Led),
                    _ => Some(Compound::Other),
                };
                if matches!(
                    compound,
                    Some(Compound::Made | Compound::Supplied | Compound::Led)
                ) {
                    end += rest.len() - suffix.len() + word.len();
                }
            } else {
                // "Germany's", and "Belarus'" for names ending in s.
                possessive = rest.starts_with("'s")
                    || rest.starts_with("’s")
                    || ((rest.starts_with('\'') || rest.starts_with('’'))
                        && surface.ends_with('s'));
            }
            if before == Some('-') && compound.is_none() {
                compound = Some(Compound::Other);
            }
            out.push(Mention {
                span: Span::new(m.start(), end),
                codes: entry.codes,
                kind: entry.kind,
                compound,
                possessive,
            });
        }
        out
    }
}

/// Loads rows of `countries.tsv` or, with `dated`, `historical.tsv` (two more columns: the
/// years the names held).
fn add_countries(
    names: &mut BTreeMap<String, String>,
    entries: &mut BTreeMap<String, Meanings>,
    source: &str,
    file: &str,
    dated: bool,
) -> Result<(), GazetteerError> {
    for (line, cols) in data_rows(source) {
        let bad = |message: &str| GazetteerError::BadRow {
            file: file.into(),
            line,
            message: message.into(),
        };
        let (Some(code), Some(name)) = (cols.first(), cols.get(1)) else {
            return Err(bad("expected code and name"));
        };
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(bad("code must be two capital letters"));
        }
        let years = if dated {
            Some(
                Years::parse(cols.get(5).copied(), cols.get(6).copied())
                    .map_err(|m| bad(&m))?
                    .ok_or_else(|| bad("expected the years the names held"))?,
            )
        } else {
            None
        };
        names
            .entry((*code).to_owned())
            .or_insert_with(|| (*name).to_owned());
        let entry = |kind| Entry {
            codes: vec![(*code).to_owned()],
            kind,
            years,
        };
        let mut set = |surface: String, kind| entries.entry(surface).or_default().set(entry(kind));
        set((*name).to_owned(), MentionKind::Name);
        for alias in list(cols.get(2)) {
            set(alias, MentionKind::Name);
        }
        for demonym in list(cols.get(3)) {
            if let Some(p) = plural(&demonym)
                && !entries.contains_key(&p)
            {
                entries
                    .entry(p)
                    .or_default()
                    .set(entry(MentionKind::DemonymPlural));
            }
            entries
                .entry(demonym)
                .or_default()
                .set(entry(MentionKind::Demonym));
        }
        for capital in list(cols.get(4)) {
            entries
                .entry(capital)
                .or_default()
                .set(entry(MentionKind::Capital));
        }
    }
    Ok(())
}

fn previous_word(text: &str, at: usize) -> Option<&str> {
    // Any white space but a line break: a name at the start of a line has no previous word.
    let head = text[..at].trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    if head.ends_with('\n') || head.is_empty() {
        return None;
    }
    // After the last white space, which may be wider than one byte (U+2000 is three).
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&head[start..])
}

fn next_word(text: &str, at: usize) -> Option<&str> {
    let tail = text[at..].trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
    let end = tail
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '”' | '"'))
        .unwrap_or(tail.len());
    (end > 0).then(|| &tail[..end])
}

/// A short all-capital alias ("US") inside a line written in capitals is a word, not a country.
fn is_all_caps_line(surface: &str, prev: Option<&str>, next: Option<&str>) -> bool {
    let caps = |w: Option<&str>| {
        w.is_none_or(|w| {
            w.len() >= 2
                && w.chars().all(|c| !c.is_lowercase())
                && w.chars().any(char::is_alphabetic)
        })
    };
    surface.len() <= 3
        && surface.chars().all(|c| c.is_ascii_uppercase())
        && caps(prev)
        && caps(next)
        && (prev.is_some() || next.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_name_split_on_wide_white_space() {
        // Found by the fuzzer: an en quad (U+2000, three bytes) next to a name.
        assert_eq!(previous_word("jets for\u{2000}Kyiv", 11), Some("for"));
        assert_eq!(next_word("Kyiv\u{2000}said", 4), Some("said"));
        assert_eq!(previous_word("\u{2000}Kyiv", 3), None);
    }

    fn codes(text: &str) -> Vec<String> {
        let g = Gazetteer::builtin().expect("builtin gazetteer");
        g.find(text)
            .into_iter()
            .map(|m| m.codes.join("+"))
            .collect()
    }

    #[test]
    fn mentions_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Egypt and Egyptian officials in Cairo", &["EG", "EG", "EG"]),
            ("North Korean shells from Pyongyang", &["KP", "KP"]),
            ("the Kremlin and the Pentagon", &["RU", "US"]),
            ("Uralvagonzavod and Rosoboronexport", &["RU", "RU"]),
            ("Michael Jordan visited Jordan.", &["JO"]),
            ("the Georgia State Senate", &[]),
            ("Georgia bought drones", &["GE"]),
            ("china clay and turkey dinner", &[]),
            ("tell us about the US", &["US"]),
            ("The Washington Post reported", &[]),
            ("the Baltic states and the West", &["EE+LV+LT", "WEST"]),
            ("Democratic Republic of the Congo", &["CD"]),
            ("Papua New Guinea and Guinea", &["PG", "GN"]),
            ("Indiana and India", &["IN"]),
            ("Chad Smith met officials in Chad.", &["TD"]),
        ];
        for (text, want) in cases {
            assert_eq!(&codes(text), want, "input: {text:?}");
        }
    }

    #[test]
    fn names_mean_what_they_meant_in_the_article_year() {
        let g = Gazetteer::builtin().expect("builtin gazetteer");
        let codes = |text: &str, era| -> Vec<String> {
            g.find_in(text, era)
                .into_iter()
                .map(|m| m.codes.join("+"))
                .collect()
        };
        let text = "Moscow and Bonn traded with East Germany while Reagan watched.";
        assert_eq!(codes(text, Era::Year(1987)), ["SU", "DE", "DD", "US"]);
        // In 2023 Moscow is Russia; East Germany and Reagan's term are history.
        assert_eq!(codes(text, Era::Year(2023)), ["RU"]);
        assert_eq!(codes(text, Era::Undated), ["RU"]);
        assert_eq!(
            codes("the Soviet Union and Prague", Era::Year(1975)),
            ["SU", "CS"]
        );
        assert_eq!(
            codes("the Soviet Union and Prague", Era::Year(2001)),
            ["CZ"]
        );
        assert_eq!(codes("Zelensky in Kyiv", Era::Year(2015)), ["UA"]);
        assert_eq!(codes("Moscow", Era::Any), ["RU+SU"]);
    }

    #[test]
    fn compounds_and_possessives() {
        let g = Gazetteer::builtin().expect("builtin gazetteer");
        let text = "Iranian-made drones, US-supplied Himars, Germany's tanks, a Czech-led plan, US-based paper";
        let found = g.find(text);
        let got: Vec<(&str, Option<Compound>, bool)> = found
            .iter()
            .map(|m| (m.span.slice(text), m.compound, m.possessive))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Iranian-made", Some(Compound::Made), false),
                ("US-supplied", Some(Compound::Supplied), false),
                ("Germany", None, true),
                ("Czech-led", Some(Compound::Led), false),
                ("US", Some(Compound::Other), false),
            ]
        );
    }

    #[test]
    fn every_iso_country_has_a_name() {
        let g = Gazetteer::builtin().expect("builtin gazetteer");
        assert_eq!(
            g.codes()
                .filter(|(c, _)| c.len() == 2 && !matches!(*c, "EU" | "SU" | "DD" | "YU" | "CS"))
                .count(),
            249
        );
        assert_eq!(g.name("SU"), "Soviet Union");
        assert_eq!(g.name("DE"), "Germany");
        assert_eq!(g.name("KP"), "North Korea");
        assert_eq!(g.name("WEST"), "the West");
    }
}
