//! The Compare with SIPRI register window: the register's path (typed, or picked with the
//! desktop's dialog), what a comparison does, Compare, and Stop comparing.

use crate::app::{AppState, Command, RegisterCommand};

/// The window, while open.
pub fn register_window_ui(ui: &egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let Some(dialog) = &state.register_dialog else {
        return;
    };
    let send = |out: &mut Vec<Command>, c: RegisterCommand| out.push(Command::Register(c));
    let mut open = true;
    egui::Window::new("Compare with SIPRI register")
        .id(egui::Id::unique("register_window"))
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ui.ctx().content_rect().center())
        .open(&mut open)
        .collapsible(false)
        .default_width(540.0)
        .show(ui.ctx(), |ui| {
            ui.label(
                "Each transfer is marked: in the register (the same supplier and recipient, a \
                 compatible category or the designation, ordered or delivered within a year of \
                 its reports, or ordered before them and not yet delivered), not in the \
                 register (a candidate new finding), or not covered (goods SIPRI does not \
                 record, or parties and years outside the export).",
            );
            ui.label(
                egui::RichText::new(
                    "Use a trade-register CSV exported from armstransfers.sipri.org.",
                )
                .weak(),
            );
            ui.add_space(6.0);
            let mut path = dialog.path.clone();
            ui.horizontal(|ui| {
                let label = ui.label("Register file");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut path)
                            .id(egui::Id::unique("register_path"))
                            .desired_width(ui.available_width() - 90.0)
                            .hint_text("/path/to/trade-register.csv"),
                    )
                    .labelled_by(label.id);
                if field.lost_focus()
                    && ui.input(|i| i.key_pressed(egui::Key::Enter))
                    && !path.trim().is_empty()
                {
                    send(out, RegisterCommand::Compare(path.trim().into()));
                }
                if ui.button("Browse…").clicked() {
                    send(out, RegisterCommand::Browse);
                }
            });
            if path != dialog.path {
                send(out, RegisterCommand::EditPath(path));
            }
            if let Some(e) = &dialog.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if let Some(summary) = &state.data.dataset.register_summary {
                ui.label(
                    egui::RichText::new(format!(
                        "Now compared with {} ({} deals).",
                        summary.file, summary.deals
                    ))
                    .weak(),
                );
            }
            ui.separator();
            ui.horizontal(|ui| {
                let ready = !dialog.path.trim().is_empty() && !dialog.running;
                if ui
                    .add_enabled(ready, egui::Button::new("Compare"))
                    .clicked()
                {
                    send(out, RegisterCommand::Compare(dialog.path.trim().into()));
                }
                if state.data.dataset.register_summary.is_some()
                    && ui
                        .add_enabled(!dialog.running, egui::Button::new("Stop comparing"))
                        .clicked()
                {
                    send(out, RegisterCommand::Stop);
                }
                if ui.button("Close").clicked() {
                    send(out, RegisterCommand::CloseDialog);
                }
                if dialog.running {
                    ui.spinner();
                    ui.label("Reading the register…");
                }
            });
        });
    if !open {
        send(out, RegisterCommand::CloseDialog);
    }
}
