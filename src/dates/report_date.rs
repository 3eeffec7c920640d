use super::resolve_phrase;
use crate::model::{ArticleDate, Precision, ReportDate, ReportDateBasis, When};

impl ReportDate {
    /// An undated report whose sentence has the phrase `text`.
    pub fn unresolved(text: Option<String>) -> Self {
        Self {
            text,
            ..Self::default()
        }
    }

    /// The span, when the report is dated.
    pub fn when(&self) -> Option<When> {
        Some(When {
            from: self.from?,
            to: self.to?,
            precision: self.precision?,
        })
    }

    /// Dates the report from its phrase and its article's date. A phrase that names its own
    /// year ("in December 2022") needs nothing else. A relative phrase ("in April", "last
    /// year", "on Monday") is resolved only against a known article date (never an estimate),
    /// and only as exactly as that date allows: a month-precise article resolves "last year"
    /// and "in April", turns "earlier this year" into a range, and cannot place "on Monday".
    /// Otherwise the report takes the article's date, and without one it stays undated.
    pub fn resolve(&self, article: Option<&ArticleDate>) -> Self {
        let dated = |when: When, basis| Self {
            from: Some(when.from),
            to: Some(when.to),
            precision: Some(when.precision),
            text: self.text.clone(),
            basis: Some(basis),
        };
        let phrase = self.text.as_deref();
        if let Some(when) = phrase.and_then(|p| resolve_phrase(p, None)) {
            return dated(when, ReportDateBasis::Text);
        }
        let anchor = article.and_then(ArticleDate::anchor);
        if let (Some(p), Some(anchor)) = (phrase, anchor)
            && let Some(when) = resolve_against_span(p, anchor)
        {
            return dated(when, ReportDateBasis::Text);
        }
        match article {
            Some(a) if a.is_estimate() => dated(a.when, ReportDateBasis::ArticleEstimated),
            Some(a) => dated(a.when, ReportDateBasis::Article),
            None => Self::unresolved(self.text.clone()),
        }
    }
}

/// Resolves a relative phrase against an article date that may be a whole month or year:
/// against its first and its last day. When both agree, that is the answer ("in April" of a
/// November article); when they differ, the answer is the span covering both ("earlier this
/// year" of a November article is January 1 to November 30), except that two different days
/// ("on Monday" of a month-precise article) are too vague to place and give `None`.
fn resolve_against_span(phrase: &str, anchor: When) -> Option<When> {
    let first = resolve_phrase(phrase, Some(anchor.from))?;
    let last = resolve_phrase(phrase, Some(anchor.to))?;
    if first == last {
        return Some(first);
    }
    if first.precision == Precision::Day && last.precision == Precision::Day {
        return None;
    }
    Some(When::range(
        first.from.min(last.from),
        first.to.max(last.to),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::DateBasis;
    use jiff::civil::{Date, date};

    fn article(when: &str, basis: DateBasis) -> ArticleDate {
        ArticleDate {
            when: When::parse(when).expect("date"),
            basis,
            reason: String::new(),
        }
    }

    /// (phrase, article date, basis of the article date) -> (from, to, precision, basis).
    type Case = (
        Option<&'static str>,
        Option<(&'static str, DateBasis)>,
        Option<(Date, Date, Precision, ReportDateBasis)>,
    );

    #[test]
    fn report_date_table() {
        use DateBasis::{Corrected, Estimated, Metadata};
        use Precision::{Day, Month, Range, Year};
        use ReportDateBasis::{Article, ArticleEstimated, Text};
        let cases: &[Case] = &[
            // An absolute phrase needs no article date.
            (
                Some("in December 2022"),
                None,
                Some((date(2022, 12, 1), date(2022, 12, 31), Month, Text)),
            ),
            (
                Some("in 2021"),
                Some(("2023-11-08", Estimated)),
                Some((date(2021, 1, 1), date(2021, 12, 31), Year, Text)),
            ),
            // Relative phrases against a known day.
            (
                Some("in April"),
                Some(("2023-11-08", Metadata)),
                Some((date(2023, 4, 1), date(2023, 4, 30), Month, Text)),
            ),
            (
                Some("in August and November"),
                Some(("2023-11-08", Metadata)),
                Some((date(2023, 8, 1), date(2023, 11, 30), Range, Text)),
            ),
            (
                Some("earlier this year"),
                Some(("2023-11-08", Metadata)),
                Some((date(2023, 1, 1), date(2023, 11, 8), Range, Text)),
            ),
            (
                Some("within a month"),
                Some(("2023-11-08", Metadata)),
                Some((date(2023, 11, 8), date(2023, 12, 8), Range, Text)),
            ),
            (
                Some("on Monday"),
                Some(("2023-11-08", Metadata)),
                Some((date(2023, 11, 6), date(2023, 11, 6), Day, Text)),
            ),
            // An estimated article date anchors nothing: the report takes the estimate.
            (
                Some("in April"),
                Some(("2022-02-24", Estimated)),
                Some((date(2022, 2, 24), date(2022, 2, 24), Day, ArticleEstimated)),
            ),
            // A month-precise correction resolves "last year" and "in April", not "on Monday".
            (
                Some("last year"),
                Some(("2023-11", Corrected)),
                Some((date(2022, 1, 1), date(2022, 12, 31), Year, Text)),
            ),
            (
                Some("earlier this year"),
                Some(("2023-11", Corrected)),
                Some((date(2023, 1, 1), date(2023, 11, 30), Range, Text)),
            ),
            // "In April" of a 2023 article may be April 2022 (written in February) or April
            // 2023: the span covers both.
            (
                Some("in April"),
                Some(("2023", Corrected)),
                Some((date(2022, 4, 1), date(2023, 4, 30), Range, Text)),
            ),
            (
                Some("in April"),
                Some(("2023-11", Corrected)),
                Some((date(2023, 4, 1), date(2023, 4, 30), Month, Text)),
            ),
            (
                Some("on Monday"),
                Some(("2023-11", Corrected)),
                Some((date(2023, 11, 1), date(2023, 11, 30), Month, Article)),
            ),
            (
                Some("last month"),
                Some(("2023", Corrected)),
                Some((date(2022, 12, 1), date(2023, 11, 30), Range, Text)),
            ),
            // No phrase: the article's date, as exact as it is.
            (
                None,
                Some(("2023", Corrected)),
                Some((date(2023, 1, 1), date(2023, 12, 31), Year, Article)),
            ),
            // Nothing to go on.
            (Some("on Monday"), None, None),
            (None, None, None),
        ];
        for (phrase, art, want) in cases {
            let art = art.map(|(w, b)| article(w, b));
            let got = ReportDate::unresolved(phrase.map(str::to_owned)).resolve(art.as_ref());
            let got_tuple = got
                .when()
                .map(|w| (w.from, w.to, w.precision, got.basis.expect("basis")));
            assert_eq!(got_tuple, *want, "{phrase:?} with {art:?}");
            assert_eq!(got.text.as_deref(), *phrase, "the phrase is kept");
        }
    }
}
