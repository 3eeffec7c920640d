//! The review's small windows: the report form (correct a report, or add one the extractor
//! missed) and the note (or rejection reason) editor.

use crate::app::{AppState, Command, FormTarget, ReviewCommand};
use crate::gazetteer::Gazetteer;
use crate::model::{Category, Status};

/// The report form, while open. Each change to a field is a command, so what the analyst
/// types is plain state like the rest.
pub fn report_form_ui(
    ui: &egui::Ui,
    state: &AppState,
    gazetteer: &Gazetteer,
    search: &mut String,
    out: &mut Vec<Command>,
) {
    let Some(form) = &state.report_form else {
        return;
    };
    let mut f = form.clone();
    let (title, evidence) = match form.target {
        FormTarget::Report { transfer, report } => (
            "Edit report",
            state
                .data
                .dataset
                .transfers
                .get(transfer)
                .and_then(|t| t.reports.get(report))
                .and_then(|r| r.evidence.first())
                .map(|e| e.quote().into_owned()),
        ),
        FormTarget::Transfer { transfer } => (
            "Edit all reports of the transfer",
            state.data.dataset.transfers.get(transfer).map(|t| {
                format!(
                    "The fields you change apply to each of its {} reports; the others keep \
                     each report's own value.",
                    t.reports.len()
                )
            }),
        ),
        FormTarget::Span {
            article,
            start,
            end,
        } => (
            "Add transfer",
            state
                .data
                .dataset
                .articles
                .get(article)
                .and_then(|a| a.text.get(start..end))
                .map(|s| s.replace('\n', " ")),
        ),
    };
    let mut open = true;
    egui::Window::new(title)
        .id(egui::Id::unique("report_form"))
        // Centred over the window, not over the menu and the article list.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ui.ctx().content_rect().center())
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_width(460.0)
        .show(ui.ctx(), |ui| {
            if let Some(text) = &evidence {
                ui.label(egui::RichText::new(format!("“{text}”")).italics());
                ui.separator();
            }
            egui::Grid::new("report_form_grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| fields(ui, &mut f, gazetteer, search));
            if let Some(e) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    out.push(Command::Review(ReviewCommand::SaveForm));
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::Review(ReviewCommand::CloseForm));
                }
            });
        });
    if !open {
        out.push(Command::Review(ReviewCommand::CloseForm));
    } else if f != *form {
        out.push(Command::Review(ReviewCommand::EditForm(f)));
    }
}

/// The form's fields, two columns: name and editor.
fn fields(
    ui: &mut egui::Ui,
    f: &mut crate::app::ReportForm,
    gazetteer: &Gazetteer,
    search: &mut String,
) {
    let label = ui.label("Supplier");
    country_choice(ui, label.id, &mut f.supplier, gazetteer, search);
    ui.end_row();
    let label = ui.label("Recipient");
    country_choice(ui, label.id, &mut f.recipient, gazetteer, search);
    ui.end_row();
    let label = ui.label("Item");
    ui.text_edit_singleline(&mut f.item).labelled_by(label.id);
    ui.end_row();
    let label = ui.label("Category");
    egui::ComboBox::from_id_salt("form_category")
        .selected_text(f.category.as_str())
        .height(360.0)
        .show_ui(ui, |ui| {
            for c in Category::ALL {
                ui.selectable_value(&mut f.category, c, c.as_str());
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label("Quantity");
    ui.add(egui::TextEdit::singleline(&mut f.quantity).hint_text("150, about 300, more than 100"))
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label("Value (US$)");
    ui.add(egui::TextEdit::singleline(&mut f.value).hint_text("1,500,000"))
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label("Status");
    egui::ComboBox::from_id_salt("form_status")
        .selected_text(f.status.as_str())
        .show_ui(ui, |ui| {
            for s in Status::ALL {
                ui.selectable_value(&mut f.status, s, s.as_str());
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    let label = ui.label("Date");
    ui.add(
        egui::TextEdit::singleline(&mut f.date)
            .hint_text("2023-11-08, 2023-11 or 2023; empty: the article's"),
    )
    .labelled_by(label.id);
    ui.end_row();
    let label = ui.label("Note");
    ui.add(egui::TextEdit::multiline(&mut f.note).desired_rows(2))
        .labelled_by(label.id);
    ui.end_row();
}

/// A country picked by name from the gazetteer (the code is kept); typing in the list's
/// field narrows it ("russ" finds Russia).
fn country_choice(
    ui: &mut egui::Ui,
    label: egui::Id,
    code: &mut String,
    gazetteer: &Gazetteer,
    search: &mut String,
) {
    let shown = if code.is_empty() {
        "choose…".to_owned()
    } else {
        format!("{} ({code})", gazetteer.name(code))
    };
    egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .height(360.0)
        .width(240.0)
        .show_ui(ui, |ui| {
            let field = ui.add(
                egui::TextEdit::singleline(search)
                    .hint_text("type to narrow")
                    .desired_width(200.0),
            );
            if !field.has_focus() && search.is_empty() {
                field.request_focus();
            }
            let wanted = search.trim().to_lowercase();
            let mut countries: Vec<(&str, &str)> = gazetteer
                .codes()
                .filter(|(c, name)| {
                    wanted.is_empty()
                        || name.to_lowercase().contains(&wanted)
                        || c.eq_ignore_ascii_case(&wanted)
                })
                .collect();
            countries.sort_by_key(|&(_, name)| name);
            for (c, name) in countries {
                if ui
                    .selectable_label(code == c, format!("{name} ({c})"))
                    .clicked()
                {
                    *code = c.to_owned();
                }
            }
        });
}

/// The note (or rejection reason) editor, while open.
pub fn note_ui(ui: &egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let Some(draft) = &state.note_draft else {
        return;
    };
    let mut d = draft.clone();
    let title = if draft.reason { "Why rejected" } else { "Note" };
    let mut open = true;
    egui::Window::new(title)
        .id(egui::Id::unique("note_editor"))
        // Centred over the window, not over the menu and the article list.
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ui.ctx().content_rect().center())
        .open(&mut open)
        .collapsible(false)
        .show(ui.ctx(), |ui| {
            let edit = ui.add(
                egui::TextEdit::multiline(&mut d.text)
                    .desired_rows(3)
                    .hint_text("In your words; empty removes it"),
            );
            if !edit.has_focus() && !edit.lost_focus() && d.text.is_empty() {
                edit.request_focus();
            }
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    out.push(Command::Review(ReviewCommand::SaveNote));
                }
                if ui.button("Cancel").clicked() {
                    out.push(Command::Review(ReviewCommand::CloseNote));
                }
            });
        });
    if !open {
        out.push(Command::Review(ReviewCommand::CloseNote));
    } else if d != *draft {
        out.push(Command::Review(ReviewCommand::EditNote(d)));
    }
}
