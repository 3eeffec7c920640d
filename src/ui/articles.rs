use crate::app::{AppState, Command};
use crate::view::article_date_label;

/// The article list: title, outlet, date and number of transfers; files with problems at
/// the end with a marker. A click selects the article's transfers; a double click (or an
/// article without transfers) opens it in the reader.
pub fn articles_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let d = &state.data.dataset;
    // While a filter is set, only the articles with a transfer that passes it.
    let listed = state.views.articles.as_deref();
    let shown = listed.map_or(d.articles.len(), <[usize]>::len);
    ui.heading(match listed {
        Some(_) => format!("Articles ({shown} of {})", d.articles.len()),
        None => format!("Articles ({})", d.articles.len()),
    });
    ui.separator();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0;
    let rows = shown + d.problems.len();
    let article_at = |row: usize| match listed {
        Some(list) => list.get(row).copied(),
        None => (row < d.articles.len()).then_some(row),
    };
    // Only the rows in view are laid out, so a folder of 100,000 articles scrolls freely.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows, |ui, range| {
            for at in range {
                if let Some((row, article)) =
                    article_at(at).and_then(|row| Some((row, d.articles.get(row)?)))
                {
                    let count = state
                        .data
                        .index
                        .transfers_per_article
                        .get(row)
                        .copied()
                        .unwrap_or(0);
                    let date = article_date_label(article);
                    let outlet = article.outlet.as_deref().unwrap_or("outlet unknown");
                    let plural = if count == 1 { "" } else { "s" };
                    let reading = state.reader.is_some_and(|r| r.article == row);
                    let meta = format!("{outlet} · {date} · {count} transfer{plural}");
                    let response = two_line_row(ui, row_height, reading, &article.title, &meta)
                        .on_hover_text(&article.path);
                    if response.double_clicked() || (response.clicked() && count == 0) {
                        out.push(Command::OpenReader {
                            article: row,
                            start: 0,
                            end: 0,
                        });
                    } else if response.clicked() {
                        let transfers: Vec<usize> = state
                            .views
                            .visible
                            .iter()
                            .copied()
                            .filter(|&t| {
                                state
                                    .data
                                    .index
                                    .transfer_articles
                                    .get(t)
                                    .is_some_and(|a| a.contains(&row))
                            })
                            .collect();
                        out.push(Command::Select {
                            transfers,
                            label: format!("Article: {}", article.title),
                        });
                    }
                } else if let Some(p) = d.problems.get(at - shown) {
                    let response =
                        two_line_row(ui, row_height, false, &format!("⚠ {}", p.path), &p.reason);
                    if response.on_hover_text(&p.reason).clicked() && !state.show_problems {
                        out.push(Command::ToggleProblems);
                    }
                }
            }
        });
}

/// A clickable list row with a title line and a smaller detail line, both cut with an
/// ellipsis to the panel's width.
fn two_line_row(
    ui: &mut egui::Ui,
    row_height: f32,
    selected: bool,
    title: &str,
    detail: &str,
) -> egui::Response {
    let size = egui::vec2(ui.available_width(), row_height - 4.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact_selectable(&response, selected);
        if selected || response.hovered() {
            ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
        }
        let width = rect.width() - 12.0;
        let line = |text: &str, style: egui::TextStyle, color: egui::Color32| {
            let mut job = egui::text::LayoutJob::simple_singleline(
                text.to_owned(),
                style.resolve(ui.style()),
                color,
            );
            job.wrap = egui::text::TextWrapping::truncate_at_width(width);
            ui.painter().layout_job(job)
        };
        let strong = ui.visuals().strong_text_color();
        let weak = ui.visuals().weak_text_color();
        let first = line(title, egui::TextStyle::Body, strong);
        let second = line(detail, egui::TextStyle::Small, weak);
        let top = rect.min + egui::vec2(6.0, 3.0);
        let second_top = top + egui::vec2(0.0, first.size().y + 1.0);
        ui.painter().galley(top, first, strong);
        ui.painter().galley(second_top, second, weak);
    }
    response
}
