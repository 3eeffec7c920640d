use super::citation;
use crate::app::{AppState, Command, ReaderTarget};
use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId};

/// The whole cleaned article, the quoted sentence highlighted and scrolled into view once.
pub fn reader_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    target: ReaderTarget,
    out: &mut Vec<Command>,
) {
    let Some(article) = state.dataset.articles.get(target.article) else {
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
        if has_sentence && ui.button("Copy citation").clicked() {
            let sentence = text.get(target.start..target.end).unwrap_or_default();
            out.push(Command::CopyText(citation(
                sentence,
                article,
                state.folder.as_deref(),
            )));
        }
    });
    ui.heading(&article.title);
    ui.label(
        egui::RichText::new(format!(
            "{} · {} · {}",
            article.outlet.as_deref().unwrap_or("outlet unknown"),
            article.published.as_deref().unwrap_or("undated"),
            article.path
        ))
        .weak(),
    );
    ui.separator();
    // Scroll once per target: later frames leave the user free to scroll.
    let scrolled_id = ui.scope_id().with("reader_scrolled");
    let key = (target.article, target.start, target.end);
    let needs_scroll =
        has_sentence && ui.data(|d| d.get_temp::<(usize, usize, usize)>(scrolled_id)) != Some(key);
    let font = FontId::proportional(15.0);
    let color = ui.visuals().text_color();
    let mark = if ui.visuals().dark_mode {
        Color32::from_rgb(110, 90, 10)
    } else {
        Color32::from_rgb(255, 236, 140)
    };
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
                if !overlaps {
                    ui.add(
                        egui::Label::new(egui::RichText::new(paragraph).font(font.clone())).wrap(),
                    );
                    ui.add_space(6.0);
                    continue;
                }
                let s = target.start.max(p_start) - p_start;
                let e = target.end.min(p_end) - p_start;
                let plain = TextFormat::simple(font.clone(), color);
                let mut job = LayoutJob::default();
                job.wrap.max_width = ui.available_width();
                job.append(paragraph.get(..s).unwrap_or_default(), 0.0, plain.clone());
                job.append(
                    paragraph.get(s..e).unwrap_or_default(),
                    0.0,
                    TextFormat {
                        background: mark,
                        ..plain.clone()
                    },
                );
                job.append(paragraph.get(e..).unwrap_or_default(), 0.0, plain);
                let galley = ui.painter().layout_job(job);
                let chars_before = paragraph.get(..s).map_or(0, |p| p.chars().count());
                let cursor_rect = galley.pos_from_cursor(CCursor::new(chars_before));
                let response = ui.add(egui::Label::new(galley));
                ui.add_space(6.0);
                if needs_scroll {
                    let at = cursor_rect.translate(response.rect.min.to_vec2());
                    ui.scroll_to_rect(at.expand2(egui::vec2(0.0, 60.0)), Some(egui::Align::Center));
                    ui.data_mut(|d| d.insert_temp(scrolled_id, key));
                }
            }
        });
}
