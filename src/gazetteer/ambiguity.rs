/// When an ambiguous surface is not a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmbiguityRule {
    /// A capitalised name word right before or after makes it a person ("Michael Jordan").
    Person,
    /// Not a country when the next word is one of these ("Washington Post").
    Next(Vec<String>),
    /// Not a country when the word before is one of these ("New Jersey").
    Prev(Vec<String>),
}

impl AmbiguityRule {
    /// Parses a rule name and its comma-separated words.
    pub fn parse(rule: &str, words: &str) -> Option<Self> {
        let list = || {
            words
                .split(',')
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty())
                .collect()
        };
        match rule {
            "person" => Some(Self::Person),
            "next" => Some(Self::Next(list())),
            "prev" => Some(Self::Prev(list())),
            _ => None,
        }
    }

    /// True when the rule says the mention between `prev_word` and `next_word` is not a country.
    /// `prev_sentence_start` is true when nothing but the sentence start precedes it.
    pub fn vetoes(
        &self,
        prev_word: Option<&str>,
        next_word: Option<&str>,
        prev_sentence_start: bool,
    ) -> bool {
        match self {
            Self::Person => {
                let name_like = |w: Option<&str>| {
                    w.is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars()
                                .skip(1)
                                .all(|c| c.is_lowercase() || c == '\'' || c == '-')
                            && !NOT_NAMES.contains(&w)
                    })
                };
                (name_like(prev_word) && !prev_sentence_start) || name_like(next_word)
            }
            Self::Next(words) => next_word.is_some_and(|w| words.iter().any(|x| x == w)),
            Self::Prev(words) => prev_word.is_some_and(|w| words.iter().any(|x| x == w)),
        }
    }
}

/// Capitalised words that are not first names or surnames (titles, sentence starters).
const NOT_NAMES: &[&str] = &[
    "The",
    "In",
    "On",
    "And",
    "But",
    "For",
    "From",
    "To",
    "With",
    "By",
    "At",
    "As",
    "Of",
    "If",
    "President",
    "King",
    "Queen",
    "Prime",
    "Minister",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "General",
    "Government",
    "Army",
    "Navy",
    "Foreign",
    "Defence",
    "Defense",
    "State",
    "Republic",
    "Kingdom",
    "Central",
    "National",
    "Air",
    "Force",
    "Forces",
    "Military",
    "Ministry",
    "Embassy",
    "Officials",
    "Said",
    "Says",
    "While",
    "When",
    "After",
    "Since",
    "Both",
    "Neighbouring",
    "Neighboring",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Pakistan",
    "Israel",
    "Syria",
    "Iraq",
    "Egypt",
    "Libya",
    "Sudan",
    "Niger",
    "Cameroon",
    "Armenia",
    "Azerbaijan",
    "Russia",
    "Ukraine",
    "Turkey",
    "Lebanon",
    "Saudi",
    "Iran",
    "Jordanian",
    "Chadian",
    "Georgian",
];
