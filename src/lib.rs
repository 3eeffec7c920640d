//! ArmsFlow finds reported transfers of weapons, equipment, money and commodities between
//! countries in a folder of news articles, and keeps for each one the exact sentences that
//! report it.
//!
//! Data flows one way: files ([`corpus`]) -> sentences ([`text`]) -> country mentions
//! ([`gazetteer`]) -> transfers ([`extract`]) -> a [`dataset::Dataset`] that the command line
//! ([`cli`]) writes as JSON/CSV and that [`eval`] scores against an answer key. The window
//! ([`app`], [`ui`]) shows it through [`view`] and the renderer-agnostic charts of [`chart`],
//! which [`export`] also writes as SVG/PNG.
//!
//! The modules are layers, bottom to top; each imports only those below it (checked by
//! `tests/layers.rs`):
//!
//! 1. [`model`]: the data types (article, report, parties, goods, figures, status, dates,
//!    evidence spans, problems), importing nothing else of the project;
//! 2. [`text`]: spans, sentences, tokens, inflection;
//! 3. [`files`]: reading regular files and writing atomically;
//! 4. [`dates`]: the date grammar, article dates and report dates;
//! 5. [`gazetteer`]: country names and where the text names them;
//! 6. [`register`]: SIPRI trade-register exports, and a transfer checked against one;
//! 7. [`corpus`]: a folder into articles (walk, decode, HTML, metadata, boilerplate);
//! 8. [`extract`]: an article into reports;
//! 9. [`dataset`]: the pipeline: a folder into a dataset (reports grouped into transfers,
//!    dated, with the user's corrections), and its JSON and CSV;
//! 10. [`eval`]: scores against an answer key;
//! 11. [`view`]: what the window shows, computed from a dataset and filters;
//! 12. [`chart`]: charts laid out into renderer-agnostic scenes;
//! 13. [`export`]: scenes as SVG and PNG, data as CSV and JSON;
//! 14. [`synthetic`]: generated folders for trying ArmsFlow at scale;
//! 15. [`app`], [`ui`], [`cli`]: the window and the command line.

pub mod app;
pub mod chart;
pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod dates;
pub mod eval;
pub mod export;
pub mod extract;
pub mod files;
pub mod gazetteer;
pub mod model;
pub mod register;
pub mod synthetic;
pub mod text;
pub mod ui;
pub mod view;
