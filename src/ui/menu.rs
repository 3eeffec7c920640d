use crate::app::{AppState, Command, ExportTarget, RegisterCommand, SidePanel, Tab};
use crate::chart::Theme;

/// File and View menus.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(egui::Button::new("Open folder…").shortcut_text("Ctrl+O"))
                .clicked()
            {
                out.push(Command::PickFolder);
            }
            if ui
                .add(egui::Button::new("Open folder by path…").shortcut_text("Ctrl+Shift+O"))
                .on_hover_text("Type or click through to a folder: works on every desktop")
                .clicked()
            {
                out.push(Command::ChooseFolder);
            }
            ui.menu_button("Recent folders", |ui| {
                if state.settings.recent.is_empty() {
                    ui.label("No recent folders");
                }
                for folder in &state.settings.recent {
                    if ui.button(folder.display().to_string()).clicked() {
                        out.push(Command::OpenFolder(folder.clone()));
                    }
                }
            });
            if ui.button("Open sample articles").clicked() {
                out.push(Command::OpenSample);
            }
            if ui
                .add_enabled(
                    state.data.folder.is_some(),
                    egui::Button::new("Reload").shortcut_text("F5"),
                )
                .clicked()
            {
                out.push(Command::Reload);
            }
            ui.separator();
            let chart = state.settings.tab.chart();
            if ui
                .add_enabled(
                    chart.is_some() && state.reader.is_none(),
                    egui::Button::new("Export chart…").shortcut_text("Ctrl+E"),
                )
                .on_disabled_hover_text("Open a chart's tab")
                .clicked()
                && let Some(kind) = chart
            {
                out.push(Command::OpenExport(ExportTarget::Chart(kind)));
            }
            if ui.button("Export data…").clicked() {
                out.push(Command::OpenExport(ExportTarget::Data));
            }
            ui.separator();
            if ui
                .button("Compare with SIPRI register…")
                .on_hover_text(
                    "Mark each transfer as in the SIPRI Arms Transfers Database, not in it, or \
                     not covered by it",
                )
                .clicked()
            {
                out.push(Command::Register(RegisterCommand::OpenDialog));
            }
            if state.data.dataset.register_summary.is_some()
                && ui.button("Stop comparing with the register").clicked()
            {
                out.push(Command::Register(RegisterCommand::Stop));
            }
            ui.separator();
            if ui
                .button("Install desktop entry")
                .on_hover_text("Adds ArmsFlow to your applications menu (this user only)")
                .clicked()
            {
                out.push(Command::InstallDesktop);
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Quit").shortcut_text("Ctrl+Q"))
                .clicked()
            {
                out.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            let undo = state.history.next_undo();
            let label = undo.map_or_else(|| "Undo".to_owned(), |w| format!("Undo {w}"));
            if ui
                .add_enabled(
                    undo.is_some(),
                    egui::Button::new(label).shortcut_text("Ctrl+Z"),
                )
                .clicked()
            {
                out.push(Command::Undo);
            }
            let redo = state.history.next_redo();
            let label = redo.map_or_else(|| "Redo".to_owned(), |w| format!("Redo {w}"));
            if ui
                .add_enabled(
                    redo.is_some(),
                    egui::Button::new(label).shortcut_text("Ctrl+Shift+Z"),
                )
                .clicked()
            {
                out.push(Command::Redo);
            }
        });
        ui.menu_button("View", |ui| {
            for tab in Tab::all() {
                if ui.radio(state.settings.tab == tab, tab.title()).clicked() {
                    out.push(Command::SetTab(tab));
                }
            }
            ui.separator();
            for (theme, name) in [(Theme::Light, "Light theme"), (Theme::Dark, "Dark theme")] {
                if ui.radio(state.settings.theme == theme, name).clicked() {
                    out.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            if ui
                .checkbox(&mut state.show_problems.clone(), "Problems panel")
                .clicked()
            {
                out.push(Command::ToggleProblems);
            }
            for panel in SidePanel::ALL {
                let mut shown = !state.settings.hidden_panels.contains(&panel);
                if ui.checkbox(&mut shown, panel.title()).clicked() {
                    out.push(Command::TogglePanel(panel));
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Largest article");
                let mut mb = state.settings.max_file_mb;
                let changed = ui
                    .add(egui::DragValue::new(&mut mb).range(1..=4096).suffix(" MB"))
                    .labelled_by(label.id)
                    .on_hover_text(
                        "Bigger files are listed under Problems instead of being read; \
                         applies from the next load (Reload, F5)",
                    )
                    .changed();
                if changed {
                    out.push(Command::SetMaxFileMb(mb));
                }
            });
        });
    });
}
