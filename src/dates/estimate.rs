use super::When;
use crate::corpus::{Article, full_written_dates, parse_date};
use jiff::civil::Date;

/// An article's date and how it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleDate {
    /// The date.
    pub date: Date,
    /// False when it comes from metadata or the file name; true when it is the latest full
    /// date the text mentions (the article cannot be older than that).
    pub estimated: bool,
}

impl ArticleDate {
    /// The date as a one-day [`When`].
    pub fn when(&self) -> When {
        When::day(self.date)
    }
}

/// The article's publication date from its metadata, else an estimate: the latest full
/// written date in its text. `None` when neither exists.
pub fn article_date(article: &Article) -> Option<ArticleDate> {
    if let Some(date) = article.published.as_deref().and_then(parse_date) {
        return Some(ArticleDate {
            date,
            estimated: false,
        });
    }
    full_written_dates(&article.text)
        .max()
        .map(|date| ArticleDate {
            date,
            estimated: true,
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
            published_source: None,
            encoding: "UTF-8".into(),
            text: text.into(),
        }
    }

    #[test]
    fn metadata_wins_over_text() {
        let a = article(Some("2023-11-08"), "On 1 January 2024 it ended.");
        assert_eq!(
            article_date(&a),
            Some(ArticleDate {
                date: date(2023, 11, 8),
                estimated: false
            })
        );
    }

    #[test]
    fn latest_full_date_in_text_is_an_estimate() {
        let a = article(
            None,
            "Talks began on March 3, 2023. The deal was signed on 7 November 2023. In December 2024 more.",
        );
        assert_eq!(
            article_date(&a),
            Some(ArticleDate {
                date: date(2023, 11, 7),
                estimated: true
            })
        );
        assert_eq!(article_date(&article(None, "No dates here.")), None);
    }
}
