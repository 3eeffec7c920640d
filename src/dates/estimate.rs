use super::{full_written_dates, parse_date};
use crate::model::{Article, ArticleDate, DateBasis, MetaSource, When};
use jiff::civil::Date;

/// The article's date: the user's correction when there is one, else its metadata or file
/// name, else an estimate (the latest full written date in its text). `None` when nothing
/// gives a date.
pub fn article_date(article: &Article, correction: Option<When>) -> Option<ArticleDate> {
    if let Some(when) = correction {
        return Some(ArticleDate {
            when,
            basis: DateBasis::Corrected,
            reason: "set by you".into(),
        });
    }
    if let Some(date) = article.published.as_deref().and_then(parse_date) {
        let basis = match article.published_source {
            Some(MetaSource::FileName) => DateBasis::FileName,
            _ => DateBasis::Metadata,
        };
        let from = article
            .published_source
            .map_or("the file's metadata", MetaSource::describe);
        return Some(ArticleDate {
            when: When::day(date),
            basis,
            reason: format!("from {from}"),
        });
    }
    full_written_dates(&article.text)
        .max()
        .map(|date: Date| ArticleDate {
            when: When::day(date),
            basis: DateBasis::Estimated,
            reason: "estimated: the latest full date the text mentions (the article is not older)"
                .into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn article(published: Option<&str>, text: &str) -> Article {
        Article {
            id: "a1".into(),
            path: "x.txt".into(),
            title: "t".into(),
            outlet: None,
            published: published.map(str::to_owned),
            published_source: published.map(|_| MetaSource::Header),
            title_source: None,
            outlet_source: None,
            author: None,
            date: None,
            encoding: "UTF-8".into(),
            text: text.into(),
            stamp: None,
        }
    }

    #[test]
    fn metadata_wins_over_text() {
        let a = article(Some("2023-11-08"), "On 1 January 2024 it ended.");
        let d = article_date(&a, None).expect("dated");
        assert_eq!(d.when, When::day(date(2023, 11, 8)));
        assert_eq!(d.basis, DateBasis::Metadata);
        assert_eq!(d.anchor(), Some(d.when));
    }

    #[test]
    fn latest_full_date_in_text_is_an_estimate() {
        let a = article(
            None,
            "Talks began on March 3, 2023. The deal was signed on 7 November 2023. In December 2024 more.",
        );
        let d = article_date(&a, None).expect("estimated");
        assert_eq!(d.when, When::day(date(2023, 11, 7)));
        assert!(d.is_estimate());
        assert_eq!(d.anchor(), None, "an estimate anchors no relative phrase");
        assert_eq!(article_date(&article(None, "No dates here."), None), None);
    }

    #[test]
    fn a_correction_wins_and_keeps_its_precision() {
        let a = article(Some("2023-11-08"), "");
        let month = When::parse("2022-09").expect("month");
        let d = article_date(&a, Some(month)).expect("corrected");
        assert_eq!(d.basis, DateBasis::Corrected);
        assert_eq!(d.when, month);
    }
}
