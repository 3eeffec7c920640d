//! The window's panels. Each `*_ui` function reads [`AppState`] and pushes [`Command`]s; none
//! changes state itself, so menus, buttons and tests share one path through
//! [`crate::app::ArmsFlowApp::apply`].

mod articles;
mod caches;
mod chart_hits;
mod choice;
mod evidence;
mod export_window;
mod filter_bar;
mod flow;
mod folder_chooser;
mod loading;
mod map;
mod menu;
mod paint;
mod problems;
mod reader;
mod register_evidence;
mod register_window;
mod review;
mod review_forms;
mod status_bar;
mod table;
mod timeline;

pub use crate::view::{citation, date_label, dollars, quantity_label, transfer_label};
use choice::radio_choice;
pub use paint::{CHART_FAMILY, install_chart_font, paint_scene};

use crate::app::{AppState, Command, ExportTarget, SidePanel, Tab};
use crate::chart::ChartKind;
use crate::gazetteer::Gazetteer;
pub use caches::ViewCaches;

/// Lays out the whole window: menu, filters, status bar, Problems, articles, Evidence and
/// the central tabs (or the reader).
pub fn main_window(
    ui: &mut egui::Ui,
    state: &AppState,
    caches: &mut ViewCaches,
    gazetteer: &Gazetteer,
    out: &mut Vec<Command>,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, state, out));
    egui::Panel::top("filter_bar").show(ui, |ui| filter_bar::filter_bar_ui(ui, state, caches, out));
    if state.data.is_sample {
        egui::Panel::top("sample_note").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new("Sample articles: open your own folder with Ctrl+O")
                        .strong(),
                );
                if ui.button("Open folder…").clicked() {
                    out.push(Command::PickFolder);
                }
            });
        });
    }
    export_window::export_window_ui(ui, state, out);
    review_forms::report_form_ui(ui, state, gazetteer, &mut caches.country_search, out);
    review_forms::note_ui(ui, state, out);
    folder_chooser::folder_chooser_ui(ui, state, out);
    register_window::register_window_ui(ui, state, out);
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::status_bar_ui(ui, state, out));
    if state.show_problems {
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(160.0)
            .show(ui, |ui| problems::problems_ui(ui, state, out));
    }
    let max_side = (ui.available_width() * 0.4).max(240.0);
    let shown = |panel| !state.settings.hidden_panels.contains(&panel);
    if shown(SidePanel::Articles) {
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(270.0)
            .max_size(max_side)
            .show(ui, |ui| articles::articles_ui(ui, state, out));
    }
    // With nothing selected Evidence is only a hint: a narrow panel of its own, so the
    // chart has the room (the full panel keeps the width the user gave it).
    let (id, width): (&str, f32) = if state.selection.transfers.is_empty() {
        ("evidence_hint", 190.0)
    } else {
        ("evidence", 400.0)
    };
    // The central view keeps room for the table's frozen columns and a chart: in a narrow
    // window Evidence gives way (else the view would spill under it).
    let evidence_max = (ui.available_width() - MIN_CENTRAL_WIDTH).clamp(180.0, max_side);
    if shown(SidePanel::Evidence) {
        egui::Panel::right(id)
            .resizable(true)
            .default_size(width.min(evidence_max))
            .max_size(evidence_max)
            .show(ui, |ui| evidence::evidence_ui(ui, state, gazetteer, out));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(job) = state.loading.as_ref().filter(|j| j.shows_progress()) {
            loading::loading_ui(ui, job, out);
        }
        if let Some(target) = state.reader {
            reader::reader_ui(ui, state, caches, target, out);
            return;
        }
        ui.horizontal(|ui| {
            for tab in Tab::all() {
                if ui
                    .selectable_label(state.settings.tab == tab, tab.title())
                    .clicked()
                {
                    out.push(Command::SetTab(tab));
                }
            }
        });
        ui.separator();
        if state.data.dataset.transfers.is_empty() {
            let message = if state.loading.is_some() {
                "Reading the folder…"
            } else if state.data.dataset.articles.is_empty() {
                "No articles in this folder: ArmsFlow reads .txt, .md, .html, .mhtml and .pdf files."
            } else {
                "No transfers were found in these articles."
            };
            ui.centered_and_justified(|ui| ui.label(message));
            return;
        }
        if state.views.visible.is_empty() {
            no_matches_ui(ui, out);
            return;
        }
        match state.settings.tab {
            Tab::Chart(kind) => chart_panel(kind)(ui, state, caches, out),
            Tab::Table => {
                if export_window::export_shortcut(ui) {
                    out.push(Command::OpenExport(ExportTarget::Data));
                }
                table::table_ui(ui, state, caches, out);
            }
            Tab::Review => review::review_ui(ui, state, gazetteer, out),
        }
    });
}

/// The narrowest the central view is made by the side panels, in points: the table's
/// frozen columns and a sideways-scrolling part.
const MIN_CENTRAL_WIDTH: f32 = 450.0;

/// What every view shows when the filters leave nothing: a plain statement and the way out.
fn no_matches_ui(ui: &mut egui::Ui, out: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.label(egui::RichText::new("No transfers match these filters").heading());
        if ui.button("Clear filters").clicked() {
            out.push(Command::ClearFilters);
        }
    });
}

/// A chart's panel: draws the chart from the state and pushes what the user does.
type ChartPanel = fn(&mut egui::Ui, &AppState, &mut ViewCaches, &mut Vec<Command>);

/// Each chart's panel, registered once beside the chart's own registration in
/// [`crate::chart::CHARTS`].
const CHART_PANELS: &[(ChartKind, ChartPanel)] = &[
    (ChartKind::TIMELINE, timeline::timeline_ui),
    (ChartKind::FLOW, flow::flow_ui),
    (ChartKind::MAP, map::map_ui),
];

/// The panel of chart `kind` (the first one's when none is registered, which the test
/// `every_chart_has_a_panel` rules out).
fn chart_panel(kind: ChartKind) -> ChartPanel {
    CHART_PANELS
        .iter()
        .find(|(k, _)| *k == kind)
        .or(CHART_PANELS.first())
        .map_or(table_panel, |&(_, panel)| panel)
}

/// Shown only if no chart panel is registered at all.
fn table_panel(
    ui: &mut egui::Ui,
    state: &AppState,
    caches: &mut ViewCaches,
    out: &mut Vec<Command>,
) {
    table::table_ui(ui, state, caches, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_has_a_panel() {
        for chart in crate::chart::CHARTS {
            assert!(
                CHART_PANELS.iter().any(|(k, _)| *k == chart.kind()),
                "{} has no panel in CHART_PANELS",
                chart.kind().name()
            );
        }
    }
}
