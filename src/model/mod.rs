//! The data everything else is about, and nothing else: articles, the problems of files that
//! are not articles, reports with their parties, goods, figures, status, dates and evidence
//! spans, and what a SIPRI register says of a transfer. The bottom layer: it imports nothing else of the project, so every layer above
//! (reading, extraction, the dataset, views, charts, export, the app) speaks the same types.

mod article;
mod dates;
mod problem;
mod register;
mod report;
mod review;
mod values;
mod when;

pub use article::{Article, FileStamp, MetaSource, article_id};
pub use dates::{ArticleDate, DateBasis, ReportDate, ReportDateBasis};
pub use problem::{Problem, ProblemKind};
pub use register::{RegisterDeal, RegisterMark, RegisterMatch, RegisterSummary, UnreportedDeals};
pub use report::Report;
pub use review::{
    ANALYST_RULE, AddedReport, Decision, MachineReading, ReportEdit, ReportKey, ReportReview,
    ReviewState, analyst_date, sentence_hash, sentence_number,
};
pub use values::{Category, Evidence, Party, Qualifier, Quantity, Status};
pub use when::{Precision, When};
