//! The folder chooser window: a path with completion (Tab), the folders there to click
//! through, Up, and the recent folders. It needs no desktop service.

use crate::app::{AppState, ChooserEdit, Command};

/// The chooser, while open.
pub fn folder_chooser_ui(ui: &egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let Some(chooser) = &state.folder_chooser else {
        return;
    };
    let mut open = true;
    egui::Window::new("Open a folder")
        .id(egui::Id::unique("folder_chooser"))
        // Centred over the window, not over the menu and the article list.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ui.ctx().content_rect().center())
        .open(&mut open)
        .collapsible(false)
        .default_width(520.0)
        .show(ui.ctx(), |ui| {
            let mut path = chooser.path.clone();
            let label = ui.label("Folder");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut path)
                        .id(egui::Id::unique("folder_chooser_path"))
                        .desired_width(f32::INFINITY)
                        .hint_text("/path/to/articles (Tab completes)"),
                )
                .labelled_by(label.id);
            if path != chooser.path {
                out.push(Command::EditChooser(ChooserEdit::Type(path)));
            }
            if field.has_focus()
                && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Tab))
            {
                out.push(Command::EditChooser(ChooserEdit::Complete));
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                out.push(Command::OpenChosen);
            }
            if let Some(e) = &chooser.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                if ui.button("↑ Up").clicked() {
                    out.push(Command::EditChooser(ChooserEdit::Up));
                }
                ui.label(egui::RichText::new(chooser.listed.display().to_string()).weak());
            });
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    let matches = chooser.matches();
                    if matches.is_empty() {
                        ui.label(egui::RichText::new("no folders here").weak());
                    }
                    for name in matches {
                        if ui.selectable_label(false, format!("{name}/")).clicked() {
                            out.push(Command::EditChooser(ChooserEdit::Enter(name.to_owned())));
                        }
                    }
                });
            if !state.settings.recent.is_empty() {
                ui.separator();
                ui.label(egui::RichText::new("Recent").weak());
                for folder in state.settings.recent.iter().take(6) {
                    if ui.link(folder.display().to_string()).clicked() {
                        out.push(Command::EditChooser(ChooserEdit::Type(format!(
                            "{}/",
                            folder.display()
                        ))));
                    }
                }
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Open").clicked() {
                    out.push(Command::OpenChosen);
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::CloseChooser);
                }
            });
        });
    if !open {
        out.push(Command::CloseChooser);
    }
}
