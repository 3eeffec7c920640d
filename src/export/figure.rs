use crate::chart::{
    Anchor, ChartData, ChartKind, ChartStyle, LegendEntry, Pos, Primitive, Scene, Swatch,
    TextMeasure, Theme, fit_text, layout_legend,
};
use crate::dataset::Dataset;
use crate::view::DatasetIndex;
use jiff::civil::Date;

const MARGIN: f32 = 16.0;
const TITLE_SIZE: f32 = 18.0;
const NOTE_SIZE: f32 = 12.0;

/// What to export: a chart at a size with a title.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRequest {
    /// Which chart.
    pub chart: ChartKind,
    /// How it is drawn.
    pub style: ChartStyle,
    /// Width of the whole figure in pixels (at scale 1).
    pub width: f32,
    /// Height of the whole figure in pixels (at scale 1).
    pub height: f32,
    /// Light (default) or dark.
    pub theme: Theme,
    /// The title line.
    pub title: String,
    /// The source line as the user edited it; `None` for [`default_source_line`].
    pub source_line: Option<String>,
}

/// The data a figure shows and where it came from, for its source line.
#[derive(Debug, Clone, Copy)]
pub struct FigureSource<'a> {
    /// The folder's data.
    pub dataset: &'a Dataset,
    /// Lookups over `dataset`.
    pub index: &'a DatasetIndex,
    /// The transfers that pass the filters.
    pub visible: &'a [usize],
    /// The active filters in words (empty: none).
    pub filters: &'a [String],
    /// The folder, as named in the source line.
    pub folder: &'a str,
    /// The day of the export.
    pub date: Date,
}

/// How a folder is named in a figure's source line: its name, never a path of the user's
/// machine (the path as given when it has no name, such as `/`).
pub fn folder_label(folder: &std::path::Path) -> String {
    let resolved = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    resolved.file_name().map_or_else(
        || resolved.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A figure's source line unless the user writes another: "Source: 12 articles in FOLDER,
/// extracted by ArmsFlow on 2026-11-21" (and how many reports were reviewed, when the folder
/// has a review).
pub fn default_source_line(source: &FigureSource<'_>) -> String {
    let n = source.dataset.articles.len();
    // With filters, how many of the folder's articles report what the figure shows.
    let articles = if source.filters.is_empty() {
        format!("{n} article{}", if n == 1 { "" } else { "s" })
    } else {
        let mut shown: Vec<usize> = source
            .visible
            .iter()
            .filter_map(|&t| source.index.transfer_articles.get(t))
            .flatten()
            .copied()
            .collect();
        shown.sort_unstable();
        shown.dedup();
        format!("{} of {n} articles", shown.len())
    };
    format!(
        "Source: {articles} in {}, extracted by ArmsFlow on {}{}",
        source.folder,
        source.date,
        reviewed_note(source)
    )
}

/// Lays out a whole figure: the title, the chart exactly as the app lays it out (legend
/// included), the active filters in words and the source line ("Source: 12 articles in
/// FOLDER, extracted by ArmsFlow on 2026-11-21"). The figure is `width` × `height`, or
/// taller if the Flow chart needs more room for its labels.
pub fn layout_figure(
    request: &FigureRequest,
    source: &FigureSource<'_>,
    measure: &dyn TextMeasure,
) -> Scene<()> {
    let theme = request.theme;
    let width = request.width.max(super::MIN_SIDE as f32);
    let inner = width - 2.0 * MARGIN;
    let mut primitives = vec![Primitive::Text {
        pos: Pos::new(MARGIN, MARGIN + TITLE_SIZE * 0.6),
        text: fit_text(&request.title, inner, TITLE_SIZE, measure),
        size: TITLE_SIZE,
        color: theme.text(),
        anchor: Anchor::Start,
    }];
    let chart_top = MARGIN + TITLE_SIZE * 1.2 + 6.0;

    // Footer first, to know the room left for the chart.
    let note = |text: String| LegendEntry {
        swatch: Swatch::None,
        text,
        color: theme.muted(),
    };
    let mut filter_entries = vec![note("Filters:".into())];
    if source.filters.is_empty() {
        filter_entries.push(note("none (every transfer)".into()));
    } else {
        let last = source.filters.len() - 1;
        filter_entries.extend(
            source
                .filters
                .iter()
                .enumerate()
                .map(|(i, f)| note(if i < last { format!("{f};") } else { f.clone() })),
        );
    }
    // One entry per clause, so a narrow figure wraps the line between clauses instead of
    // cutting it.
    let line = request
        .source_line
        .clone()
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| default_source_line(source));
    let source_line: Vec<String> = line
        .split_inclusive(", ")
        .map(|clause| clause.trim_end().to_owned())
        .collect();
    let (filters, filters_height) = layout_legend(
        &filter_entries,
        MARGIN,
        0.0,
        width - MARGIN,
        NOTE_SIZE,
        measure,
    );
    let (source_prims, source_height) = layout_legend(
        &source_line.into_iter().map(note).collect::<Vec<_>>(),
        MARGIN,
        filters_height,
        width - MARGIN,
        NOTE_SIZE,
        measure,
    );
    let footer_height = filters_height + source_height + 8.0;
    let chart_height = (request.height - chart_top - footer_height - MARGIN).max(120.0);

    let data = ChartData {
        dataset: source.dataset,
        index: source.index,
        visible: source.visible,
    };
    let chart =
        request
            .chart
            .chart()
            .layout(&data, &request.style, (width, chart_height), theme, measure);
    let chart_height = chart_height.max(chart.height);
    primitives.extend(
        chart
            .primitives
            .iter()
            .map(|p| p.translated(0.0, chart_top)),
    );
    let footer_top = chart_top + chart_height + 8.0;
    primitives.extend(
        filters
            .iter()
            .chain(&source_prims)
            .map(|p| p.translated(0.0, footer_top)),
    );
    Scene {
        width,
        height: request
            .height
            .max(footer_top + footer_height - 8.0 + MARGIN),
        background: theme.background(),
        primitives,
        hits: Vec::new(),
    }
}

/// "; 48 of 61 reports reviewed" (the figure's reports an analyst decided), when the folder
/// has a review; empty otherwise.
fn reviewed_note(source: &FigureSource<'_>) -> String {
    if source.dataset.review.is_empty() {
        return String::new();
    }
    let reports = || {
        source
            .visible
            .iter()
            .filter_map(|&i| source.dataset.transfers.get(i))
            .flat_map(|t| &t.reports)
    };
    let reviewed = reports().filter(|r| r.review.state.is_reviewed()).count();
    format!("; {reviewed} of {} reports reviewed", reports().count())
}

/// A figure's title unless the user writes one, from what it shows: "Reported arms transfers
/// to Russia, 2022–2023" (goods, the one country the filters pick, the years of the
/// transfers shown). Goods are "arms transfers" unless commodities or money are among them.
pub fn figure_title(
    kind: ChartKind,
    source: &FigureSource<'_>,
    filters: &crate::view::Filters,
) -> String {
    use crate::model::Category;
    let shown = || {
        source
            .visible
            .iter()
            .filter_map(|&i| source.dataset.transfers.get(i).map(|t| (i, t)))
    };
    let civil = |c: Category| matches!(c, Category::Commodities | Category::Money);
    let goods = if shown().any(|(_, t)| civil(t.category)) {
        "transfers"
    } else {
        "arms transfers"
    };
    let one = |set: &std::collections::BTreeSet<String>| {
        (set.len() == 1)
            .then(|| set.first().map(|c| source.dataset.country_name(c)))
            .flatten()
    };
    let whom = match (
        one(&filters.suppliers),
        one(&filters.recipients),
        one(&filters.countries),
    ) {
        (Some(s), Some(r), _) => format!(" from {s} to {r}"),
        (Some(s), None, _) => format!(" from {s}"),
        (None, Some(r), _) => format!(" to {r}"),
        (None, None, Some(c)) => format!(" to and from {c}"),
        _ if kind == ChartKind::FLOW => " between countries".to_owned(),
        _ => String::new(),
    };
    let years: Vec<i16> = shown()
        .filter_map(|(i, _)| source.index.transfer_date(i))
        .flat_map(|d| [d.when.from.year(), d.when.to.year()])
        .collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(", {a}"),
        (Some(a), Some(b)) => format!(", {a}–{b}"),
        _ => String::new(),
    };
    format!("Reported {goods}{whom}{span}")
}
