use crate::app::{AppState, Command};

/// Counts, active filters, problems and the latest notice.
pub fn status_bar_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let d = &state.data.dataset;
        ui.label(format!("{} articles", d.articles.len()));
        ui.separator();
        let reports = d.reports().count();
        ui.label(format!(
            "{} of {} transfers shown ({reports} report{} in all)",
            state.views.visible.len(),
            d.transfers.len(),
            if reports == 1 { "" } else { "s" }
        ));
        let filters = state.filters_in_words();
        if !filters.is_empty() {
            ui.separator();
            ui.label(format!("Filters: {}", filters.join("; ")));
            let hidden = state.undated_hidden();
            if hidden > 0 {
                ui.label(format!(
                    "({hidden} undated transfers hidden by the date range)"
                ));
            }
        }
        ui.separator();
        let problems = d.problems.len() + state.warnings.len();
        let text = match problems {
            0 => "No problems".to_owned(),
            1 => "⚠ 1 problem".to_owned(),
            n => format!("⚠ {n} problems"),
        };
        if ui
            .selectable_label(state.show_problems, text)
            .on_hover_text("Show or hide the files that could not be read")
            .clicked()
        {
            out.push(Command::ToggleProblems);
        }
        let unmapped = d.register_summary.as_ref().map_or(0, |s| s.problems.len());
        if unmapped > 0
            && ui
                .selectable_label(
                    state.show_problems,
                    format!(
                        "{unmapped} register {}",
                        if unmapped == 1 { "note" } else { "notes" }
                    ),
                )
                .on_hover_text(
                    "Register records not read and SIPRI names (rebels, organisations, \
                     unknown parties) that map to no country: their deals are not compared",
                )
                .clicked()
        {
            out.push(Command::ToggleProblems);
        }
        if let Some(notice) = &state.notice {
            ui.separator();
            ui.label(notice);
        }
    });
}
