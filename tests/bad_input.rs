//! The bad-input matrix: a folder that holds every kind of bad file next to good ones. Each
//! bad file is read correctly or listed with a clear reason, every good file loads with its
//! transfer, nothing crashes or hangs, and nothing is written into the folder.

mod common;

use armsflow::corpus::{
    LoadOptions, LoadProgress, Problem, ProblemKind, load_folder, read_article,
};
use armsflow::dataset::{Dataset, OVERRIDES_FILE, build_dataset};
use armsflow::extract::Extractor;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A short article with one transfer, in the given words.
fn good_article(supplier: &str, n: usize) -> String {
    format!(
        "Date: 2024-02-0{}\n\n{supplier} delivered {n} tanks to Ukraine.\n",
        n % 9 + 1
    )
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, bytes).expect("write");
    path
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let b = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&b);
    }
    out
}

/// Every file under `dir` with its size and modification time, to prove nothing is written.
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut out: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            let meta = e.path().symlink_metadata().ok();
            (
                e.path().to_owned(),
                meta.as_ref().map_or(0, std::fs::Metadata::len),
                meta.and_then(|m| m.modified().ok()),
            )
        })
        .collect();
    out.sort();
    out
}

fn build(dir: &Path, options: &LoadOptions) -> Dataset {
    let extractor = Extractor::builtin().expect("built-in data loads");
    build_dataset(dir, &extractor, options, &Arc::new(LoadProgress::default()))
        .expect("the folder loads")
}

/// The matrix. Returns the folder and the good files' paths with their supplier.
fn make_matrix(dir: &Path) -> BTreeMap<String, &'static str> {
    let mut good: BTreeMap<String, &'static str> = BTreeMap::new();
    let mut add_good = |rel: &str, supplier: &'static str, bytes: &[u8]| {
        write(dir, rel, bytes);
        good.insert(rel.to_owned(), supplier);
    };
    add_good("good.txt", "Germany", good_article("Germany", 1).as_bytes());
    add_good(
        "good.md",
        "France",
        b"---\ntitle: Paris sends tanks\ndate: 2024-02-03\n---\nFrance delivered 12 tanks to Ukraine.\n",
    );
    // Encodings that are read correctly.
    add_good(
        "utf16-le.txt",
        "Sweden",
        &utf16(&good_article("Sweden", 2), false),
    );
    add_good(
        "utf16-be.txt",
        "Norway",
        &utf16(&good_article("Norway", 3), true),
    );
    add_good(
        "windows-1252.txt",
        "Poland",
        b"Poland delivered 14 tanks to Ukraine, a \x93game changer\x94 said the minister.\n",
    );
    // One stray byte that is not UTF-8 in ASCII text: read as the legacy encoding the
    // detector picks, the rest intact.
    add_good(
        "invalid-utf8.txt",
        "Spain",
        b"Spain delivered 6 tanks to Ukraine.\nA stray byte: \xff here.\n",
    );
    // Malformed and truncated HTML still gives its text.
    add_good(
        "malformed.html",
        "Italy",
        b"<html><head><title>Rome sends tanks</ti<body><p>Italy delivered 8 tanks to Ukraine.<p>unclosed <b>bold <div",
    );
    add_good(
        "truncated.html",
        "Canada",
        b"<!DOCTYPE html><html><head><title>Ottawa</title></head><body><article><p>Canada delivered 4 tanks to Ukraine.</p><p>The rest of the page was cut off mid-ta",
    );
    // HTML nested 200,000 elements deep (the parser would take hours; it is read plainly).
    let deep_html = format!(
        "<html><body>{}Chile delivered 9 tanks to Ukraine.{}</body></html>",
        "<div>".repeat(200_000),
        "</div>".repeat(200_000)
    );
    add_good("deep-nesting.html", "Chile", deep_html.as_bytes());
    // Deeply nested folders.
    let deep: String = (0..60).map(|i| format!("level{i}/")).collect();
    add_good(
        &format!("{deep}deep.txt"),
        "Denmark",
        good_article("Denmark", 4).as_bytes(),
    );
    // A file name that is not UTF-8 (Latin-1 "é"): loaded, the name shown with a
    // replacement character.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9-report.txt");
        std::fs::write(dir.join(name), good_article("Finland", 5)).expect("write");
        good.insert("caf\u{FFFD}-report.txt".to_owned(), "Finland");
    }

    // Bad files.
    let mut png = vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n'];
    png.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
    write(dir, "picture-renamed.txt", &png);
    write(dir, "empty.txt", b"");
    write(dir, "whitespace.txt", b"  \n\t\n   \r\n");
    // 50 MB on one line.
    write(dir, "huge-one-line.txt", &vec![b'a'; 50 * 1_048_576]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        std::fs::create_dir_all(dir.join("loop")).expect("mkdir");
        symlink("..", dir.join("loop/back")).expect("symlink");
        symlink("nowhere.txt", dir.join("broken-link.txt")).expect("symlink");
        let locked = write(
            dir,
            "no-permission.txt",
            good_article("Austria", 6).as_bytes(),
        );
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    // 10,000 small articles.
    for i in 0..10_000 {
        write(
            dir,
            &format!("many/{:02}/note-{i:05}.txt", i / 500),
            format!("Note {i}\n\nNothing about weapons here, only note number {i}.\n").as_bytes(),
        );
    }
    // A damaged corrections file.
    write(
        dir,
        OVERRIDES_FILE,
        b"{ \"schema\": \"armsflow-overrides/1\", \"article_dates\": ",
    );
    good
}

fn problem<'a>(d: &'a Dataset, path: &str) -> &'a Problem {
    d.problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem listed for {path}: {:#?}", d.problems))
}

#[test]
fn every_bad_file_is_listed_with_a_reason_and_every_good_file_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = make_matrix(dir.path());
    let before = snapshot(dir.path());
    let d = build(dir.path(), &LoadOptions::default());
    assert_eq!(
        snapshot(dir.path()),
        before,
        "nothing is written into the folder"
    );

    // Every good file: loaded, with its transfer to Ukraine.
    for (path, supplier) in &good {
        let article = d
            .articles
            .iter()
            .find(|a| &a.path == path)
            .unwrap_or_else(|| panic!("{path} did not load; problems: {:#?}", d.problems));
        assert!(
            d.reports().any(|r| r.article == article.id
                && r.supplier.name == *supplier
                && r.recipient.code == "UA"),
            "{path}: no {supplier} -> Ukraine report in {:?}",
            article.text
        );
    }
    let by_path = |p: &str| d.articles.iter().find(|a| a.path == p).expect(p);
    assert_eq!(by_path("utf16-le.txt").encoding, "utf-16le");
    assert_eq!(by_path("utf16-be.txt").encoding, "utf-16be");
    assert_eq!(by_path("windows-1252.txt").encoding, "windows-1252");
    assert!(by_path("windows-1252.txt").text.contains("“game changer”"));
    assert!(
        by_path("invalid-utf8.txt")
            .text
            .contains("Spain delivered 6 tanks")
    );
    // The 10,000 notes all load.
    assert_eq!(
        d.articles
            .iter()
            .filter(|a| a.path.starts_with("many/"))
            .count(),
        10_000
    );

    // Every bad file: one problem with a reason a user can act on.
    let cases: &[(&str, ProblemKind, &str)] = &[
        ("picture-renamed.txt", ProblemKind::Binary, "PNG"),
        ("empty.txt", ProblemKind::Empty, "0 bytes"),
        ("whitespace.txt", ProblemKind::Empty, "white space"),
        (
            "huge-one-line.txt",
            ProblemKind::TooLarge,
            "over the 20 MB limit",
        ),
        (OVERRIDES_FILE, ProblemKind::Unreadable, "damaged"),
        #[cfg(unix)]
        ("broken-link.txt", ProblemKind::Walk, "broken symbolic link"),
    ];
    for (path, kind, words) in cases {
        let p = problem(&d, path);
        assert_eq!(p.kind, *kind, "{path}: {}", p.reason);
        assert!(
            p.reason.contains(words),
            "{path}: {:?} lacks {words:?}",
            p.reason
        );
    }
    // A file without read permission is a problem where the platform enforces it (not for
    // root, who may read anything: then it simply loads).
    #[cfg(unix)]
    {
        let locked = dir.path().join("no-permission.txt");
        if std::fs::read(&locked).is_err() {
            let p = problem(&d, "no-permission.txt");
            assert_eq!(p.kind, ProblemKind::Unreadable);
            assert!(p.reason.contains("permission denied"), "{}", p.reason);
        } else {
            assert!(d.articles.iter().any(|a| a.path == "no-permission.txt"));
        }
    }
    // A link back to a folder that contains it is not followed: its files are read where
    // they are, so nothing is missed and nothing is listed.
    assert!(d.problems.iter().all(|p| p.path != "loop/back"));
    // Nothing else went wrong.
    let expected =
        cases.len() + usize::from(d.problems.iter().any(|p| p.path == "no-permission.txt"));
    assert_eq!(d.problems.len(), expected, "{:#?}", d.problems);
}

#[test]
fn the_size_limit_is_configurable_and_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "two-megabytes.txt", &vec![b'a'; 2 * 1_048_576]);
    write(
        dir.path(),
        "good.txt",
        good_article("Germany", 1).as_bytes(),
    );
    let d = build(dir.path(), &LoadOptions::with_max_megabytes(1));
    let p = problem(&d, "two-megabytes.txt");
    assert_eq!(p.kind, ProblemKind::TooLarge);
    assert!(
        p.reason.contains("2.0 MB, over the 1 MB limit") && p.reason.contains("--max-file-mb"),
        "{}",
        p.reason
    );
    let d = build(dir.path(), &LoadOptions::with_max_megabytes(3));
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.articles.len(), 2);
}

#[test]
fn a_file_that_vanishes_before_it_is_read_is_a_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "gone.txt",
        b"Germany delivered 5 tanks to Ukraine.",
    );
    std::fs::remove_file(&path).expect("remove");
    let p = read_article(dir.path(), &path, &LoadOptions::default()).expect_err("gone");
    assert_eq!(p.kind, ProblemKind::Unreadable);
    assert!(p.reason.contains("vanished"), "{}", p.reason);
}

#[test]
fn files_deleted_or_rewritten_during_a_load_never_stop_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..2_000 {
        write(
            dir.path(),
            &format!("churn/{i:04}.txt"),
            good_article("Germany", i).as_bytes(),
        );
    }
    write(
        dir.path(),
        "steady.txt",
        good_article("France", 1).as_bytes(),
    );
    let churn = dir.path().join("churn");
    // Deletes half the files and rewrites the rest (as binary or empty) while the load runs.
    let vandal = std::thread::spawn(move || {
        for i in 0..2_000 {
            let path = churn.join(format!("{i:04}.txt"));
            let _ = match i % 3 {
                0 => std::fs::remove_file(&path),
                1 => std::fs::write(&path, [0u8, 159, 146, 150]),
                _ => std::fs::write(&path, b""),
            };
        }
    });
    let loaded = load_folder(
        dir.path(),
        &LoadOptions::default(),
        &Arc::new(LoadProgress::default()),
    )
    .expect("the folder loads");
    vandal.join().expect("the vandal finishes");
    assert!(loaded.articles.iter().any(|a| a.path == "steady.txt"));
    // Each churned file is either an article or a problem, never lost silently (a file
    // deleted before the walk saw it is simply not there).
    let seen = loaded.articles.len() + loaded.problems.len();
    assert!(seen <= 2_001, "{seen}");
    for p in &loaded.problems {
        assert!(!p.reason.is_empty());
    }
}

#[test]
fn a_long_line_under_the_limit_is_read() {
    // One line of 1 MB without a full stop, full of names and transfer words: it is read,
    // cut into pieces of at most MAX_SENTENCE_BYTES (once, one such sentence took the rules
    // time in the square of its length).
    let dir = tempfile::tempdir().expect("temp dir");
    let line = "Russia delivered tanks to Ukraine and North Korea sent 150 shells, "
        .repeat(1_048_576 / 66);
    write(dir.path(), "one-line.txt", line.as_bytes());
    let d = build(dir.path(), &LoadOptions::default());
    assert!(d.problems.is_empty(), "{:?}", d.problems);
    assert_eq!(d.articles.len(), 1);
    for e in d.reports().flat_map(|r| &r.evidence) {
        assert!(e.sentence.len() <= armsflow::text::MAX_SENTENCE_BYTES);
    }
    assert!(
        d.reports()
            .any(|r| r.supplier.code == "RU" && r.recipient.code == "UA")
    );
}
