//! The headless command line: `armsflow extract`, `export`, `read`, `generate` and `eval`.

mod eval_cmd;
mod export_cmd;
mod extract_cmd;
mod generate_cmd;
mod output;
mod read_cmd;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub use eval_cmd::{Gates, run_eval};
pub use export_cmd::{
    ChartArgs, ColorArg, FilterArgs, LanesArg, ThemeArg, WeightArg, filters_from_args, run_export,
};
pub use extract_cmd::run_extract;
pub use generate_cmd::run_generate;
pub use read_cmd::run_read;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "armsflow",
    version,
    about = "Find reported arms transfers in a folder of news articles.",
    long_about = "Find reported arms transfers in a folder of news articles.\n\nWith no command, opens the ArmsFlow window: on FOLDER when given, else on the last folder opened, else on the bundled sample articles.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without a command the window opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder to open in the window.
    pub folder: Option<PathBuf>,
    /// Install the desktop entry and icon for the current user, then exit.
    #[arg(long)]
    pub install_desktop: bool,
    /// Files larger than this many megabytes are listed as problems instead of read.
    #[arg(long, global = true, default_value_t = crate::corpus::DEFAULT_MAX_FILE_MB, value_name = "MB", value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub max_file_mb: u64,
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract transfers from a folder and write them as JSON and/or CSV.
    Extract {
        /// Folder of articles (.txt, .md, .html, .mhtml, .pdf), read recursively.
        folder: PathBuf,
        /// Write the JSON dataset here ("-" for standard output; the default when no --csv).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Write one CSV row per evidence sentence here ("-" for standard output).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Only transfers an analyst reviewed and kept (every report accepted, edited or
        /// added in `.armsflow/review.json`); without it, rejected ones are written too,
        /// marked so.
        #[arg(long)]
        reviewed_only: bool,
        /// Check every transfer against this SIPRI trade-register export (the CSV of
        /// armstransfers.sipri.org): each gets in-register, not-in-register or not-covered,
        /// with the matching deals.
        #[arg(long, value_name = "FILE")]
        sipri: Option<PathBuf>,
    },
    /// Export a chart (.png, .svg) or the filtered reports (.csv, .json) of a folder, as the
    /// app's Export… and Export data… do.
    Export {
        /// Folder of articles.
        folder: PathBuf,
        /// The file to write; its extension picks the format: .png, .svg, .csv or .json.
        #[arg(long)]
        out: PathBuf,
        /// Chart and size (boxed: the largest of the commands' arguments).
        #[command(flatten)]
        chart: Box<ChartArgs>,
        /// Which reports (boxed, as the chart arguments).
        #[command(flatten)]
        filters: Box<FilterArgs>,
        /// Check the transfers against this SIPRI trade-register export (for --register
        /// filters, --color register, and the register columns of .csv and .json).
        #[arg(long, value_name = "FILE")]
        sipri: Option<PathBuf>,
    },
    /// Show what ArmsFlow reads from each file (a folder is read recursively): title, outlet
    /// and published date with where each came from, and the text evidence quotes.
    Read {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print one JSON document: {"articles": [{"path", "title", "outlet", "published",
        /// "text", ...}], "problems": [...]}.
        #[arg(long)]
        json: bool,
    },
    /// Write a folder of generated news-like articles, for trying ArmsFlow at scale and for
    /// the benchmarks (README, Performance).
    Generate {
        /// The folder to create (it must not exist yet, or be empty).
        folder: PathBuf,
        /// How many articles (about 4 KB each).
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        /// Seed: the same seed writes the same articles.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Score the extraction of a folder against an answer key, or of several sets at once.
    Eval {
        /// Folder of articles (with one key). Without it, each key `NAME.gold.json` scores the
        /// folder `NAME` beside it.
        folder: Option<PathBuf>,
        /// Answer key (*.gold.json), or a folder of them; repeat for several sets.
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
        /// Exit with code 1 when core F1 is below this (0 to 1).
        #[arg(long, value_parser = share)]
        min_f1: Option<f64>,
        /// Exit with code 1 when category, status or quantity accuracy on matches is below this
        /// (0 to 1).
        #[arg(long, value_parser = share)]
        min_accuracy: Option<f64>,
        /// Exit with code 1 when evidence accuracy on matches is below this (0 to 1).
        #[arg(long, value_parser = share)]
        min_evidence: Option<f64>,
        /// Print the scores as JSON instead of a report.
        #[arg(long)]
        json: bool,
    },
}

/// A quality gate: a number from 0 to 1 (NaN would let every score pass).
fn share(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number (give a share from 0 to 1, e.g. 0.85)"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{text} is not a share from 0 to 1 (e.g. 0.85)"))
    }
}

/// How a command ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done (exit 0).
    Ok,
    /// Done, but a quality gate failed (exit 1).
    BelowGate,
}
