//! Reports of one deal in several articles become one transfer: figures kept side by side,
//! status history, attribution chains, and the user's date corrections. Over
//! `tests/fixtures/same-deal`: one howitzer deal reported by three outlets with two figures,
//! an older howitzer delivery between the same pair, and a missile transfer that one outlet
//! reports and another says was denied.

use armsflow::dataset::{Dataset, OVERRIDES_FILE, Overrides, Status, Transfer};
use armsflow::dates::{DateBasis, Precision, When};
use armsflow::export::write_csv;
use armsflow::view::{DatasetIndex, Filters, figures_label, status_history_label};
use std::path::PathBuf;

mod common;

fn fixture() -> PathBuf {
    common::fixture("same-deal")
}

/// The transfers between two countries, by code.
fn between<'a>(d: &'a Dataset, supplier: &str, recipient: &str) -> Vec<&'a Transfer> {
    d.transfers
        .iter()
        .filter(|t| t.supplier.code == supplier && t.recipient.code == recipient)
        .collect()
}

fn path_of<'a>(d: &'a Dataset, article: &str) -> &'a str {
    d.article(article).map_or("", |a| a.path.as_str())
}

#[test]
fn one_deal_in_three_outlets_is_one_transfer_with_three_reports_and_both_figures() {
    let d = common::build(&fixture());
    let deal = between(&d, "NO", "PL")
        .into_iter()
        .find(|t| t.reports.len() > 1)
        .expect("the 2024 howitzer deal");
    let paths: Vec<&str> = deal
        .reports
        .iter()
        .map(|r| path_of(&d, &r.article))
        .collect();
    assert_eq!(
        paths,
        [
            "2024-03-04-baltic-courier.txt",
            "2024-03-05-harbour-times.txt",
            "2024-03-07-evening-wire.txt"
        ]
    );
    let figures: Vec<(u64, &str)> = deal
        .reports
        .iter()
        .map(|r| {
            let q = r.quantity.expect("every outlet gives a figure");
            (q.value, q.qualifier.as_str())
        })
        .collect();
    assert_eq!(figures, [(24, "exact"), (30, "about"), (24, "exact")]);
    // Both figures shown, never averaged.
    assert_eq!(figures_label(deal), "24 to ~30");
    assert_eq!(status_history_label(deal), "agreed");
    // The relayed report keeps its original source and the outlet relaying it.
    assert_eq!(
        deal.reports[1].source_chain().as_deref(),
        Some("The Baltic Courier (via Harbour Times)")
    );
}

#[test]
fn two_deals_between_the_same_pair_stay_apart() {
    let d = common::build(&fixture());
    let deals = between(&d, "NO", "PL");
    assert_eq!(deals.len(), 2, "{deals:#?}");
    let older = deals
        .iter()
        .find(|t| t.reports.len() == 1)
        .expect("the 2021 delivery");
    assert_eq!(older.status, Status::Delivered);
    assert_eq!(older.quantity.map(|q| q.value), Some(10));
    let when = older.reports[0].date.when().expect("dated");
    assert_eq!(
        (when.to_string(), when.precision),
        ("2021-05".into(), Precision::Month)
    );
}

#[test]
fn a_denial_and_a_confirmation_are_both_visible() {
    let d = common::build(&fixture());
    let missiles = between(&d, "IR", "RU");
    assert_eq!(missiles.len(), 1, "one transfer, two reports");
    let t = missiles[0];
    let statuses: Vec<Status> = t.reports.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Status::Delivered, Status::Denied]);
    assert!(t.is_disputed());
    assert_eq!(status_history_label(t), "delivered → denied (disputed)");
    // Filtering on either status finds it.
    let index = DatasetIndex::new(&d);
    for status in [Status::Delivered, Status::Denied] {
        let filters = Filters {
            statuses: [status].into(),
            ..Filters::default()
        };
        let shown = filters.visible(&d, &index);
        assert!(
            shown.iter().any(|&i| d.transfers[i].id == t.id),
            "{status} finds it"
        );
    }
}

#[test]
fn the_source_filter_matches_the_original_source_and_the_relaying_outlet() {
    let d = common::build(&fixture());
    let index = DatasetIndex::new(&d);
    let shown = |source: &str| -> Vec<String> {
        let filters = Filters {
            source: source.into(),
            ..Filters::default()
        };
        filters
            .visible(&d, &index)
            .into_iter()
            .map(|i| {
                format!(
                    "{}->{}",
                    d.transfers[i].supplier.code, d.transfers[i].recipient.code
                )
            })
            .collect()
    };
    // The Baltic Courier is the outlet of one report and the source Harbour Times cites.
    assert_eq!(shown("baltic courier"), ["NO->PL"]);
    assert_eq!(shown("Harbour Times"), ["NO->PL"]);
    assert_eq!(shown("Northern Review"), ["IR->RU"]);
    assert!(shown("Nobody Gazette").is_empty());
}

#[test]
fn a_date_correction_is_saved_beside_the_articles_and_survives_a_reload() {
    let dir = common::fixture_copy("same-deal");
    let before = common::build(dir.path());
    assert!(
        !common::has_sidecar(dir.path()),
        "loading writes nothing into the folder"
    );
    let article = "2024-03-08-northern-review.txt";
    let mut overrides = before.overrides.clone();
    overrides.set_article_date(article, When::parse("2023"));
    overrides.save(dir.path()).expect("saved");
    let saved = std::fs::read_to_string(dir.path().join(OVERRIDES_FILE)).expect("sidecar");
    assert!(
        saved.contains("\"2024-03-08-northern-review.txt\": \"2023\""),
        "{saved}"
    );

    // A new load (as after a restart) reads the correction back.
    let after = common::build(dir.path());
    let a = after
        .articles
        .iter()
        .find(|a| a.path == article)
        .expect("article");
    let date = a.date.as_ref().expect("dated");
    assert_eq!(date.basis, DateBasis::Corrected);
    assert_eq!(date.when.precision, Precision::Year);
    // "on Friday" cannot be resolved against a year: the denial takes the year as a span.
    let denial = after
        .reports()
        .find(|r| r.article == a.id)
        .expect("the denial");
    let when = denial.date.when().expect("dated");
    assert_eq!(
        (when.precision, when.to_string()),
        (Precision::Year, "2023".into())
    );

    // Removing the correction in memory gives back the article's own date.
    let mut reverted = after.clone();
    let mut none = Overrides::default();
    none.set_article_date(article, None);
    reverted.apply_overrides(none);
    assert_eq!(reverted.transfers, before.transfers);
}

#[test]
fn csv_has_a_row_per_report_sentence_with_transfer_and_report_columns() {
    let d = common::build(&fixture());
    let mut out = Vec::new();
    write_csv(&d, &mut out).expect("csv");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = common::csv_header(&mut reader);
    for column in [
        "transfer_id",
        "report",
        "transfer_reports",
        "date_precision",
        "source",
        "via",
    ] {
        assert!(header.iter().any(|h| h == column), "column {column}");
    }
    let sentences: usize = d.reports().map(|r| r.evidence.len()).sum();
    assert_eq!(reader.records().count(), sentences);
    assert_eq!(d.schema, "armsflow/2");
}

#[test]
fn a_damaged_corrections_file_is_a_problem_and_is_kept_aside_on_the_next_correction() {
    let dir = common::fixture_copy("same-deal");
    let sidecar = dir.path().join(OVERRIDES_FILE);
    std::fs::create_dir_all(sidecar.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &sidecar,
        "{\"schema\": \"armsflow-overrides/1\", \"article_dates\": {",
    )
    .expect("write");
    let d = common::build(dir.path());
    assert_eq!(
        d.transfers.len(),
        common::build(&fixture()).transfers.len(),
        "the load goes on"
    );
    let problem = d
        .problems
        .iter()
        .find(|p| p.path == OVERRIDES_FILE)
        .expect("listed as a problem");
    assert!(problem.reason.contains("damaged"), "{}", problem.reason);
    assert!(sidecar.exists(), "left as it is");

    let mut overrides = d.overrides.clone();
    overrides.set_article_date("2024-03-05-harbour-times.txt", When::parse("2024-03"));
    let backup = overrides
        .save(dir.path())
        .expect("saved")
        .expect("a backup");
    assert!(std::fs::read_to_string(backup).expect("bak").ends_with('{'));
    assert!(
        common::build(dir.path())
            .problems
            .iter()
            .all(|p| p.path != OVERRIDES_FILE)
    );
}
