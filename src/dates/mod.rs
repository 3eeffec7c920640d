//! When things happened: article dates estimated from the text, and event date phrases
//! ("in April", "December 2022", "last year") resolved against the article's date, with the
//! precision the text gives kept (a year-only date is a span, never a day).

mod estimate;
mod phrase;
mod when;

pub use estimate::{ArticleDate, article_date};
pub use phrase::resolve_phrase;
pub use when::{Precision, When};
