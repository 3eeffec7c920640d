use crate::app::{AppState, Command};

/// Files that could not be read, with reasons, and the app's own warnings.
pub fn problems_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Problems");
        if ui.button("Close").clicked() {
            out.push(Command::ToggleProblems);
        }
    });
    let problems = &state.dataset.problems;
    if problems.is_empty() && state.warnings.is_empty() {
        ui.label("Every file in the folder was read.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("problems_grid")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for p in problems {
                        ui.label(format!("⚠ {}", p.path));
                        ui.label(&p.reason);
                        ui.end_row();
                    }
                    for w in &state.warnings {
                        ui.label("⚠ ArmsFlow");
                        ui.label(w);
                        ui.end_row();
                    }
                });
        });
}
