//! The desktop app driven as a user would, without a GPU or display: egui_kittest finds
//! widgets and chart elements by their accessible labels and clicks them.

use armsflow::app::{ArmsFlowApp, Tab};
use armsflow::chart::ChartKind;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::time::{Duration, Instant};

mod common;

use common::app::{open_folder, step_while};

fn fixture() -> PathBuf {
    common::fixture("folder")
}

/// Clicks the Export dialog's Export button and waits for the file to be written.
fn click_export_and_wait(harness: &mut Harness<'static, ArmsFlowApp>) {
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    step_while(harness, |app| app.state.export_job.is_some(), "the export");
}

/// Opens the fixture folder in the app and waits for the background load to finish.
fn open_fixture(tab: Tab) -> Harness<'static, ArmsFlowApp> {
    open_folder(fixture(), tab)
}

#[test]
fn flow_tab_shows_a_band_per_pair_and_nodes() {
    let harness = open_fixture(Tab::Chart(ChartKind::FLOW));
    harness.get_by_label("Egypt → Russia: 2 transfers (3 reports)");
    harness.get_by_label("North Korea → Russia: 1 transfer (1 report)");
    harness.get_by_label("Sweden → Ukraine: 1 transfer (1 report)");
    harness.get_by_label("Supplier Egypt: 2 transfers");
    harness.get_by_label_contains("Recipient Ukraine");
    assert_eq!(harness.state().state.views.visible.len(), 18);
    harness.get_by_label("18 of 18 transfers shown (19 reports in all)");
}

#[test]
fn clicking_a_band_shows_its_sentences_and_a_sentence_opens_the_reader() {
    let mut harness = open_fixture(Tab::Chart(ChartKind::FLOW));
    harness
        .get_by_label("Egypt → Russia: 2 transfers (3 reports)")
        .click();
    harness.run_steps(3);
    let selection = harness.state().state.selection.clone();
    assert_eq!(selection.transfers.len(), 2, "{selection:?}");
    assert_eq!(selection.label, "Egypt → Russia");
    // Every quoted sentence of the selection is in the Evidence panel.
    let (sentence, start, article) = {
        let state = &harness.state().state;
        // A body sentence (a headline is also in the article list under the same words).
        let e = selection
            .transfers
            .iter()
            .flat_map(|&i| state.data.dataset.transfers[i].evidence())
            .find(|e| {
                let a = state.data.index.article_by_id[&e.article];
                state.data.dataset.articles[a].title != e.sentence
            })
            .expect("a body sentence");
        (
            e.sentence.clone(),
            e.start,
            state.data.index.article_by_id[&e.article],
        )
    };
    harness.get_by_label(&sentence).click();
    harness.run_steps(3);
    let reader = harness.state().state.reader.expect("the reader is open");
    assert_eq!((reader.article, reader.start), (article, start));
    harness.get_by_label("← Back").click();
    harness.run_steps(2);
    assert!(harness.state().state.reader.is_none());
    // The chart is back.
    harness.get_by_label("Egypt → Russia: 2 transfers (3 reports)");
}

#[test]
fn filters_change_the_counts() {
    let mut harness = open_fixture(Tab::Chart(ChartKind::FLOW));
    // A click on a country node filters every view to that country.
    harness.get_by_label("Supplier Egypt: 2 transfers").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.views.visible.len(), 2);
    harness.get_by_label("2 of 18 transfers shown (19 reports in all)");
    harness.get_by_label_contains("Filters: country: Egypt");
    harness.get_by_label("Clear filters").click();
    harness.run_steps(3);
    harness.get_by_label("18 of 18 transfers shown (19 reports in all)");
    // Free-text search over items and sentences.
    harness.get_by_label("Search").click();
    harness.run_steps(1);
    harness.get_by_label("Search").type_text("helicopter");
    harness.run_steps(3);
    let shown = harness.state().state.views.visible.len();
    assert!((1..19).contains(&shown), "search shows {shown}");
    harness.get_by_label(&format!(
        "{shown} of 18 transfers shown (19 reports in all)"
    ));
}

#[test]
fn bad_files_show_in_problems() {
    let mut harness = open_fixture(Tab::Table);
    harness.get_by_label("⚠ 2 problems").click();
    harness.run_steps(3);
    assert!(harness.state().state.show_problems);
    // Listed with a marker among the articles, and with its reason in Problems.
    assert_eq!(
        harness.query_all_by_label("⚠ picture-renamed.txt").count(),
        2
    );
    assert_eq!(harness.query_all_by_label("⚠ empty.txt").count(), 2);
}

#[test]
fn table_rows_select_and_timeline_lists_undated() {
    let mut harness = open_fixture(Tab::Table);
    // Sort by supplier (a header button), then select the first row.
    harness
        .get_all_by_role_and_label(Role::Button, "Supplier")
        .last()
        .expect("a Supplier header")
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().state.table_sort.0,
        armsflow::app::TableColumn::Supplier
    );
    harness.get_by_label("Belarus").click();
    harness.run_steps(2);
    let selected = harness.state().state.selection.clone();
    assert_eq!(selected.transfers.len(), 1, "{selected:?}");
    assert!(
        selected.label.starts_with("Belarus → Russia"),
        "{selected:?}"
    );
    harness.get_by_label("Timeline").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.settings.tab,
        Tab::Chart(ChartKind::TIMELINE)
    );
    let undated = harness
        .state()
        .state
        .data
        .index
        .transfer_dates
        .iter()
        .filter(|d| d.is_none())
        .count();
    if undated > 0 {
        harness.get_by_label_contains("Undated: ");
    }
}

#[test]
fn export_button_writes_the_chart_shown_and_ctrl_e_opens_the_timeline_export() {
    use armsflow::app::Command;
    let mut harness = open_fixture(Tab::Chart(ChartKind::FLOW));
    harness.get_by_label("Export…").click();
    harness.run_steps(3);
    let draft = harness
        .state()
        .state
        .export
        .clone()
        .expect("the Export window is open");
    assert!(draft.width >= 300 && draft.height >= 200, "{draft:?}");
    assert!(draft.path.ends_with(".png"), "{}", draft.path);
    harness.get_by_label("Export flow chart");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("flow.png");
    let edited = armsflow::app::ExportDraft {
        path: path.display().to_string(),
        scale: 2.0,
        ..draft.clone()
    };
    harness.state_mut().apply(Command::EditExport(edited));
    harness.run_steps(2);
    click_export_and_wait(&mut harness);
    harness.run_steps(2);
    let state = &harness.state().state;
    assert!(
        state.export.is_none(),
        "the window closes: {:?}",
        state.export_error
    );
    let notice = state.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("Exported"), "{notice}");
    let img = image::open(&path).expect("PNG written").to_rgb8();
    assert_eq!(img.dimensions(), (draft.width * 2, draft.height * 2));

    harness.get_by_label("Timeline").click();
    harness.run_steps(3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run_steps(3);
    let draft = harness
        .state()
        .state
        .export
        .clone()
        .expect("Ctrl+E opens Export");
    assert_eq!(
        draft.target,
        armsflow::app::ExportTarget::Chart(armsflow::export::ChartKind::TIMELINE)
    );
}

#[test]
fn correcting_an_article_date_saves_it_beside_the_articles_and_a_reload_keeps_it() {
    let dir = common::fixture_copy("same-deal");
    let mut harness = open_folder(dir.path().to_owned(), Tab::Chart(ChartKind::FLOW));
    // Three outlets, two figures: one transfer whose figures are shown as a range.
    harness
        .get_by_label("Norway → Poland: 2 transfers (4 reports)")
        .click();
    harness.run_steps(3);
    harness.get_by_label("24 to ~30 howitzers (the reports disagree)");
    harness.get_by_label("The Baltic Courier (via Harbour Times)");
    // One transfer, two reports: a delivery and a denial, side by side in Evidence.
    harness
        .get_by_label("Iran → Russia: 1 transfer (2 reports)")
        .click();
    harness.run_steps(3);
    harness.get_by_label("delivered → denied (disputed)");
    harness
        .get_by_label("Iran denied sending ballistic missiles to Russia on Friday.")
        .click();
    harness.run_steps(3);
    harness.get_by_label("Correct date…").click();
    harness.run_steps(2);
    harness.get_by_label("New date").click();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("New date").type_text("2023-12");
    harness.run_steps(2);
    harness.get_by_label("month precision");
    harness.get_by_label("Save date").click();
    harness.run_steps(1);
    // Saved and regrouped off the UI thread.
    step_while(&mut harness, ArmsFlowApp::is_busy, "the date correction");
    harness.run_steps(3);
    let sidecar = dir.path().join(".armsflow/overrides.json");
    let saved = std::fs::read_to_string(&sidecar).expect("the correction is saved");
    assert!(saved.contains("\"2023-12\""), "{saved}");
    harness.get_by_label("Change date…");
    harness.get_by_label("(set by you)");
    // A reload (as after a restart) keeps the correction: the denial now spans December
    // 2023 ("on Friday" cannot be placed in a month-precise article).
    harness.state_mut().apply(armsflow::app::Command::Reload);
    step_while(&mut harness, ArmsFlowApp::is_loading, "the reload");
    harness.run_steps(3);
    let state = &harness.state().state;
    let article = state
        .data
        .dataset
        .articles
        .iter()
        .find(|a| a.path == "2024-03-08-northern-review.txt")
        .expect("article");
    assert_eq!(
        article.date.as_ref().map(|d| d.when.to_string()),
        Some("2023-12".to_owned())
    );
    let denial = state
        .data
        .dataset
        .reports()
        .find(|r| r.article == article.id)
        .expect("the denial");
    assert_eq!(
        denial.date.when().map(|w| w.to_string()),
        Some("2023-12".to_owned())
    );
    let entries: Vec<_> = std::fs::read_dir(dir.path().join(".armsflow"))
        .expect("sidecar folder")
        .collect();
    assert_eq!(entries.len(), 1, "only overrides.json is written");
}

#[test]
fn a_folder_deleted_while_open_keeps_what_was_read_and_says_so() {
    let dir = common::fixture_copy("same-deal");
    let folder = dir.path().to_owned();
    let mut harness = open_folder(folder.clone(), Tab::Table);
    let articles = harness.state().state.data.dataset.articles.len();
    assert_eq!(articles, 5);
    std::fs::remove_dir_all(&folder).expect("delete the folder");
    harness.state_mut().apply(armsflow::app::Command::Reload);
    step_while(&mut harness, ArmsFlowApp::is_loading, "the reload");
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(
        state.data.dataset.articles.len(),
        articles,
        "what was read stays"
    );
    assert!(state.show_problems, "the Problems panel opens");
    harness.get_by_label_contains("no longer exists");
    // Correcting a date there fails with a reason, and changes nothing.
    harness
        .state_mut()
        .apply(armsflow::app::Command::SetArticleDate {
            article: 0,
            date: Some("2023".into()),
        });
    step_while(&mut harness, ArmsFlowApp::is_busy, "the date correction");
    harness.run_steps(2);
    let state = &harness.state().state;
    assert!(
        state
            .notice
            .as_deref()
            .is_some_and(|n| n.starts_with("Date not saved")),
        "{:?}",
        state.notice
    );
    assert!(!folder.exists(), "nothing recreated the folder");
}

#[test]
fn a_file_saved_in_the_open_folder_is_read_alone_and_shown() {
    let dir = common::fixture_copy("same-deal");
    let mut harness = open_folder(dir.path().to_owned(), Tab::Chart(ChartKind::FLOW));
    assert_eq!(harness.state().state.data.dataset.articles.len(), 5);
    std::fs::write(
        dir.path().join("2024-03-09-coast-guard.txt"),
        "Date: 2024-03-09\n\nFinland delivered 12 patrol boats to Estonia, the navy said.\n",
    )
    .expect("write");
    // The folder watcher notices, waits for the folder to be quiet, and refreshes.
    let start = Instant::now();
    let notice = loop {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
        let state = &harness.state().state;
        if let Some(notice) = state.notice.as_deref().filter(|n| n.starts_with("Folder"))
            && state.loading.is_none()
        {
            break notice.to_owned();
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no refresh after the change"
        );
    };
    assert!(
        notice.contains("1 file read again, 5 unchanged"),
        "{notice}"
    );
    harness.run_steps(3);
    assert_eq!(harness.state().state.data.dataset.articles.len(), 6);
    harness.get_by_label("Finland → Estonia: 1 transfer (1 report)");
}

#[test]
fn two_date_corrections_in_a_row_both_hold() {
    let dir = common::fixture_copy("same-deal");
    let mut harness = open_folder(dir.path().to_owned(), Tab::Table);
    // The second is made while the first is still being saved and regrouped off the UI
    // thread: it builds on the first, and only its result is shown.
    for (article, date) in [(0, "2020"), (1, "2021-05")] {
        harness
            .state_mut()
            .apply(armsflow::app::Command::SetArticleDate {
                article,
                date: Some(date.into()),
            });
    }
    step_while(&mut harness, ArmsFlowApp::is_busy, "the date corrections");
    harness.run_steps(2);
    let state = &harness.state().state;
    let when = |i: usize| {
        state.data.dataset.articles[i]
            .date
            .as_ref()
            .map(|d| d.when.to_string())
    };
    assert_eq!(when(0).as_deref(), Some("2020"));
    assert_eq!(when(1).as_deref(), Some("2021-05"));
    let saved =
        std::fs::read_to_string(dir.path().join(".armsflow/overrides.json")).expect("saved");
    assert!(
        saved.contains("\"2020\"") && saved.contains("\"2021-05\""),
        "{saved}"
    );
}

#[test]
fn typing_a_new_export_path_keeps_the_focus_and_every_character() {
    let mut harness = open_fixture(Tab::Chart(ChartKind::FLOW));
    harness.get_by_label("Export…").click();
    harness.run_steps(3);
    // Replace the whole path by typing: while it has no extension the format is unknown,
    // and nothing may move the field or take its focus.
    harness.get_by_label("Save to").click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    for piece in ["/tmp/armsflow-typed/", "new-name", ".s", "vg"] {
        harness.get_by_label("Save to").type_text(piece);
        harness.run_steps(2);
    }
    let draft = harness.state().state.export.clone().expect("still open");
    assert_eq!(draft.path, "/tmp/armsflow-typed/new-name.svg");
    assert_eq!(draft.format(), Some(armsflow::export::ExportFormat::Svg));
}

#[test]
fn without_a_dialog_service_the_folder_chooser_opens_and_opens_a_typed_folder() {
    let mut harness = open_fixture(Tab::Chart(ChartKind::FLOW));
    // What a desktop without a portal or zenity answers: nothing, at once.
    harness
        .state_mut()
        .apply(armsflow::app::Event::FolderPicked {
            folder: None,
            open_for: Duration::from_millis(5),
        });
    harness.run_steps(4);
    assert!(
        harness.state().state.folder_chooser.is_some(),
        "the chooser opens"
    );
    let target = common::fixture("same-deal");
    harness.get_by_label("Folder").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Folder")
        .type_text(&target.display().to_string());
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    harness.run_steps(2);
    step_while(&mut harness, ArmsFlowApp::is_loading, "the load");
    let state = &harness.state().state;
    assert!(state.folder_chooser.is_none(), "it closes");
    assert_eq!(state.data.folder.as_deref(), Some(target.as_path()));
    assert_eq!(state.data.dataset.transfers.len(), 3);
}

#[test]
fn every_undated_transfer_is_a_click_away_and_the_counts_agree() {
    // Articles with no date anywhere: not in a header, the file name or the text.
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [
        (
            "tanks.txt",
            "Russia sent ten tanks to Iran, officials said.",
        ),
        ("guns.txt", "Germany delivered five howitzers to Ukraine."),
        ("jets.txt", "France sold twelve fighter jets to Greece."),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let mut harness = open_folder(dir.path().to_owned(), Tab::Chart(ChartKind::TIMELINE));
    let (undated, undated_reports) = {
        let data = &harness.state().state.views.timeline;
        (data.undated.clone(), data.undated_reports)
    };
    assert!(!undated.is_empty(), "the fixture has undated transfers");
    let listed: usize = undated
        .iter()
        .map(|&i| {
            harness.state().state.data.dataset.transfers[i]
                .reports
                .len()
        })
        .sum();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    harness.get_by_label_contains(&format!(
        "Undated: {} transfer{} ({listed} report{})",
        undated.len(),
        plural(undated.len()),
        plural(listed)
    ));
    assert!(listed <= undated_reports);
    // Each one is a button that selects it, however many there are.
    for &i in &undated {
        let label =
            armsflow::view::transfer_label(&harness.state().state.data.dataset.transfers[i]);
        harness
            .get_all_by_label(&label)
            .next()
            .expect("listed")
            .click();
        harness.run_steps(2);
        assert_eq!(harness.state().state.selection.transfers, vec![i]);
    }
}

#[test]
fn filters_that_match_nothing_say_so_in_every_view_and_clear_in_one_click() {
    use armsflow::app::Command;
    use armsflow::view::Filters;
    for tab in Tab::all() {
        let mut harness = open_fixture(tab);
        harness.state_mut().apply(Command::SetFilters(Filters {
            search: "no such words anywhere".into(),
            ..Filters::default()
        }));
        harness.run_steps(3);
        harness.get_by_label("No transfers match these filters");
        harness
            .get_all_by_label("Clear filters")
            .last()
            .expect("the button under the message")
            .click();
        harness.run_steps(3);
        assert!(harness.state().state.filters.is_empty(), "{tab:?}");
        assert_eq!(harness.state().state.views.visible.len(), 18);
    }
}

#[test]
fn a_multi_select_stays_open_the_article_list_follows_the_filters_and_ctrl_f_searches() {
    let mut harness = open_fixture(Tab::Table);
    harness.get_by_label("Articles (12)");
    // Tick two statuses without the list closing in between.
    harness
        .get_all_by_role_and_label(Role::ComboBox, "Status")
        .next()
        .expect("the Status box")
        .click();
    harness.run_steps(2);
    let tick = |h: &mut Harness<'static, ArmsFlowApp>, label: &str| {
        h.get_all_by_role_and_label(Role::CheckBox, label)
            .next()
            .expect("a box to tick")
            .click();
        h.run_steps(2);
    };
    tick(&mut harness, "agreed");
    tick(&mut harness, "delivered");
    harness.run_steps(2);
    let statuses = harness.state().state.filters.statuses.clone();
    assert_eq!(statuses.len(), 2, "{statuses:?}");
    // The article list now holds only the articles of the transfers shown.
    let listed = harness
        .state()
        .state
        .views
        .articles
        .clone()
        .expect("filtered");
    assert!(listed.len() < 12);
    harness.get_by_label(&format!("Articles ({} of 12)", listed.len()));
    // Ctrl+F puts the cursor in the search field: typing filters at once.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run_steps(2);
    harness.get_by_label("Search").type_text("engines");
    harness.run_steps(3);
    assert_eq!(harness.state().state.filters.search, "engines");
}

#[test]
fn an_export_opens_at_a_publication_size_with_a_title_and_source_line_to_edit() {
    use armsflow::app::Command;
    let mut harness = open_fixture(Tab::Chart(ChartKind::FLOW));
    harness.get_by_label("Export…").click();
    harness.run_steps(3);
    let draft = harness.state().state.export.clone().expect("open");
    assert_eq!((draft.width, draft.height), (1600, 1000));
    assert!(
        draft
            .source_line
            .starts_with("Source: 12 articles in folder,"),
        "the folder's name, not its path: {}",
        draft.source_line
    );
    assert!(draft.title.starts_with("Reported "), "{}", draft.title);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("flow.svg");
    harness
        .state_mut()
        .apply(Command::EditExport(armsflow::app::ExportDraft {
            path: path.display().to_string(),
            ..draft
        }));
    harness.run_steps(2);
    harness.get_by_label("Source line").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Source line")
        .type_text("Source: my own words");
    harness.run_steps(2);
    click_export_and_wait(&mut harness);
    let svg = std::fs::read_to_string(&path).expect("written");
    assert!(
        svg.contains(">Source: my own words<"),
        "the edited line is printed"
    );
    assert!(!svg.contains("/tests/fixtures"), "no path of the machine");
}

#[test]
fn at_1024_by_700_the_table_keeps_its_first_columns_and_side_panels_fold_away() {
    let mut harness = open_fixture(Tab::Table);
    harness.set_size(egui::vec2(1024.0, 700.0));
    harness.run_steps(3);
    // Date, Supplier and Recipient are a table of their own beside the one that scrolls.
    for header in ["Date ▼", "Supplier", "Recipient", "Item", "Confidence"] {
        harness.get_by_role_and_label(Role::Button, header);
    }
    // A row is one transfer in both halves: a click on either selects it.
    harness.get_by_label("Belarus").click();
    harness.run_steps(2);
    let selected = harness.state().state.selection.transfers.clone();
    assert_eq!(selected.len(), 1);
    // Evidence, now full, fits beside the table: its heading starts inside the window, right
    // of the table's frozen columns, and a long selection label wraps instead of widening it.
    harness.state_mut().apply(armsflow::app::Command::Select {
        transfers: selected.clone(),
        label: "Democratic People's Republic of Korea → Russian Federation: rockets and \
                    artillery shells"
            .into(),
    });
    harness.run_steps(4);
    let heading = harness.get_by_label("Evidence").rect();
    let clear = harness.get_by_role_and_label(Role::Button, "Clear").rect();
    let recipient = harness
        .get_by_role_and_label(Role::Button, "Recipient")
        .rect();
    assert!(
        heading.min.x > recipient.max.x && clear.max.x <= 1024.0,
        "Evidence at {heading:?} with Clear at {clear:?}, Recipient column at {recipient:?}"
    );
    // View > Articles panel folds the article list away, and back.
    let toggle_articles = |harness: &mut Harness<'static, ArmsFlowApp>| {
        harness.get_by_label("View").click();
        harness.run_steps(2);
        harness
            .get_by_role_and_label(Role::CheckBox, "Articles panel")
            .click();
        harness.run_steps(3);
    };
    toggle_articles(&mut harness);
    let hidden = &harness.state().state.settings.hidden_panels;
    assert!(hidden.contains(&armsflow::app::SidePanel::Articles));
    assert!(harness.query_by_label_contains("Articles (").is_none());
    toggle_articles(&mut harness);
    harness.get_by_label_contains("Articles (");
}
