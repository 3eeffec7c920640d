use super::{dollars, transfer_label};
use crate::app::{AppState, Command, TableColumn};
use crate::dataset::Transfer;
use crate::view::{figures_label, status_history_label};
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;

/// Every visible transfer as a row (its figures as a range, its status history, its
/// reports and sources); click a header to sort, a row to select. Only the rows
/// in view are laid out.
pub fn table_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let d = &state.dataset;
    let (column, ascending) = state.table_sort;
    let date_key = |i: usize| {
        state
            .index
            .transfer_dates
            .get(i)
            .copied()
            .flatten()
            .map(|t| t.when)
    };
    // "2 · The Wall Street Journal (via Al Jazeera); Example Wire": how many reports, and
    // who makes them.
    let sources = |t: &Transfer| {
        let mut chains: Vec<String> = Vec::new();
        for r in &t.reports {
            let chain = r.source_chain().unwrap_or_else(|| {
                state
                    .index
                    .report_article(r)
                    .and_then(|a| d.articles.get(a))
                    .map_or_else(String::new, |a| a.title.clone())
            });
            if !chains.contains(&chain) {
                chains.push(chain);
            }
        }
        format!("{} · {}", t.reports.len(), chains.join("; "))
    };
    let mut rows = state.visible.clone();
    rows.sort_by(|&a, &b| {
        let (ta, tb) = (&d.transfers[a], &d.transfers[b]);
        let order = match column {
            TableColumn::Date => date_key(a).cmp(&date_key(b)),
            TableColumn::Supplier => ta.supplier.name.cmp(&tb.supplier.name),
            TableColumn::Recipient => ta.recipient.name.cmp(&tb.recipient.name),
            TableColumn::Item => ta.item.to_lowercase().cmp(&tb.item.to_lowercase()),
            TableColumn::Category => ta.category.cmp(&tb.category),
            TableColumn::Quantity => ta.quantities().last().cmp(&tb.quantities().last()),
            TableColumn::Value => ta.value_usd.cmp(&tb.value_usd),
            TableColumn::Status => ta.status.cmp(&tb.status),
            TableColumn::Sources => {
                (ta.reports.len(), sources(ta)).cmp(&(tb.reports.len(), sources(tb)))
            }
        };
        let order = if ascending { order } else { order.reverse() };
        // Ties keep dataset order, so the table is stable.
        order.then(a.cmp(&b)).then(Ordering::Equal)
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // Nine columns do not fit a narrow window: the table scrolls sideways as well.
    egui::ScrollArea::horizontal()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
            for c in TableColumn::ALL {
                table = table.column(match c {
                    TableColumn::Item | TableColumn::Sources | TableColumn::Status => {
                        Column::initial(180.0).at_least(60.0).clip(true)
                    }
                    TableColumn::Quantity => Column::initial(110.0).at_least(60.0).clip(true),
                    _ => Column::auto().at_least(60.0).clip(true),
                });
            }
            table
                .header(row_height + 4.0, |mut header| {
                    for c in TableColumn::ALL {
                        header.col(|ui| {
                            let arrow = match (c == column, ascending) {
                                (true, true) => " ▲",
                                (true, false) => " ▼",
                                _ => "",
                            };
                            if ui.button(format!("{}{arrow}", c.title())).clicked() {
                                out.push(Command::SortTable(c));
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows.len(), |mut row| {
                        let i = rows[row.index()];
                        let t = &d.transfers[i];
                        row.set_selected(state.selection.transfers.contains(&i));
                        let cells = [
                            date_key(i).map_or_else(|| "undated".to_owned(), |w| w.to_string()),
                            t.supplier.name.clone(),
                            t.recipient.name.clone(),
                            t.item.clone(),
                            t.category.to_string(),
                            figures_label(t),
                            t.value_usd.map_or_else(|| "—".to_owned(), dollars),
                            status_history_label(t),
                            sources(t),
                        ];
                        for text in cells {
                            row.col(|ui| {
                                ui.add(egui::Label::new(text).truncate().selectable(false));
                            });
                        }
                        if row.response().clicked() {
                            out.push(Command::Select {
                                transfers: vec![i],
                                label: transfer_label(t),
                            });
                        }
                    });
                });
        });
}
