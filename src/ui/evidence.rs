use super::review::{review_buttons, review_details, state_badge};
use super::{citation, date_label, dollars, quantity_label};
use crate::app::{AppState, Command, FormTarget, NoteDraft, ReviewAction, ReviewCommand};
use crate::dataset::{Report, Transfer};
use crate::gazetteer::Gazetteer;
use crate::view::{
    HighlightKind, TransferDate, article_date_label, figures_label, highlights,
    status_history_label,
};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

/// How many transfers Evidence lists before "and N more" (a big selection stays fast).
const MAX_LISTED: usize = 200;

/// The selected transfers: each one's summary (figures as a range, status history), its
/// reports side by side, then every report's quoted sentences with the names, item and
/// figures highlighted. A click on a sentence opens the reader there.
pub fn evidence_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    gazetteer: &Gazetteer,
    out: &mut Vec<Command>,
) {
    ui.heading("Evidence");
    let selection = &state.selection;
    if selection.transfers.is_empty() {
        ui.label("Click a band, a mark, a row or an article to see the sentences that report it.");
        return;
    }
    // Wrapped: a long selection label must not widen the panel past a small window.
    ui.horizontal_wrapped(|ui| {
        let n = selection.transfers.len();
        ui.label(
            egui::RichText::new(format!(
                "{} — {n} transfer{}",
                selection.label,
                if n == 1 { "" } else { "s" }
            ))
            .strong(),
        );
        if ui.small_button("Clear").clicked() {
            out.push(Command::ClearSelection);
        }
    });
    let d = &state.data.dataset;
    merge_button(ui, state, out);
    ui.separator();
    egui::ScrollArea::vertical()
        // A new selection opens at its top, not where the last one was scrolled to.
        .id_salt((
            "evidence",
            &selection.transfers.first(),
            selection.transfers.len(),
        ))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for &i in selection.transfers.iter().take(MAX_LISTED) {
                let Some(t) = d.transfers.get(i) else {
                    continue;
                };
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    transfer_summary(ui, state, i, t);
                    super::register_evidence::register_section(ui, state, t);
                    transfer_review(ui, i, t, out);
                    reports_side_by_side(ui, state, i, t);
                    for (n, r) in t.reports.iter().enumerate() {
                        report_sentences(ui, state, gazetteer, n, r, out);
                        review_details(ui, r);
                        review_buttons(ui, i, n, r, t.reports.len(), out);
                    }
                });
            }
            if selection.transfers.len() > MAX_LISTED {
                ui.label(format!(
                    "… and {} more: narrow the filters to see them here.",
                    selection.transfers.len() - MAX_LISTED
                ));
            }
        });
}

/// "Merge": when the selection holds several transfers between the same two countries,
/// the analyst can say they are one deal.
fn merge_button(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let d = &state.data.dataset;
    let selected: Vec<&Transfer> = state
        .selection
        .transfers
        .iter()
        .filter_map(|&i| d.transfers.get(i))
        .collect();
    let same_pair = selected.windows(2).all(|w| {
        w[0].supplier.code == w[1].supplier.code && w[0].recipient.code == w[1].recipient.code
    });
    if selected.len() < 2 || selected.len() > MAX_LISTED || !same_pair {
        return;
    }
    if ui
        .button(format!("Merge these {} transfers", selected.len()))
        .on_hover_text("They report one deal: make them one transfer (undo with Ctrl+Z)")
        .clicked()
    {
        out.push(Command::Review(ReviewCommand::Merge(
            state.selection.transfers.clone(),
        )));
    }
}

/// The transfer's review state, and accepting or rejecting all its reports at once.
fn transfer_review(ui: &mut egui::Ui, i: usize, t: &Transfer, out: &mut Vec<Command>) {
    let all: Vec<(usize, usize)> = (0..t.reports.len()).map(|n| (i, n)).collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Review:").weak());
        ui.label(state_badge(t.review_state()));
        let plural = if all.len() == 1 { "" } else { " all" };
        if ui.small_button(format!("Accept{plural}")).clicked() {
            out.push(Command::Review(ReviewCommand::Decide {
                reports: all.clone(),
                action: ReviewAction::Accept,
            }));
        }
        if ui.small_button(format!("Reject{plural}")).clicked() {
            out.push(Command::Review(ReviewCommand::Decide {
                reports: all.clone(),
                action: ReviewAction::Reject(None),
            }));
        }
        if all.len() > 1 {
            if ui
                .small_button("Edit all…")
                .on_hover_text("Correct a field in every report of the transfer")
                .clicked()
            {
                out.push(Command::Review(ReviewCommand::OpenForm(
                    FormTarget::Transfer { transfer: i },
                )));
            }
            if ui.small_button("Note all…").clicked() {
                out.push(Command::Review(ReviewCommand::EditNote(NoteDraft {
                    reports: all,
                    text: String::new(),
                    reason: false,
                })));
            }
        }
    });
}

/// The transfer's summary: the range of figures (never averaged), the status history and
/// the date span of its reports.
fn transfer_summary(ui: &mut egui::Ui, state: &AppState, i: usize, t: &Transfer) {
    ui.label(
        egui::RichText::new(format!(
            "{} → {} · {}",
            t.supplier.name, t.recipient.name, t.item
        ))
        .strong(),
    );
    let field = |ui: &mut egui::Ui, name: &str, value: String| {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{name}:")).weak());
            ui.label(value);
        });
    };
    let mut figures = figures_label(t);
    if !t.quantities().is_empty() {
        figures = format!("{figures} {}", t.item);
    }
    if t.quantities().len() > 1 {
        figures.push_str(" (the reports disagree)");
    }
    field(ui, "Figures", figures);
    field(ui, "Status", status_history_label(t));
    field(ui, "Category", t.category.to_string());
    if let Some(v) = t.value_usd {
        field(ui, "Value", dollars(v));
    }
    let date = state.data.index.transfer_date(i);
    field(ui, "Date", date_label(date));
}

/// One row per report: article, date, figure, status and source, to compare at a glance.
fn reports_side_by_side(ui: &mut egui::Ui, state: &AppState, i: usize, t: &Transfer) {
    let plural = if t.reports.len() == 1 { "" } else { "s" };
    ui.label(egui::RichText::new(format!("{} report{plural}", t.reports.len())).weak());
    egui::Grid::new(("reports", i))
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for title in ["#", "Date", "Figure", "Status", "Source"] {
                ui.label(egui::RichText::new(title).small().strong());
            }
            ui.end_row();
            for (n, r) in t.reports.iter().enumerate() {
                let article = state
                    .data
                    .index
                    .report_article(r)
                    .and_then(|a| state.data.dataset.articles.get(a));
                let title = article.map_or("", |a| a.title.as_str());
                ui.label((n + 1).to_string()).on_hover_text(title);
                let date = TransferDate::of_report(r);
                ui.label(date.map_or_else(|| "undated".into(), |d| d.when.to_string()))
                    .on_hover_text(date_label(date.as_ref()));
                ui.label(quantity_label(r.quantity));
                ui.label(r.status.as_str());
                ui.add(egui::Label::new(r.source_chain().unwrap_or_else(|| "—".into())).truncate());
                ui.end_row();
            }
        });
}

/// A report's article, date, source and quoted sentences. A click on a sentence opens the
/// reader there.
fn report_sentences(
    ui: &mut egui::Ui,
    state: &AppState,
    gazetteer: &Gazetteer,
    n: usize,
    r: &Report,
    out: &mut Vec<Command>,
) {
    let Some(article_index) = state.data.index.report_article(r) else {
        return;
    };
    let Some(article) = state.data.dataset.articles.get(article_index) else {
        return;
    };
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(format!("Report {}", n + 1))
                .small()
                .strong(),
        );
        ui.label(state_badge(r.review.state).small());
    });
    ui.label(
        egui::RichText::new(format!(
            "Report {} · {} · {} · article {} · confidence {:.2}",
            n + 1,
            article.title,
            r.source_chain()
                .unwrap_or_else(|| "source unknown".to_owned()),
            article_date_label(article),
            r.confidence
        ))
        .small()
        .weak(),
    );
    for e in &r.evidence {
        let job = sentence_job(ui, &e.quote(), r, gazetteer);
        let response = ui
            .add(egui::Label::new(job).sense(egui::Sense::click()))
            .on_hover_text("Open the article at this sentence (right-click: add a transfer)");
        response.context_menu(|ui| {
            if ui.button("Add transfer from this sentence…").clicked() {
                out.push(Command::Review(ReviewCommand::OpenForm(FormTarget::Span {
                    article: article_index,
                    start: e.start,
                    end: e.end,
                })));
                ui.close();
            }
        });
        if response.clicked() {
            out.push(Command::OpenReader {
                article: article_index,
                start: e.start,
                end: e.end,
            });
        }
        if ui.small_button("Copy citation").clicked() {
            out.push(Command::CopyText(citation(
                &e.quote(),
                article,
                state.data.folder.as_deref(),
            )));
        }
    }
}

/// The sentence as rich text with names, item and figures highlighted.
pub(super) fn sentence_job(
    ui: &egui::Ui,
    sentence: &str,
    report: &Report,
    gazetteer: &Gazetteer,
) -> LayoutJob {
    let font = FontId::proportional(14.0);
    let text_color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let plain = TextFormat::simple(font.clone(), text_color);
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let mut at = 0;
    for h in highlights(sentence, report, gazetteer) {
        let (Some(before), Some(marked)) = (
            sentence.get(at..h.span.start),
            sentence.get(h.span.start..h.span.end),
        ) else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        let background = match (h.kind, dark) {
            (HighlightKind::Supplier, false) => Color32::from_rgb(200, 225, 255),
            (HighlightKind::Recipient, false) => Color32::from_rgb(255, 220, 190),
            (HighlightKind::Item, false) => Color32::from_rgb(215, 240, 205),
            (HighlightKind::Figure, false) => Color32::from_rgb(255, 240, 160),
            (HighlightKind::Supplier, true) => Color32::from_rgb(30, 70, 120),
            (HighlightKind::Recipient, true) => Color32::from_rgb(120, 60, 20),
            (HighlightKind::Item, true) => Color32::from_rgb(40, 90, 40),
            (HighlightKind::Figure, true) => Color32::from_rgb(110, 90, 10),
        };
        job.append(
            marked,
            0.0,
            TextFormat {
                background,
                ..plain.clone()
            },
        );
        at = h.span.end;
    }
    job.append(sentence.get(at..).unwrap_or_default(), 0.0, plain);
    job
}
