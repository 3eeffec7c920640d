use super::{
    Anchor, HitRegion, HitShape, LegendEntry, Pos, Primitive, Rect, Scene, Swatch, TextMeasure,
    Theme, categorical, fit_text, layout_legend, status_color,
};
use super::{Chart, ChartData, ChartKind, ChartStyle};
use crate::dataset::Status;
use crate::view::{Flow, FlowWeight};
use std::collections::BTreeMap;

/// How bands are coloured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FlowColor {
    /// One colour per supplier.
    #[default]
    Supplier,
    /// One colour per status (the flows should then be split by status).
    Status,
}

/// An interactive part of the Flow chart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowTarget {
    /// A band.
    Band(FlowBand),
    /// A supplier node (country code).
    Supplier(String),
    /// A recipient node (country code).
    Recipient(String),
}

/// What one band of the Flow chart stands for: one flow, or every flow between the same two
/// nodes when one of them is "Other N countries" (a band per pair would draw thousands of
/// hair-thin bands into that node).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FlowBand {
    /// Indices into the flows given to [`layout_flow_chart`], in order.
    pub flows: Vec<usize>,
    /// "Egypt → Russia", "Russia → Other 30 countries".
    pub title: String,
}

impl FlowBand {
    /// The transfers of the band's flows (indices into the dataset), sorted: what a click on
    /// the band selects.
    pub fn transfers(&self, flows: &[Flow]) -> Vec<usize> {
        band_transfers(flows, &self.flows)
    }
}

/// Everything the Flow layout depends on besides the flows.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowChartOptions {
    /// Width in pixels.
    pub width: f32,
    /// Height in pixels; the scene grows taller when the labels need more room.
    pub height: f32,
    /// What band width stands for.
    pub weight: FlowWeight,
    /// How bands are coloured.
    pub color: FlowColor,
    /// Colours.
    pub theme: Theme,
    /// Label size in pixels.
    pub font_size: f32,
    /// The part under the pointer: drawn stronger with its nodes.
    pub highlight: Option<FlowTarget>,
    /// The selected transfers (sorted indices): the band that stands for exactly these is
    /// outlined.
    pub selected: Vec<usize>,
}

impl Default for FlowChartOptions {
    fn default() -> Self {
        Self {
            width: 900.0,
            height: 600.0,
            weight: FlowWeight::Transfers,
            color: FlowColor::Supplier,
            theme: Theme::Light,
            font_size: 13.0,
            highlight: None,
            selected: Vec::new(),
        }
    }
}

const MARGIN: f32 = 12.0;
const NODE_WIDTH: f32 = 14.0;
const LABEL_GAP: f32 = 6.0;
const NODE_GAP: f32 = 4.0;
const MIN_BAND: f32 = 2.0;
const CURVE_STEPS: usize = 32;
/// The code of the node that stands for every country beyond what fits (not a country).
pub const OTHER_CODE: &str = "*other*";

/// One side's node after layout.
#[derive(Debug, Clone)]
struct Node {
    code: String,
    label: String,
    /// Transfers (or reports, when bands measure reports) through the node.
    count: usize,
    /// Slot top (the node is centred in its slot; the label at the slot's middle).
    slot_top: f32,
    slot_height: f32,
    height: f32,
}

impl Node {
    fn top(&self) -> f32 {
        self.slot_top + (self.slot_height - self.height) / 2.0
    }
}

/// The Flow chart: country-to-country bands (a Sankey diagram).
#[derive(Debug, Clone, Copy)]
pub struct FlowChart;

impl ChartKind {
    /// The Flow chart.
    pub const FLOW: ChartKind = ChartKind::new("flow");
}

impl Chart for FlowChart {
    fn kind(&self) -> ChartKind {
        ChartKind::FLOW
    }

    fn label(&self) -> &'static str {
        "Flow"
    }

    fn default_title(&self) -> &'static str {
        "Reported arms transfers between countries"
    }

    fn layout(
        &self,
        data: &ChartData<'_>,
        style: &ChartStyle,
        (width, height): (f32, f32),
        theme: Theme,
        measure: &dyn TextMeasure,
    ) -> Scene<()> {
        let by_status = style.flow_color == FlowColor::Status;
        let flows = crate::view::flows(data.dataset, data.index, data.visible, by_status);
        let options = FlowChartOptions::new(style, (width, height), theme);
        layout_flow_chart(&flows, &options, measure).into_drawing()
    }
}

impl FlowChartOptions {
    /// The options of a chart `size` wide and high drawn in `style` and `theme`, nothing
    /// highlighted or selected: the one place the panel and a figure build them.
    pub fn new(style: &ChartStyle, (width, height): (f32, f32), theme: Theme) -> Self {
        Self {
            width,
            height,
            weight: style.flow_weight,
            color: style.flow_color,
            theme,
            font_size: super::CHART_TEXT_SIZE,
            highlight: None,
            selected: Vec::new(),
        }
    }
}

/// Lays out a Sankey chart of `flows`: suppliers on the left, recipients on the right,
/// a band per flow with width by `options.weight`. Labels ("Egypt (3)") never overlap: every
/// node gets a slot at least one label tall, and when there are more countries than slots the
/// smallest are gathered into one "Other (N countries)" node.
pub fn layout_flow_chart(
    flows: &[Flow],
    options: &FlowChartOptions,
    measure: &dyn TextMeasure,
) -> Scene<FlowTarget> {
    let theme = options.theme;
    let mut scene = Scene {
        width: options.width,
        height: options.height,
        background: theme.background(),
        primitives: Vec::new(),
        hits: Vec::new(),
    };
    if flows.is_empty() {
        scene.primitives.push(Primitive::Text {
            pos: Pos::new(options.width / 2.0, options.height / 2.0),
            text: "No transfers match the filters".into(),
            size: options.font_size,
            color: theme.muted(),
            anchor: Anchor::Middle,
        });
        return scene;
    }
    let font = options.font_size;
    let label_height = (font * 1.35).ceil();
    // The key goes under the chart; laid out first so the bands know the room left.
    let (legend, legend_height) = layout_legend(
        &legend_entries(flows, options),
        MARGIN,
        0.0,
        options.width - MARGIN,
        font,
        measure,
    );
    let legend_height = legend_height + 8.0;
    let top = MARGIN;
    let avail = (options.height - 2.0 * MARGIN - legend_height).max(label_height);
    let capacity = ((avail + NODE_GAP) / (label_height + NODE_GAP))
        .floor()
        .max(1.0) as usize;

    let weight_of = |f: &Flow| f.weight(options.weight);
    // A node's "(n)" counts what the bands measure: reports when band width is by reports,
    // else transfers.
    let by_reports = options.weight == FlowWeight::Reports;
    let counted = |f: &Flow| {
        if by_reports {
            f.reports
        } else {
            f.transfers.len()
        }
    };
    let unit = if by_reports { "report" } else { "transfer" };
    let node_of = |index: &BTreeMap<String, usize>, code: &str| {
        index
            .get(code)
            .or_else(|| index.get(OTHER_CODE))
            .copied()
            .unwrap_or(0)
    };
    // The nodes of each side for `capacity` nodes a side, and the bands between them: flows
    // with the same two nodes (and status, when split by status) are one band. Between two
    // named countries that is one flow; into "Other" it gathers many.
    let plan = |capacity: usize| {
        let left = side_nodes(
            flows,
            capacity,
            |f| (&f.key.supplier, &f.supplier_name),
            &weight_of,
            &counted,
        );
        let right = side_nodes(
            flows,
            capacity,
            |f| (&f.key.recipient, &f.recipient_name),
            &weight_of,
            &counted,
        );
        let left_index = node_index(&left);
        let right_index = node_index(&right);
        // Each flow's (supplier node, recipient node).
        let pair: Vec<(usize, usize)> = flows
            .iter()
            .map(|f| {
                (
                    node_of(&left_index, &f.key.supplier),
                    node_of(&right_index, &f.key.recipient),
                )
            })
            .collect();
        let (members, pair) = merge_bands(&pair, flows);
        (left, right, left_index, right_index, members, pair)
    };
    // The least height a plan needs, with every band at its thinnest and every node at least
    // a label tall.
    let least = |sides: [usize; 2], pair: &[(usize, usize)]| -> f32 {
        let mut bands = [vec![0usize; sides[0]], vec![0usize; sides[1]]];
        for &(l, r) in pair {
            for (side, node) in [(0, l), (1, r)] {
                if let Some(n) = bands[side].get_mut(node) {
                    *n += 1;
                }
            }
        }
        bands
            .iter()
            .map(|side| {
                side.iter()
                    .map(|&n| (n as f32 * MIN_BAND).max(label_height) + NODE_GAP)
                    .sum::<f32>()
                    - NODE_GAP
            })
            .fold(0.0_f32, f32::max)
    };
    // Fewer named countries, and more gathered into "Other", until the thinnest bands take
    // at most 60% of the height asked for: a figure keeps the size the user chose, with room
    // left for band widths to show the weights.
    let mut capacity = capacity;
    let mut chosen = plan(capacity);
    while capacity > 2 && least([chosen.0.len(), chosen.1.len()], &chosen.5) > avail * 0.6 {
        capacity -= 1;
        chosen = plan(capacity);
    }
    let (mut left, mut right, left_index, right_index, members, pair) = chosen;
    let band_flows: Vec<Flow> = members
        .iter()
        .zip(&pair)
        .map(|(m, &(l, r))| band_flow(flows, m, &left[l], &right[r]))
        .collect();
    let flows = band_flows.as_slice();

    // Scale: pixels per unit of weight, shrunk until the slots fit the height.
    // Each node's flows, computed once: the scale search below sums them many times.
    let mut left_flows: Vec<Vec<usize>> = vec![Vec::new(); left.len()];
    let mut right_flows: Vec<Vec<usize>> = vec![Vec::new(); right.len()];
    for (i, &(l, r)) in pair.iter().enumerate() {
        if let Some(v) = left_flows.get_mut(l) {
            v.push(i);
        }
        if let Some(v) = right_flows.get_mut(r) {
            v.push(i);
        }
    }
    let band = |f: &Flow, scale: f64| ((weight_of(f) * scale) as f32).max(MIN_BAND);
    let node_height = |members: &[usize], scale: f64| -> f32 {
        members.iter().map(|&i| band(&flows[i], scale)).sum()
    };
    let needed = |scale: f64| -> f32 {
        [&left_flows, &right_flows]
            .iter()
            .map(|side| {
                side.iter()
                    .map(|m| node_height(m, scale).max(label_height) + NODE_GAP)
                    .sum::<f32>()
                    - NODE_GAP
            })
            .fold(0.0_f32, f32::max)
    };
    // Scale: pixels per unit of weight, the largest whose slots fit the height. The height
    // needed grows with the scale, so bisection finds it.
    let total: f64 = flows.iter().map(weight_of).sum::<f64>().max(1e-9);
    let mut scale = f64::from(avail) / total;
    if needed(scale) > avail {
        let (mut lo, mut hi) = (0.0, scale);
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if needed(mid) <= avail {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        scale = lo;
    }
    for (nodes, members) in [(&mut left, &left_flows), (&mut right, &right_flows)] {
        let mut y = top;
        for (node, m) in nodes.iter_mut().zip(members) {
            node.height = node_height(m, scale);
            node.slot_top = y;
            node.slot_height = node.height.max(label_height);
            y += node.slot_height + NODE_GAP;
        }
    }
    let bottom = left
        .iter()
        .chain(&right)
        .map(|n| n.slot_top + n.slot_height)
        .fold(0.0_f32, f32::max);
    scene.height = scene.height.max(bottom + MARGIN + legend_height);

    // Horizontal: label columns sized to the longest label, capped at a third of the width
    // each (longer labels are shortened with an ellipsis, never clipped by the edge).
    let max_label = options.width / 3.0;
    let label_width = |nodes: &[Node]| {
        nodes
            .iter()
            .map(|n| measure.width(&n.label, font))
            .fold(0.0_f32, f32::max)
            .min(max_label)
    };
    let left_node_x = MARGIN + label_width(&left) + LABEL_GAP;
    let right_node_x = options.width - MARGIN - label_width(&right) - LABEL_GAP - NODE_WIDTH;
    let band_x0 = left_node_x + NODE_WIDTH;
    let band_x1 = right_node_x.max(band_x0 + 40.0);

    let color_of = |i: usize, f: &Flow| match (options.color, f.key.status) {
        (FlowColor::Status, Some(s)) => status_color(s),
        _ => categorical(pair[i].0),
    };
    let hl = options.highlight.as_ref();
    let is_lit = |i: usize| match hl {
        Some(FlowTarget::Band(b)) => b.flows == members[i],
        Some(FlowTarget::Supplier(c)) => pair[i].0 == node_of(&left_index, c),
        Some(FlowTarget::Recipient(c)) => pair[i].1 == node_of(&right_index, c),
        None => false,
    };

    // Bands: stacked in each node in the order of the node at the other end (then status),
    // so they cross as little as possible. `ends` picks (this side's node, other side's).
    let status_rank = |f: &Flow| f.key.status.map_or(0, |s| s as usize);
    let stack = |nodes: &[Node], ends: fn((usize, usize)) -> (usize, usize)| -> Vec<f32> {
        let mut order: Vec<usize> = (0..flows.len()).collect();
        order.sort_by_key(|&i| (ends(pair[i]), status_rank(&flows[i])));
        let mut fill: Vec<f32> = nodes.iter().map(Node::top).collect();
        let mut at = vec![0.0_f32; flows.len()];
        for i in order {
            let n = ends(pair[i]).0;
            at[i] = fill[n];
            fill[n] += band(&flows[i], scale);
        }
        at
    };
    let starts = stack(&left, |(l, r)| (l, r));
    let ends = stack(&right, |(l, r)| (r, l));
    let mut band_hits = Vec::new();
    let mut lit_bands = Vec::new();
    for (i, f) in flows.iter().enumerate() {
        let thickness = band(f, scale);
        let top_curve = curve(band_x0, starts[i], band_x1, ends[i]);
        let bottom_curve: Vec<Pos> = top_curve
            .iter()
            .map(|p| Pos::new(p.x, p.y + thickness))
            .collect();
        let lit = is_lit(i);
        let alpha = if hl.is_none() || lit { 170 } else { 70 };
        let ribbon = Primitive::Ribbon {
            top: top_curve.clone(),
            bottom: bottom_curve.clone(),
            fill: color_of(i, f).with_alpha(alpha),
        };
        if lit {
            lit_bands.push(ribbon);
        } else {
            scene.primitives.push(ribbon);
        }
        if is_selected(f, &options.selected) {
            for edge in [&top_curve, &bottom_curve] {
                scene.primitives.push(Primitive::Line {
                    points: edge.clone(),
                    color: theme.text(),
                    width: 1.5,
                });
            }
        }
        band_hits.push(HitRegion {
            target: FlowTarget::Band(FlowBand {
                flows: members[i].clone(),
                title: format!("{} → {}", f.supplier_name, f.recipient_name),
            }),
            shape: HitShape::Ribbon {
                top: top_curve,
                bottom: bottom_curve,
            },
            label: band_label(f, options.weight),
        });
    }
    // Lit bands are drawn last so they sit on top of the others.
    scene.primitives.extend(lit_bands);

    let lit_nodes: (Vec<usize>, Vec<usize>) = match hl {
        Some(FlowTarget::Band(b)) => members
            .iter()
            .position(|m| *m == b.flows)
            .and_then(|i| pair.get(i))
            .map_or((vec![], vec![]), |&(l, r)| (vec![l], vec![r])),
        Some(FlowTarget::Supplier(c)) => (vec![node_of(&left_index, c)], vec![]),
        Some(FlowTarget::Recipient(c)) => (vec![], vec![node_of(&right_index, c)]),
        None => (vec![], vec![]),
    };
    let mut node_hits = Vec::new();
    for (is_left, nodes, lit) in [(true, &left, &lit_nodes.0), (false, &right, &lit_nodes.1)] {
        for (i, node) in nodes.iter().enumerate() {
            let x = if is_left { left_node_x } else { right_node_x };
            let rect = Rect::from_xywh(x, node.top(), NODE_WIDTH, node.height);
            let fill = if is_left && options.color == FlowColor::Supplier {
                categorical(i)
            } else {
                theme.muted()
            };
            let target = if is_left {
                FlowTarget::Supplier(node.code.clone())
            } else {
                FlowTarget::Recipient(node.code.clone())
            };
            scene.primitives.push(Primitive::Rect {
                rect,
                fill,
                stroke: lit.contains(&i).then_some((theme.text(), 2.0)),
            });
            let label = fit_text(&node.label, max_label, font, measure);
            let y = node.slot_top + node.slot_height / 2.0;
            let (tx, anchor) = if is_left {
                (x - LABEL_GAP, Anchor::End)
            } else {
                (x + NODE_WIDTH + LABEL_GAP, Anchor::Start)
            };
            scene.primitives.push(Primitive::Text {
                pos: Pos::new(tx, y),
                text: label.clone(),
                size: font,
                color: if lit.contains(&i) {
                    theme.text()
                } else {
                    theme.text().with_alpha(230)
                },
                anchor,
            });
            let label_w = measure.width(&label, font);
            let hit_rect = if is_left {
                Rect::from_xywh(
                    tx - label_w,
                    node.slot_top,
                    label_w + LABEL_GAP + NODE_WIDTH,
                    node.slot_height,
                )
            } else {
                Rect::from_xywh(
                    x,
                    node.slot_top,
                    NODE_WIDTH + LABEL_GAP + label_w,
                    node.slot_height,
                )
            };
            let side = if is_left { "Supplier" } else { "Recipient" };
            node_hits.push(HitRegion {
                target,
                shape: HitShape::Rect(hit_rect),
                label: format!(
                    "{side} {}: {}",
                    node.label_name(),
                    count_of(node.count, unit)
                ),
            });
        }
    }
    let legend_top = scene.height - MARGIN - legend_height + 8.0;
    scene
        .primitives
        .extend(legend.iter().map(|p| p.translated(0.0, legend_top)));
    // Nodes sit above bands for hit testing: their rectangles are small and precise.
    scene.hits = node_hits;
    scene.hits.extend(band_hits.into_iter().rev());
    scene
}

/// Groups flows by their (supplier node, recipient node, status): each group's flow indices
/// (in order, groups by their first flow) and its two nodes.
fn merge_bands(pair: &[(usize, usize)], flows: &[Flow]) -> (Vec<Vec<usize>>, Vec<(usize, usize)>) {
    let mut band_of: BTreeMap<(usize, usize, Option<Status>), usize> = BTreeMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut ends = Vec::new();
    for (i, (&(l, r), f)) in pair.iter().zip(flows).enumerate() {
        let band = *band_of.entry((l, r, f.key.status)).or_insert_with(|| {
            members.push(Vec::new());
            ends.push((l, r));
            members.len() - 1
        });
        members[band].push(i);
    }
    (members, ends)
}

/// The flow a band draws: its member flows added up, named after its nodes when it gathers
/// several countries on one side.
fn band_flow(flows: &[Flow], members: &[usize], left: &Node, right: &Node) -> Flow {
    if let [only] = members {
        return flows[*only].clone();
    }
    let of_band: Vec<&Flow> = members.iter().filter_map(|&i| flows.get(i)).collect();
    Flow {
        key: crate::view::FlowKey {
            supplier: left.code.clone(),
            recipient: right.code.clone(),
            // A band never mixes statuses.
            status: of_band.first().and_then(|f| f.key.status),
        },
        supplier_name: left.label_name().to_owned(),
        recipient_name: right.label_name().to_owned(),
        transfers: band_transfers(flows, members),
        reports: of_band.iter().map(|f| f.reports).sum(),
        quantity: of_band.iter().map(|f| f.quantity).sum(),
    }
}

/// The transfers of the flows `members` (indices into `flows`), sorted.
fn band_transfers(flows: &[Flow], members: &[usize]) -> Vec<usize> {
    let mut transfers: Vec<usize> = members
        .iter()
        .filter_map(|&i| flows.get(i))
        .flat_map(|f| f.transfers.iter().copied())
        .collect();
    transfers.sort_unstable();
    transfers
}

/// Whether `band` stands for exactly the `selected` transfers (sorted).
fn is_selected(band: &Flow, selected: &[usize]) -> bool {
    !selected.is_empty() && band.transfers == selected
}

impl Node {
    /// The country name without the count suffix.
    fn label_name(&self) -> &str {
        self.label.rsplit_once(" (").map_or(&self.label, |(n, _)| n)
    }
}

/// The nodes of one side, heaviest first (ties by name), with the tail beyond `capacity`
/// gathered into one "Other" node.
fn side_nodes<'a>(
    flows: &'a [Flow],
    capacity: usize,
    side: impl Fn(&'a Flow) -> (&'a String, &'a String),
    weight_of: &dyn Fn(&Flow) -> f64,
    counted: &dyn Fn(&Flow) -> usize,
) -> Vec<Node> {
    let mut totals: BTreeMap<&String, (&String, f64, usize)> = BTreeMap::new();
    for f in flows {
        let (code, name) = side(f);
        let e = totals.entry(code).or_insert((name, 0.0, 0));
        e.1 += weight_of(f);
        e.2 += counted(f);
    }
    let mut list: Vec<(&String, &String, f64, usize)> = totals
        .into_iter()
        .map(|(c, (n, w, r))| (c, n, w, r))
        .collect();
    list.sort_by(|a, b| b.2.total_cmp(&a.2).then(b.3.cmp(&a.3)).then(a.1.cmp(b.1)));
    let node = |code: &str, name: &str, count: usize| Node {
        code: code.to_owned(),
        label: format!("{name} ({count})"),
        count,
        slot_top: 0.0,
        slot_height: 0.0,
        height: 0.0,
    };
    if list.len() <= capacity {
        return list.iter().map(|(c, n, _, r)| node(c, n, *r)).collect();
    }
    let keep = capacity.saturating_sub(1);
    let mut nodes: Vec<Node> = list[..keep]
        .iter()
        .map(|(c, n, _, r)| node(c, n, *r))
        .collect();
    let rest = &list[keep..];
    let count = rest.iter().map(|x| x.3).sum();
    nodes.push(node(
        OTHER_CODE,
        &format!("Other {} countries", rest.len()),
        count,
    ));
    nodes
}

fn node_index(nodes: &[Node]) -> BTreeMap<String, usize> {
    nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.code.clone(), i))
        .collect()
}

/// A cubic S-curve from `(x0, y0)` to `(x1, y1)` with horizontal tangents at both ends.
fn curve(x0: f32, y0: f32, x1: f32, y1: f32) -> Vec<Pos> {
    (0..=CURVE_STEPS)
        .map(|s| {
            let t = s as f32 / CURVE_STEPS as f32;
            let mt = 1.0 - t;
            // Control points at the middle x keep both ends horizontal.
            let xm = (x0 + x1) / 2.0;
            let x =
                mt * mt * mt * x0 + 3.0 * mt * mt * t * xm + 3.0 * mt * t * t * xm + t * t * t * x1;
            let y =
                mt * mt * mt * y0 + 3.0 * mt * mt * t * y0 + 3.0 * mt * t * t * y1 + t * t * t * y1;
            Pos::new(x, y)
        })
        .collect()
}

fn band_label(f: &Flow, weight: FlowWeight) -> String {
    let reports = format!(
        "{} ({})",
        count_of(f.transfers.len(), "transfer"),
        count_of(f.reports, "report")
    );
    let status = f.key.status.map(|s| format!(", {s}")).unwrap_or_default();
    let qty = match weight {
        FlowWeight::Quantity => format!(", {} items stated", f.quantity),
        FlowWeight::Transfers | FlowWeight::Reports => String::new(),
    };
    format!(
        "{} → {}: {reports}{status}{qty}",
        f.supplier_name, f.recipient_name
    )
}

/// "1 transfer", "3 transfers".
fn count_of(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The chart's key: what band width and colour stand for, and the status colours when
/// bands are coloured by status.
fn legend_entries(flows: &[Flow], options: &FlowChartOptions) -> Vec<LegendEntry> {
    let theme = options.theme;
    let width = match options.weight {
        FlowWeight::Transfers => "Band width: number of transfers",
        FlowWeight::Reports => "Band width: number of reports",
        FlowWeight::Quantity => "Band width: stated quantity",
    };
    let mut entries = vec![LegendEntry {
        swatch: Swatch::None,
        text: match options.color {
            FlowColor::Supplier => format!("{width} · colour: supplier"),
            FlowColor::Status => format!("{width} · colour: status"),
        },
        color: theme.muted(),
    }];
    if options.color == FlowColor::Status {
        let statuses: std::collections::BTreeSet<Status> =
            flows.iter().filter_map(|f| f.key.status).collect();
        entries.extend(statuses.into_iter().map(|s| LegendEntry {
            swatch: Swatch::Square(s),
            text: s.as_str().to_owned(),
            color: theme.text(),
        }));
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ApproxMeasure;
    use crate::view::FlowKey;

    fn flow(s: &str, r: &str, n: usize) -> Flow {
        Flow {
            key: FlowKey {
                supplier: s.into(),
                recipient: r.into(),
                status: None,
            },
            supplier_name: format!("Country {s}"),
            recipient_name: format!("Country {r}"),
            transfers: (0..n).collect(),
            reports: n,
            quantity: 0,
        }
    }

    /// Vertical extents of the labels on one side (`anchor`), sorted.
    fn label_rows(scene: &Scene<FlowTarget>, anchor: Anchor, font: f32) -> Vec<(f32, f32)> {
        let mut rows: Vec<(f32, f32)> = scene
            .primitives
            .iter()
            .filter_map(|p| match p {
                Primitive::Text { pos, anchor: a, .. } if *a == anchor => {
                    Some((pos.y - font * 0.6, pos.y + font * 0.6))
                }
                _ => None,
            })
            .collect();
        rows.sort_by(|a, b| a.0.total_cmp(&b.0));
        rows
    }

    #[test]
    fn flows_into_other_share_a_band_and_labels_never_overlap() {
        // Many small suppliers and one dominant one: small nodes would crowd their labels.
        let mut flows = vec![flow("AA", "ZZ", 60)];
        for i in 0..25 {
            flows.push(flow(
                &format!("S{i:02}"),
                if i % 2 == 0 { "ZZ" } else { "YY" },
                1,
            ));
        }
        let options = FlowChartOptions {
            height: 500.0,
            ..FlowChartOptions::default()
        };
        let scene = layout_flow_chart(&flows, &options, &ApproxMeasure);
        let bands: Vec<&FlowBand> = scene
            .hits
            .iter()
            .filter_map(|h| match &h.target {
                FlowTarget::Band(b) => Some(b),
                _ => None,
            })
            .collect();
        // Every flow is drawn by exactly one band; the small suppliers' flows into the same
        // recipient are one band from "Other".
        let mut drawn: Vec<usize> = bands.iter().flat_map(|b| b.flows.clone()).collect();
        drawn.sort_unstable();
        assert_eq!(drawn, (0..flows.len()).collect::<Vec<_>>());
        assert!(bands.len() < flows.len(), "{} bands", bands.len());
        let other = scene
            .hits
            .iter()
            .find(|h| h.label.starts_with("Other ") && h.label.contains(" → Country ZZ: "))
            .expect("a band from Other to ZZ");
        let FlowTarget::Band(band) = &other.target else {
            panic!("{}", other.label)
        };
        assert!(band.flows.len() > 1, "{band:?}");
        assert!(band.title.starts_with("Other "), "{}", band.title);
        for anchor in [Anchor::End, Anchor::Start] {
            let rows = label_rows(&scene, anchor, options.font_size);
            for pair in rows.windows(2) {
                assert!(pair[0].1 <= pair[1].0 + 0.01, "labels overlap: {pair:?}");
            }
        }
        // Everything fits in the requested height, so the smallest suppliers were gathered.
        assert!(scene.height <= options.height + 0.01, "{}", scene.height);
        assert!(
            scene
                .hits
                .iter()
                .any(|h| h.label.starts_with("Supplier Other "))
        );
    }

    #[test]
    fn every_pair_of_forty_countries_still_fits_the_height_asked_for() {
        // 1,600 pairs: one band each would need 3,200 px at their thinnest.
        let flows: Vec<Flow> = (0..40)
            .flat_map(|a| {
                (0..40).map(move |b| flow(&format!("S{a:02}"), &format!("R{b:02}"), 1 + a % 3))
            })
            .collect();
        let options = FlowChartOptions {
            height: 800.0,
            ..FlowChartOptions::default()
        };
        let scene = layout_flow_chart(&flows, &options, &ApproxMeasure);
        assert!(scene.height <= options.height + 0.01, "{}", scene.height);
        let mut drawn: Vec<usize> = scene
            .hits
            .iter()
            .filter_map(|h| match &h.target {
                FlowTarget::Band(b) => Some(b.flows.clone()),
                _ => None,
            })
            .flatten()
            .collect();
        drawn.sort_unstable();
        assert_eq!(
            drawn,
            (0..flows.len()).collect::<Vec<_>>(),
            "every flow drawn once"
        );
    }

    #[test]
    fn band_hit_regions_find_their_band() {
        let flows = vec![
            flow("AA", "ZZ", 3),
            flow("BB", "ZZ", 1),
            flow("AA", "YY", 2),
        ];
        let scene = layout_flow_chart(&flows, &FlowChartOptions::default(), &ApproxMeasure);
        for hit in &scene.hits {
            let p = scene.probe_point(hit).expect("a visible point");
            assert_eq!(
                scene.hit_test(p).map(|h| &h.target),
                Some(&hit.target),
                "{}",
                hit.label
            );
        }
        let labels: Vec<&str> = scene.hits.iter().map(|h| h.label.as_str()).collect();
        assert!(
            labels.contains(&"Country AA → Country ZZ: 3 transfers (3 reports)"),
            "{labels:?}"
        );
    }
}
