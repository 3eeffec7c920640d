use super::{ViewCaches, dollars, transfer_label};
use crate::app::{AppState, Command, TableColumn};
use crate::view::{figures_label, sources_label, status_history_label};
use egui::scroll_area::ScrollBarVisibility;
use egui_extras::{Column, TableBuilder};

/// How many columns from the left stay in view while the rest scroll sideways: the date and
/// the two countries say which transfer a row is.
const FROZEN: usize = 3;

/// Every visible transfer as a row (its figures as a range, its status history, its
/// reports and sources); click a header to sort, a row to select. Only the rows
/// in view are laid out.
///
/// Eleven columns do not fit a narrow window, so the table is two tables side by side that
/// scroll down together: Date, Supplier and Recipient stay put while the others scroll
/// sideways.
pub fn table_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    caches: &mut ViewCaches,
    out: &mut Vec<Command>,
) {
    // The SIPRI column only once a register is compared.
    let compared = state.data.dataset.register_summary.is_some();
    let columns: Vec<TableColumn> = TableColumn::ALL
        .into_iter()
        .filter(|&c| c != TableColumn::Register || compared)
        .collect();
    let (frozen, rest) = columns.split_at(FROZEN);
    let y = caches.table_scroll_y;
    let mut offsets = [y, y];
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        ui.vertical(|ui| offsets[0] = columns_table(ui, state, frozen, y, out));
        ui.separator();
        egui::ScrollArea::horizontal()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.vertical(|ui| offsets[1] = columns_table(ui, state, rest, y, out));
            });
    });
    // Whichever table the user scrolled leads; the other follows on the next frame.
    if let Some(&moved) = offsets.iter().find(|o| (**o - y).abs() > 0.5) {
        caches.table_scroll_y = moved;
        ui.ctx().request_repaint();
    }
}

/// One of the table's two halves, scrolled `scroll_y` down: its rows line up with the other
/// half's because both lay out the same rows at the same height. Returns where the user left
/// its scroll.
fn columns_table(
    ui: &mut egui::Ui,
    state: &AppState,
    columns: &[TableColumn],
    scroll_y: f32,
    out: &mut Vec<Command>,
) -> f32 {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let frozen = columns.first() == Some(&TableColumn::Date);
    let mut table = TableBuilder::new(ui)
        .id_salt(if frozen { "table_frozen" } else { "table_rest" })
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .vertical_scroll_offset(scroll_y)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    if frozen {
        // One vertical scroll bar for both halves: the right one's.
        table = table.scroll_bar_visibility(ScrollBarVisibility::AlwaysHidden);
    }
    for &c in columns {
        table = table.column(column_width(c));
    }
    let rows = &state.views.table_rows;
    let scrolled = table
        .header(row_height + 4.0, |mut header| {
            for &c in columns {
                header.col(|ui| header_button(ui, state, c, out));
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let i = rows[row.index()];
                row.set_selected(state.selection.transfers.contains(&i));
                for &c in columns {
                    row.col(|ui| cell(ui, state, i, c));
                }
                if row.response().clicked() {
                    let t = &state.data.dataset.transfers[i];
                    out.push(Command::Select {
                        transfers: vec![i],
                        label: transfer_label(t),
                    });
                }
            });
        });
    scrolled.state.clamped_offset().y
}

/// A column's starting width: the long texts get room, the rest fit their content.
fn column_width(c: TableColumn) -> Column {
    match c {
        TableColumn::Item | TableColumn::Sources | TableColumn::Status => {
            Column::initial(180.0).at_least(60.0).clip(true)
        }
        TableColumn::Quantity => Column::initial(110.0).at_least(60.0).clip(true),
        TableColumn::Register => Column::initial(165.0).at_least(60.0).clip(true),
        TableColumn::Supplier | TableColumn::Recipient => {
            Column::initial(110.0).at_least(60.0).clip(true)
        }
        _ => Column::auto().at_least(60.0).clip(true),
    }
}

/// A column's header: its title and sort arrow; a click sorts by it.
fn header_button(ui: &mut egui::Ui, state: &AppState, c: TableColumn, out: &mut Vec<Command>) {
    let arrow = match state.table_sort {
        (column, true) if column == c => " ▲",
        (column, false) if column == c => " ▼",
        _ => "",
    };
    if ui.button(format!("{}{arrow}", c.title())).clicked() {
        out.push(Command::SortTable(c));
    }
}

/// One cell of transfer `i`, cut to the column with the whole text on hover.
fn cell(ui: &mut egui::Ui, state: &AppState, i: usize, c: TableColumn) {
    let d = &state.data.dataset;
    let t = &d.transfers[i];
    let text = match c {
        TableColumn::Date => state
            .data
            .index
            .transfer_date(i)
            .map_or_else(|| "undated".to_owned(), |d| d.when.to_string()),
        TableColumn::Supplier => t.supplier.name.clone(),
        TableColumn::Recipient => t.recipient.name.clone(),
        TableColumn::Item => t.item.clone(),
        TableColumn::Category => t.category.to_string(),
        TableColumn::Quantity => figures_label(t),
        TableColumn::Value => t.value_usd.map_or_else(|| "—".to_owned(), dollars),
        TableColumn::Status => status_history_label(t),
        TableColumn::Sources => sources_label(d, &state.data.index, t),
        TableColumn::Confidence => format!("{:.2}", t.confidence()),
        TableColumn::Review => {
            let badge = super::review::state_badge(t.review_state());
            ui.add(egui::Label::new(badge).selectable(false));
            return;
        }
        TableColumn::Register => {
            register_cell(ui, t);
            return;
        }
    };
    ui.add(egui::Label::new(&text).truncate().selectable(false))
        .on_hover_text(&text);
}

/// The register mark in its colour; on hover, why, and the best matching deal.
fn register_cell(ui: &mut egui::Ui, t: &crate::dataset::Transfer) {
    let Some(m) = &t.register else {
        ui.add(egui::Label::new("—").selectable(false));
        return;
    };
    let color = super::paint::to_color32(crate::chart::register_color(Some(m.mark)));
    let mut hover = m.why.clone();
    if let Some(deal) = m.deals.first() {
        hover.push_str(&format!("\n{}", deal.summary()));
    }
    ui.add(
        egui::Label::new(egui::RichText::new(m.mark.label()).color(color))
            .truncate()
            .selectable(false),
    )
    .on_hover_text(hover);
}
