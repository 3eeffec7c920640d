use super::{date_label, quantity_label, transfer_label};
use crate::app::{AppState, Command};
use crate::chart::status_color;
use crate::dataset::Status;
use crate::view::{LaneMode, lanes};
use egui_plot::{GridMark, Line, MarkerShape, Plot, PlotPoint, Points};
use jiff::civil::Date;

/// Day numbers on the x axis count from this day.
const EPOCH: Date = jiff::civil::date(1970, 1, 1);
/// Pointer distance (pixels) within which a mark counts as hovered.
const HOVER_RADIUS: f32 = 10.0;
/// Above this many marks, per-mark accessible elements are not created (the plot itself
/// stays usable; the table lists every report).
const MAX_ACCESSIBLE_MARKS: usize = 400;

fn day_number(d: Date) -> f64 {
    EPOCH.until(d).map_or(0.0, |s| f64::from(s.get_days()))
}

fn date_of(day: f64) -> Option<Date> {
    let days = day.round() as i64;
    EPOCH.checked_add(jiff::Span::new().days(days)).ok()
}

fn marker(status: Status) -> MarkerShape {
    match status {
        Status::Requested => MarkerShape::Up,
        Status::Negotiating => MarkerShape::Right,
        Status::Agreed => MarkerShape::Square,
        Status::Planned => MarkerShape::Diamond,
        Status::Delivered => MarkerShape::Circle,
        Status::Refused => MarkerShape::Down,
        Status::Cancelled => MarkerShape::Cross,
        Status::Denied => MarkerShape::Asterisk,
        Status::Unknown => MarkerShape::Plus,
    }
}

/// The marker as a character, for the legend row.
fn marker_glyph(status: Status) -> &'static str {
    match marker(status) {
        MarkerShape::Circle => "●",
        MarkerShape::Diamond => "◆",
        MarkerShape::Square => "■",
        MarkerShape::Cross => "✕",
        MarkerShape::Plus => "+",
        MarkerShape::Up => "▲",
        MarkerShape::Down => "▼",
        MarkerShape::Left => "◀",
        MarkerShape::Right => "▶",
        MarkerShape::Asterisk => "✱",
    }
}

fn color(status: Status) -> egui::Color32 {
    let [r, g, b, _] = status_color(status).0;
    egui::Color32::from_rgb(r, g, b)
}

/// Grid lines on calendar boundaries (days, weeks, months, quarters, years), spaced so their
/// date labels fit: egui_plot hides labels closer than about 80 points.
fn date_grid(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (Some(start), Some(end)) = (date_of(lo), date_of(hi)) else {
        return Vec::new();
    };
    // base_step_size is the plot's smallest grid step (8 points): ten of them fit a label.
    let need = input.base_step_size * 10.0;
    let months: Option<i8> = [1_i8, 3, 6]
        .into_iter()
        .find(|m| f64::from(*m) * 30.4 >= need);
    let mut marks = Vec::new();
    if need <= 7.0 {
        let step = if need <= 1.0 { 1.0 } else { 7.0 };
        let mut x = (lo / step).ceil() * step;
        while x <= hi && marks.len() < 400 {
            marks.push(GridMark {
                value: x,
                step_size: step,
            });
            x += step;
        }
    } else if let Some(step) = months.filter(|_| need > 7.0) {
        let mut d = start.first_of_month();
        while d <= end && marks.len() < 400 {
            if d >= start && (d.month() - 1) % step == 0 {
                marks.push(GridMark {
                    value: day_number(d),
                    step_size: 30.4 * f64::from(step),
                });
            }
            match d.checked_add(jiff::Span::new().months(1)) {
                Ok(next) => d = next,
                Err(_) => break,
            }
        }
    } else {
        let years = [1_i16, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|y| f64::from(*y) * 365.25 >= need)
            .unwrap_or(100);
        let mut y = start.year() - start.year().rem_euclid(years);
        while let Ok(d) = Date::new(y, 1, 1) {
            if d > end || marks.len() > 400 {
                break;
            }
            if d >= start {
                marks.push(GridMark {
                    value: day_number(d),
                    step_size: 365.25 * f64::from(years),
                });
            }
            y += years;
        }
    }
    marks
}

/// One mark: a reported transfer at its date in its lane.
struct Mark {
    transfer: usize,
    lane: usize,
    x: f64,
    from: f64,
    to: f64,
}

/// Reports over time: one lane per pair (or supplier), a mark per report at its event date
/// (a span for month, year or range precision), shape and colour by status. Undated reports
/// are listed under the plot.
pub fn timeline_ui(ui: &mut egui::Ui, state: &AppState, out: &mut Vec<Command>) {
    let d = &state.dataset;
    let mut reset = false;
    ui.horizontal(|ui| {
        ui.label("Lanes:");
        for (mode, name) in [
            (LaneMode::Pair, "supplier → recipient"),
            (LaneMode::Supplier, "supplier"),
        ] {
            if ui.radio(state.settings.lane_mode == mode, name).clicked() {
                out.push(Command::SetLaneMode(mode));
            }
        }
        ui.separator();
        reset = ui
            .button("Reset view")
            .on_hover_text("Show every mark (or double-click the plot)")
            .clicked();
        ui.label(egui::RichText::new("Scroll to zoom, drag to pan").weak());
    });
    let (dated, undated): (Vec<usize>, Vec<usize>) = state.visible.iter().partition(|&&i| {
        state
            .index
            .transfer_dates
            .get(i)
            .is_some_and(Option::is_some)
    });
    let lanes = lanes(d, &dated, state.settings.lane_mode);
    let marks: Vec<Mark> = lanes
        .lane_of
        .iter()
        .filter_map(|&(t, lane)| {
            let when = state.index.transfer_dates.get(t).copied().flatten()?.when;
            let from = day_number(when.from);
            // A span covers its last day too.
            let to = day_number(when.to) + 1.0;
            Some(Mark {
                transfer: t,
                lane,
                x: day_number(when.middle()),
                from,
                to,
            })
        })
        .collect();
    // Legend: the statuses on screen, with their marker and colour.
    ui.horizontal_wrapped(|ui| {
        ui.label("Status:");
        for status in Status::ALL {
            if marks
                .iter()
                .any(|m| d.transfers[m.transfer].status == status)
            {
                ui.label(egui::RichText::new(marker_glyph(status)).color(color(status)));
                ui.label(status.as_str());
            }
        }
        ui.label(egui::RichText::new("— a bar is a month, year or range").weak());
    });
    let y_of = |lane: usize| -(lane as f64);
    let undated_height = if undated.is_empty() { 0.0 } else { 70.0 };
    let plot_height = (ui.available_height() - undated_height).max(160.0);
    let labels = lanes.labels.clone();
    let label_width = labels
        .iter()
        .map(|l| super::EguiMeasure(ui.ctx()).width_of(l))
        .fold(60.0_f32, f32::max)
        .min(320.0);
    let mut plot = Plot::new("timeline")
        .height(plot_height)
        .allow_zoom([true, false])
        .allow_scroll([true, true])
        .allow_drag([true, true])
        .show_grid([true, false])
        .y_axis_min_width(label_width + 8.0)
        .x_axis_formatter(|mark: GridMark, _range| {
            let Some(date) = date_of(mark.value) else {
                return String::new();
            };
            if mark.step_size >= 365.0 {
                date.strftime("%Y").to_string()
            } else if mark.step_size >= 28.0 {
                date.strftime("%Y-%m").to_string()
            } else {
                date.to_string()
            }
        })
        .x_grid_spacer(date_grid)
        .y_axis_formatter(move |mark: GridMark, _| {
            let lane = -mark.value;
            if (lane - lane.round()).abs() > 1e-6 || lane < 0.0 {
                return String::new();
            }
            labels
                .get(lane.round() as usize)
                .cloned()
                .unwrap_or_default()
        })
        .y_grid_spacer(|input| {
            let (lo, hi) = input.bounds;
            let (lo, hi) = (lo.ceil() as i64, hi.floor() as i64);
            (lo..=hi)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .label_formatter(|_| None);
    // Lanes at least 26 points apart, so every lane label shows; when there are more lanes
    // than fit, the busiest show first and dragging or scrolling reaches the others.
    let lanes_fit = ((plot_height - 40.0) / 26.0).floor().max(3.0) as usize;
    let shown = lanes.labels.len().min(lanes_fit).max(1);
    plot = plot.default_y_bounds(-(shown as f64) + 0.5, 0.5);
    if reset {
        plot = plot.reset();
    }
    let response = plot.show(ui, |plot_ui| {
        for status in Status::ALL {
            let ms: Vec<&Mark> = marks
                .iter()
                .filter(|m| d.transfers[m.transfer].status == status)
                .collect();
            if ms.is_empty() {
                continue;
            }
            for m in ms.iter().filter(|m| m.to - m.from > 1.5) {
                plot_ui.line(
                    Line::new(
                        status.as_str(),
                        vec![[m.from, y_of(m.lane)], [m.to, y_of(m.lane)]],
                    )
                    .color(color(status).gamma_multiply(0.6))
                    .width(4.0),
                );
            }
            let points: Vec<[f64; 2]> = ms.iter().map(|m| [m.x, y_of(m.lane)]).collect();
            plot_ui.points(
                Points::new(status.as_str(), points)
                    .shape(marker(status))
                    .color(color(status))
                    .filled(true)
                    .radius(6.0),
            );
        }
    });
    let transform = response.transform;
    let screen = |m: &Mark| transform.position_from_point(&PlotPoint::new(m.x, y_of(m.lane)));
    let frame = *transform.frame();
    let nearest = |p: egui::Pos2| {
        marks
            .iter()
            .map(|m| (m, screen(m).distance(p)))
            .filter(|(_, dist)| *dist <= HOVER_RADIUS)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(m, _)| m)
    };
    let describe = |m: &Mark| {
        let t = &d.transfers[m.transfer];
        let source = state
            .index
            .transfer_article
            .get(m.transfer)
            .copied()
            .flatten()
            .and_then(|a| d.articles.get(a))
            .map_or_else(String::new, |a| {
                format!(
                    "{} ({})",
                    a.title,
                    a.outlet.as_deref().unwrap_or("outlet unknown")
                )
            });
        format!(
            "{}\nQuantity: {}\nStatus: {}\nDate: {}\nSource: {source}",
            transfer_label(t),
            quantity_label(t.quantity),
            t.status,
            date_label(
                state
                    .index
                    .transfer_dates
                    .get(m.transfer)
                    .and_then(Option::as_ref)
            ),
        )
    };
    let select = |m: &Mark, out: &mut Vec<Command>| {
        let t = &d.transfers[m.transfer];
        out.push(Command::Select {
            transfers: vec![m.transfer],
            label: transfer_label(t),
        });
    };
    if let Some(m) = response.response.hover_pos().and_then(nearest) {
        let text = describe(m);
        let plot_response = response.response.clone();
        plot_response.on_hover_text_at_pointer(text);
    }
    if response.response.clicked()
        && let Some(m) = response.response.interact_pointer_pos().and_then(nearest)
    {
        select(m, out);
    }
    // Accessible elements for the marks in view, so screen readers and tests find them.
    if marks.len() <= MAX_ACCESSIBLE_MARKS {
        for m in &marks {
            let c = screen(m);
            if !frame.contains(c) {
                continue;
            }
            let r = egui::Rect::from_center_size(c, egui::vec2(8.0, 8.0));
            let id = ui.scope_id().with(("timeline_mark", m.transfer));
            let mark_response = ui.interact(r, id, egui::Sense::click());
            let label = describe(m).replace('\n', "; ");
            mark_response
                .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if mark_response.clicked() {
                select(m, out);
            }
        }
    }
    if !undated.is_empty() {
        ui.label(
            egui::RichText::new(format!(
                "Undated ({}): no date in the text or the article",
                undated.len()
            ))
            .strong(),
        );
        egui::ScrollArea::horizontal()
            .id_salt("undated_strip")
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    for &i in &undated {
                        let t = &d.transfers[i];
                        let text = egui::RichText::new(transfer_label(t)).color(color(t.status));
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
}
