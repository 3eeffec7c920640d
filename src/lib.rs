//! ArmsFlow finds reported transfers of weapons, equipment, money and commodities between
//! countries in a folder of news articles, and keeps for each one the exact sentences that
//! report it.
//!
//! Data flows one way: files ([`corpus`]) -> sentences ([`text`]) -> country mentions
//! ([`gazetteer`]) -> transfers ([`extract`]) -> a [`dataset::Dataset`] that the command line
//! ([`cli`]) writes as JSON/CSV and that [`eval`] scores against an answer key. The window
//! ([`app`], [`ui`]) shows it through [`view`] and the renderer-agnostic charts of [`chart`],
//! which [`export`] also writes as SVG/PNG.

pub mod app;
pub mod chart;
pub mod cli;
pub mod corpus;
pub mod dataset;
pub mod dates;
pub mod eval;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod synthetic;
pub mod text;
pub mod ui;
pub mod view;
