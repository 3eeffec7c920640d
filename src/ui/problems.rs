use crate::app::{AppState, Command};

/// Files that could not be read, with reasons, and the app's own warnings.
pub fn problems_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading("Problems");
        if ui.button("Close").clicked() {
            out.push(Command::ToggleProblems);
        }
    });
    let d = &state.data.dataset;
    // The folder's files, then the compared register's records and unmapped names.
    let register = d
        .register_summary
        .as_ref()
        .map_or(&[][..], |s| s.problems.as_slice());
    let problems: Vec<&crate::model::Problem> = d.problems.iter().chain(register).collect();
    if problems.is_empty() && state.warnings.is_empty() {
        ui.label("Every file in the folder was read.");
        return;
    }
    // Only the rows in view are laid out: a folder of 10,000 bad files stays responsive.
    let rows = problems.len() + state.warnings.len();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let path_width = (ui.available_width() * 0.35).clamp(120.0, 420.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show_rows(ui, row_height, rows, |ui, range| {
            for row in range {
                let (what, why) = match problems.get(row) {
                    Some(p) => (p.path.as_str(), p.reason.as_str()),
                    None => (
                        "ArmsFlow",
                        state
                            .warnings
                            .get(row - problems.len())
                            .map_or("", String::as_str),
                    ),
                };
                ui.horizontal(|ui| {
                    ui.allocate_ui_with_layout(
                        egui::vec2(path_width, row_height),
                        egui::Layout::left_to_right(egui::Align::Center),
                        |ui| {
                            ui.set_min_width(path_width);
                            ui.add(egui::Label::new(format!("⚠ {what}")).truncate())
                                .on_hover_text(what);
                        },
                    );
                    ui.add(egui::Label::new(why).truncate()).on_hover_text(why);
                });
            }
        });
}
