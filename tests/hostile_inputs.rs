//! Hostile inputs and outputs, one test per class (issue 14): outputs that are not regular
//! files, files that once cost quadratic time, walks into virtual file systems, FIFOs and
//! devices, wrapped sentences, damaged encodings, command-line mistakes, leftovers and large
//! files. Device nodes are made with `mknod` in a temporary folder, never the real `/dev`;
//! the tests that need root to make them say so and skip otherwise.

mod common;

use armsflow::corpus::{LoadOptions, ProblemKind, article_from_bytes, read_article};
use armsflow::dataset::OVERRIDES_FILE;
use armsflow::extract::Extractor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLE: &str = "Date: 2024-02-01\n\nGermany delivered 10 tanks to Ukraine.\n";

fn armsflow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args(args)
        .output()
        .expect("armsflow runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder holding one good article.
fn folder_with_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("good.txt"), ARTICLE).expect("write");
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// Makes a character device node (major, minor) at `path`; false when not allowed (not
/// root), and the caller skips.
fn mknod(path: &Path, major: u32, minor: u32) -> bool {
    let made = Command::new("mknod")
        .arg(path)
        .arg("c")
        .arg(major.to_string())
        .arg(minor.to_string())
        .status();
    if made.is_ok_and(|s| s.success()) {
        true
    } else {
        eprintln!("mknod needs root: skipped");
        false
    }
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(unix)]
fn is_char_device(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_char_device())
}

// 1. Outputs that are not regular files.

#[cfg(unix)]
#[test]
fn a_device_output_is_written_through_never_replaced_and_a_full_one_is_an_error() {
    let src = folder_with_article();
    let out = tempfile::tempdir().expect("temp dir");
    let null = out.path().join("null");
    let full = out.path().join("full");
    if !(mknod(&null, 1, 3) && mknod(&full, 1, 7)) {
        return;
    }
    let ok = armsflow(&["extract", s(src.path()), "--json", s(&null)]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(is_char_device(&null), "the device is still a device");
    let failed = armsflow(&["extract", s(src.path()), "--json", s(&full)]);
    assert_eq!(failed.status.code(), Some(2));
    let e = stderr(&failed);
    assert!(e.contains("could not write") && e.contains(s(&full)), "{e}");
    assert!(e.contains("No space left"), "{e}");
    assert!(is_char_device(&full));
    // Nothing else appeared beside them (no temporary file).
    assert_eq!(std::fs::read_dir(out.path()).expect("list").count(), 2);
}

#[cfg(unix)]
#[test]
fn a_fifo_output_is_written_through_and_a_symlink_keeps_pointing_at_its_new_file() {
    let src = folder_with_article();
    let out = tempfile::tempdir().expect("temp dir");
    let fifo = out.path().join("pipe.json");
    assert!(mkfifo(&fifo), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the FIFO"))
    };
    let ok = armsflow(&["extract", s(src.path()), "--json", s(&fifo)]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let json = reader.join().expect("reader");
    assert!(json.contains("\"Germany\""), "{json}");
    assert!(
        std::fs::symlink_metadata(&fifo).is_ok_and(|m| !m.is_file()),
        "the FIFO is still a FIFO"
    );

    let real = out.path().join("real.json");
    std::fs::write(&real, "old").expect("write");
    let link = out.path().join("link.json");
    std::os::unix::fs::symlink("real.json", &link).expect("symlink");
    let ok = armsflow(&["extract", s(src.path()), "--json", s(&link)]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert!(
        std::fs::read_to_string(&real)
            .expect("read")
            .contains("\"Germany\"")
    );
}

#[cfg(unix)]
#[test]
fn a_folder_or_a_dangling_link_as_output_is_an_error_naming_it() {
    let src = folder_with_article();
    let out = tempfile::tempdir().expect("temp dir");
    let folder = out.path().join("a-folder");
    std::fs::create_dir(&folder).expect("mkdir");
    let dangling = out.path().join("dangling.json");
    std::os::unix::fs::symlink("missing.json", &dangling).expect("symlink");
    for (target, words) in [
        (&folder, "it is a folder"),
        (&dangling, "a symbolic link to a missing file"),
    ] {
        let failed = armsflow(&["extract", s(src.path()), "--json", s(target)]);
        assert_eq!(failed.status.code(), Some(2));
        let e = stderr(&failed);
        assert!(e.contains(s(target)) && e.contains(words), "{e}");
    }
    assert!(folder.is_dir());
    assert!(!out.path().join("missing.json").exists());
}

// 2. and 9. Cost in proportion to size, whatever the file holds.

#[test]
fn long_files_dense_with_countries_or_of_one_word_are_read_whole() {
    let extractor = Extractor::builtin().expect("built-in data");
    // 1 MB of one transfer said again and again: one transfer, every sentence its evidence.
    let dense = "Russia sent 10 tanks to Iran today. ".repeat(28_000);
    let article = article_from_bytes("dense.txt", dense.as_bytes()).expect("reads");
    let reports = extractor.extract(&article);
    assert_eq!(reports.len(), 1, "one transfer");
    assert_eq!(reports[0].evidence.len(), 28_000);
    // 5 MB of one word on one line: read, no transfer, a title of sensible length.
    let one_word = "word ".repeat(1_000_000);
    let article = article_from_bytes("one-word.txt", one_word.as_bytes()).expect("reads");
    assert!(extractor.extract(&article).is_empty());
    assert!(article.title.len() <= 2_000, "{}", article.title.len());
}

// 3. Walks that would never end.

#[cfg(target_os = "linux")]
#[test]
fn a_virtual_file_system_is_never_walked() {
    let out = armsflow(&["extract", "/proc/self"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("virtual file system"),
        "{}",
        stderr(&out)
    );

    let dir = folder_with_article();
    std::os::unix::fs::symlink("/proc", dir.path().join("proc-link")).expect("symlink");
    let outside = tempfile::tempdir().expect("temp dir");
    std::fs::write(outside.path().join("far.txt"), ARTICLE).expect("write");
    std::os::unix::fs::symlink(outside.path().join("far.txt"), dir.path().join("far.txt"))
        .expect("symlink");
    let d = common::build(dir.path());
    assert_eq!(d.articles.len(), 1, "only the folder's own article");
    let reason = |path: &str| {
        d.problems
            .iter()
            .find(|p| p.path == path)
            .map(|p| (p.kind, p.reason.clone()))
            .unwrap_or_else(|| panic!("{path} not listed: {:#?}", d.problems))
    };
    let (kind, text) = reason("proc-link");
    assert_eq!(kind, ProblemKind::Walk);
    assert!(text.contains("virtual file system") && text.contains("not followed"));
    let (_, text) = reason("far.txt");
    assert!(text.contains("outside the folder"), "{text}");
}

// 4. FIFOs and devices inside the folder.

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_listed_never_waited_on() {
    let dir = folder_with_article();
    assert!(mkfifo(&dir.path().join("a.txt")), "mkfifo");
    let zero = dir.path().join("zero-device");
    let have_device = mknod(&zero, 1, 5);
    if have_device {
        std::os::unix::fs::symlink(&zero, dir.path().join("zero.txt")).expect("symlink");
    }
    let d = common::build(dir.path());
    assert_eq!(d.articles.len(), 1);
    let listed = |path: &str| {
        d.problems
            .iter()
            .find(|p| p.path == path)
            .unwrap_or_else(|| panic!("{path} not listed: {:#?}", d.problems))
            .clone()
    };
    let fifo = listed("a.txt");
    assert_eq!(fifo.kind, ProblemKind::NotRegular);
    assert_eq!(fifo.reason, "not a regular file (a FIFO): never read");
    if have_device {
        let device = listed("zero.txt");
        assert_eq!(device.kind, ProblemKind::NotRegular);
        assert!(
            device.reason.contains("character device"),
            "{}",
            device.reason
        );
    }

    // A file swapped for a FIFO after the scan: the read returns at once with a problem.
    let swapped = dir.path().join("swapped.txt");
    assert!(mkfifo(&swapped));
    let p = read_article(dir.path(), &swapped, &LoadOptions::default()).expect_err("no article");
    assert_eq!(p.kind, ProblemKind::NotRegular);

    // An answer key that is a FIFO: an error, not a wait.
    let out = armsflow(&["eval", s(dir.path()), "--gold", s(&swapped)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a regular file (a FIFO)"),
        "{}",
        stderr(&out)
    );
}

// 5. A sentence wrapped over lines.

#[test]
fn a_sentence_wrapped_over_two_lines_keeps_its_transfer() {
    let extractor = Extractor::builtin().expect("built-in data");
    let cases: &[(&str, &[u8])] = &[
        ("lf.txt", b"Germany delivered 10 tanks\nto Ukraine.\n"),
        ("crlf.txt", b"Germany delivered 10 tanks\r\nto Ukraine.\r\n"),
        ("cr.txt", b"Germany delivered 10 tanks\rto Ukraine.\r"),
        ("notes.md", b"Germany delivered 10 tanks\nto Ukraine.\n"),
        (
            "page.html",
            b"<html><body><p>Germany delivered 10 tanks\nto Ukraine.</p></body></html>",
        ),
        (
            "capital.txt",
            b"Berlin news\n\nOfficials said that Germany delivered 10 tanks to\nUkraine on Monday.\n",
        ),
        (
            "wrapped.txt",
            b"Tanks for Kyiv\n\nThe defence ministry in Berlin said on Monday that Germany\nhad delivered 10 tanks to Ukraine, with more to follow in the\nspring of next year.\n",
        ),
    ];
    for (name, bytes) in cases {
        let article = article_from_bytes(name, bytes).expect("reads");
        let reports = extractor.extract(&article);
        assert!(
            reports
                .iter()
                .any(|r| r.supplier.code == "DE" && r.recipient.code == "UA"),
            "{name}: {:?} gave {reports:?}",
            article.text
        );
    }
}

// 6. Decoding per region.

#[test]
fn one_stray_byte_damages_only_itself() {
    let text =
        "Iran’s drones reach Russia\n\nIran delivered 100 drones to Russia, officials said.\n";
    let damaged = [text.as_bytes(), b"\n\xff\n"].concat();
    let article = article_from_bytes("damaged.txt", &damaged).expect("reads");
    assert_eq!(article.title, "Iran’s drones reach Russia");
    assert!(article.text.contains('\u{FFFD}'));
    assert!(
        article.encoding.starts_with("utf-8"),
        "{}",
        article.encoding
    );
    let extractor = Extractor::builtin().expect("built-in data");
    let reports = extractor.extract(&article);
    assert!(
        reports
            .iter()
            .any(|r| r.supplier.code == "IR" && r.recipient.code == "RU"),
        "{reports:?}"
    );
}

#[test]
fn declared_charsets_utf32_and_a_stray_nul_are_read() {
    // A page in Windows-1251 that says so.
    let (body, _, _) = encoding_rs::WINDOWS_1251
        .encode("Киев получил танки. Germany delivered 10 tanks to Ukraine.");
    let page = [
        b"<html><head><meta charset=\"windows-1251\"><title>T</title></head><body><p>".as_slice(),
        &body,
        b"</p></body></html>",
    ]
    .concat();
    let article = article_from_bytes("page.html", &page).expect("reads");
    assert_eq!(article.encoding, "windows-1251");
    assert!(
        article.text.contains("Киев получил танки"),
        "{}",
        article.text
    );

    // UTF-32 with a byte-order mark.
    let utf32: Vec<u8> = [0xFF, 0xFE, 0, 0]
        .into_iter()
        .chain(ARTICLE.chars().flat_map(|c| u32::from(c).to_le_bytes()))
        .collect();
    let article = article_from_bytes("utf32.txt", &utf32).expect("reads");
    assert_eq!(article.encoding, "utf-32le");
    assert!(article.text.contains("Germany delivered 10 tanks"));

    // One NUL early in a text file: damage, not a binary file.
    let with_nul = ARTICLE.replace("Germany", "\0Germany");
    let article = article_from_bytes("nul.txt", with_nul.as_bytes()).expect("reads");
    assert!(article.text.contains("Germany delivered"));
    // A file that is mostly control bytes is still binary.
    let binary: Vec<u8> = (0..4096u32).map(|i| (i % 9) as u8).collect();
    let p = article_from_bytes("data.txt", &binary).expect_err("binary");
    assert_eq!(p.kind, ProblemKind::Binary);
}

// 7. Command-line mistakes.

#[test]
fn command_line_mistakes_are_clear_errors_said_once() {
    let dir = folder_with_article();
    let folder = s(dir.path());
    let out = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| s(&out.path().join(name)).to_owned();
    let key = out.path().join("key.gold.json");
    std::fs::write(&key, r#"{"articles": []}"#).expect("write");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "eval".into(),
                folder.into(),
                "--gold".into(),
                s(&key).into(),
                "--min-f1".into(),
                "NaN".into(),
            ],
            "not a share from 0 to 1",
        ),
        (
            vec![
                "extract".into(),
                folder.into(),
                "--json".into(),
                path("x"),
                "--csv".into(),
                path("x"),
            ],
            "both write to",
        ),
        (
            vec![
                "extract".into(),
                folder.into(),
                "--json".into(),
                "-".into(),
                "--csv".into(),
                "-".into(),
            ],
            "both write to standard output",
        ),
        (
            vec![
                "export".into(),
                folder.into(),
                "--out".into(),
                path("a.png"),
                "--width".into(),
                "0".into(),
            ],
            "outside 200 to 16384",
        ),
        (
            vec![
                "export".into(),
                folder.into(),
                "--out".into(),
                path("a.csv"),
                "--from".into(),
                "2024".into(),
                "--to".into(),
                "2022".into(),
            ],
            "is after --to",
        ),
        (
            vec![
                "export".into(),
                folder.into(),
                "--out".into(),
                path("a.csv"),
                "--country".into(),
                "Narnia".into(),
            ],
            "countries in this folder's transfers: Germany, Ukraine",
        ),
    ];
    for (args, words) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let result = armsflow(&args);
        let e = stderr(&result);
        assert_eq!(result.status.code(), Some(2), "{args:?}: {e}");
        assert_eq!(e.matches(words).count(), 1, "{args:?}: {e}");
    }
    assert!(!out.path().join("x").exists());

    // A real country with no transfers: an empty export, not an error.
    let chile = path("chile.csv");
    let result = armsflow(&["export", folder, "--out", &chile, "--country", "Chile"]);
    assert!(result.status.success(), "{}", stderr(&result));
    let csv = std::fs::read_to_string(&chile).expect("written");
    assert_eq!(csv.lines().count(), 1, "the header only: {csv}");
}

// 8. Leftovers.

#[test]
fn a_leftover_of_a_killed_run_is_removed_at_the_next_write() {
    let src = folder_with_article();
    let out = tempfile::tempdir().expect("temp dir");
    // No process has this id (above the kernel's limit of 2^22).
    let stale = out.path().join(".armsflow-export-99999999-abc123");
    std::fs::write(&stale, "half a file").expect("write");
    let target = out.path().join("data.json");
    let ok = armsflow(&["extract", s(src.path()), "--json", s(&target)]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(!stale.exists(), "the leftover is gone");
    assert!(target.is_file());
    let names: Vec<PathBuf> = std::fs::read_dir(out.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(names, vec![target]);
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    let out = tempfile::tempdir().expect("temp dir");
    let target = out.path().join("chart.svg");
    let result = armsflow::export::write_atomic_with(&target, |w| {
        w.write_all(b"<svg")
            .map_err(|source| armsflow::export::ExportError::Write {
                path: target.clone(),
                source,
            })?;
        // What the signal handler does when Ctrl+C or SIGTERM arrives now.
        armsflow::export::remove_unfinished();
        assert_eq!(
            std::fs::read_dir(out.path()).expect("list").count(),
            0,
            "the temporary file is removed"
        );
        Err(armsflow::export::ExportError::Data("interrupted".into()))
    });
    assert!(result.is_err());
    assert!(!target.exists());
}

#[test]
fn a_corrections_file_of_another_version_or_with_impossible_dates_is_listed_and_kept() {
    let dir = folder_with_article();
    let file = dir.path().join(OVERRIDES_FILE);
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    let future = r#"{"schema": "armsflow-overrides/9", "article_dates": {"good.txt": "2020"}}"#;
    std::fs::write(&file, future).expect("write");
    let d = common::build(dir.path());
    let p = d
        .problems
        .iter()
        .find(|p| p.path == OVERRIDES_FILE)
        .expect("listed");
    assert!(p.reason.contains("armsflow-overrides/9"), "{}", p.reason);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), future);
    assert_eq!(d.articles[0].published.as_deref(), Some("2024-02-01"));

    let impossible = r#"{"schema": "armsflow-overrides/1", "article_dates": {"good.txt": "2023-13", "other.txt": "2011-02-30"}}"#;
    std::fs::write(&file, impossible).expect("write");
    let d = common::build(dir.path());
    let listed: Vec<&str> = d
        .problems
        .iter()
        .filter(|p| p.path == OVERRIDES_FILE)
        .map(|p| p.reason.as_str())
        .collect();
    // Both impossible dates, and the correction of an article the folder does not have.
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(
        listed
            .iter()
            .any(|r| r.contains("\"2023-13\", is not a date"))
    );
    assert!(
        listed
            .iter()
            .any(|r| r.contains("\"2011-02-30\", is not a date"))
    );
    assert!(
        listed
            .iter()
            .any(|r| r.contains("other.txt names no article"))
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), impossible);
}

// Found by trying to break the above.

#[test]
fn a_roster_of_countries_on_both_sides_is_no_report_and_costs_little() {
    let extractor = Extractor::builtin().expect("built-in data");
    let names = [
        "France", "Germany", "Italy", "Spain", "Poland", "Sweden", "Norway", "Finland", "Denmark",
        "Austria", "Greece", "Portugal",
    ];
    let others = [
        "Chile",
        "Peru",
        "Brazil",
        "Mexico",
        "Egypt",
        "Kenya",
        "Ghana",
        "Nigeria",
        "India",
        "Japan",
        "Vietnam",
        "Indonesia",
    ];
    let list = |all: &[&str]| {
        format!(
            "{} and {}",
            all[..all.len() - 1].join(", "),
            all[all.len() - 1]
        )
    };
    let sentence = format!("{} delivered tanks to {}. ", list(&names), list(&others));
    let text = sentence.repeat(2_000);
    let article = article_from_bytes("roster.txt", text.as_bytes()).expect("reads");
    assert!(extractor.extract(&article).is_empty());
    // Two suppliers to two recipients is still four reports.
    let article = article_from_bytes(
        "pair.txt",
        b"France and Germany delivered tanks to Chile and Peru.",
    )
    .expect("reads");
    assert_eq!(extractor.extract(&article).len(), 4);
}

#[test]
fn two_spellings_of_one_new_file_are_one_output() {
    let src = folder_with_article();
    let out = tempfile::tempdir().expect("temp dir");
    let a = out.path().join("new.out");
    let b = out.path().join(".").join("new.out");
    let result = armsflow(&["extract", s(src.path()), "--json", s(&a), "--csv", s(&b)]);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("both write to"),
        "{}",
        stderr(&result)
    );
    assert!(!a.exists());
    // A bad second output is found before the first is written.
    let result = armsflow(&[
        "extract",
        s(src.path()),
        "--json",
        s(&a),
        "--csv",
        s(&out.path().join("missing/x.csv")),
    ]);
    assert_eq!(result.status.code(), Some(2));
    assert!(!a.exists(), "nothing written");
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_reached_through_proc_is_walked_whole() {
    let dir = folder_with_article();
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/deep.txt"), ARTICLE).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args(["extract", "/proc/self/cwd"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("2 articles"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_corrections_file_that_is_a_link_is_neither_read_nor_written() {
    let dir = folder_with_article();
    let outside = tempfile::tempdir().expect("temp dir");
    let elsewhere = outside.path().join("overrides.json");
    let theirs = r#"{"schema": "armsflow-overrides/1", "article_dates": {"good.txt": "2001"}}"#;
    std::fs::write(&elsewhere, theirs).expect("write");
    std::fs::create_dir(dir.path().join(".armsflow")).expect("mkdir");
    std::os::unix::fs::symlink(&elsewhere, dir.path().join(OVERRIDES_FILE)).expect("symlink");
    let d = common::build(dir.path());
    let p = d
        .problems
        .iter()
        .find(|p| p.path == OVERRIDES_FILE)
        .expect("listed");
    assert!(
        p.reason.contains("symbolic link: not followed"),
        "{}",
        p.reason
    );
    assert_eq!(d.articles[0].published.as_deref(), Some("2024-02-01"));
    let mut overrides = d.overrides.clone();
    overrides.set_article_date("good.txt", armsflow::dates::When::parse("2020"));
    assert!(overrides.save(dir.path()).is_err());
    assert_eq!(std::fs::read_to_string(&elsewhere).expect("read"), theirs);
}

#[test]
fn a_short_note_with_a_nul_a_long_title_and_an_empty_key_are_handled() {
    let article = article_from_bytes("note.txt", b"\0Germany delivered 10 tanks to Ukraine.\0")
        .expect("one NUL is not binary");
    assert!(!article.text.contains('\0'));
    assert_eq!(article.title, "Germany delivered 10 tanks to Ukraine.");

    let dir = folder_with_article();
    let out = tempfile::tempdir().expect("temp dir");
    let svg = out.path().join("chart.svg");
    let title = "x".repeat(100_000);
    let result = armsflow(&["export", s(dir.path()), "--out", s(&svg), "--title", &title]);
    assert!(result.status.success(), "{}", stderr(&result));

    let key = out.path().join("empty.gold.json");
    std::fs::write(&key, r#"{"transfers": []}"#).expect("write");
    let result = armsflow(&["eval", s(dir.path()), "--gold", s(&key), "--min-f1", "0.5"]);
    assert_eq!(result.status.code(), Some(2));
    assert!(
        stderr(&result).contains("lists no articles"),
        "{}",
        stderr(&result)
    );
}
