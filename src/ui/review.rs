//! The analyst's review: the Review view (a queue of reports to check, keyboard-driven),
//! and the review state, buttons and corrections that Evidence shows for each report.

use super::evidence::sentence_job;
use crate::app::{AppState, Command, FormTarget, NoteDraft, ReviewAction, ReviewCommand};
use crate::dataset::Report;
use crate::gazetteer::Gazetteer;
use crate::model::ReviewState;
use crate::view::{QueueOrder, edited_fields};
use egui::{Color32, Key, RichText};

/// A review state as a coloured word.
pub fn state_badge(state: ReviewState) -> RichText {
    let color = match state {
        ReviewState::Machine => Color32::from_rgb(130, 130, 130),
        ReviewState::Accepted => Color32::from_rgb(40, 150, 60),
        ReviewState::Edited => Color32::from_rgb(40, 110, 200),
        ReviewState::Added => Color32::from_rgb(130, 80, 200),
        ReviewState::Rejected => Color32::from_rgb(200, 60, 50),
    };
    RichText::new(state.as_str()).color(color).strong()
}

/// The decision's details: the rejection's reason, the note, and each corrected field with
/// the machine's value beside the analyst's.
pub fn review_details(ui: &mut egui::Ui, report: &Report) {
    if let Some(reason) = &report.review.reason {
        ui.label(RichText::new(format!("Reason: {reason}")).italics());
    }
    if let Some(note) = &report.review.note {
        ui.label(RichText::new(format!("Note: {note}")).italics());
    }
    for (field, machine, analyst) in edited_fields(report) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{field}:")).weak());
            ui.label(RichText::new(machine).strikethrough().weak())
                .on_hover_text("the extractor's reading");
            ui.label("→");
            ui.label(analyst).on_hover_text("the analyst's correction");
        });
    }
}

/// The decision buttons of report `r` of transfer `t` (which has `reports` reports).
pub fn review_buttons(
    ui: &mut egui::Ui,
    t: usize,
    r: usize,
    report: &Report,
    reports: usize,
    out: &mut Vec<Command>,
) {
    let decide = |action| {
        Command::Review(ReviewCommand::Decide {
            reports: vec![(t, r)],
            action,
        })
    };
    let state = report.review.state;
    ui.horizontal_wrapped(|ui| {
        if state != ReviewState::Accepted
            && state != ReviewState::Added
            && ui
                .small_button("Accept")
                .on_hover_text("Right as read (A)")
                .clicked()
        {
            out.push(decide(ReviewAction::Accept));
        }
        if state != ReviewState::Rejected
            && ui
                .small_button("Reject")
                .on_hover_text("Wrong (R)")
                .clicked()
        {
            out.push(decide(ReviewAction::Reject(None)));
        }
        if ui
            .small_button("Edit…")
            .on_hover_text("Correct its fields (E)")
            .clicked()
        {
            out.push(Command::Review(ReviewCommand::OpenForm(
                FormTarget::Report {
                    transfer: t,
                    report: r,
                },
            )));
        }
        let note_label = if state == ReviewState::Rejected {
            "Reason…"
        } else {
            "Note…"
        };
        if ui
            .small_button(note_label)
            .on_hover_text("A note in your words (N)")
            .clicked()
        {
            let rejected = state == ReviewState::Rejected;
            let text = if rejected {
                &report.review.reason
            } else {
                &report.review.note
            };
            out.push(Command::Review(ReviewCommand::EditNote(NoteDraft {
                reports: vec![(t, r)],
                text: text.clone().unwrap_or_default(),
                reason: rejected,
            })));
        }
        if reports > 1
            && ui
                .small_button("Split off")
                .on_hover_text("Not the same deal: make it a transfer of its own")
                .clicked()
        {
            out.push(decide(ReviewAction::Split));
        }
        if matches!(
            state,
            ReviewState::Accepted | ReviewState::Rejected | ReviewState::Edited
        ) && ui
            .small_button("Undecide")
            .on_hover_text("Back to the extractor's reading")
            .clicked()
        {
            out.push(decide(ReviewAction::Undecide));
        }
    });
}

/// The Review view: a progress line, the report at the cursor with its sentence and the
/// decision buttons, and the queue below (only the rows in view are laid out). Keys: A
/// accept, R reject, E edit, N note, J/K next and previous.
pub fn review_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    gazetteer: &Gazetteer,
    out: &mut Vec<Command>,
) {
    let queue = &state.views.queue;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{} of {} reports reviewed",
                queue.reviewed, queue.total
            ))
            .strong(),
        );
        let share = if queue.total == 0 {
            0.0
        } else {
            queue.reviewed as f32 / queue.total as f32
        };
        ui.add(
            egui::ProgressBar::new(share)
                .desired_width(120.0)
                .text(format!("{:.0}%", share * 100.0)),
        );
        // The label and its box wrap together in a narrow window.
        ui.horizontal(|ui| queue_order(ui, state, out));
        let mut show = state.queue.show_reviewed;
        if ui.checkbox(&mut show, "Show reviewed").changed() {
            out.push(Command::Review(ReviewCommand::SetQueueShowsReviewed(show)));
        }
    });
    ui.label(
        RichText::new(
            "A accept · R reject (Shift+R with a reason) · E edit · N note · J/K next/previous · \
             Ctrl+Z undo",
        )
        .small()
        .weak(),
    );
    ui.separator();
    current_and_queue(ui, state, gazetteer, out);
}

/// The queue's order, labelled.
fn queue_order(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let label = ui.label("Order");
    egui::ComboBox::from_id_salt("queue_order")
        .selected_text(state.queue.order.label())
        .show_ui(ui, |ui| {
            for order in QueueOrder::ALL {
                if ui
                    .selectable_label(state.queue.order == order, order.label())
                    .clicked()
                {
                    out.push(Command::Review(ReviewCommand::SetQueueOrder(order)));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

/// The report at the cursor and the queue below it (or why there is none).
fn current_and_queue(
    ui: &mut egui::Ui,
    state: &AppState,
    gazetteer: &Gazetteer,
    out: &mut Vec<Command>,
) {
    let queue = &state.views.queue;
    let current = state.queue_item(state.queue.cursor);
    match current {
        None if queue.total == 0 => {
            ui.label("No reports pass the filters.");
            return;
        }
        None => {
            ui.label("Every report that passes the filters is reviewed. Tick \"Show reviewed\" to go over them again.");
            return;
        }
        Some((t, r)) => current_report_ui(ui, state, gazetteer, t, r, out),
    }
    queue_keys(ui, state, out);
    ui.separator();
    queue_list(ui, state, out);
}

/// The report at the cursor: what the extractor read, its sentence highlighted, and the
/// decision buttons.
fn current_report_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    gazetteer: &Gazetteer,
    t: usize,
    r: usize,
    out: &mut Vec<Command>,
) {
    let d = &state.data.dataset;
    let (Some(transfer), Some(article)) = (
        d.transfers.get(t),
        d.transfers
            .get(t)
            .and_then(|x| x.reports.get(r))
            .and_then(|rep| state.data.index.report_article(rep)),
    ) else {
        return;
    };
    let report = &transfer.reports[r];
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "Report {} of {} in the queue",
                state.queue.cursor + 1,
                state.views.queue.items.len()
            ));
            ui.label(state_badge(report.review.state));
            ui.label(RichText::new(format!("confidence {:.2}", report.confidence)).weak());
        });
        ui.label(
            RichText::new(format!(
                "{} → {} · {} · {} · {} · {}",
                report.supplier.name,
                report.recipient.name,
                report.item,
                report.category,
                crate::view::quantity_label(report.quantity),
                report.status.as_str()
            ))
            .strong(),
        );
        for e in &report.evidence {
            ui.label(sentence_job(ui, &e.quote(), report, gazetteer));
        }
        review_details(ui, report);
        ui.horizontal_wrapped(|ui| {
            let title = d.articles.get(article).map_or("", |a| a.title.as_str());
            if ui
                .small_button("Open article")
                .on_hover_text(title)
                .clicked()
                && let Some(e) = report.evidence.first()
            {
                out.push(Command::OpenReader {
                    article,
                    start: e.start,
                    end: e.end,
                });
            }
            if ui.small_button("Show in Evidence").clicked() {
                out.push(Command::Select {
                    transfers: vec![t],
                    label: crate::view::transfer_label(transfer),
                });
            }
        });
        review_buttons(ui, t, r, report, transfer.reports.len(), out);
    });
}

/// The review keys, when no text field has the keyboard and no form is open.
fn queue_keys(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    if ui.ctx().egui_wants_keyboard_input()
        || state.report_form.is_some()
        || state.note_draft.is_some()
    {
        return;
    }
    let Some((t, r)) = state.queue_item(state.queue.cursor) else {
        return;
    };
    let report = &state.data.dataset.transfers[t].reports[r];
    let pressed = |key| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, key));
    let decide = |action| {
        Command::Review(ReviewCommand::Decide {
            reports: vec![(t, r)],
            action,
        })
    };
    let cursor = state.queue.cursor;
    let shift_r = ui.input_mut(|i| i.consume_key(egui::Modifiers::SHIFT, Key::R));
    if pressed(Key::A) {
        out.push(decide(ReviewAction::Accept));
    } else if shift_r {
        // Reject with a reason: the reason editor opens, and saving it rejects.
        out.push(Command::Review(ReviewCommand::EditNote(NoteDraft {
            reports: vec![(t, r)],
            text: report.review.reason.clone().unwrap_or_default(),
            reason: true,
        })));
    } else if pressed(Key::R) {
        out.push(decide(ReviewAction::Reject(None)));
    } else if pressed(Key::E) {
        out.push(Command::Review(ReviewCommand::OpenForm(
            FormTarget::Report {
                transfer: t,
                report: r,
            },
        )));
    } else if pressed(Key::N) {
        out.push(Command::Review(ReviewCommand::EditNote(NoteDraft {
            reports: vec![(t, r)],
            text: report.review.note.clone().unwrap_or_default(),
            reason: false,
        })));
    } else if pressed(Key::J) || pressed(Key::ArrowDown) {
        out.push(Command::Review(ReviewCommand::SetQueueCursor(cursor + 1)));
    } else if pressed(Key::K) || pressed(Key::ArrowUp) {
        out.push(Command::Review(ReviewCommand::SetQueueCursor(
            cursor.saturating_sub(1),
        )));
    }
}

/// The queue, one row a report; a click moves the cursor there. Only the rows in view are
/// laid out, so a queue of 240,000 reports costs what a screenful does.
fn queue_list(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let d = &state.data.dataset;
    let items = &state.views.queue.items;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, items.len(), |ui, rows| {
            for row in rows {
                let (t, r) = items[row];
                let Some(report) = d
                    .transfers
                    .get(t as usize)
                    .and_then(|x| x.reports.get(r as usize))
                else {
                    continue;
                };
                let sentence = report.evidence.first().map_or("", |e| e.sentence.as_str());
                let text = format!(
                    "{:.2}  {} → {}  {}  ·  {}",
                    report.confidence,
                    report.supplier.name,
                    report.recipient.name,
                    report.item,
                    sentence.replace('\n', " ")
                );
                ui.horizontal(|ui| {
                    ui.label(state_badge(report.review.state).small());
                    let selected = row == state.queue.cursor;
                    let response = ui.add(egui::Button::selectable(selected, text).truncate());
                    if response.clicked() {
                        out.push(Command::Review(ReviewCommand::SetQueueCursor(row)));
                    }
                });
            }
        });
}
