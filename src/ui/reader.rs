use super::ViewCaches;
use super::citation;
use crate::app::{AppState, Command, FormTarget, ReaderTarget, ReviewCommand};
use crate::corpus::Article;
use crate::dates::{DateBasis, When};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId};

/// The whole cleaned article, the quoted sentence highlighted and scrolled into view once.
pub fn reader_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    caches: &mut ViewCaches,
    target: ReaderTarget,
    out: &mut Vec<Command>,
) {
    let Some(article) = state.data.dataset.articles.get(target.article) else {
        out.push(Command::CloseReader);
        return;
    };
    let text = &article.text;
    let has_sentence = target.end > target.start && text.get(target.start..target.end).is_some();
    ui.horizontal(|ui| {
        if ui
            .button("← Back")
            .on_hover_text("Back to the chart (Esc)")
            .clicked()
        {
            out.push(Command::CloseReader);
        }
        let selection = caches
            .reader_selection
            .filter(|&(a, _, _)| a == target.article)
            .and_then(|(_, start, end)| trimmed_span(text, start, end));
        if ui
            .add_enabled(
                selection.is_some(),
                egui::Button::new("Add transfer from selection…"),
            )
            .on_hover_text("Select the words that report a transfer the extractor missed")
            .on_disabled_hover_text("Select words in the article first")
            .clicked()
            && let Some((start, end)) = selection
        {
            out.push(Command::Review(ReviewCommand::OpenForm(FormTarget::Span {
                article: target.article,
                start,
                end,
            })));
        }
        if has_sentence && ui.button("Copy citation").clicked() {
            let sentence = text.get(target.start..target.end).unwrap_or_default();
            out.push(Command::CopyText(citation(
                sentence,
                article,
                state.data.folder.as_deref(),
            )));
        }
    });
    // Where each piece of metadata came from, on hover: `armsflow read` says the same.
    let from = |source: Option<crate::model::MetaSource>| {
        source.map_or_else(String::new, |s| format!("from {}", s.describe()))
    };
    ui.heading(&article.title)
        .on_hover_text(format!("Title {}", from(article.title_source)));
    let byline = article
        .author
        .as_deref()
        .map_or_else(String::new, |a| format!(" · {a}"));
    ui.label(
        egui::RichText::new(format!(
            "{}{byline} · {}",
            article.outlet.as_deref().unwrap_or("outlet unknown"),
            article.path
        ))
        .weak(),
    )
    .on_hover_text(format!("Outlet {}", from(article.outlet_source)));
    article_date_ui(ui, state, target.article, article, out);
    ui.separator();
    // Scroll once per target: later frames leave the user free to scroll.
    let key = (target.article, target.start, target.end);
    let needs_scroll = has_sentence && caches.reader_scrolled != Some(key);
    let font = FontId::proportional(15.0);
    let color = ui.visuals().text_color();
    let mark = if ui.visuals().dark_mode {
        Color32::from_rgb(110, 90, 10)
    } else {
        Color32::from_rgb(255, 236, 140)
    };
    let style = ParagraphStyle { font, color, mark };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(760.0));
            let mut offset = 0;
            for paragraph in text.split('\n') {
                let (p_start, p_end) = (offset, offset + paragraph.len());
                offset = p_end + 1;
                if paragraph.trim().is_empty() {
                    continue;
                }
                let overlaps = has_sentence && target.start < p_end && target.end > p_start;
                let marked = overlaps.then(|| {
                    (
                        target.start.max(p_start) - p_start,
                        target.end.min(p_end) - p_start,
                    )
                });
                let (response, galley) = paragraph_ui(ui, paragraph, marked, &style);
                if let Some(range) = response.selected {
                    caches.reader_selection =
                        Some((target.article, p_start + range.start, p_start + range.end));
                }
                ui.add_space(6.0);
                if let Some((s, _)) = marked.filter(|_| needs_scroll) {
                    let chars_before = paragraph.get(..s).map_or(0, |p| p.chars().count());
                    let cursor_rect = galley.pos_from_cursor(CCursor::new(chars_before));
                    let at = cursor_rect.translate(response.origin.to_vec2());
                    ui.scroll_to_rect(at.expand2(egui::vec2(0.0, 60.0)), Some(egui::Align::Center));
                    caches.reader_scrolled = Some(key);
                }
            }
        });
}

/// How the reader draws a paragraph.
struct ParagraphStyle {
    font: FontId,
    color: Color32,
    /// Background of the quoted sentence.
    mark: Color32,
}

/// What a paragraph's text field reports.
struct ParagraphResponse {
    /// Where its text starts on screen.
    origin: egui::Pos2,
    /// The bytes the user selected in it, when they did.
    selected: Option<std::ops::Range<usize>>,
}

/// A paragraph as read-only text the user can select (to add a transfer from), with the
/// bytes `marked` highlighted.
fn paragraph_ui(
    ui: &mut egui::Ui,
    paragraph: &str,
    marked: Option<(usize, usize)>,
    style: &ParagraphStyle,
) -> (ParagraphResponse, std::sync::Arc<egui::Galley>) {
    let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
        let text = buf.as_str();
        let plain = TextFormat::simple(style.font.clone(), style.color);
        let mut job = LayoutJob::default();
        job.wrap.max_width = wrap_width;
        let (s, e) = marked.unwrap_or((text.len(), text.len()));
        job.append(text.get(..s).unwrap_or_default(), 0.0, plain.clone());
        let highlight = TextFormat {
            background: style.mark,
            ..plain.clone()
        };
        job.append(text.get(s..e).unwrap_or_default(), 0.0, highlight);
        job.append(text.get(e..).unwrap_or_default(), 0.0, plain);
        ui.painter().layout_job(job)
    };
    let mut text = paragraph;
    let output = egui::TextEdit::multiline(&mut text)
        .frame(egui::Frame::NONE)
        .desired_width(f32::INFINITY)
        .desired_rows(1)
        .layouter(&mut layouter)
        .show(ui);
    let selected = output
        .cursor_range
        .filter(|r| !r.is_empty() && output.response.response.has_focus())
        .map(|r| {
            let chars = r.as_sorted_char_range();
            let byte = |c: usize| {
                paragraph
                    .char_indices()
                    .nth(c)
                    .map_or(paragraph.len(), |(b, _)| b)
            };
            byte(chars.start.0)..byte(chars.end.0)
        });
    let response = ParagraphResponse {
        origin: output.galley_pos,
        selected,
    };
    (response, output.galley)
}

/// The article's date, how it is known, and the editor that corrects it. A correction is
/// saved in the folder's `.armsflow/overrides.json` and re-dates the article's reports.
fn article_date_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    index: usize,
    article: &Article,
    out: &mut Vec<Command>,
) {
    let editing = state.date_edit.as_ref().filter(|e| e.article == index);
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Date:").weak());
        match &article.date {
            Some(d) => {
                ui.label(d.when.to_string());
                ui.label(egui::RichText::new(format!("({})", d.reason)).weak());
            }
            None => {
                ui.label("unknown (no date in the file, its name or its text)");
            }
        }
        let corrected = article
            .date
            .as_ref()
            .is_some_and(|d| d.basis == DateBasis::Corrected);
        if editing.is_none() {
            let label = if corrected {
                "Change date…"
            } else {
                "Correct date…"
            };
            if ui
                .small_button(label)
                .on_hover_text("Set the date yourself: a day, a month or a year")
                .clicked()
            {
                out.push(Command::EditArticleDate {
                    article: index,
                    text: article
                        .date
                        .as_ref()
                        .map(|d| d.when.to_string())
                        .unwrap_or_default(),
                });
            }
        }
        if corrected
            && editing.is_none()
            && ui
                .small_button("Remove correction")
                .on_hover_text("Use the article's own date again")
                .clicked()
        {
            out.push(Command::SetArticleDate {
                article: index,
                date: None,
            });
        }
    });
    let Some(edit) = editing else {
        return;
    };
    ui.horizontal(|ui| {
        let mut text = edit.text.clone();
        let label = ui.label("New date");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("2023-11-08, 2023-11 or 2023")
                    .desired_width(140.0),
            )
            .labelled_by(label.id);
        if text != edit.text {
            out.push(Command::EditArticleDate {
                article: index,
                text: text.clone(),
            });
        }
        let parsed = When::parse(&text);
        let save = ui.add_enabled(parsed.is_some(), egui::Button::new("Save date"));
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if parsed.is_some() && (save.clicked() || entered) {
            out.push(Command::SetArticleDate {
                article: index,
                date: Some(text.clone()),
            });
        }
        if ui.button("Cancel").clicked() {
            out.push(Command::CancelArticleDate);
        }
        match parsed {
            Some(w) => {
                ui.label(egui::RichText::new(format!("{} precision", w.precision.as_str())).weak())
            }
            None => ui.label(
                egui::RichText::new("type a day, a month or a year")
                    .color(ui.visuals().warn_fg_color),
            ),
        };
    });
    ui.label(
        egui::RichText::new(
            "Saved in .armsflow/overrides.json inside the folder; the article itself is not changed.",
        )
        .small()
        .weak(),
    );
}

/// The span `start..end` of `text` without the white space at its ends; `None` when
/// nothing else is left.
fn trimmed_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let span = text.get(start..end)?;
    let lead = span.len() - span.trim_start().len();
    let trimmed = span.trim();
    (!trimmed.is_empty()).then(|| (start + lead, start + lead + trimmed.len()))
}
