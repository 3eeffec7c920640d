//! The `armsflow` binary: parses the command line and hands over to the library.

// A double-click on Windows opens the window without a console; the headless commands still
// print when started from a terminal that has one.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use armsflow::cli::{
    Cli, Command, Gates, Outcome, run_eval, run_export, run_extract, run_generate, run_read,
};
use armsflow::corpus::LoadOptions;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Interrupted (Ctrl+C, SIGTERM, SIGHUP): an export under way leaves no temporary file.
    if let Err(e) = ctrlc::set_handler(|| {
        armsflow::export::remove_unfinished();
        std::process::exit(130);
    }) {
        eprintln!("armsflow: warning: cannot watch for interruption: {e}");
    }
    let options = LoadOptions::with_max_megabytes(cli.max_file_mb);
    let result = match cli.command {
        Some(Command::Extract {
            folder,
            json,
            csv,
            reviewed_only,
            sipri,
        }) => run_extract(
            &folder,
            &options,
            json.as_deref(),
            csv.as_deref(),
            reviewed_only,
            sipri.as_deref(),
        ),
        Some(Command::Export {
            folder,
            out,
            chart,
            filters,
            sipri,
        }) => run_export(&folder, &options, &out, &chart, &filters, sipri.as_deref()),
        Some(Command::Read { paths, json }) => run_read(&paths, &options, json),
        Some(Command::Generate {
            folder,
            articles,
            seed,
        }) => run_generate(&folder, articles, seed),
        Some(Command::Eval {
            folder,
            gold,
            min_f1,
            min_accuracy,
            min_evidence,
            json,
        }) => run_eval(
            folder.as_deref(),
            &options,
            &gold,
            Gates {
                min_f1,
                min_accuracy,
                min_evidence,
            },
            json,
        ),
        None if cli.install_desktop => armsflow::app::install_desktop_entry().map(|path| {
            eprintln!("armsflow: desktop entry installed: {}", path.display());
            Outcome::Ok
        }),
        None => armsflow::app::run_app(cli.folder).map(|()| Outcome::Ok),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::BelowGate) => ExitCode::from(1),
        Err(e) => {
            eprintln!("armsflow: error: {}", describe(&e));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, each said once: a cause that the message before it
/// already quotes ("could not write x.csv: No space left on device") is not repeated.
fn describe(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if !out.contains(&text) {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(&text);
        }
    }
    out
}
