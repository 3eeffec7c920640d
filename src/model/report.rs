use super::ReportDate;
use super::review::ReportReview;
use super::{Category, Evidence, Party, Quantity, Status};
use serde::{Deserialize, Serialize};

/// What one article says about one transfer: its own figures, status, date, source and the
/// sentences that say it. Reports of the same deal in several articles are grouped into one
/// [`super::Transfer`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The article's id.
    pub article: String,
    /// Where the goods come from.
    pub supplier: Party,
    /// Where the goods go.
    pub recipient: Party,
    /// The goods, in the article's words.
    pub item: String,
    /// The goods' category.
    pub category: Category,
    /// How many, when the article says.
    pub quantity: Option<Quantity>,
    /// Value in US dollars, when the article gives dollars.
    pub value_usd: Option<u64>,
    /// The latest status this article reports.
    pub status: Status,
    /// When, as the article says it, resolved against the article's date.
    pub date: ReportDate,
    /// Who the article says reports or claims it ("The Wall Street Journal, citing three
    /// people"), as written.
    pub attribution: Option<String>,
    /// The original source: the named reporter of the claim, else the outlet itself.
    pub source: Option<String>,
    /// The outlet that relays the claim when it is not the original source ("Al Jazeera").
    pub via: Option<String>,
    /// The extraction rule that found it.
    pub rule: String,
    /// How much the extractor trusts it, from 0 to 1: the rule, how each side was found (in
    /// the sentence, from an origin adjective, from the article's context), how far the
    /// parties stand from the transfer word, and hedges. Reviewers start with the lowest.
    #[serde(default)]
    pub confidence: f64,
    /// The sentences that state or update it, in text order.
    pub evidence: Vec<Evidence>,
    /// Its place among the reports extracted from its article (0 for the first): with the
    /// article and the evidence, it fixes the order in which reports are grouped, however
    /// they were gathered.
    #[serde(skip)]
    pub order: u32,
    /// Where it stands in the analyst's review (left out of the JSON while untouched).
    #[serde(default, skip_serializing_if = "ReportReview::is_untouched")]
    pub review: ReportReview,
}

impl Report {
    /// The attribution chain in words: "The Wall Street Journal (via Al Jazeera)".
    pub fn source_chain(&self) -> Option<String> {
        match (&self.source, &self.via) {
            (Some(s), Some(v)) => Some(format!("{s} (via {v})")),
            (Some(s), None) => Some(s.clone()),
            (None, Some(v)) => Some(v.clone()),
            (None, None) => None,
        }
    }

    /// Points the report and its evidence at the article with id `article` (only when two
    /// paths of a folder share an id: see [`super::article_id`]).
    pub fn set_article(&mut self, article: &str) {
        self.article = article.to_owned();
        for e in &mut self.evidence {
            e.article = article.to_owned();
        }
    }

    /// Sets [`Report::source`] and [`Report::via`] from the attribution and the outlet that
    /// published the article.
    pub fn attribute(&mut self, outlet: Option<&str>) {
        let source = self.attribution.as_deref().map(original_source);
        let outlet = outlet.map(str::trim).filter(|o| !o.is_empty());
        (self.source, self.via) = match (source, outlet) {
            (Some(s), Some(o)) if same_name(&s, o) => (Some(o.to_owned()), None),
            (Some(s), Some(o)) => (Some(s), Some(o.to_owned())),
            (Some(s), None) => (Some(s), None),
            (None, o) => (o.map(str::to_owned), None),
        };
    }
}

/// The named source of an attribution: "the Wall Street Journal (the newspaper, citing three
/// people)" -> "The Wall Street Journal".
fn original_source(attribution: &str) -> String {
    let name = attribution
        .split(" (")
        .next()
        .unwrap_or(attribution)
        .split(", citing")
        .next()
        .unwrap_or(attribution)
        .split(" citing ")
        .next()
        .unwrap_or(attribution)
        .trim();
    // "Citing two officials": the claim has no outlet of its own, only who it cites.
    let name = name
        .strip_prefix("citing ")
        .or_else(|| name.strip_prefix("Citing "))
        .unwrap_or(name);
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "The Wall Street Journal" and "Wall Street Journal" name the same outlet.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("the ").map_or(s.clone(), str::to_owned)
    };
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(attribution: Option<&str>) -> Report {
        Report {
            article: "a1".into(),
            supplier: Party {
                code: "EG".into(),
                name: "Egypt".into(),
            },
            recipient: Party {
                code: "RU".into(),
                name: "Russia".into(),
            },
            item: "engines".into(),
            category: Category::Engines,
            quantity: None,
            value_usd: None,
            status: Status::Agreed,
            date: ReportDate::default(),
            attribution: attribution.map(str::to_owned),
            source: None,
            via: None,
            rule: "test".into(),
            confidence: 1.0,
            evidence: Vec::new(),
            order: 0,
            review: ReportReview::default(),
        }
    }

    #[test]
    fn attribution_chain_table() {
        let cases: &[(Option<&str>, Option<&str>, Option<&str>)] = &[
            (
                Some("the Wall Street Journal (the newspaper, citing three people)"),
                Some("Al Jazeera"),
                Some("The Wall Street Journal (via Al Jazeera)"),
            ),
            (
                Some("The Wall Street Journal, citing officials"),
                None,
                Some("The Wall Street Journal"),
            ),
            (Some("Reuters"), Some("Reuters"), Some("Reuters")),
            (None, Some("Al Jazeera"), Some("Al Jazeera")),
            (None, None, None),
        ];
        for (attribution, outlet, want) in cases {
            let mut r = report(*attribution);
            r.attribute(*outlet);
            assert_eq!(
                r.source_chain().as_deref(),
                *want,
                "{attribution:?} {outlet:?}"
            );
        }
    }
}
