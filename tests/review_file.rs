//! The review file: decisions survive a reload, a restart and a changed extractor output,
//! follow a sentence re-wrapped over other lines, and are listed as orphaned, with their
//! content, when their sentence is gone; edits, added reports, splits and merges shape the
//! transfers as the analyst decided.

mod common;

use armsflow::corpus::ProblemKind;
use armsflow::dataset::{Dataset, REVIEW_FILE, Review};
use armsflow::model::{
    AddedReport, Category, Decision, Party, ReportEdit, ReportKey, ReviewState, Status,
};
use armsflow::view::{DatasetIndex, Filters};

/// The key and first sentence of report `r` of transfer `t` of `d`.
fn key(d: &Dataset, t: usize, r: usize) -> (ReportKey, String) {
    let report = &d.transfers[t].reports[r];
    let path = &d.article(&report.article).expect("article").path;
    (
        ReportKey::of(report, path).expect("key"),
        report.evidence[0].sentence.clone(),
    )
}

/// A decision in state `state` about report `r` of transfer `t`.
fn decision(d: &Dataset, t: usize, r: usize, state: ReviewState) -> Decision {
    let (key, sentence) = key(d, t, r);
    Decision {
        state,
        note: Some("checked against the sentence".into()),
        ..Decision::new(key, &sentence)
    }
}

/// A report an analyst added over `words` at `start` of the article at `path`: Norway →
/// Poland artillery, delivered, undated, no note.
fn norway_to_poland(id: String, path: &str, start: usize, words: &str) -> AddedReport {
    AddedReport {
        id,
        path: path.to_owned(),
        start,
        end: start + words.len(),
        sentence: words.to_owned(),
        supplier: Party {
            code: "NO".into(),
            name: "Norway".into(),
        },
        recipient: Party {
            code: "PL".into(),
            name: "Poland".into(),
        },
        item: "howitzers".into(),
        category: Category::Artillery,
        quantity: None,
        value_usd: None,
        status: Status::Delivered,
        date: None,
        note: None,
    }
}

/// Each report as "supplier → recipient sentence" with its review state, sorted.
fn states(d: &Dataset) -> Vec<(String, ReviewState)> {
    let mut out: Vec<_> = d
        .reports()
        .map(|r| {
            let label = format!(
                "{} → {} {}",
                r.supplier.code, r.recipient.code, r.evidence[0].sentence
            );
            (label, r.review.state)
        })
        .collect();
    out.sort();
    out
}

fn reviewed(d: &Dataset) -> usize {
    d.reports().filter(|r| r.review.state.is_reviewed()).count()
}

/// The transfers as "supplier → recipient: number of reports", in dataset order.
fn shape(d: &Dataset) -> Vec<String> {
    d.transfers
        .iter()
        .map(|t| {
            format!(
                "{} → {}: {} ({})",
                t.supplier.code,
                t.recipient.code,
                t.reports.len(),
                t.review_state().as_str()
            )
        })
        .collect()
}

#[test]
fn decisions_survive_a_reload_a_restart_and_a_changed_extractor_output() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let mut review = Review::default();
    for decision in [
        decision(&d, 0, 0, ReviewState::Accepted),
        Decision {
            reason: Some("a denial, not a delivery".into()),
            ..decision(&d, 2, 1, ReviewState::Rejected)
        },
    ] {
        let k = decision.key.clone();
        review.set_decision(&k, Some(decision));
    }
    assert_eq!(review.save(dir.path()).expect("saved"), None);

    // Reload and restart: a fresh load reads the file and lays it over the reports.
    let loaded = common::build(dir.path());
    assert_eq!(loaded.review, review);
    assert_eq!(reviewed(&loaded), 2);
    let before = states(&loaded);

    // A newer extractor: it finds one more (earlier) transfer and hands the reports in
    // another order, so ids and order change; the decisions find their reports again.
    let mut reports: Vec<_> = d.reports().cloned().collect();
    reports.reverse();
    let mut extra = reports[0].clone();
    extra.supplier = Party {
        code: "SE".into(),
        name: "Sweden".into(),
    };
    extra.date = Default::default();
    reports.push(extra);
    let mut newer = Dataset::from_parts(
        loaded.articles.clone(),
        reports,
        Vec::new(),
        loaded.overrides.clone(),
    );
    newer.apply_corrections(loaded.overrides.clone(), loaded.review.clone());
    assert_ne!(shape(&newer), shape(&loaded));
    let mut after = states(&newer);
    after.retain(|(label, _)| !label.starts_with("SE"));
    assert_eq!(after, before);
    assert!(newer.problems.iter().all(|p| p.path != REVIEW_FILE));

    // The rejected report is grouped apart and hidden unless asked for.
    let index = DatasetIndex::new(&loaded);
    let shown = |f: Filters| f.visible(&loaded, &index).len();
    assert_eq!(shown(Filters::default()) + 1, loaded.transfers.len());
    let with_rejected = Filters {
        show_rejected: true,
        ..Filters::default()
    };
    assert_eq!(shown(with_rejected), loaded.transfers.len());
    let only = Filters {
        only_reviewed: true,
        ..Filters::default()
    };
    assert_eq!(shown(only), 1, "{:?}", shape(&loaded));
}

#[test]
fn an_edited_sentence_orphans_its_decision_and_a_rewrapped_one_does_not() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let mut review = Review::default();
    let accepted = decision(&d, 0, 0, ReviewState::Accepted);
    let article = d
        .article(&d.transfers[0].reports[0].article)
        .expect("article")
        .path
        .clone();
    let sentence = accepted.sentence.clone();
    review.set_decision(&accepted.key.clone(), Some(accepted));
    review.save(dir.path()).expect("saved");
    let file = dir.path().join(&article);
    let text = std::fs::read_to_string(&file).expect("read");

    // Re-wrapped over two lines: the same sentence, the same decision.
    let (head, tail) = sentence.split_at(sentence.find(' ').expect("a space"));
    let rewrapped = text.replace(&sentence, &format!("{head}\n{}", tail.trim_start()));
    std::fs::write(&file, rewrapped).expect("write");
    let d = common::build(dir.path());
    assert_eq!(reviewed(&d), 1);
    assert!(d.problems.iter().all(|p| p.path != REVIEW_FILE));

    // The sentence edited: the decision is orphaned and listed with its content.
    let edited = text.replace(&sentence, &sentence.replacen(' ', " reportedly ", 1));
    std::fs::write(&file, edited).expect("write");
    let d = common::build(dir.path());
    assert_eq!(reviewed(&d), 0);
    let problems: Vec<_> = d
        .problems
        .iter()
        .filter(|p| p.path == REVIEW_FILE)
        .collect();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::Orphaned);
    assert!(
        problems[0].reason.contains(&sentence),
        "{}",
        problems[0].reason
    );
    assert!(problems[0].reason.contains("orphaned"));
    // Kept in the file, never dropped.
    assert_eq!(Review::load(dir.path()).expect("read").decisions.len(), 1);
}

#[test]
fn a_later_decision_replaces_an_earlier_one_and_can_be_taken_back() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let mut review = Review::default();
    let accepted = decision(&d, 0, 0, ReviewState::Accepted);
    let key = accepted.key.clone();
    assert_eq!(review.set_decision(&key, Some(accepted.clone())), None);
    let rejected = decision(&d, 0, 0, ReviewState::Rejected);
    assert_eq!(review.set_decision(&key, Some(rejected)), Some(accepted));
    assert_eq!(review.decisions.len(), 1);
    let mut applied = d.clone();
    applied.apply_corrections(d.overrides.clone(), review.clone());
    assert_eq!(reviewed(&applied), 1);
    assert!(review.set_decision(&key, None).is_some());
    applied.apply_corrections(d.overrides.clone(), review);
    assert_eq!(reviewed(&applied), 0);
    assert_eq!(
        applied, d,
        "taking a decision back restores the machine's dataset"
    );
}

#[test]
fn an_edit_moves_the_report_and_keeps_the_machine_values_beside_it() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    // "Iran has sent ballistic missiles to Russia" read as delivered: the analyst says it
    // is a claim by officials and the goods are drones.
    let mut edit = decision(&d, 2, 0, ReviewState::Edited);
    edit.edit = ReportEdit {
        category: Some(Category::Drones),
        item: Some("attack drones".into()),
        status: Some(Status::Unknown),
        ..ReportEdit::default()
    };
    let mut review = Review::default();
    review.set_decision(&edit.key.clone(), Some(edit));
    review.save(dir.path()).expect("saved");
    let loaded = common::build(dir.path());
    let edited: Vec<_> = loaded
        .reports()
        .filter(|r| r.review.state == ReviewState::Edited)
        .collect();
    assert_eq!(edited.len(), 1);
    assert_eq!(edited[0].category, Category::Drones);
    let machine = edited[0]
        .review
        .machine
        .as_deref()
        .expect("machine values kept");
    assert_eq!(machine.category, Category::Missiles);
    assert_eq!(
        armsflow::view::machine_values_label(edited[0]),
        "item: ballistic missiles; category: missiles; status: delivered"
    );
    // The edited report is a transfer of its category, apart from the denial.
    assert!(shape(&loaded).contains(&"IR → RU: 1 (edited)".to_owned()));
    let json = serde_json::to_string(&loaded).expect("json");
    assert!(
        json.contains("\"machine\""),
        "the JSON keeps the machine's values"
    );
    // The extractor's values come back when the edit is taken back.
    let mut back = loaded.clone();
    back.apply_corrections(loaded.overrides.clone(), Review::default());
    assert_eq!(back, d);
}

#[test]
fn an_added_report_is_a_transfer_until_its_words_change() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let article = d
        .articles
        .iter()
        .find(|a| a.text.contains("Neither government"))
        .expect("article");
    let words = "Neither government gave a price for the guns.";
    let start = article.text.find(words).expect("words");
    let mut review = Review::default();
    let added = AddedReport {
        item: "guns".into(),
        status: Status::Agreed,
        date: Some("2024-03".into()),
        note: Some("price not given".into()),
        ..norway_to_poland(review.next_added_id(), &article.path, start, words)
    };
    assert_eq!(added.id, "add-1");
    review.set_added(&added.id.clone(), Some(added));
    review.save(dir.path()).expect("saved");
    let loaded = common::build(dir.path());
    let report = loaded
        .reports()
        .find(|r| r.review.state == ReviewState::Added)
        .expect("added");
    assert_eq!(report.evidence[0].start, start);
    assert_eq!(report.evidence[0].sentence, words);
    assert_eq!(report.review.note.as_deref(), Some("price not given"));
    assert_eq!(report.source.as_deref(), Some("Harbour Times"));

    // The article rewritten: the added report is orphaned, listed, and kept in the file.
    let path = dir.path().join(&article.path);
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace(words, "The price was not given.")).expect("write");
    let changed = common::build(dir.path());
    assert!(
        changed
            .reports()
            .all(|r| r.review.state != ReviewState::Added)
    );
    let orphan = changed
        .problems
        .iter()
        .find(|p| p.path == REVIEW_FILE)
        .expect("listed");
    assert!(orphan.reason.contains(words), "{}", orphan.reason);
}

#[test]
fn a_split_report_stands_alone_and_a_merge_joins_two_transfers() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    assert_eq!(
        shape(&d),
        [
            "NO → PL: 1 (machine)",
            "NO → PL: 3 (machine)",
            "IR → RU: 2 (machine)"
        ]
    );
    let mut review = Review::default();
    // Split the third report out of the three-report transfer.
    let split = Decision {
        apart: true,
        ..decision(&d, 1, 2, ReviewState::Machine)
    };
    review.set_decision(&split.key.clone(), Some(split));
    // Merge the 2021 delivery with the 2024 deal.
    let (target, _) = key(&d, 1, 0);
    let merge = Decision {
        merge_with: Some(target),
        ..decision(&d, 0, 0, ReviewState::Machine)
    };
    review.set_decision(&merge.key.clone(), Some(merge));
    review.save(dir.path()).expect("saved");
    let loaded = common::build(dir.path());
    assert_eq!(
        shape(&loaded),
        [
            "NO → PL: 3 (machine)",
            "NO → PL: 1 (machine)",
            "IR → RU: 2 (machine)"
        ]
    );
}

#[test]
fn a_refresh_after_another_article_changed_keeps_every_decision_found() {
    use armsflow::corpus::{LoadOptions, LoadProgress};
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    let mut review = Review::default();
    for (t, r) in [(0, 0), (1, 1), (2, 0)] {
        let accepted = decision(&d, t, r, ReviewState::Accepted);
        review.set_decision(&accepted.key.clone(), Some(accepted));
    }
    review.save(dir.path()).expect("saved");
    let loaded = common::build(dir.path());
    assert_eq!(reviewed(&loaded), 3);
    // One article gains a line: only it is read again; the other transfers are carried over.
    let path = dir.path().join("2021-06-01-evening-wire.txt");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(
        &path,
        format!("{text}\nThe army gave no further details.\n"),
    )
    .expect("write");
    let extractor = armsflow::extract::Extractor::builtin().expect("built-in data");
    let progress = std::sync::Arc::new(LoadProgress::default());
    let refreshed = armsflow::dataset::rebuild_dataset(
        dir.path(),
        Some(&loaded),
        &extractor,
        &LoadOptions::default(),
        &progress,
    )
    .expect("refreshed");
    assert!(
        refreshed
            .problems
            .iter()
            .all(|p| p.kind != ProblemKind::Orphaned),
        "{:?}",
        refreshed.problems
    );
    assert_eq!(reviewed(&refreshed), 3);
}

#[test]
fn a_damaged_review_file_is_listed_and_the_folder_still_loads() {
    let dir = common::fixture_copy("same-deal");
    std::fs::create_dir_all(dir.path().join(".armsflow")).expect("mkdir");
    std::fs::write(dir.path().join(REVIEW_FILE), "{ not json").expect("write");
    let d = common::build(dir.path());
    assert_eq!(d.transfers.len(), 3);
    let problem = d
        .problems
        .iter()
        .find(|p| p.path == REVIEW_FILE)
        .expect("the damaged file is listed");
    assert!(problem.reason.contains("damaged"), "{}", problem.reason);
    // Laying another review over it (a decision in the window) keeps the listing.
    let mut again = d.clone();
    again.apply_corrections(d.overrides.clone(), Review::default());
    assert!(again.problems.iter().any(|p| p.path == REVIEW_FILE));
}

#[test]
fn merges_chain_and_an_added_report_keeps_its_state_when_split() {
    let dir = common::fixture_copy("same-deal");
    let d = common::build(dir.path());
    // Split the 3-report deal into two, then merge it back through a second report.
    let mut review = Review::default();
    let split = Decision {
        apart: true,
        ..decision(&d, 1, 2, ReviewState::Machine)
    };
    review.set_decision(&split.key.clone(), Some(split));
    let (first, _) = key(&d, 0, 0);
    let merge_a = Decision {
        merge_with: Some(first.clone()),
        ..decision(&d, 1, 0, ReviewState::Machine)
    };
    review.set_decision(&merge_a.key.clone(), Some(merge_a));
    let merge_b = Decision {
        merge_with: Some(first),
        ..decision(&d, 1, 2, ReviewState::Machine)
    };
    review.set_decision(&merge_b.key.clone(), Some(merge_b));
    let mut merged = d.clone();
    merged.apply_corrections(d.overrides.clone(), review);
    assert_eq!(
        shape(&merged),
        ["NO → PL: 4 (machine)", "IR → RU: 2 (machine)"],
        "the split report and its old transfer both join the 2021 one"
    );

    // An added report split off stays added (and keeps its note).
    let article = &d.articles[0];
    let words = article
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .expect("a line");
    let start = article.text.find(words).expect("words");
    let mut review = Review::default();
    let added = AddedReport {
        note: Some("mine".into()),
        ..norway_to_poland(review.next_added_id(), &article.path, start, words)
    };
    review.set_added(&added.id.clone(), Some(added));
    let mut with_added = d.clone();
    with_added.apply_corrections(d.overrides.clone(), review.clone());
    let report = with_added
        .reports()
        .find(|r| r.review.added.is_some())
        .expect("added");
    let key = ReportKey::of(report, &article.path).expect("key");
    let split = Decision {
        apart: true,
        ..Decision::new(key.clone(), words)
    };
    review.set_decision(&key, Some(split));
    with_added.apply_corrections(d.overrides.clone(), review);
    let report = with_added
        .reports()
        .find(|r| r.review.added.is_some())
        .expect("still added");
    assert_eq!(report.review.state, ReviewState::Added);
    assert!(report.review.apart);
    assert_eq!(report.review.note.as_deref(), Some("mine"));
    assert!(
        with_added
            .problems
            .iter()
            .all(|p| p.kind != ProblemKind::Orphaned)
    );
}
