use super::{dollars, transfer_label};
use crate::app::{AppState, Command, TableColumn};
use crate::view::{figures_label, sources_label, status_history_label};
use egui_extras::{Column, TableBuilder};

/// Every visible transfer as a row (its figures as a range, its status history, its
/// reports and sources); click a header to sort, a row to select. Only the rows
/// in view are laid out.
pub fn table_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let d = &state.data.dataset;
    let (column, ascending) = state.table_sort;
    let rows = &state.views.table_rows;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    // Ten columns do not fit a narrow window: the table scrolls sideways as well.
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
                            state
                                .data
                                .index
                                .transfer_date(i)
                                .map_or_else(|| "undated".to_owned(), |d| d.when.to_string()),
                            t.supplier.name.clone(),
                            t.recipient.name.clone(),
                            t.item.clone(),
                            t.category.to_string(),
                            figures_label(t),
                            t.value_usd.map_or_else(|| "—".to_owned(), dollars),
                            status_history_label(t),
                            sources_label(d, &state.data.index, t),
                            format!("{:.2}", t.confidence()),
                        ];
                        for text in cells {
                            row.col(|ui| {
                                // Cut to the column; the whole text on hover.
                                ui.add(egui::Label::new(&text).truncate().selectable(false))
                                    .on_hover_text(&text);
                            });
                        }
                        row.col(|ui| {
                            let badge = super::review::state_badge(t.review_state());
                            ui.add(egui::Label::new(badge).selectable(false));
                        });
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
