use super::{dollars, quantity_label, transfer_label};
use crate::app::{AppState, Command, TableColumn};
use crate::dataset::Transfer;
use egui_extras::{Column, TableBuilder};
use std::cmp::Ordering;

/// Every visible report as a row; click a header to sort, a row to select. Only the rows
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
    let sources = |t: &Transfer| {
        let mut titles: Vec<&str> = t
            .evidence
            .iter()
            .filter_map(|e| state.index.article_by_id.get(&e.article))
            .filter_map(|&a| d.articles.get(a))
            .map(|a| a.title.as_str())
            .collect();
        titles.dedup();
        titles.join("; ")
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
            TableColumn::Quantity => ta
                .quantity
                .map(|q| q.value)
                .cmp(&tb.quantity.map(|q| q.value)),
            TableColumn::Value => ta.value_usd.cmp(&tb.value_usd),
            TableColumn::Status => ta.status.cmp(&tb.status),
            TableColumn::Sources => sources(ta).cmp(&sources(tb)),
        };
        let order = if ascending { order } else { order.reverse() };
        // Ties keep dataset order, so the table is stable.
        order.then(a.cmp(&b)).then(Ordering::Equal)
    });
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for c in TableColumn::ALL {
        table = table.column(match c {
            TableColumn::Item | TableColumn::Sources => {
                Column::initial(180.0).at_least(60.0).clip(true)
            }
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
                    quantity_label(t.quantity),
                    t.value_usd.map_or_else(|| "—".to_owned(), dollars),
                    t.status.to_string(),
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
}
