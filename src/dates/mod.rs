//! When things happened, in one place: the date grammar (whole dates in [`parse_date`],
//! date phrases found in a sentence by [`find_date_phrase`] and resolved by
//! [`resolve_phrase`]); article dates (metadata, file name, the user's correction, or an
//! estimate from the text), and event date phrases ("in April", "December 2022", "last year")
//! resolved against the article's date, with the precision the text gives kept (a year-only
//! date is a span, never a day).

mod estimate;
mod find;
mod phrase;
mod report_date;
mod written;

pub use crate::model::{ArticleDate, DateBasis, Precision, ReportDate, ReportDateBasis, When};
pub use estimate::article_date;
pub use find::find_date_phrase;
pub use phrase::resolve_phrase;
pub use written::{full_written_dates, month_number, parse_date};
