//! Integration test over `tests/fixtures/folder`: articles written for the tests, including an
//! HTML page, a Windows-1252 file, a UTF-16 file, a binary file, an empty file, names that are
//! not countries ("Chad Miller", "Georgia State Senate"), a hidden folder and a stylesheet.

use armsflow::corpus::{LoadOptions, LoadProgress, ProblemKind};
use armsflow::dataset::{Category, Dataset, Status, build_dataset};
use armsflow::extract::Extractor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/folder")
}

fn dataset() -> Dataset {
    let extractor = Extractor::builtin().expect("built-in data loads");
    build_dataset(
        &fixture(),
        &extractor,
        &LoadOptions::default(),
        &Arc::new(LoadProgress::default()),
    )
    .expect("fixture folder loads")
}

fn listing(dir: &Path) -> Vec<(PathBuf, u64)> {
    let mut out: Vec<(PathBuf, u64)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| (e.path().to_owned(), e.metadata().map_or(0, |m| m.len())))
        .collect();
    out.sort();
    out
}

#[test]
fn loads_good_files_and_lists_bad_ones() {
    let before = listing(&fixture());
    let d = dataset();
    assert_eq!(listing(&fixture()), before, "the folder is never modified");
    let paths: Vec<&str> = d.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "2023-11-02-engines-buyback.txt",
            "2023-11-03-engines-second-report.md",
            "aid-package.txt",
            "ambiguous-names.txt",
            "eu-nato-support.md",
            "gas-supplies.txt",
            "greek-vehicles.html",
            "nested/baltic-transfer.txt",
            "no-transfers-here.txt",
            "shells-from-pyongyang.txt",
            "utf16-swedish-jets.txt",
            "windows-1252-storm-shadow.txt",
        ]
    );
    let problems: Vec<(&str, ProblemKind)> = d
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.kind))
        .collect();
    assert_eq!(
        problems,
        [
            ("empty.txt", ProblemKind::Empty),
            ("picture-renamed.txt", ProblemKind::Binary)
        ]
    );
    assert!(
        d.problems[1].reason.contains("PNG"),
        "the reason names the format: {}",
        d.problems[1].reason
    );
}

#[test]
fn metadata_from_every_source() {
    let d = dataset();
    let by_path = |p: &str| {
        d.articles
            .iter()
            .find(|a| a.path == p)
            .expect("article present")
    };
    let html = by_path("greek-vehicles.html");
    assert_eq!(html.title, "Greece to send armoured vehicles to Ukraine");
    assert_eq!(html.outlet.as_deref(), Some("Example Herald"));
    assert_eq!(html.published.as_deref(), Some("2022-09-15"));
    assert!(
        !html.text.contains("window.ads")
            && !html.text.contains("Share on social")
            && !html.text.contains("Copyright")
    );
    let md = by_path("2023-11-03-engines-second-report.md");
    assert_eq!(
        (md.outlet.as_deref(), md.published.as_deref()),
        (Some("Example Wire"), Some("2023-11-03"))
    );
    assert_eq!(
        by_path("2023-11-02-engines-buyback.txt")
            .published
            .as_deref(),
        Some("2023-11-02")
    );
    let cp1252 = by_path("windows-1252-storm-shadow.txt");
    assert_eq!(cp1252.encoding, "windows-1252");
    assert!(cp1252.text.contains("“game changer”"));
    assert_eq!(by_path("utf16-swedish-jets.txt").encoding, "utf-16le");
}

#[test]
fn finds_the_reported_transfers() {
    let d = dataset();
    let path_of = |id: &str| d.article(id).map_or("", |a| a.path.as_str());
    // One entry per report: what each article says about each pair.
    let mut got: Vec<(String, String, Category, Status)> = d
        .reports()
        .map(|t| {
            (
                path_of(&t.article).to_owned(),
                format!("{}->{}", t.supplier.code, t.recipient.code),
                t.category,
                t.status,
            )
        })
        .collect();
    got.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let want: Vec<(&str, &str, Category, Status)> = vec![
        (
            "2023-11-02-engines-buyback.txt",
            "BR->RU",
            Category::Engines,
            Status::Refused,
        ),
        (
            "2023-11-02-engines-buyback.txt",
            "BY->RU",
            Category::Engines,
            Status::Requested,
        ),
        (
            "2023-11-02-engines-buyback.txt",
            "EG->RU",
            Category::Engines,
            Status::Agreed,
        ),
        (
            "2023-11-02-engines-buyback.txt",
            "PK->RU",
            Category::Engines,
            Status::Denied,
        ),
        (
            "2023-11-03-engines-second-report.md",
            "EG->RU",
            Category::Engines,
            Status::Agreed,
        ),
        (
            "2023-11-03-engines-second-report.md",
            "EG->RU",
            Category::Missiles,
            Status::Cancelled,
        ),
        (
            "aid-package.txt",
            "DE->UA",
            Category::AirDefence,
            Status::Planned,
        ),
        (
            "aid-package.txt",
            "NL->UA",
            Category::Artillery,
            Status::Planned,
        ),
        ("aid-package.txt", "US->UA", Category::Money, Status::Agreed),
        (
            "eu-nato-support.md",
            "EU->UA",
            Category::Money,
            Status::Delivered,
        ),
        (
            "eu-nato-support.md",
            "NATO->UA",
            Category::AirDefence,
            Status::Planned,
        ),
        (
            "gas-supplies.txt",
            "RU->DE",
            Category::Commodities,
            Status::Delivered,
        ),
        (
            "greek-vehicles.html",
            "DE->GR",
            Category::ArmouredVehicles,
            Status::Planned,
        ),
        (
            "greek-vehicles.html",
            "GR->UA",
            Category::ArmouredVehicles,
            Status::Planned,
        ),
        (
            "nested/baltic-transfer.txt",
            "EE->UA",
            Category::Artillery,
            Status::Cancelled,
        ),
        (
            "shells-from-pyongyang.txt",
            "IR->RU",
            Category::Drones,
            Status::Delivered,
        ),
        (
            "shells-from-pyongyang.txt",
            "KP->RU",
            Category::Ammunition,
            Status::Delivered,
        ),
        (
            "utf16-swedish-jets.txt",
            "SE->UA",
            Category::Aircraft,
            Status::Planned,
        ),
        (
            "windows-1252-storm-shadow.txt",
            "GB->UA",
            Category::Missiles,
            Status::Delivered,
        ),
    ];
    let got_ref: Vec<(&str, &str, Category, Status)> = got
        .iter()
        .map(|(p, k, c, s)| (p.as_str(), k.as_str(), *c, *s))
        .collect();
    assert_eq!(got_ref, want);
    let quantities: Vec<(String, u64)> = d
        .reports()
        .filter_map(|t| {
            t.quantity.map(|q| {
                (
                    format!("{}->{}", t.supplier.code, t.recipient.code),
                    q.value,
                )
            })
        })
        .collect();
    for expected in [
        ("EG->RU", 100),
        ("EG->RU", 150),
        ("PK->RU", 5),
        ("BY->RU", 8),
        ("BR->RU", 10),
        ("NL->UA", 18),
        ("EG->RU", 30_000),
    ] {
        assert!(
            quantities.contains(&(expected.0.to_owned(), expected.1)),
            "missing quantity {expected:?} in {quantities:?}"
        );
    }
}

#[test]
fn evidence_spans_slice_to_their_sentences() {
    let d = dataset();
    for t in &d.transfers {
        assert!(t.evidence().next().is_some());
        for e in t.evidence() {
            let article = d.article(&e.article).expect("evidence article exists");
            assert_eq!(article.text.get(e.start..e.end), Some(e.sentence.as_str()));
            assert!(!e.rule.is_empty());
        }
    }
}

#[test]
fn cli_writes_json_and_csv_and_rejects_a_missing_folder() {
    let out = tempfile::tempdir().expect("temp dir");
    let json = out.path().join("data.json");
    let csv = out.path().join("data.csv");
    let status = Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args([
            "extract",
            fixture().to_str().expect("utf-8 path"),
            "--json",
            json.to_str().expect("utf-8"),
            "--csv",
            csv.to_str().expect("utf-8"),
        ])
        .output()
        .expect("armsflow runs");
    assert!(status.status.success());
    let summary = String::from_utf8_lossy(&status.stderr);
    assert!(
        summary.contains("12 articles") && summary.contains("2 files with problems"),
        "{summary}"
    );
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json written"))
            .expect("valid json");
    assert_eq!(value["schema"], "armsflow/2");
    for key in [
        "id",
        "supplier",
        "recipient",
        "item",
        "category",
        "quantity",
        "value_usd",
        "status",
        "date_text",
        "attribution",
        "evidence",
        "reports",
    ] {
        assert!(
            value["transfers"][0].get(key).is_some(),
            "transfer field {key}"
        );
    }
    let report = &value["transfers"][0]["reports"][0];
    for key in [
        "article",
        "quantity",
        "value_usd",
        "status",
        "date",
        "attribution",
        "source",
        "via",
        "evidence",
    ] {
        assert!(report.get(key).is_some(), "report field {key}");
    }
    for key in ["from", "to", "precision", "text"] {
        assert!(report["date"].get(key).is_some(), "report date field {key}");
    }
    for key in [
        "id",
        "path",
        "title",
        "outlet",
        "published",
        "published_source",
    ] {
        assert!(
            value["articles"][0].get(key).is_some(),
            "article field {key}"
        );
    }
    let rows = std::fs::read_to_string(&csv)
        .expect("csv written")
        .lines()
        .count();
    let evidence: usize = value["transfers"]
        .as_array()
        .expect("array")
        .iter()
        .map(|t| t["evidence"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(
        rows,
        evidence + 1,
        "one CSV row per evidence sentence plus the header"
    );

    let missing = Command::new(env!("CARGO_BIN_EXE_armsflow"))
        .args(["extract", "/definitely/not/here"])
        .output()
        .expect("armsflow runs");
    assert_eq!(missing.status.code(), Some(2));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(err.lines().count(), 1, "one-line error: {err}");
}

#[test]
fn cli_generates_a_folder_and_never_writes_into_a_full_one() {
    let out = tempfile::tempdir().expect("temp dir");
    let folder = out.path().join("generated");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_armsflow"))
            .args(args)
            .output()
            .expect("armsflow runs")
    };
    let path = folder.to_str().expect("utf-8");
    let done = run(&["generate", path, "--articles", "30", "--seed", "3"]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let files = walkdir::WalkDir::new(&folder)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .count();
    assert_eq!(files, 30);
    // The generated folder reads like news: transfers come out of it.
    let summary = run(&["extract", path, "--json", "-"]);
    assert!(summary.status.success());
    let value: serde_json::Value = serde_json::from_slice(&summary.stdout).expect("json");
    assert!(value["transfers"].as_array().is_some_and(|t| !t.is_empty()));
    // A folder with files in it is refused (exit 2), and left as it was.
    let again = run(&["generate", path, "--articles", "5"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));
}
