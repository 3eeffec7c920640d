//! Refreshing a folder after a change: only new and changed files are read again, and the
//! result is exactly what a full load of the folder gives.

use armsflow::corpus::{LoadOptions, LoadProgress};
use armsflow::dataset::{Dataset, Overrides, build_dataset, rebuild_dataset};
use armsflow::dates::When;
use armsflow::extract::Extractor;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;

mod common;

fn full_load(dir: &Path, extractor: &Extractor) -> Dataset {
    build_dataset(
        dir,
        extractor,
        &LoadOptions::default(),
        &Arc::new(LoadProgress::default()),
    )
    .expect("folder loads")
}

/// Refreshes `previous`; returns the dataset and how many files were found unchanged.
fn refresh(dir: &Path, previous: &Dataset, extractor: &Extractor) -> (Dataset, usize) {
    let progress = Arc::new(LoadProgress::default());
    let dataset = rebuild_dataset(
        dir,
        Some(previous),
        extractor,
        &LoadOptions::default(),
        &progress,
    )
    .expect("folder loads");
    (dataset, progress.unchanged.load(Ordering::Relaxed))
}

fn pairs(dataset: &Dataset) -> Vec<String> {
    dataset
        .transfers
        .iter()
        .map(|t| {
            let (from, to) = (&t.supplier.name, &t.recipient.name);
            format!("{from} → {to}: {} reports", t.reports.len())
        })
        .collect()
}

#[test]
fn a_changed_file_is_read_again_and_the_rest_is_kept() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dir = common::fixture_copy("same-deal");
    let before = full_load(dir.path(), &extractor);
    assert_eq!(before.articles.len(), 5);

    let (same, unchanged) = refresh(dir.path(), &before, &extractor);
    assert_eq!(unchanged, 5, "nothing changed, nothing is read");
    assert_eq!(same, before);

    // One outlet adds a sentence about a new deal to its article.
    let changed = dir.path().join("2024-03-07-evening-wire.txt");
    let mut text = std::fs::read_to_string(&changed).expect("read");
    text.push_str("\nFinland delivered 12 patrol boats to Estonia in February 2024.\n");
    std::fs::write(&changed, text).expect("write");
    let (after, unchanged) = refresh(dir.path(), &before, &extractor);
    assert_eq!(unchanged, 4, "only the changed file is read again");
    assert!(
        pairs(&after).contains(&"Finland → Estonia: 1 reports".to_owned()),
        "{:?}",
        pairs(&after)
    );
    assert_eq!(after, full_load(dir.path(), &extractor));
}

#[test]
fn added_and_removed_files_give_what_a_full_load_gives_and_ids_stay() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dir = common::fixture_copy("same-deal");
    let before = full_load(dir.path(), &extractor);

    // A new article sorts first and another goes: every other article keeps its id.
    std::fs::write(
        dir.path().join("2020-01-01-archive.txt"),
        "Date: 2020-01-01\n\nSpain sold 6 trainer aircraft to Chile, the ministry said.\n",
    )
    .expect("write");
    std::fs::remove_file(dir.path().join("2024-03-08-northern-review.txt")).expect("remove");
    let (after, unchanged) = refresh(dir.path(), &before, &extractor);
    assert_eq!(unchanged, 4);
    assert_eq!(after.articles.len(), 5);
    assert_eq!(after, full_load(dir.path(), &extractor));
    for article in &after.articles {
        if let Some(old) = before.articles.iter().find(|a| a.path == article.path) {
            assert_eq!(old.id, article.id, "{} kept its id", article.path);
        }
    }
    let report_ids = |d: &Dataset| -> std::collections::BTreeSet<(String, usize)> {
        d.reports()
            .flat_map(|r| r.evidence.iter().map(|e| (e.article.clone(), e.start)))
            .collect()
    };
    assert!(
        report_ids(&before)
            .iter()
            .filter(|(id, _)| after.article(id).is_some())
            .all(|k| report_ids(&after).contains(k)),
        "a kept article's reports keep their article id"
    );
    // Every report and sentence points at its own article's text.
    for report in after.reports() {
        let article = after.article(&report.article).expect("article");
        for e in &report.evidence {
            assert_eq!(e.article, report.article);
            assert_eq!(article.text.get(e.start..e.end), Some(e.sentence.as_str()));
        }
    }
}

#[test]
fn a_file_grown_over_the_size_limit_is_listed_not_kept() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dir = common::fixture_copy("same-deal");
    let before = full_load(dir.path(), &extractor);
    let progress = Arc::new(LoadProgress::default());
    let big = dir.path().join("2024-03-04-baltic-courier.txt");
    let mut text = std::fs::read_to_string(&big).expect("read");
    text.push_str(&"Padding to pass the limit. ".repeat(50_000));
    std::fs::write(&big, text).expect("write");
    let after = rebuild_dataset(
        dir.path(),
        Some(&before),
        &extractor,
        &LoadOptions::with_max_megabytes(1),
        &progress,
    )
    .expect("folder loads");
    assert_eq!(after.articles.len(), 4);
    assert_eq!(after.problems.len(), 1, "{:?}", after.problems);
    assert!(after.problems[0].reason.contains("over the 1 MB limit"));
}

#[test]
fn a_correction_made_since_redates_an_unchanged_article() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dir = common::fixture_copy("same-deal");
    let before = full_load(dir.path(), &extractor);
    let mut overrides = Overrides::default();
    overrides.set_article_date("2024-03-05-harbour-times.txt", When::parse("2023-11"));
    overrides.save(dir.path()).expect("saved");
    let (after, unchanged) = refresh(dir.path(), &before, &extractor);
    assert_eq!(unchanged, 5, "no article file changed");
    let article = after
        .articles
        .iter()
        .find(|a| a.path == "2024-03-05-harbour-times.txt")
        .expect("article");
    assert_eq!(
        article.date.as_ref().map(|d| d.when.to_string()),
        Some("2023-11".to_owned())
    );
    assert_eq!(after, full_load(dir.path(), &extractor));
}

#[test]
fn reports_of_one_sentence_keep_their_order_after_a_refresh() {
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("w");
    // One sentence, two recipients: two reports with the same evidence, whose order a refresh
    // must not change (it decides which transfer is numbered first).
    write(
        "2024-03-01-a.txt",
        "Date: 2024-03-01\n\nSpain delivered 12 tanks to Portugal and Italy on Friday.\n",
    );
    write(
        "2024-03-02-b.txt",
        "Date: 2024-03-02\n\nSpain delivered 30 howitzers to Italy and Portugal on Friday.\n",
    );
    let before = full_load(dir.path(), &extractor);
    assert!(before.transfers.len() >= 4, "{:?}", pairs(&before));
    write(
        "2024-03-02-b.txt",
        "Date: 2024-03-02\n\nSpain delivered 31 howitzers to Italy and Portugal on Friday.\n",
    );
    let (after, unchanged) = refresh(dir.path(), &before, &extractor);
    assert_eq!(unchanged, 1);
    assert_eq!(after, full_load(dir.path(), &extractor));
}

#[test]
fn rounds_of_edits_refresh_to_what_a_full_load_gives() {
    use armsflow::synthetic::{ArticleGenerator, write_folder};
    let extractor = Extractor::builtin().expect("built-in data loads");
    let dir = tempfile::tempdir().expect("temp dir");
    // Generated articles share pairs and goods, so edits move reports between transfers.
    write_folder(dir.path(), 300, 5).expect("generated folder");
    let mut files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(dir.path())
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let mut generator = ArticleGenerator::new(99);
    let mut shown = full_load(dir.path(), &extractor);
    // A fixed sequence of picks (no randomness between runs).
    let mut pick = 17usize;
    let mut next = |n: usize| {
        pick = (pick * 1_103_515_245 + 12_345) % 2_147_483_648;
        pick % n.max(1)
    };
    for round in 0..6 {
        for edit in 0..4 {
            let i = next(files.len());
            let (_, text) = generator.article(1_000 + round * 10 + edit);
            match edit {
                // Replace an article's text with another's (new pairs, new dates).
                0 | 1 => std::fs::write(&files[i], text).expect("rewrite"),
                // Remove one.
                2 => {
                    std::fs::remove_file(&files[i]).expect("remove");
                    files.remove(i);
                }
                // Add one, somewhere in the middle of the path order.
                _ => {
                    let path = files[i].with_file_name(format!("added-{round}-{edit}.txt"));
                    std::fs::write(&path, text).expect("add");
                    files.push(path);
                }
            }
        }
        let (refreshed, _) = refresh(dir.path(), &shown, &extractor);
        let full = full_load(dir.path(), &extractor);
        assert_eq!(
            refreshed.transfers.len(),
            full.transfers.len(),
            "round {round}"
        );
        assert!(
            refreshed == full,
            "round {round}: refresh differs from a full load"
        );
        shown = refreshed;
    }
}
