//! Helpers shared by the integration tests (each test file that needs them says `mod common;`).

#![allow(dead_code)] // Each test file uses some of these.

pub mod app;
pub mod pdf;

use armsflow::corpus::{LoadOptions, LoadProgress};
use armsflow::dataset::{Dataset, build_dataset};
use armsflow::extract::Extractor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A fixture folder under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A writable copy of a flat fixture folder, for tests that let ArmsFlow write its
/// corrections file (the fixtures themselves are never written).
pub fn fixture_copy(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(fixture(name)).expect("fixture") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    dir
}

/// The column names of a CSV reader's header row.
pub fn csv_header<R: std::io::Read>(reader: &mut csv::Reader<R>) -> Vec<String> {
    reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect()
}

/// True when `dir` has a `.armsflow` folder.
pub fn has_sidecar(dir: &Path) -> bool {
    dir.join(".armsflow").exists()
}

/// The dataset of `folder` as a load builds it, with the built-in extractor and the default
/// options.
pub fn build(folder: &Path) -> Dataset {
    let extractor = Extractor::builtin().expect("built-in data loads");
    build_dataset(
        folder,
        &extractor,
        &LoadOptions::default(),
        &Arc::new(LoadProgress::default()),
    )
    .expect("the folder loads")
}

/// Runs the `armsflow` binary with `args`, fails the test (with its stderr) unless it
/// succeeds, and returns what it printed on standard output.
pub fn run_armsflow(args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args(args)
        .output()
        .expect("armsflow runs");
    assert!(
        out.status.success(),
        "armsflow {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}
