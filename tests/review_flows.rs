//! The analyst's review in the window, driven as a user would with egui_kittest: accept,
//! reject, edit, add from a selection, split, merge, undo and redo, each checked in the
//! table, in Evidence and in an export.

mod common;

use armsflow::app::{ArmsFlowApp, Command, Tab};
use armsflow::chart::ChartKind;
use armsflow::model::ReviewState;
use common::app::{open_folder, step_while};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type App = Harness<'static, ArmsFlowApp>;

/// Lets the decision be saved and the reports regrouped.
fn settle(h: &mut App) {
    h.run_steps(2);
    step_while(h, ArmsFlowApp::is_busy, "saving the review");
    h.run_steps(3);
}

/// The visible transfers as the window's Export data… writes them (CSV).
fn exported_csv(h: &App) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("reports.csv");
    let s = &h.state().state;
    armsflow::export::export_data(&s.data.dataset, &s.data.index, &s.views.visible, &out)
        .expect("exported");
    std::fs::read_to_string(out).expect("read")
}

/// Whether the table shows a cell with `text`.
fn table_has(h: &mut App, text: &str) -> bool {
    h.state_mut().apply(Command::SetTab(Tab::Table));
    h.run_steps(2);
    let found = h.query_all_by_label(text).next().is_some();
    h.state_mut().apply(Command::SetTab(Tab::Review));
    h.run_steps(2);
    found
}

/// Shows transfer `t` in Evidence.
fn select(h: &mut App, t: usize) {
    h.state_mut().apply(Command::Select {
        transfers: vec![t],
        label: "selected".into(),
    });
    h.run_steps(2);
}

/// The review state of the report (article, first evidence start) wherever it is now.
fn state_of(h: &App, report: &(String, usize)) -> Option<ReviewState> {
    h.state()
        .state
        .data
        .dataset
        .reports()
        .find(|r| (&r.article, r.evidence[0].start) == (&report.0, report.1))
        .map(|r| r.review.state)
}

/// The report at the queue's cursor, as (article, first evidence start).
fn at_cursor(h: &App) -> (String, usize) {
    let s = &h.state().state;
    let (t, r) = s.queue_item(s.queue.cursor).expect("a report to review");
    let report = &s.data.dataset.transfers[t].reports[r];
    (report.article.clone(), report.evidence[0].start)
}

fn transfer_of(h: &App, report: &(String, usize)) -> usize {
    h.state()
        .state
        .data
        .dataset
        .transfers
        .iter()
        .position(|t| {
            t.reports
                .iter()
                .any(|r| (&r.article, r.evidence[0].start) == (&report.0, report.1))
        })
        .expect("the report's transfer")
}

/// The index of the fixture's three-report Norway → Poland transfer.
fn three_report_transfer(h: &App) -> usize {
    h.state()
        .state
        .data
        .dataset
        .transfers
        .iter()
        .position(|t| t.reports.len() == 3)
        .expect("the 3-report transfer")
}

#[test]
fn accept_and_reject_from_the_queue_by_keyboard_show_in_table_evidence_and_export() {
    let dir = common::fixture_copy("same-deal");
    let mut h = open_folder(dir.path().to_owned(), Tab::Review);
    h.get_by_label("0 of 6 reports reviewed");
    let first = at_cursor(&h);
    h.key_press(Key::A);
    settle(&mut h);
    assert_eq!(state_of(&h, &first), Some(ReviewState::Accepted));
    h.get_by_label("1 of 6 reports reviewed");
    // The cursor moved on to the next report; R rejects it.
    let second = at_cursor(&h);
    assert_ne!(second, first);
    h.key_press(Key::R);
    settle(&mut h);
    assert_eq!(state_of(&h, &second), Some(ReviewState::Rejected));
    h.get_by_label("2 of 6 reports reviewed");

    // Evidence shows the accepted report's state and the table the transfer's.
    let t = transfer_of(&h, &first);
    select(&mut h, t);
    assert!(h.query_all_by_label("accepted").next().is_some());
    let transfer_state = h.state().state.data.dataset.transfers[t].review_state();
    assert!(table_has(&mut h, transfer_state.as_str()));
    // The export carries the review state; the rejected report is left out.
    let csv = exported_csv(&h);
    assert!(csv.contains(",accepted,"), "{csv}");
    assert!(!csv.contains(",rejected,"), "{csv}");
    let file = std::fs::read_to_string(dir.path().join(".armsflow/review.json")).expect("saved");
    assert_eq!(file.matches("\"state\"").count(), 2, "{file}");

    // Undo takes the rejection back and puts the queue's cursor on that report again.
    h.state_mut().apply(Command::SetTab(Tab::Review));
    h.key_press(Key::J);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(state_of(&h, &second), Some(ReviewState::Machine));
    assert_eq!(at_cursor(&h), second);
}

#[test]
fn an_edit_in_the_form_shows_the_machine_value_beside_it() {
    let dir = common::fixture_copy("same-deal");
    let mut h = open_folder(dir.path().to_owned(), Tab::Review);
    let first = at_cursor(&h);
    h.key_press(Key::E);
    h.run_steps(2);
    let item = h.get_by_label("Item");
    item.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Item").type_text("self-propelled howitzers");
    h.run_steps(1);
    h.get_by_label("Save").click();
    settle(&mut h);
    assert_eq!(state_of(&h, &first), Some(ReviewState::Edited));
    let t = transfer_of(&h, &first);
    select(&mut h, t);
    // Evidence: the machine's item struck through, the analyst's beside it.
    h.get_by_label("self-propelled howitzers");
    assert!(h.query_all_by_label("edited").next().is_some());
    assert!(table_has(&mut h, "self-propelled howitzers"));
    let csv = exported_csv(&h);
    assert!(csv.contains(",edited,"), "{csv}");
    assert!(
        csv.contains("item: "),
        "the machine's item is exported: {csv}"
    );
}

#[test]
fn a_transfer_added_from_text_selected_in_the_reader() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A sentence the extractor reads nothing in, naming two countries.
    std::fs::write(
        dir.path().join("2024-05-02-harbour.txt"),
        "Date: 2024-05-02\nOutlet: Harbour Times\n\nChile and Peru signed papers at the port.\n\n\
         Peru now flies trainers that came from Chile, the paper said.\n",
    )
    .expect("write");
    let mut h = open_folder(dir.path().to_owned(), Tab::Review);
    assert_eq!(h.state().state.data.dataset.transfers.len(), 0);
    h.state_mut().apply(Command::OpenReader {
        article: 0,
        start: 0,
        end: 0,
    });
    h.run_steps(2);
    let paragraph = "Peru now flies trainers that came from Chile, the paper said.";
    h.get_all_by_value(paragraph)
        .next()
        .expect("the paragraph")
        .click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(2);
    h.get_by_label("Add transfer from selection…").click();
    h.run_steps(2);
    let form = h.state().state.report_form.clone().expect("the form opens");
    // Prefilled from the countries the selection names, in their order.
    assert_eq!(
        (form.supplier.as_str(), form.recipient.as_str()),
        ("PE", "CL")
    );
    let swapped = armsflow::app::ReportForm {
        supplier: "CL".into(),
        recipient: "PE".into(),
        ..form
    };
    h.state_mut()
        .apply(Command::Review(armsflow::app::ReviewCommand::EditForm(
            swapped,
        )));
    h.run_steps(1);
    h.get_by_label("Item").focus();
    h.run_steps(1);
    h.get_by_label("Item").type_text("trainer aircraft");
    h.run_steps(2);
    h.get_by_label("Save").click();
    settle(&mut h);
    let s = &h.state().state;
    let d = &s.data.dataset;
    assert_eq!(
        d.transfers.len(),
        1,
        "{:?} {:?} {:?}",
        s.report_form,
        s.notice,
        d.problems
    );
    let added = &d.transfers[0].reports[0];
    assert_eq!(added.review.state, ReviewState::Added);
    assert_eq!(
        &d.articles[0].text[added.evidence[0].start..added.evidence[0].end],
        paragraph
    );
    h.state_mut().apply(Command::CloseReader);
    select(&mut h, 0);
    assert!(h.query_all_by_label("added").next().is_some());
    assert!(table_has(&mut h, "trainer aircraft"));
    let csv = exported_csv(&h);
    assert!(csv.contains("Chile,CL,Peru,PE"), "{csv}");
    assert!(csv.contains(",added,"), "{csv}");
}

#[test]
fn split_and_merge_and_both_undone_and_redone() {
    let dir = common::fixture_copy("same-deal");
    let mut h = open_folder(dir.path().to_owned(), Tab::Chart(ChartKind::FLOW));
    let count = |h: &App| h.state().state.data.dataset.transfers.len();
    assert_eq!(count(&h), 3);
    // The three-report Norway → Poland deal: split its second report off.
    let big = three_report_transfer(&h);
    select(&mut h, big);
    h.get_all_by_label("Split off")
        .nth(1)
        .expect("a split button")
        .click();
    settle(&mut h);
    assert_eq!(count(&h), 4);
    // Now three Norway → Poland transfers: the band selects them, Evidence merges them.
    h.get_by_label("Norway → Poland: 3 transfers (4 reports)")
        .click();
    h.run_steps(2);
    h.get_by_label("Merge these 3 transfers").click();
    settle(&mut h);
    assert_eq!(count(&h), 2);
    h.get_by_label("Norway → Poland: 1 transfer (4 reports)");
    let csv = exported_csv(&h);
    assert_eq!(
        csv.matches(",4,").count(),
        4,
        "one transfer of four reports: {csv}"
    );

    // Undo the merge, then the split; redo both.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(count(&h), 4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(count(&h), 3);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    settle(&mut h);
    assert_eq!(count(&h), 4);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    settle(&mut h);
    assert_eq!(count(&h), 2);
    // Undo also covers a date correction.
    h.state_mut().apply(Command::SetArticleDate {
        article: 0,
        date: Some("2020".into()),
    });
    settle(&mut h);
    assert!(h.state().state.data.dataset.overrides.article_dates.len() == 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(
        h.state()
            .state
            .data
            .dataset
            .overrides
            .article_dates
            .is_empty()
    );
}

#[test]
fn editing_a_whole_transfer_changes_only_the_field_changed() {
    let dir = common::fixture_copy("same-deal");
    let mut h = open_folder(dir.path().to_owned(), Tab::Chart(ChartKind::FLOW));
    let big = three_report_transfer(&h);
    let figures = |h: &App, t: usize| -> Vec<Option<u64>> {
        h.state().state.data.dataset.transfers[t]
            .reports
            .iter()
            .map(|r| r.quantity.map(|q| q.value))
            .collect()
    };
    let before = figures(&h, big);
    select(&mut h, big);
    h.get_by_label("Edit all…").click();
    h.run_steps(2);
    assert!(
        h.state().state.report_form.is_some(),
        "{:?}",
        h.state().state.notice
    );
    // A new window is laid out unseen in its first frames.
    h.run_steps(2);
    h.get_by_label("Item").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Item").type_text("self-propelled guns");
    h.run_steps(2);
    h.get_by_label("Save").click();
    settle(&mut h);
    let d = &h.state().state.data.dataset;
    let t = d
        .transfers
        .iter()
        .position(|t| t.item == "self-propelled guns")
        .unwrap_or_else(|| {
            let s = &h.state().state;
            panic!(
                "{:?} {:?} {:?}",
                s.notice, s.report_form, s.data.dataset.review
            )
        });
    let edited = &d.transfers[t];
    assert_eq!(edited.reports.len(), 3);
    assert!(
        edited
            .reports
            .iter()
            .all(|r| r.review.state == ReviewState::Edited)
    );
    assert_eq!(figures(&h, t), before, "each report keeps its own figure");
    assert!(table_has(&mut h, "self-propelled guns"));
    // One undo takes back all three.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(
        h.state()
            .state
            .data
            .dataset
            .reports()
            .all(|r| !r.review.state.is_reviewed())
    );
}
