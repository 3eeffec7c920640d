use super::{
    Anchor, HitRegion, HitShape, LegendEntry, Pos, Primitive, Rect, Rgba, Scene, Swatch,
    TextMeasure, Theme, fit_text, layout_legend, status_color,
};
use super::{Chart, ChartData, ChartKind, ChartStyle};
use crate::dataset::Status;
use crate::dates::Precision;
use crate::model::ReviewState;
use crate::view::{TimelineData, TimelineMark};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::ops::Range;

/// Day numbers count from this day.
const EPOCH: Date = jiff::civil::date(1970, 1, 1);
const MARGIN: f32 = 12.0;
const LABEL_GAP: f32 = 8.0;
const MARKER_RADIUS: f32 = 6.0;
/// Height of the bar that stands for a month, a year or a range.
const SPAN_HEIGHT: f32 = 8.0;
/// Most grid lines drawn, whatever the zoom.
const MAX_TICKS: usize = 400;

/// Days since 1970-01-01 (the timeline's x unit).
pub fn day_number(d: Date) -> f64 {
    // A civil duration is arithmetic on day numbers; a calendar span would cost a hundred
    // times more, and this runs for every mark drawn.
    (EPOCH.duration_until(d).as_secs() / 86_400) as f64
}

/// The day a day number falls on.
pub fn date_of_day(day: f64) -> Option<Date> {
    let days = day.floor();
    if !days.is_finite() || days.abs() > 3.0e6 {
        return None;
    }
    EPOCH.checked_add(jiff::Span::new().days(days as i64)).ok()
}

/// A span of the time axis in day numbers: `start` inclusive, `end` exclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayRange {
    /// First day shown.
    pub start: f64,
    /// End of the last day shown.
    pub end: f64,
}

impl DayRange {
    /// Length in days.
    pub fn len(&self) -> f64 {
        self.end - self.start
    }

    /// True when the range has no length.
    pub fn is_empty(&self) -> bool {
        self.len() <= 0.0
    }

    /// The range zoomed by `factor` (> 1 zooms in) around the day `at`.
    pub fn zoomed(&self, factor: f64, at: f64) -> Self {
        let factor = factor.clamp(0.05, 20.0);
        let len = (self.len() / factor).clamp(2.0, 365.25 * 500.0);
        let t = ((at - self.start) / self.len()).clamp(0.0, 1.0);
        let start = at - t * len;
        Self {
            start,
            end: start + len,
        }
    }

    /// The range moved by `days`.
    pub fn panned(&self, days: f64) -> Self {
        Self {
            start: self.start + days,
            end: self.end + days,
        }
    }
}

/// An interactive part of the Timeline chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TimelineTarget {
    /// A report's mark.
    Mark {
        /// Index into the dataset's transfers.
        transfer: usize,
        /// Index into that transfer's reports.
        report: usize,
    },
    /// A lane's label: index into the lanes.
    Lane(usize),
}

/// Everything the Timeline layout depends on besides the data.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChartOptions {
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels.
    pub height: f32,
    /// Colours.
    pub theme: Theme,
    /// Label size in pixels.
    pub font_size: f32,
    /// The days shown; `None` fits every mark.
    pub window: Option<DayRange>,
    /// The first lane shown (lanes beyond the height are reached by scrolling).
    pub first_lane: usize,
    /// The mark under the pointer: drawn larger.
    pub highlight: Option<TimelineTarget>,
    /// Selected transfers (sorted): outlined.
    pub selected: Vec<usize>,
}

impl Default for TimelineChartOptions {
    fn default() -> Self {
        Self {
            width: 900.0,
            height: 600.0,
            theme: Theme::Light,
            font_size: 13.0,
            window: None,
            first_lane: 0,
            highlight: None,
            selected: Vec::new(),
        }
    }
}

/// Where things ended up, for the panel that pans, zooms and scrolls the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineGeometry {
    /// The days shown.
    pub window: DayRange,
    /// The plot area (marks and grid) in scene pixels.
    pub plot: Rect,
    /// The lanes drawn.
    pub lanes_shown: Range<usize>,
    /// How many lanes fit at once.
    pub lanes_fit: usize,
}

impl TimelineGeometry {
    /// The day at scene x.
    pub fn day_at(&self, x: f32) -> f64 {
        let t = f64::from((x - self.plot.min.x) / self.plot.width().max(1.0));
        self.window.start + t * self.window.len()
    }

    /// Days per pixel.
    pub fn days_per_pixel(&self) -> f64 {
        self.window.len() / f64::from(self.plot.width().max(1.0))
    }
}

/// One calendar step between grid lines.
#[derive(Debug, Clone, Copy)]
enum Step {
    Days(i64),
    Months(i8),
    Years(i16),
}

impl Step {
    const ALL: [Step; 12] = [
        Step::Days(1),
        Step::Days(7),
        Step::Months(1),
        Step::Months(3),
        Step::Months(6),
        Step::Years(1),
        Step::Years(2),
        Step::Years(5),
        Step::Years(10),
        Step::Years(25),
        Step::Years(50),
        Step::Years(100),
    ];

    fn days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Months(m) => 30.44 * f64::from(m),
            Step::Years(y) => 365.25 * f64::from(y),
        }
    }

    fn label(self, d: Date) -> String {
        match self {
            Step::Days(_) => d.to_string(),
            Step::Months(_) => d.strftime("%Y-%m").to_string(),
            Step::Years(_) => d.year().to_string(),
        }
    }

    /// The grid days in `window`, first to last.
    fn ticks(self, window: DayRange) -> Vec<Date> {
        let (Some(first), Some(last)) = (date_of_day(window.start), date_of_day(window.end)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut d = match self {
            Step::Days(1) => first,
            // Weeks start on Monday.
            Step::Days(_) => first
                .checked_add(
                    jiff::Span::new()
                        .days((7 - i64::from(first.weekday().to_monday_zero_offset())) % 7),
                )
                .unwrap_or(first),
            Step::Months(_) => first.first_of_month(),
            Step::Years(y) => Date::new(first.year() - first.year().rem_euclid(y), 1, 1)
                .unwrap_or_else(|_| first.first_of_year()),
        };
        while d <= last && out.len() < MAX_TICKS {
            let on_grid = match self {
                Step::Months(m) => (d.month() - 1) % m == 0,
                _ => true,
            };
            if on_grid && d >= first {
                out.push(d);
            }
            let next = match self {
                Step::Days(n) => d.checked_add(jiff::Span::new().days(n)),
                Step::Months(_) => d.checked_add(jiff::Span::new().months(1)),
                Step::Years(y) => d.checked_add(jiff::Span::new().years(y)),
            };
            match next {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
        out
    }
}

/// The shape that stands for a status, drawn at `center` with radius `r`: the same in the
/// chart and its legend, and different per status so it reads without colour too.
pub fn status_marker(
    status: Status,
    center: Pos,
    r: f32,
    outline: Option<(Rgba, f32)>,
) -> Vec<Primitive> {
    let fill = status_color(status);
    let (x, y) = (center.x, center.y);
    let poly = |points: Vec<Pos>| Primitive::Polygon {
        points,
        fill,
        stroke: outline,
    };
    let cross = |a: [Pos; 2], b: [Pos; 2]| {
        let w = (r * 0.45).max(2.0);
        vec![
            Primitive::Line {
                points: a.to_vec(),
                color: fill,
                width: w,
            },
            Primitive::Line {
                points: b.to_vec(),
                color: fill,
                width: w,
            },
        ]
    };
    match status {
        Status::Delivered => vec![Primitive::Circle {
            center,
            radius: r,
            fill,
            stroke: outline,
        }],
        Status::Agreed => vec![Primitive::Rect {
            rect: Rect::from_xywh(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7),
            fill,
            stroke: outline,
        }],
        Status::Requested => vec![poly(vec![
            Pos::new(x, y - r),
            Pos::new(x + r, y + r * 0.8),
            Pos::new(x - r, y + r * 0.8),
        ])],
        Status::Refused => vec![poly(vec![
            Pos::new(x - r, y - r * 0.8),
            Pos::new(x + r, y - r * 0.8),
            Pos::new(x, y + r),
        ])],
        Status::Negotiating => vec![poly(vec![
            Pos::new(x - r * 0.8, y - r),
            Pos::new(x + r, y),
            Pos::new(x - r * 0.8, y + r),
        ])],
        Status::Planned => vec![poly(vec![
            Pos::new(x, y - r),
            Pos::new(x + r, y),
            Pos::new(x, y + r),
            Pos::new(x - r, y),
        ])],
        Status::Denied => vec![Primitive::Circle {
            center,
            radius: r * 0.8,
            fill: fill.with_alpha(0),
            stroke: Some((fill, (r * 0.4).max(2.0))),
        }],
        Status::Cancelled => cross(
            [Pos::new(x - r, y - r), Pos::new(x + r, y + r)],
            [Pos::new(x - r, y + r), Pos::new(x + r, y - r)],
        ),
        Status::Unknown => cross(
            [Pos::new(x - r, y), Pos::new(x + r, y)],
            [Pos::new(x, y - r), Pos::new(x, y + r)],
        ),
    }
}

/// A marker drawn for its review state: filled once reviewed and kept, hollow (an outline
/// in its colour) while no analyst has decided, faint when rejected; as drawn when the
/// folder has no review (`None`).
pub fn review_style(p: Primitive, review: Option<ReviewState>) -> Primitive {
    // The outline in the full colour: a marker that is already an outline (denied) stays
    // visible.
    let hollow = |fill: Rgba| (fill.with_alpha(0), Some((fill.with_alpha(255), 2.0)));
    match (review, p) {
        (
            Some(ReviewState::Machine),
            Primitive::Circle {
                center,
                radius,
                fill,
                ..
            },
        ) => {
            let (fill, stroke) = hollow(fill);
            Primitive::Circle {
                center,
                radius,
                fill,
                stroke,
            }
        }
        (Some(ReviewState::Machine), Primitive::Rect { rect, fill, .. }) => {
            let (fill, stroke) = hollow(fill);
            Primitive::Rect { rect, fill, stroke }
        }
        (Some(ReviewState::Machine), Primitive::Polygon { points, fill, .. }) => {
            let (fill, stroke) = hollow(fill);
            Primitive::Polygon {
                points,
                fill,
                stroke,
            }
        }
        (Some(ReviewState::Rejected), p) => faint(p),
        (_, p) => p,
    }
}

/// `p` at a quarter of its opacity.
fn faint(p: Primitive) -> Primitive {
    let f = |c: Rgba| c.with_alpha(60);
    match p {
        Primitive::Circle {
            center,
            radius,
            fill,
            stroke,
        } => Primitive::Circle {
            center,
            radius,
            fill: f(fill),
            stroke: stroke.map(|(c, w)| (f(c), w)),
        },
        Primitive::Rect { rect, fill, stroke } => Primitive::Rect {
            rect,
            fill: f(fill),
            stroke: stroke.map(|(c, w)| (f(c), w)),
        },
        Primitive::Polygon {
            points,
            fill,
            stroke,
        } => Primitive::Polygon {
            points,
            fill: f(fill),
            stroke: stroke.map(|(c, w)| (f(c), w)),
        },
        Primitive::Line {
            points,
            color,
            width,
        } => Primitive::Line {
            points,
            color: f(color),
            width,
        },
        p => p,
    }
}

/// The days that fit every mark, with a little room at both ends.
fn fit_window(data: &TimelineData) -> DayRange {
    let Some((first, last)) = data.extent else {
        // Nothing dated: show the current year's worth of days around 2024.
        let d = day_number(jiff::civil::date(2024, 1, 1));
        return DayRange {
            start: d,
            end: d + 365.0,
        };
    };
    let (lo, hi) = (day_number(first), day_number(last) + 1.0);
    let len = (hi - lo).max(30.0);
    let mid = (lo + hi) / 2.0;
    let pad = len * 0.04;
    DayRange {
        start: mid - len / 2.0 - pad,
        end: mid + len / 2.0 + pad,
    }
}

/// The Timeline chart: each report a mark on its date, in a lane per pair or supplier.
#[derive(Debug, Clone, Copy)]
pub struct TimelineChart;

impl ChartKind {
    /// The Timeline chart.
    pub const TIMELINE: ChartKind = ChartKind::new("timeline");
}

impl Chart for TimelineChart {
    fn kind(&self) -> ChartKind {
        ChartKind::TIMELINE
    }

    fn label(&self) -> &'static str {
        "Timeline"
    }

    fn default_title(&self) -> &'static str {
        "Reported arms transfers over time"
    }

    fn layout(
        &self,
        data: &ChartData<'_>,
        style: &ChartStyle,
        (width, height): (f32, f32),
        theme: Theme,
        measure: &dyn TextMeasure,
    ) -> Scene<()> {
        let timeline =
            crate::view::timeline_data(data.dataset, data.index, data.visible, style.lane_mode);
        let mut options = TimelineChartOptions::new(style, (width, height), theme);
        // A figure holds every lane: it grows taller (up to what an image can hold) rather
        // than leave lanes out; past that, its note says which lanes it shows.
        options.first_lane = 0;
        let all_lanes = height_for_all_lanes(&timeline, &options, measure);
        options.height = options.height.max(all_lanes.min(MAX_FIGURE_CHART_HEIGHT));
        layout_timeline_chart(&timeline, &options, measure)
            .0
            .into_drawing()
    }
}

impl TimelineChartOptions {
    /// The options of a chart `size` wide and high drawn in `style` and `theme`, nothing
    /// highlighted or selected: the one place the panel and a figure build them.
    pub fn new(style: &ChartStyle, (width, height): (f32, f32), theme: Theme) -> Self {
        Self {
            width,
            height,
            theme,
            font_size: super::CHART_TEXT_SIZE,
            window: style.timeline_window,
            first_lane: style.first_lane,
            highlight: None,
            selected: Vec::new(),
        }
    }
}

/// The tallest a Timeline in a figure grows: the figure's title and footer must still fit
/// in the largest image side ([`crate::export::MAX_SIDE`] is 16,384 px).
const MAX_FIGURE_CHART_HEIGHT: f32 = 15_000.0;

/// A line of text, the least height of a lane's row, and the axis's height.
fn row_metrics(options: &TimelineChartOptions) -> (f32, f32, f32) {
    let line = (options.font_size * 1.35).ceil();
    (line, (line + 8.0).max(22.0), line + 10.0)
}

/// The chart height at which every lane of `data` has a row of the least height.
fn height_for_all_lanes(
    data: &TimelineData,
    options: &TimelineChartOptions,
    measure: &dyn TextMeasure,
) -> f32 {
    let legend_height = draw_legend(&mut Vec::new(), data, options, measure);
    let (_, min_row, axis_height) = row_metrics(options);
    let lanes = data.lanes.labels.len().max(1) as f32;
    2.0 * MARGIN + legend_height + lanes * min_row + axis_height + 1.0
}

/// Lays out the Timeline: one lane per row (label on the left), a mark per dated report at
/// its date with shape and colour by status, a bar under it when the date is a month, a year
/// or a range; a status legend above, a calendar axis below. Lanes beyond the height are not
/// drawn (the caller scrolls with `first_lane`); the scene says how many there are.
pub fn layout_timeline_chart(
    data: &TimelineData,
    options: &TimelineChartOptions,
    measure: &dyn TextMeasure,
) -> (Scene<TimelineTarget>, TimelineGeometry) {
    let mut scene = Scene {
        width: options.width,
        height: options.height,
        background: options.theme.background(),
        primitives: Vec::new(),
        hits: Vec::new(),
    };
    let legend_height = draw_legend(&mut scene.primitives, data, options, measure);
    let layout = TimelineLayout::new(data, options, measure, legend_height);
    let geometry = layout.geometry();
    if data.marks.is_empty() {
        scene.primitives.push(layout.no_marks_message());
        return (scene, geometry);
    }
    let lane_hits = layout.draw_lanes(&mut scene.primitives);
    layout.draw_lanes_note(&mut scene.primitives);
    layout.draw_grid(&mut scene.primitives);
    layout.draw_threads(&mut scene.primitives);
    let mut hits = layout.draw_marks(&mut scene.primitives);
    // Marks drawn last are on top, so they are hit first; lane labels stay reachable.
    hits.reverse();
    hits.extend(lane_hits);
    scene.hits = hits;
    (scene, geometry)
}

/// The legend's entries: each status on the chart with its marker, then what a bar means and
/// what is left out.
fn legend_entries(data: &TimelineData, theme: Theme) -> Vec<LegendEntry> {
    let statuses = &data.statuses;
    let entry = |swatch, text: &str, color| LegendEntry {
        swatch,
        text: text.to_owned(),
        color,
    };
    let mut entries = Vec::new();
    if !statuses.is_empty() {
        entries.push(entry(Swatch::None, "Status:", theme.text()));
    }
    for s in statuses {
        entries.push(entry(Swatch::Marker(*s), s.as_str(), theme.text()));
    }
    if data
        .marks
        .iter()
        .any(|m| m.when.precision != Precision::Day)
    {
        entries.push(entry(
            Swatch::None,
            "a bar spans a month, year or range",
            theme.muted(),
        ));
    }
    if data.marks.iter().any(|m| m.review.is_some()) {
        entries.push(entry(
            Swatch::None,
            "filled: reviewed · hollow: not yet reviewed",
            theme.muted(),
        ));
    }
    if data.undated_reports > 0 {
        let n = data.undated_reports;
        let s = if n == 1 { "" } else { "s" };
        let note = format!("{n} undated report{s} not drawn");
        entries.push(entry(Swatch::None, &note, theme.muted()));
    }
    entries
}

/// Draws the legend along the top into `out` and returns the height it takes, gap included.
fn draw_legend(
    out: &mut Vec<Primitive>,
    data: &TimelineData,
    options: &TimelineChartOptions,
    measure: &dyn TextMeasure,
) -> f32 {
    // Entries wrap onto more rows when the width runs out.
    let (legend, height) = layout_legend(
        &legend_entries(data, options.theme),
        MARGIN,
        MARGIN,
        options.width - MARGIN,
        options.font_size,
        measure,
    );
    out.extend(legend);
    height + 10.0
}

/// The widest lane label (or the "lanes … of …" note), capped at a share of the chart width.
fn lane_label_width(
    data: &TimelineData,
    options: &TimelineChartOptions,
    measure: &dyn TextMeasure,
) -> f32 {
    let font = options.font_size;
    // Pair labels are long ("South Africa → Democratic Republic of the Congo"): up to 45%
    // of the width before they are shortened.
    let max_label = (options.width * 0.45).max(40.0);
    data.lanes
        .labels
        .iter()
        .map(|l| measure.width(l, font))
        .fold(measure.width("lanes 00–00 of 000", font), f32::max)
        .min(max_label)
}

/// The layout values every drawing step of the Timeline shares: where the plot is, how tall
/// a lane's row is, which lanes and days are shown.
struct TimelineLayout<'a> {
    data: &'a TimelineData,
    options: &'a TimelineChartOptions,
    measure: &'a dyn TextMeasure,
    /// Width left of the plot for lane labels.
    label_width: f32,
    /// Height under the plot for the calendar axis.
    axis_height: f32,
    /// The plot area (marks and grid).
    plot: Rect,
    /// Height of one lane's row.
    row: f32,
    /// How many lanes fit at once.
    lanes_fit: usize,
    /// The lanes drawn.
    lanes_shown: Range<usize>,
    /// The days shown.
    window: DayRange,
}

impl<'a> TimelineLayout<'a> {
    /// Places the areas under a legend `legend_height` tall: lane labels left, plot right,
    /// the axis under the plot; then the rows, the lanes that fit and the days shown.
    fn new(
        data: &'a TimelineData,
        options: &'a TimelineChartOptions,
        measure: &'a dyn TextMeasure,
        legend_height: f32,
    ) -> Self {
        let (line, min_row, axis_height) = row_metrics(options);
        let lane_count = data.lanes.labels.len();
        let label_width = lane_label_width(data, options, measure);
        let plot = Rect {
            min: Pos::new(MARGIN + label_width + LABEL_GAP, MARGIN + legend_height),
            max: Pos::new(
                (options.width - MARGIN).max(MARGIN + label_width + LABEL_GAP + 40.0),
                (options.height - MARGIN - axis_height).max(MARGIN + legend_height + line),
            ),
        };
        // Rows share the height when there are few lanes (up to a comfortable 40 px), and are
        // never shorter than a label.
        let row = (plot.height() / lane_count.max(1) as f32).clamp(min_row, min_row.max(40.0));
        let lanes_fit = ((plot.height() / row).floor() as usize).max(1);
        let first = options.first_lane.min(lane_count.saturating_sub(lanes_fit));
        let window = options
            .window
            .filter(|w| w.len() >= 1.0)
            .unwrap_or_else(|| fit_window(data));
        Self {
            data,
            options,
            measure,
            label_width,
            axis_height,
            plot,
            row,
            lanes_fit,
            lanes_shown: first..lane_count.min(first + lanes_fit),
            window,
        }
    }

    /// Where things ended up, for the panel.
    fn geometry(&self) -> TimelineGeometry {
        TimelineGeometry {
            window: self.window,
            plot: self.plot,
            lanes_shown: self.lanes_shown.clone(),
            lanes_fit: self.lanes_fit,
        }
    }

    /// A label at `pos` in the chart's font size.
    fn text(&self, pos: Pos, s: &str, color: Rgba, anchor: Anchor) -> Primitive {
        Primitive::Text {
            pos,
            text: s.to_owned(),
            size: self.options.font_size,
            color,
            anchor,
        }
    }

    /// The scene x of day number `day`.
    fn x_of(&self, day: f64) -> f32 {
        let (plot, window) = (self.plot, self.window);
        plot.min.x + ((day - window.start) / window.len()) as f32 * plot.width()
    }

    /// The scene y of the middle of `lane`'s row (a lane in `lanes_shown`).
    fn lane_y(&self, lane: usize) -> f32 {
        self.plot.min.y + (lane - self.lanes_shown.start) as f32 * self.row + self.row / 2.0
    }

    /// True when some lanes are not drawn, so the "lanes … of …" note is shown.
    fn has_lanes_note(&self) -> bool {
        self.lanes_shown.len() < self.data.lanes.labels.len()
    }

    /// The message drawn in the middle when there is no mark to draw.
    fn no_marks_message(&self) -> Primitive {
        let msg = if self.data.undated.is_empty() {
            "No transfers match the filters"
        } else {
            "No dated transfers match the filters"
        };
        let (width, height) = (self.options.width, self.options.height);
        let center = Pos::new(width / 2.0, height / 2.0);
        self.text(center, msg, self.options.theme.muted(), Anchor::Middle)
    }

    /// Draws the shown lanes' stripes and labels into `out`; returns the labels' hit regions.
    fn draw_lanes(&self, out: &mut Vec<Primitive>) -> Vec<HitRegion<TimelineTarget>> {
        let (plot, row, theme) = (self.plot, self.row, self.options.theme);
        let (font, measure) = (self.options.font_size, self.measure);
        let mut hits = Vec::new();
        for lane in self.lanes_shown.clone() {
            let y = self.lane_y(lane);
            if (lane - self.lanes_shown.start).is_multiple_of(2) {
                out.push(Primitive::Rect {
                    rect: Rect::from_xywh(plot.min.x, y - row / 2.0, plot.width(), row),
                    fill: theme.text().with_alpha(10),
                    stroke: None,
                });
            }
            let label = fit_text(
                &self.data.lanes.labels[lane],
                self.label_width,
                font,
                measure,
            );
            let w = measure.width(&label, font);
            let pos = Pos::new(plot.min.x - LABEL_GAP, y);
            out.push(self.text(pos, &label, theme.text(), Anchor::End));
            hits.push(self.lane_hit(lane, y, w));
        }
        hits
    }

    /// The hit region of `lane`'s label, `w` wide and ending at the plot, centred on `y`.
    fn lane_hit(&self, lane: usize, y: f32, w: f32) -> HitRegion<TimelineTarget> {
        let (plot, row) = (self.plot, self.row);
        let n = self.data.lanes.counts.get(lane).copied().unwrap_or(0);
        HitRegion {
            target: TimelineTarget::Lane(lane),
            shape: HitShape::Rect(Rect::from_xywh(
                plot.min.x - LABEL_GAP - w,
                y - row / 2.0,
                w,
                row,
            )),
            label: format!(
                "Lane {}: {n} report{}",
                self.data.lanes.labels[lane],
                if n == 1 { "" } else { "s" }
            ),
        }
    }

    /// Draws "lanes a–b of n" left of the axis when not every lane is shown.
    fn draw_lanes_note(&self, out: &mut Vec<Primitive>) {
        if !self.has_lanes_note() {
            return;
        }
        let shown = &self.lanes_shown;
        let pos = Pos::new(
            self.plot.min.x - LABEL_GAP,
            self.plot.max.y + self.axis_height / 2.0,
        );
        let note = format!(
            "lanes {}–{} of {}",
            shown.start + 1,
            shown.end,
            self.data.lanes.labels.len()
        );
        out.push(self.text(pos, &note, self.options.theme.muted(), Anchor::End));
    }

    /// The calendar grid's step: the finest whose labels do not touch.
    fn grid_step(&self) -> Step {
        let px_per_day = self.plot.width() as f64 / self.window.len();
        Step::ALL
            .into_iter()
            .find(|s| {
                let sample = s.label(jiff::civil::date(2000, 12, 28));
                let width = self.measure.width(&sample, self.options.font_size);
                f64::from(width + 16.0) <= s.days() * px_per_day
            })
            .unwrap_or(Step::Years(100))
    }

    /// Draws the calendar grid's lines and labels, then the axis line under the plot.
    fn draw_grid(&self, out: &mut Vec<Primitive>) {
        let (plot, theme, font) = (self.plot, self.options.theme, self.options.font_size);
        let step = self.grid_step();
        for d in step.ticks(self.window) {
            let x = self.x_of(day_number(d));
            out.push(Primitive::Line {
                points: vec![Pos::new(x, plot.min.y), Pos::new(x, plot.max.y)],
                color: theme.muted().with_alpha(70),
                width: 1.0,
            });
            let label = step.label(d);
            let half = self.measure.width(&label, font) / 2.0;
            // Labels that would cross the figure's edge are left out rather than clipped, and
            // so are those that would run into the "lanes 1–17 of 1406" note left of the axis.
            let left_limit = if self.has_lanes_note() {
                plot.min.x
            } else {
                MARGIN
            };
            if x - half >= left_limit && x + half <= self.options.width - MARGIN {
                let pos = Pos::new(x, plot.max.y + self.axis_height / 2.0 + 2.0);
                out.push(self.text(pos, &label, theme.text(), Anchor::Middle));
            }
        }
        out.push(Primitive::Line {
            points: vec![
                Pos::new(plot.min.x, plot.max.y),
                Pos::new(plot.max.x, plot.max.y),
            ],
            color: theme.muted(),
            width: 1.0,
        });
    }

    /// The marks of the lanes in view.
    fn shown_marks(&self) -> &'a [TimelineMark] {
        // Marks come lane by lane: the lanes in view are one slice of them.
        self.data.marks_in_lanes(self.lanes_shown.clone())
    }

    /// Draws the threads that join the reports of one transfer.
    fn draw_threads(&self, out: &mut Vec<Primitive>) {
        // A thin thread joins the reports of one transfer, oldest to newest, so a request, its
        // agreement and a denial read as one deal.
        let plot = self.plot;
        let mut threads: BTreeMap<usize, Vec<Pos>> = BTreeMap::new();
        for m in self.shown_marks() {
            let x = self.x_of(day_number(m.when.middle()) + 0.5);
            threads.entry(m.transfer).or_default().push(Pos::new(
                x.clamp(plot.min.x, plot.max.x),
                self.lane_y(m.lane),
            ));
        }
        for mut points in threads.into_values().filter(|p| p.len() > 1) {
            points.sort_by(|a, b| a.x.total_cmp(&b.x));
            points.dedup_by(|a, b| (a.x - b.x).abs() < 0.5);
            if points.len() > 1 {
                out.push(Primitive::Line {
                    points,
                    color: self.options.theme.muted(),
                    width: 1.5,
                });
            }
        }
    }

    /// True when the pointer is over a report of transfer `t`.
    fn is_lit(&self, t: usize) -> bool {
        matches!(self.options.highlight, Some(TimelineTarget::Mark { transfer, .. }) if transfer == t)
    }

    /// True when transfer `t` is selected.
    fn is_selected(&self, t: usize) -> bool {
        self.options.selected.binary_search(&t).is_ok()
    }

    /// Draws the shown marks into `out`, in drawing order; returns their hit regions in the
    /// same order.
    fn draw_marks(&self, out: &mut Vec<Primitive>) -> Vec<HitRegion<TimelineTarget>> {
        // Marks: spans first, markers on top; highlighted and selected ones last.
        // Hovering one report lights every report of its transfer.
        let mut order: Vec<&TimelineMark> = self.shown_marks().iter().collect();
        order.sort_by_key(|m| (self.is_lit(m.transfer), self.is_selected(m.transfer)));
        order
            .into_iter()
            .filter_map(|m| self.draw_mark(m, out))
            .collect()
    }

    /// Draws one mark (its span bar, then its marker) into `out`; returns its hit region, or
    /// nothing when no part of it is in the plot.
    fn draw_mark(
        &self,
        m: &TimelineMark,
        out: &mut Vec<Primitive>,
    ) -> Option<HitRegion<TimelineTarget>> {
        let from = self.x_of(day_number(m.when.from));
        let to = self.x_of(day_number(m.when.to) + 1.0);
        if to < self.plot.min.x || from > self.plot.max.x {
            return None;
        }
        let y = self.lane_y(m.lane);
        let mut bounds = self.draw_span(m, from, to, y, out);
        if let Some(marker) = self.draw_marker(m, y, out) {
            bounds = Some(bounds.map_or(marker, |b| Rect {
                min: Pos::new(b.min.x.min(marker.min.x), b.min.y.min(marker.min.y)),
                max: Pos::new(b.max.x.max(marker.max.x), b.max.y.max(marker.max.y)),
            }));
        }
        bounds.map(|b| HitRegion {
            target: TimelineTarget::Mark {
                transfer: m.transfer,
                report: m.report,
            },
            shape: HitShape::Rect(b),
            // Named on demand by the window (`view::report_label`): a label per mark
            // would cost more than the whole layout on a big dataset.
            label: String::new(),
        })
    }

    /// Draws the bar under a mark dated less precisely than a day, from scene x `from` to
    /// `to` at `y` and clipped to the plot, when it is wide enough to see; returns its rect.
    fn draw_span(
        &self,
        m: &TimelineMark,
        from: f32,
        to: f32,
        y: f32,
        out: &mut Vec<Primitive>,
    ) -> Option<Rect> {
        if m.when.precision == Precision::Day || to - from < 3.0 {
            return None;
        }
        let color = status_color(m.status);
        let emphasis = self.is_lit(m.transfer) || self.is_selected(m.transfer);
        let (a, b) = (from.max(self.plot.min.x), to.min(self.plot.max.x));
        let bar = Rect::from_xywh(a, y - SPAN_HEIGHT / 2.0, b - a, SPAN_HEIGHT);
        out.push(Primitive::Rect {
            rect: bar,
            fill: color.with_alpha(if emphasis { 200 } else { 110 }),
            stroke: Some((color, 1.0)),
        });
        Some(bar)
    }

    /// Draws a mark's status marker at its middle day on `y`, when that day is in the plot;
    /// returns the rect around it, with a little room to hit.
    fn draw_marker(&self, m: &TimelineMark, y: f32, out: &mut Vec<Primitive>) -> Option<Rect> {
        let mid = self.x_of(day_number(m.when.middle()) + 0.5);
        if !(self.plot.min.x..=self.plot.max.x).contains(&mid) {
            return None;
        }
        let lit = self.is_lit(m.transfer);
        let r = if lit {
            MARKER_RADIUS + 2.0
        } else {
            MARKER_RADIUS
        };
        let outline = if lit || self.is_selected(m.transfer) {
            Some((self.options.theme.text(), 2.0))
        } else {
            Some((self.options.theme.background(), 1.0))
        };
        let marker = status_marker(m.status, Pos::new(mid, y), r, outline);
        out.extend(marker.into_iter().map(|p| review_style(p, m.review)));
        // A ring around the selected transfer's marks: they stand out whatever their shape
        // and review style.
        if self.is_selected(m.transfer) {
            out.push(Primitive::Circle {
                center: Pos::new(mid, y),
                radius: r + 4.0,
                fill: self.options.theme.text().with_alpha(0),
                stroke: Some((self.options.theme.text(), 1.5)),
            });
        }
        Some(Rect::from_xywh(
            mid - r - 2.0,
            y - r - 2.0,
            2.0 * r + 4.0,
            2.0 * r + 4.0,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_marker_stays_visible_in_every_review_state() {
        for status in Status::ALL {
            for review in ReviewState::ALL {
                let marker = status_marker(status, Pos::new(10.0, 10.0), 5.0, None);
                let visible = marker
                    .into_iter()
                    .map(|p| review_style(p, Some(review)))
                    .any(|p| {
                        let opaque = |c: Rgba| c.0[3] > 0;
                        match p {
                            Primitive::Circle { fill, stroke, .. }
                            | Primitive::Rect { fill, stroke, .. }
                            | Primitive::Polygon { fill, stroke, .. } => {
                                opaque(fill) || stroke.is_some_and(|(c, w)| opaque(c) && w > 0.0)
                            }
                            Primitive::Line { color, .. } => opaque(color),
                            _ => false,
                        }
                    });
                assert!(visible, "{status:?} {review:?}");
            }
        }
    }
    use crate::chart::ApproxMeasure;
    use crate::dates::When;
    use crate::view::{Lanes, TimelineMark};
    use jiff::civil::date;

    fn mark(transfer: usize, lane: usize, when: When, status: Status) -> TimelineMark {
        TimelineMark {
            transfer,
            report: 0,
            lane,
            when,
            status,
            review: None,
        }
    }

    fn data() -> TimelineData {
        let day = |y, m, d| When {
            from: date(y, m, d),
            to: date(y, m, d),
            precision: Precision::Day,
        };
        TimelineData::new(
            Lanes {
                labels: vec![
                    "Democratic Republic of the Congo → Russia".into(),
                    "Egypt → Russia".into(),
                ],
                counts: vec![1, 2],
                lane_of: vec![(0, 0), (1, 1), (2, 1)],
            },
            vec![
                mark(0, 0, day(2023, 3, 5), Status::Delivered),
                mark(
                    1,
                    1,
                    When {
                        from: date(2022, 1, 1),
                        to: date(2022, 12, 31),
                        precision: Precision::Year,
                    },
                    Status::Agreed,
                ),
                mark(2, 1, day(2023, 6, 1), Status::Requested),
            ],
            vec![3],
            1,
        )
    }

    #[test]
    fn axis_labels_never_run_into_the_lanes_note() {
        let lanes = 40;
        let marks = (0..lanes)
            .flat_map(|lane| {
                [
                    // The window then starts just before 1 January 2018: its label sits at the
                    // plot's left edge, under the note.
                    mark(lane, lane, When::day(date(2018, 4, 6)), Status::Delivered),
                    mark(lane, lane, When::day(date(2024, 12, 20)), Status::Agreed),
                ]
            })
            .collect();
        let data = TimelineData::new(
            Lanes {
                labels: (0..lanes).map(|i| format!("Country {i} → Other")).collect(),
                counts: vec![2; lanes],
                lane_of: (0..lanes).map(|i| (i, i)).collect(),
            },
            marks,
            Vec::new(),
            0,
        );
        let options = TimelineChartOptions {
            height: 400.0,
            ..TimelineChartOptions::default()
        };
        let (scene, _) = layout_timeline_chart(&data, &options, &ApproxMeasure);
        let texts: Vec<(f32, f32, f32, &str)> = scene
            .primitives
            .iter()
            .filter_map(|p| match p {
                Primitive::Text {
                    pos, text, anchor, ..
                } => {
                    let w = ApproxMeasure.width(text, options.font_size);
                    let left = match anchor {
                        Anchor::Start => pos.x,
                        Anchor::Middle => pos.x - w / 2.0,
                        Anchor::End => pos.x - w,
                    };
                    Some((left, left + w, pos.y, text.as_str()))
                }
                _ => None,
            })
            .collect();
        let note = texts
            .iter()
            .find(|t| t.3.starts_with("lanes 1–"))
            .expect("the lanes note");
        for t in texts
            .iter()
            .filter(|t| t.3 != note.3 && (t.2 - note.2).abs() < 6.0)
        {
            assert!(t.0 >= note.1, "{t:?} runs into {note:?}");
        }
    }

    #[test]
    fn year_precision_is_a_span_and_every_mark_is_hit() {
        let options = TimelineChartOptions::default();
        let (scene, geo) = layout_timeline_chart(&data(), &options, &ApproxMeasure);
        assert_eq!(geo.lanes_shown, 0..2);
        for t in 0..3 {
            let region = scene
                .hits
                .iter()
                .find(
                    |h| matches!(h.target, TimelineTarget::Mark { transfer, .. } if transfer == t),
                )
                .expect("every mark has a hit region");
            assert!(scene.probe_point(region).is_some(), "mark {t} reachable");
        }
        // The year-long report is a bar about a year wide.
        let year_px = geo.plot.width() as f64 * 365.0 / geo.window.len();
        let bar = scene.primitives.iter().find_map(|p| match p {
            Primitive::Rect {
                rect,
                stroke: Some(_),
                ..
            } if rect.height() == SPAN_HEIGHT => Some(rect.width()),
            _ => None,
        });
        let bar = bar.expect("a span bar");
        assert!((f64::from(bar) - year_px).abs() < 3.0, "{bar} vs {year_px}");
    }

    #[test]
    fn long_lane_labels_stay_inside_the_chart() {
        for width in [320.0, 600.0, 1200.0] {
            let options = TimelineChartOptions {
                width,
                ..TimelineChartOptions::default()
            };
            let (scene, _) = layout_timeline_chart(&data(), &options, &ApproxMeasure);
            for p in &scene.primitives {
                if let Some((left, right)) = p.text_extent(&ApproxMeasure) {
                    assert!(
                        left >= 0.0 && right <= width + 0.5,
                        "{p:?} at {left}..{right} in {width}"
                    );
                }
            }
        }
    }

    #[test]
    fn zoom_keeps_the_day_under_the_pointer() {
        let r = DayRange {
            start: 0.0,
            end: 100.0,
        };
        let z = r.zoomed(2.0, 25.0);
        assert!((z.len() - 50.0).abs() < 1e-9);
        assert!(((25.0 - z.start) / z.len() - 0.25).abs() < 1e-9);
    }

    #[test]
    fn ticks_fall_on_calendar_boundaries() {
        let w = DayRange {
            start: day_number(date(2022, 2, 10)),
            end: day_number(date(2022, 8, 1)),
        };
        let months: Vec<String> = Step::Months(3)
            .ticks(w)
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(months, ["2022-04-01", "2022-07-01"]);
        let weeks = Step::Days(7).ticks(w);
        assert!(
            weeks
                .iter()
                .all(|d| d.weekday() == jiff::civil::Weekday::Monday)
        );
    }
}
