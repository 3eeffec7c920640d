use super::{citation, date_label, dollars, quantity_label};
use crate::app::{AppState, Command};
use crate::gazetteer::Gazetteer;
use crate::view::{HighlightKind, highlights};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

/// How many transfers Evidence lists before "and N more" (a big selection stays fast).
const MAX_LISTED: usize = 200;

/// The selected transfers: fields, then every quoted sentence with its article, the names,
/// item and figures highlighted. A click on a sentence opens the reader there.
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
    ui.horizontal(|ui| {
        let n = selection.transfers.len();
        ui.label(
            egui::RichText::new(format!(
                "{} — {n} report{}",
                selection.label,
                if n == 1 { "" } else { "s" }
            ))
            .strong(),
        );
        if ui.small_button("Clear").clicked() {
            out.push(Command::ClearSelection);
        }
    });
    ui.separator();
    let d = &state.dataset;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for &i in selection.transfers.iter().take(MAX_LISTED) {
                let Some(t) = d.transfers.get(i) else {
                    continue;
                };
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
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
                    field(ui, "Status", t.status.to_string());
                    field(ui, "Category", t.category.to_string());
                    field(ui, "Quantity", quantity_label(t.quantity));
                    if let Some(v) = t.value_usd {
                        field(ui, "Value", dollars(v));
                    }
                    let date = state.index.transfer_dates.get(i).and_then(Option::as_ref);
                    field(ui, "Date", date_label(date));
                    if let Some(a) = &t.attribution {
                        field(ui, "According to", a.clone());
                    }
                    for e in &t.evidence {
                        let Some(&article_index) = state.index.article_by_id.get(&e.article) else {
                            continue;
                        };
                        let Some(article) = d.articles.get(article_index) else {
                            continue;
                        };
                        ui.add_space(4.0);
                        ui.label(
                            egui::RichText::new(format!(
                                "{} · {} · {}",
                                article.title,
                                article.outlet.as_deref().unwrap_or("outlet unknown"),
                                article.published.as_deref().unwrap_or("undated")
                            ))
                            .small()
                            .weak(),
                        );
                        let job = sentence_job(ui, &e.sentence, t, gazetteer);
                        let response = ui
                            .add(egui::Label::new(job).sense(egui::Sense::click()))
                            .on_hover_text("Open the article at this sentence");
                        if response.clicked() {
                            out.push(Command::OpenReader {
                                article: article_index,
                                start: e.start,
                                end: e.end,
                            });
                        }
                        if ui.small_button("Copy citation").clicked() {
                            out.push(Command::CopyText(citation(
                                &e.sentence,
                                article,
                                state.folder.as_deref(),
                            )));
                        }
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

/// The sentence as rich text with names, item and figures highlighted.
fn sentence_job(
    ui: &egui::Ui,
    sentence: &str,
    t: &crate::dataset::Transfer,
    gazetteer: &Gazetteer,
) -> LayoutJob {
    let font = FontId::proportional(14.0);
    let text_color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let plain = TextFormat::simple(font.clone(), text_color);
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let mut at = 0;
    for h in highlights(sentence, t, gazetteer) {
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
