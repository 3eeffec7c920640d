use crate::app::{AppState, Command, ExportDraft, ExportTarget};
use crate::chart::Theme;
use crate::export::{ExportFormat, SCALES};

/// True when Ctrl+E (Cmd+E) was pressed this frame; the shortcut is consumed.
pub fn export_shortcut(ui: &egui::Ui) -> bool {
    let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E);
    ui.input_mut(|i| i.consume_shortcut(&shortcut))
}

/// An "Export…" button for a chart panel's row; true when it or Ctrl+E was pressed.
pub fn export_button(ui: &mut egui::Ui) -> bool {
    let clicked = ui
        .button("Export…")
        .on_hover_text("Save this chart as PNG or SVG (Ctrl+E)")
        .clicked();
    clicked || export_shortcut(ui)
}

/// The Export window: format, size, scale, theme, title and file; Export writes it in the
/// background and the window closes when the file is written (or shows why not).
pub fn export_window_ui(ui: &egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let Some(draft) = &state.export else {
        return;
    };
    let title = match draft.target {
        ExportTarget::Chart(kind) => format!("Export {} chart", kind.name()),
        ExportTarget::Data => "Export data".to_owned(),
    };
    let mut open = true;
    let mut next = draft.clone();
    egui::Window::new(title)
        .id(egui::Id::unique("export_window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            egui::Grid::new("export_grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| form(ui, state, draft, &mut next, out));
            if let Some(e) = &state.export_error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.separator();
            ui.horizontal(|ui| {
                let busy = state.export_job.is_some();
                if ui.add_enabled(!busy, egui::Button::new("Export")).clicked() {
                    out.push(Command::RunExport);
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::CloseExport);
                }
                if busy {
                    ui.spinner();
                    ui.label("Writing…");
                }
            });
        });
    if next != *draft {
        out.push(Command::EditExport(next));
    }
    if !open {
        out.push(Command::CloseExport);
    }
}

/// The rows of the form; edits go into `next`.
fn form(
    ui: &mut egui::Ui,
    state: &AppState,
    draft: &ExportDraft,
    next: &mut ExportDraft,
    out: &mut Vec<Command>,
) {
    let image = matches!(draft.target, ExportTarget::Chart(_));
    ui.label("Format");
    ui.horizontal(|ui| {
        for format in ExportFormat::of_kind(image) {
            if ui
                .radio(draft.format() == Some(format), format.label())
                .clicked()
            {
                *next = draft.with_format(format);
            }
        }
    });
    ui.end_row();
    if let ExportTarget::Chart(_) = draft.target {
        ui.label("Size");
        ui.horizontal(|ui| {
            ui.add(
                egui::DragValue::new(&mut next.width)
                    .range(200..=8000)
                    .suffix(" px"),
            );
            ui.label("×");
            ui.add(
                egui::DragValue::new(&mut next.height)
                    .range(150..=8000)
                    .suffix(" px"),
            );
        });
        ui.end_row();
        // While a new path is typed its extension is briefly missing: the Scale row stays
        // until the path says SVG, so nothing below it moves under the cursor.
        if draft.format() != Some(ExportFormat::Svg) {
            ui.label("Scale");
            ui.horizontal(|ui| {
                for s in SCALES {
                    if ui.radio(draft.scale == s, format!("{s}×")).clicked() {
                        next.scale = s;
                    }
                }
                ui.label(
                    egui::RichText::new(format!(
                        "→ {} × {} pixels",
                        (draft.width as f32 * draft.scale) as u32,
                        (draft.height as f32 * draft.scale) as u32
                    ))
                    .weak(),
                );
            });
            ui.end_row();
        }
        ui.label("Background");
        ui.horizontal(|ui| {
            let themes = [(Theme::Light, "light"), (Theme::Dark, "dark")];
            if let Some(theme) = super::radio_choice(ui, draft.theme, &themes) {
                next.theme = theme;
            }
        });
        ui.end_row();
        ui.label("Title");
        // Fixed ids: a field keeps its focus when rows above it come and go.
        ui.add(
            egui::TextEdit::singleline(&mut next.title)
                .id(egui::Id::unique("export_title"))
                .desired_width(360.0),
        );
        ui.end_row();
        let label = ui.label("Source line");
        ui.add(
            egui::TextEdit::singleline(&mut next.source_line)
                .id(egui::Id::unique("export_source_line"))
                .desired_width(360.0),
        )
        .labelled_by(label.id)
        .on_hover_text("Printed under the figure; empty: the line ArmsFlow writes");
        ui.end_row();
        ui.label("Filters");
        let described = state.filters_in_words();
        ui.label(if described.is_empty() {
            "none (every transfer)".to_owned()
        } else {
            described.join("; ")
        });
        ui.end_row();
    }
    ui.label("Transfers");
    ui.label(format!(
        "{} of {}",
        state.views.visible.len(),
        state.data.dataset.transfers.len()
    ));
    ui.end_row();
    let label = ui.label("Save to");
    ui.horizontal(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut next.path)
                .id(egui::Id::unique("export_path"))
                .desired_width(300.0)
                .hint_text("/path/to/file.png"),
        )
        .labelled_by(label.id);
        if ui.button("Browse…").clicked() {
            out.push(Command::BrowseExportPath);
        }
    });
    ui.end_row();
}
