//! The SIPRI register comparison in the window, as a user goes through it: File > Compare
//! with SIPRI register…, a typed path, Compare; then the table's SIPRI column, the matched
//! deal beside the quotes in Evidence, the filter, the Flow colouring, and Stop comparing.

mod common;

use armsflow::app::{ArmsFlowApp, Tab};
use armsflow::chart::{ChartKind, FlowColor};
use armsflow::model::RegisterMark;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use common::app::{open_folder, step_while};

#[test]
fn comparing_with_a_register_marks_the_table_evidence_filters_and_flow() {
    let mut harness = open_folder(common::fixture("register-check"), Tab::Table);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Compare with SIPRI register…").click();
    harness.run_steps(3);
    let register = common::fixture("registers/deal-level.csv");
    harness.get_by_label("Register file").focus();
    harness
        .get_by_label("Register file")
        .type_text(&register.display().to_string());
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Compare")
        .click();
    harness.run_steps(2);
    step_while(&mut harness, |app| app.state.register_checking, "the check");
    harness.run_steps(3);
    {
        let state = &harness.state().state;
        assert!(state.register_dialog.is_none(), "the window closes");
        assert_eq!(
            state.settings.register_file.as_deref(),
            Some(register.as_path())
        );
        let notice = state.notice.clone().unwrap_or_default();
        assert!(
            notice.starts_with("Compared with deal-level.csv: 2 in the register"),
            "{notice}"
        );
    }
    // The table's SIPRI column, a row per mark.
    harness.get_by_role_and_label(Role::Button, "SIPRI");
    assert_eq!(harness.query_all_by_label("in the register").count(), 2);
    harness.get_by_label("not in the register");
    harness.get_by_label("not covered by the register");

    // Evidence shows the register's deal beside the quotes.
    harness.get_by_label("Iran").click();
    harness.run_steps(3);
    harness.get_by_label("Gazelle-9 — one-way attack drone (Iran → Russia)");
    harness.get_by_label("ordered 2022; delivered 2022–2024 · 500? ordered, 450? delivered · New");
    // For the tanks the register has no deal, and lists what it has between the two.
    harness.get_by_label("Germany").click();
    harness.run_steps(3);
    harness.get_by_label_contains("Register has 1 more deal, 2023–2025");

    // The filter: only the candidate new findings.
    harness
        .get_by_role_and_label(Role::ComboBox, "SIPRI")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::CheckBox, "not in the register")
        .click();
    harness.run_steps(3);
    let state = &harness.state().state;
    assert_eq!(
        state.filters.register,
        [RegisterMark::NotInRegister].into_iter().collect()
    );
    assert_eq!(state.views.visible.len(), 1);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);

    // The Flow chart coloured by register mark.
    harness
        .state_mut()
        .apply(armsflow::app::Command::ClearFilters);
    harness
        .state_mut()
        .apply(armsflow::app::Command::SetTab(Tab::Chart(ChartKind::FLOW)));
    harness.run_steps(3);
    harness.get_by_label("by SIPRI register").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().state.settings.flow_color,
        FlowColor::Register
    );
    harness.get_by_label_contains("Iran → Russia: 1 transfer (1 report), in the register");

    // Stop comparing: the marks, the column and the colouring go.
    harness.state_mut().apply(armsflow::app::Command::Register(
        armsflow::app::RegisterCommand::Stop,
    ));
    step_while(&mut harness, |app| app.state.register_checking, "the stop");
    harness.run_steps(3);
    let state = &harness.state().state;
    assert!(state.data.dataset.register_summary.is_none());
    assert!(
        state
            .data
            .dataset
            .transfers
            .iter()
            .all(|t| t.register.is_none())
    );
    assert_eq!(state.settings.flow_color, FlowColor::Supplier);
    assert_eq!(state.settings.register_file, None);
    let _: &ArmsFlowApp = harness.state();
}

#[test]
fn the_register_is_compared_again_at_start_and_survives_a_reload_begun_during_a_check() {
    use armsflow::app::{Command, RegisterCommand, Settings};
    use egui_kittest::Harness;
    let register = common::fixture("registers/deal-level.csv");
    let settings = Settings {
        tab: Tab::Table,
        register_file: Some(register.clone()),
        ..Settings::default()
    };
    let folder = common::fixture("register-check");
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            ArmsFlowApp::with_settings(&cc.egui_ctx, settings, Some(folder))
                .expect("built-in data loads")
        });
    step_while(&mut harness, ArmsFlowApp::is_busy, "the load and the check");
    harness.run_steps(3);
    let compared = |harness: &Harness<'static, ArmsFlowApp>| {
        let d = &harness.state().state.data.dataset;
        d.register_summary.is_some() && d.transfers.iter().all(|t| t.register.is_some())
    };
    assert!(
        compared(&harness),
        "the last session's register is compared at start"
    );
    // A reload and a new comparison at once: whichever ends first, the shown data is checked.
    harness.state_mut().apply(Command::Reload);
    harness
        .state_mut()
        .apply(Command::Register(RegisterCommand::Compare(register)));
    step_while(
        &mut harness,
        ArmsFlowApp::is_busy,
        "the reload and the check",
    );
    harness.run_steps(3);
    assert!(compared(&harness), "still compared after the reload");
}
