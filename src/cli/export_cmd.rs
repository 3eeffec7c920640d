use super::Outcome;
use super::extract_cmd::extract_folder;
use crate::chart::{FlowColor, Theme, chart_measure};
use crate::corpus::LoadOptions;
use crate::dataset::{Category, Dataset, Status};
use crate::export::{
    ChartKind, ChartStyle, ExportFormat, FigureRequest, FigureSource, export_chart, export_data,
};
use crate::model::RegisterMark;
use crate::view::{DatasetIndex, Filters, FlowWeight, LaneMode, parse_date_bound};
use anyhow::{Context, bail};
use std::collections::BTreeSet;
use std::path::Path;

/// The filters of `armsflow export`, as in the app's filter bar.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only transfers with this country on either side (name or code; repeatable).
    #[arg(long)]
    pub country: Vec<String>,
    /// Only transfers from this supplier (name or code; repeatable).
    #[arg(long)]
    pub supplier: Vec<String>,
    /// Only transfers to this recipient (name or code; repeatable).
    #[arg(long)]
    pub recipient: Vec<String>,
    /// Only this category (e.g. missiles, air-defence; repeatable).
    #[arg(long)]
    pub category: Vec<String>,
    /// Only this status (e.g. agreed, delivered; repeatable).
    #[arg(long)]
    pub status: Vec<String>,
    /// From this date: 2023, 2023-04 or 2023-04-05 (undated reports are then left out).
    #[arg(long)]
    pub from: Option<String>,
    /// Until this date: 2023, 2023-04 or 2023-04-05.
    #[arg(long)]
    pub to: Option<String>,
    /// Free text in items, sentences, names and sources.
    #[arg(long)]
    pub search: Option<String>,
    /// A source, matched against each report's original source and the outlet relaying it
    /// ("Wall Street Journal" also finds what Al Jazeera relays from it).
    #[arg(long)]
    pub source: Option<String>,
    /// Only transfers an analyst reviewed and kept (every report accepted, edited or added
    /// in `.armsflow/review.json`).
    #[arg(long)]
    pub reviewed_only: bool,
    /// Also transfers an analyst rejected (left out otherwise).
    #[arg(long)]
    pub show_rejected: bool,
    /// Only transfers with this SIPRI register mark: in-register, not-in-register or
    /// not-covered (repeatable; needs --sipri).
    #[arg(long)]
    pub register: Vec<String>,
}

/// How the chart is drawn and at what size.
#[derive(Debug, Clone, clap::Args)]
pub struct ChartArgs {
    /// Which chart (ignored for .csv/.json): a name from the chart registry (timeline, flow, map).
    #[arg(long, default_value = "flow", value_parser = chart_kind)]
    pub chart: ChartKind,
    /// Figure width in pixels at scale 1 (200 to 16384).
    #[arg(long, default_value_t = 1200, value_parser = figure_side)]
    pub width: u32,
    /// Figure height in pixels at scale 1 (200 to 16384).
    #[arg(long, default_value_t = 800, value_parser = figure_side)]
    pub height: u32,
    /// Pixel scale of a PNG: 1, 2 or 4.
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// Colours.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// Title line (default: what the figure shows, e.g. "Reported arms transfers to Russia,
    /// 2022–2023").
    #[arg(long)]
    pub title: Option<String>,
    /// Timeline lanes.
    #[arg(long, value_enum, default_value = "pair")]
    pub lanes: LanesArg,
    /// Flow band and Map arc width.
    #[arg(long, value_enum, default_value = "transfers")]
    pub weight: WeightArg,
    /// Flow band and Map arc colour (register: by SIPRI mark, with --sipri).
    #[arg(long, value_enum, default_value = "supplier")]
    pub color: ColorArg,
}

/// A figure side in pixels: within what the figure can be laid out and rendered at.
fn figure_side(text: &str) -> Result<u32, String> {
    let (min, max) = (crate::export::MIN_SIDE, crate::export::MAX_SIDE);
    let value: u32 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a whole number of pixels ({min} to {max})"))?;
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} pixels is outside {min} to {max}"))
    }
}

/// `--chart NAME`: a registered chart.
fn chart_kind(text: &str) -> Result<ChartKind, String> {
    ChartKind::named(text.trim()).ok_or_else(|| {
        format!(
            "{text:?} is no chart (one of: {})",
            ChartKind::names().join(", ")
        )
    })
}

/// `--theme`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[allow(missing_docs)]
pub enum ThemeArg {
    Light,
    Dark,
}

/// `--lanes`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[allow(missing_docs)]
pub enum LanesArg {
    Pair,
    Supplier,
}

/// `--weight`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[allow(missing_docs)]
pub enum WeightArg {
    Transfers,
    Reports,
    Quantity,
}

/// `--color`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
#[allow(missing_docs)]
pub enum ColorArg {
    Supplier,
    Status,
    Register,
}

/// `armsflow export`: a chart as PNG/SVG or the filtered reports as CSV/JSON, by the
/// extension of `out`.
pub fn run_export(
    folder: &Path,
    options: &LoadOptions,
    out: &Path,
    chart: &ChartArgs,
    filter_args: &FilterArgs,
    sipri: Option<&Path>,
) -> anyhow::Result<Outcome> {
    let format = ExportFormat::from_path(out)?;
    crate::files::check_writable(out)?;
    if !crate::export::SCALES.contains(&chart.scale) {
        bail!("--scale must be 1, 2 or 4 (got {})", chart.scale);
    }
    if matches!(chart.color, ColorArg::Register) && sipri.is_none() {
        bail!("--color register needs a register to colour by: add --sipri FILE");
    }
    let dataset = extract_folder(folder, options, sipri)?;
    let index = DatasetIndex::new(&dataset);
    let filters = filters_from_args(&dataset, filter_args)?;
    let visible = filters.visible(&dataset, &index);
    let summary = if format.is_image() {
        let kind = chart.chart;
        let request = FigureRequest {
            chart: kind,
            style: ChartStyle {
                lane_mode: match chart.lanes {
                    LanesArg::Pair => LaneMode::Pair,
                    LanesArg::Supplier => LaneMode::Supplier,
                },
                flow_weight: match chart.weight {
                    WeightArg::Transfers => FlowWeight::Transfers,
                    WeightArg::Reports => FlowWeight::Reports,
                    WeightArg::Quantity => FlowWeight::Quantity,
                },
                flow_color: match chart.color {
                    ColorArg::Supplier => FlowColor::Supplier,
                    ColorArg::Status => FlowColor::Status,
                    ColorArg::Register => FlowColor::Register,
                },
                timeline_window: None,
                first_lane: 0,
                map_view: Default::default(),
            },
            width: chart.width as f32,
            height: chart.height as f32,
            theme: match chart.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
            },
            title: chart.title.clone().unwrap_or_default(),
            source_line: None,
        };
        let described = filters.describe(&|code| dataset.country_name(code));
        let folder_name = crate::export::folder_label(folder);
        let source = FigureSource {
            dataset: &dataset,
            index: &index,
            visible: &visible,
            filters: &described,
            folder: &folder_name,
            date: jiff::Zoned::now().date(),
        };
        let request = FigureRequest {
            // Without --title, a title that says what the figure shows.
            title: chart
                .title
                .clone()
                .unwrap_or_else(|| crate::export::figure_title(kind, &source, &filters)),
            ..request
        };
        export_chart(&request, &source, out, chart.scale, chart_measure())?
    } else {
        export_data(&dataset, &index, &visible, out)?
    };
    let size = summary
        .pixels
        .map(|(w, h)| format!(", {w}×{h} px"))
        .unwrap_or_default();
    let reports: usize = visible
        .iter()
        .filter_map(|&i| dataset.transfers.get(i))
        .map(|t| t.reports.len())
        .sum();
    eprintln!(
        "armsflow: wrote {} ({} bytes{size}): {} of {} transfers ({reports} reports) from {} articles",
        out.display(),
        summary.bytes,
        visible.len(),
        dataset.transfers.len(),
        dataset.articles.len()
    );
    Ok(Outcome::Ok)
}

/// Turns the command-line filters into [`Filters`]; a country, category, status or date the
/// folder's data does not know is an error that says what is accepted.
pub fn filters_from_args(dataset: &Dataset, args: &FilterArgs) -> anyhow::Result<Filters> {
    let known: BTreeSet<(String, String)> = dataset
        .transfers
        .iter()
        .flat_map(|t| [&t.supplier, &t.recipient])
        .map(|p| (p.code.clone(), p.name.clone()))
        .collect();
    let countries = |names: &[String]| -> anyhow::Result<BTreeSet<String>> {
        names.iter().map(|n| country_code(n, &known)).collect()
    };
    let categories = args
        .category
        .iter()
        .map(|c| {
            Category::ALL
                .into_iter()
                .find(|k| k.as_str().eq_ignore_ascii_case(c.trim()))
                .with_context(|| {
                    let all: Vec<&str> = Category::ALL.iter().map(|k| k.as_str()).collect();
                    format!("unknown category {c:?} (one of: {})", all.join(", "))
                })
        })
        .collect::<anyhow::Result<_>>()?;
    let statuses = args
        .status
        .iter()
        .map(|s| {
            Status::ALL
                .into_iter()
                .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
                .with_context(|| {
                    let all: Vec<&str> = Status::ALL.iter().map(|k| k.as_str()).collect();
                    format!("unknown status {s:?} (one of: {})", all.join(", "))
                })
        })
        .collect::<anyhow::Result<_>>()?;
    if !args.register.is_empty() && dataset.register_summary.is_none() {
        bail!("--register needs a register to check against: add --sipri FILE");
    }
    let register = args
        .register
        .iter()
        .map(|m| {
            RegisterMark::parse(m.trim()).with_context(|| {
                let all: Vec<&str> = RegisterMark::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown register mark {m:?} (one of: {})", all.join(", "))
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let bound = |text: &Option<String>, end: bool| -> anyhow::Result<Option<jiff::civil::Date>> {
        text.as_deref()
            .map(|t| {
                parse_date_bound(t, end).with_context(|| {
                    format!("{t:?} is not a date (use 2023, 2023-04 or 2023-04-05)")
                })
            })
            .transpose()
    };
    let (from, to) = (bound(&args.from, false)?, bound(&args.to, true)?);
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        bail!("--from {f} is after --to {t}: nothing can be in between");
    }
    Ok(Filters {
        countries: countries(&args.country)?,
        suppliers: countries(&args.supplier)?,
        recipients: countries(&args.recipient)?,
        categories,
        statuses,
        from,
        to,
        search: args.search.clone().unwrap_or_default(),
        source: args.source.clone().unwrap_or_default(),
        review_states: BTreeSet::new(),
        show_rejected: args.show_rejected,
        only_reviewed: args.reviewed_only,
        register,
    })
}

/// The code of the country `name` (a name, alias or code): one of the folder's (`known`, code
/// and name), else any country the gazetteer knows, which then matches no transfer and gives
/// an empty export. A name that is no country is an error listing the folder's countries.
fn country_code(name: &str, known: &BTreeSet<(String, String)>) -> anyhow::Result<String> {
    let n = name.trim();
    if let Some((code, _)) = known
        .iter()
        .find(|(code, name)| code.eq_ignore_ascii_case(n) || name.eq_ignore_ascii_case(n))
    {
        return Ok(code.clone());
    }
    let gazetteer = crate::gazetteer::Gazetteer::builtin()?;
    if let Some((code, _)) = gazetteer
        .codes()
        .find(|(code, name)| code.eq_ignore_ascii_case(n) || name.eq_ignore_ascii_case(n))
    {
        return Ok(code.to_owned());
    }
    if let [mention] = gazetteer.find(n).as_slice()
        && mention.span.start == 0
        && mention.span.end == n.len()
        && let [code] = mention.codes.as_slice()
    {
        return Ok(code.clone());
    }
    let names: Vec<&str> = known.iter().map(|(_, name)| name.as_str()).collect();
    let listed = if names.is_empty() {
        "this folder has no transfers".to_owned()
    } else {
        format!("countries in this folder's transfers: {}", names.join(", "))
    };
    bail!(
        "{n:?} is not a country ArmsFlow knows (give a name, alias or code such as \"Ukraine\" or \"UA\"); {listed}"
    )
}
