use super::ViewCaches;
use super::{paint_scene, radio_choice, transfer_label};
use crate::app::{AppState, Command, ExportTarget, TimelineView};
use crate::chart::{
    DayRange, Pos, Scene, TimelineChartOptions, TimelineGeometry, TimelineTarget, chart_measure,
    date_of_day, day_number, layout_timeline_chart, status_color,
};
use crate::export::ChartKind;
use crate::view::{LaneMode, TimelineData, report_label};
use egui_plot::{Bar, BarChart, GridMark, Plot, VLine};

/// Above this many hit regions, per-mark accessible elements are not created (the chart
/// stays usable; the table lists every report).
const MAX_ACCESSIBLE_MARKS: usize = 400;
/// Height of the reports-per-month overview above the chart.
const OVERVIEW_HEIGHT: f32 = 64.0;
/// Pixels of wheel scrolling per lane.
const SCROLL_PER_LANE: f32 = 24.0;

/// Reports over time: one lane per pair (or supplier), a mark per report at its event date
/// (a bar for month, year or range precision), shape and colour by status. The chart is laid
/// out by [`layout_timeline_chart`], the same layout the exporter writes. Above it, a
/// reports-per-month overview (click to move there); below it, the undated reports.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    // The panel signature every chart shares; the Timeline keeps nothing between frames.
    _caches: &mut ViewCaches,
    out: &mut Vec<Command>,
) {
    let view = state.timeline_view;
    let mut export = false;
    ui.horizontal(|ui| {
        ui.label("Lanes:");
        let modes = [
            (LaneMode::Pair, "supplier → recipient"),
            (LaneMode::Supplier, "supplier"),
        ];
        if let Some(mode) = radio_choice(ui, state.settings.lane_mode, &modes) {
            out.push(Command::SetLaneMode(mode));
        }
        ui.separator();
        export = super::export_window::export_button(ui);
        if ui
            .button("Fit all")
            .on_hover_text("Show every dated report (or double-click the chart)")
            .clicked()
        {
            out.push(Command::SetTimelineView(TimelineView::default()));
        }
        // Truncated, not wrapped or overflowing: a row wider than the panel would widen
        // the chart below past the panel's edge.
        ui.add(
            egui::Label::new(
                egui::RichText::new("Drag to pan · Ctrl+scroll to zoom · scroll for more lanes")
                    .weak(),
            )
            .truncate(),
        );
    });
    // Computed when the filters or lanes change, not every frame.
    let data = &state.views.timeline;
    let undated_height = if data.undated.is_empty() { 0.0 } else { 64.0 };
    let mut selected = state.selection.transfers.clone();
    selected.sort_unstable();
    let mut options = TimelineChartOptions::new(
        &state.chart_style(),
        (
            ui.available_width().max(300.0),
            (ui.available_height() - undated_height - OVERVIEW_HEIGHT - 8.0).max(180.0),
        ),
        state.settings.theme,
    );
    options.selected = selected;
    let measure = chart_measure();
    let (plain, geometry) = layout_timeline_chart(data, &options, measure);
    if export {
        out.push(Command::OpenExport(ExportTarget::Chart(
            ChartKind::TIMELINE,
        )));
    }
    overview_ui(ui, data, &geometry, view, out);

    let (rect, chart) = ui.allocate_exact_size(
        egui::vec2(plain.width, plain.height),
        egui::Sense::click_and_drag(),
    );
    let origin = rect.min.to_vec2();
    let to_scene = |p: egui::Pos2| Pos::new(p.x - origin.x, p.y - origin.y);
    let hovered = chart
        .hover_pos()
        .and_then(|p| plain.hit_test(to_scene(p)))
        .map(|h| h.target);
    let scene = if hovered.is_some() {
        options.highlight = hovered;
        layout_timeline_chart(data, &options, measure).0
    } else {
        plain
    };
    paint_scene(ui.painter(), &scene, origin);
    if let Some(h) = hovered.and_then(|t| scene.hits.iter().find(|h| h.target == t)) {
        let text = format!("{}\nClick to select", hit_label(state, h));
        chart.clone().on_hover_text_at_pointer(text);
    }
    navigate(ui, &chart, &geometry, data, view, out);
    let mut clicked = chart
        .clicked()
        .then(|| chart.interact_pointer_pos())
        .flatten()
        .and_then(|p| scene.hit_test(to_scene(p)))
        .map(|h| h.target);
    if scene.hits.len() <= MAX_ACCESSIBLE_MARKS {
        clicked = accessible_marks(ui, state, &scene, origin).or(clicked);
    }
    if let Some(target) = clicked {
        select(state, data, target, out);
    }
    undated_ui(ui, state, data, out);
}

/// Drag pans the days, Ctrl+scroll (or pinch) zooms around the pointer, the wheel scrolls
/// lanes, a double-click fits everything again.
fn navigate(
    ui: &egui::Ui,
    chart: &egui::Response,
    geometry: &TimelineGeometry,
    data: &TimelineData,
    view: TimelineView,
    out: &mut Vec<Command>,
) {
    if chart.double_clicked() {
        out.push(Command::SetTimelineView(TimelineView::default()));
        return;
    }
    let mut window = geometry.window;
    let mut first_lane = geometry.lanes_shown.start;
    if chart.dragged() {
        window = window.panned(-f64::from(chart.drag_delta().x) * geometry.days_per_pixel());
    }
    if chart.hovered() {
        let (zoom, scroll) = ui.input(|i| {
            // Whole wheel steps, not egui's smoothed delta: one notch moves one lane.
            let mut wheel = egui::Vec2::ZERO;
            for e in &i.raw.events {
                if let egui::Event::MouseWheel { unit, delta, .. } = e {
                    wheel += match unit {
                        egui::MouseWheelUnit::Point => *delta,
                        egui::MouseWheelUnit::Line => *delta * SCROLL_PER_LANE,
                        egui::MouseWheelUnit::Page => *delta * SCROLL_PER_LANE * 10.0,
                    };
                }
            }
            let wheel = if i.modifiers.command {
                egui::Vec2::ZERO
            } else {
                wheel
            };
            (i.zoom_delta(), wheel)
        });
        if (zoom - 1.0).abs() > 1e-3
            && let Some(p) = chart.hover_pos()
        {
            let at = geometry.day_at(p.x - chart.rect.min.x);
            window = window.zoomed(f64::from(zoom), at);
        } else if scroll.y != 0.0 {
            let lanes = (scroll.y.abs() / SCROLL_PER_LANE).ceil() as usize;
            let last = data.lanes.labels.len().saturating_sub(geometry.lanes_fit);
            first_lane = if scroll.y > 0.0 {
                first_lane.saturating_sub(lanes)
            } else {
                (first_lane + lanes).min(last)
            };
        } else if scroll.x != 0.0 {
            window = window.panned(-f64::from(scroll.x) * geometry.days_per_pixel());
        }
    }
    let moved = window != geometry.window;
    if moved || first_lane != geometry.lanes_shown.start {
        out.push(Command::SetTimelineView(TimelineView {
            // Until the user moves the days, keep fitting every mark as the data changes.
            window: if moved { Some(window) } else { view.window },
            first_lane,
        }));
    }
}

/// One accessible element per mark and lane label, so screen readers and tests can find
/// and press them. Returns what was pressed.
fn accessible_marks(
    ui: &mut egui::Ui,
    state: &AppState,
    scene: &Scene<TimelineTarget>,
    origin: egui::Vec2,
) -> Option<TimelineTarget> {
    let mut clicked = None;
    for hit in scene.hits.iter().rev() {
        let Some(p) = scene.probe_point(hit) else {
            continue;
        };
        let r = egui::Rect::from_center_size(egui::pos2(p.x, p.y) + origin, egui::vec2(6.0, 6.0));
        let id = ui.scope_id().with(("timeline_hit", hit.target));
        let response = ui.interact(r, id, egui::Sense::click());
        let label = hit_label(state, hit).replace('\n', "; ");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            clicked = Some(hit.target);
        }
    }
    clicked
}

fn select(state: &AppState, data: &TimelineData, target: TimelineTarget, out: &mut Vec<Command>) {
    match target {
        TimelineTarget::Mark { transfer: i, .. } => {
            if let Some(t) = state.data.dataset.transfers.get(i) {
                out.push(Command::Select {
                    transfers: vec![i],
                    label: transfer_label(t),
                });
            }
        }
        TimelineTarget::Lane(lane) => {
            let mut transfers: Vec<usize> = data
                .marks_in_lanes(lane..lane + 1)
                .iter()
                .map(|m| m.transfer)
                .collect();
            // A transfer has a mark per report.
            transfers.sort_unstable();
            transfers.dedup();
            if let Some(label) = data.lanes.labels.get(lane) {
                out.push(Command::Select {
                    transfers,
                    label: label.clone(),
                });
            }
        }
    }
}

/// Reports per month over every dated report, with the days in view marked; a click moves
/// the chart there.
fn overview_ui(
    ui: &mut egui::Ui,
    data: &TimelineData,
    geometry: &TimelineGeometry,
    view: TimelineView,
    out: &mut Vec<Command>,
) {
    let bars: Vec<Bar> = data
        .per_month
        .iter()
        .map(|&(month, n)| Bar::new(day_number(month) + 15.0, f64::from(n)).width(26.0))
        .collect();
    let color = {
        let [r, g, b, _] = status_color(crate::dataset::Status::Agreed).0;
        egui::Color32::from_rgb(r, g, b)
    };
    let window = geometry.window;
    let response = Plot::new("timeline_overview")
        .height(OVERVIEW_HEIGHT)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_y(false)
        .show_axes([true, false])
        .show_grid([false, false])
        .include_y(0.0)
        .x_grid_spacer(calendar_marks)
        .x_axis_formatter(|mark: GridMark, _| {
            date_of_day(mark.value).map_or_else(String::new, |d| {
                if mark.step_size >= 300.0 {
                    d.year().to_string()
                } else {
                    d.strftime("%Y-%m").to_string()
                }
            })
        })
        .label_formatter(|hover| {
            let (egui_plot::HoverPosition::NearDataPoint { position, .. }
            | egui_plot::HoverPosition::Elsewhere { position }) = hover;
            date_of_day(position.x).map(|d| d.strftime("%Y-%m").to_string())
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("Reports per month", bars).color(color));
            for (name, x) in [("In view from", window.start), ("In view to", window.end)] {
                plot.vline(VLine::new(name, x).color(egui::Color32::GRAY));
            }
        });
    if response.response.clicked()
        && let Some(p) = response.response.interact_pointer_pos()
    {
        let day = response.transform.value_from_position(p).x;
        let centre = (window.start + window.end) / 2.0;
        out.push(Command::SetTimelineView(TimelineView {
            window: Some(DayRange::panned(&window, day - centre)),
            first_lane: view.first_lane,
        }));
    }
}

/// The overview's axis marks on the calendar: every New Year's Day, and every quarter when
/// the strip covers a few years, so two years of data show both years.
fn calendar_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (Some(first), Some(last)) = (date_of_day(input.bounds.0), date_of_day(input.bounds.1))
    else {
        return Vec::new();
    };
    let quarters = last.year() - first.year() <= 4;
    let mut marks = Vec::new();
    for year in first.year()..=last.year() {
        for month in [1, 4, 7, 10] {
            if month > 1 && !quarters {
                continue;
            }
            let Ok(day) = jiff::civil::Date::new(year, month, 1) else {
                continue;
            };
            let value = day_number(day);
            if (input.bounds.0..=input.bounds.1).contains(&value) {
                let step_size = if month == 1 { 365.0 } else { 91.0 };
                marks.push(GridMark { value, step_size });
            }
        }
    }
    marks
}

/// The reports with no date at all, as buttons that select them.
fn undated_ui(ui: &mut egui::Ui, state: &AppState, data: &TimelineData, out: &mut Vec<Command>) {
    if data.undated.is_empty() {
        return;
    }
    // Counts that add up to the legend's "N undated reports not drawn".
    let listed: usize = data
        .undated
        .iter()
        .filter_map(|&i| state.data.dataset.transfers.get(i))
        .map(|t| t.reports.len())
        .sum();
    let (m, plural) = (
        data.undated.len(),
        if data.undated.len() == 1 { "" } else { "s" },
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "Undated: {m} transfer{plural} ({listed} report{}) with no date in the text or \
                 the article",
                if listed == 1 { "" } else { "s" }
            ))
            .strong(),
        );
        let elsewhere = data.undated_reports.saturating_sub(listed);
        if elsewhere > 0 {
            ui.label(
                egui::RichText::new(format!(
                    "and {elsewhere} undated report{} of transfers drawn above",
                    if elsewhere == 1 { "" } else { "s" }
                ))
                .weak(),
            );
        }
    });
    egui::ScrollArea::horizontal()
        .id_salt("undated_strip")
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                for &i in &data.undated {
                    let Some(t) = state.data.dataset.transfers.get(i) else {
                        continue;
                    };
                    let [r, g, b, _] = status_color(t.status).0;
                    let text = egui::RichText::new(transfer_label(t))
                        .color(egui::Color32::from_rgb(r, g, b));
                    if ui
                        .button(text)
                        .on_hover_text(format!("Status: {}", t.status))
                        .clicked()
                    {
                        out.push(Command::Select {
                            transfers: vec![i],
                            label: transfer_label(t),
                        });
                    }
                }
            });
        });
}

/// What a hit region says: a report's facts (made now, for this one mark) or a lane's label.
fn hit_label(state: &AppState, hit: &crate::chart::HitRegion<TimelineTarget>) -> String {
    match hit.target {
        TimelineTarget::Mark { transfer, report } => {
            report_label(&state.data.dataset, &state.data.index, transfer, report)
        }
        TimelineTarget::Lane(_) => hit.label.clone(),
    }
}
