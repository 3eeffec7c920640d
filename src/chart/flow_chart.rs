use super::{
    Anchor, HitRegion, HitShape, LegendEntry, Pos, Primitive, Rect, Rgba, Scene, Swatch,
    TextMeasure, Theme, country_color, fit_text, layout_legend, split_color, split_entries,
};
use super::{Chart, ChartData, ChartKind, ChartStyle};
use crate::view::{Flow, FlowSplit, FlowSplitBy, FlowWeight};
use std::collections::BTreeMap;

/// How bands are coloured.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FlowColor {
    /// One colour per supplier.
    #[default]
    Supplier,
    /// One colour per status (the flows should then be split by status).
    Status,
    /// One colour per SIPRI register mark (the flows split by mark).
    Register,
}

impl FlowColor {
    /// How flows must be split for this colouring.
    pub fn split_by(self) -> FlowSplitBy {
        match self {
            Self::Supplier => FlowSplitBy::Nothing,
            Self::Status => FlowSplitBy::Status,
            Self::Register => FlowSplitBy::Register,
        }
    }

    /// In words, for menus and legends: "supplier", "status", "SIPRI register".
    pub fn label(self) -> &'static str {
        match self {
            Self::Supplier => "supplier",
            Self::Status => "status",
            Self::Register => "SIPRI register",
        }
    }
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
        crate::view::transfers_of(flows, &self.flows)
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
        let split = style.flow_color.split_by();
        let flows = crate::view::flows(data.dataset, data.index, data.visible, split);
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
    let mut scene = Scene {
        width: options.width,
        height: options.height,
        background: options.theme.background(),
        primitives: Vec::new(),
        hits: Vec::new(),
    };
    if flows.is_empty() {
        scene.primitives.push(no_flows_message(options));
        return scene;
    }
    let label_height = (options.font_size * 1.35).ceil();
    // The key goes under the chart; laid out first so the bands know the room left.
    let (legend, legend_height) = layout_flow_legend(flows, options, measure);
    let avail = (options.height - 2.0 * MARGIN - legend_height).max(label_height);
    let plan = FlowPlan::fitting(flows, options.weight, label_height, avail);
    let layout = FlowLayout::new(flows, plan, options, measure, label_height, avail);
    scene.height = scene.height.max(layout.bottom() + MARGIN + legend_height);
    let band_hits = layout.draw_bands(&mut scene.primitives);
    let node_hits = layout.draw_nodes(&mut scene.primitives);
    let legend_top = scene.height - MARGIN - legend_height + 8.0;
    scene
        .primitives
        .extend(legend.iter().map(|p| p.translated(0.0, legend_top)));
    // Nodes sit above bands for hit testing: their rectangles are small and precise.
    scene.hits = node_hits;
    scene.hits.extend(band_hits.into_iter().rev());
    scene
}

/// The message drawn in the middle when no flow matches the filters.
fn no_flows_message(options: &FlowChartOptions) -> Primitive {
    Primitive::Text {
        pos: Pos::new(options.width / 2.0, options.height / 2.0),
        text: "No transfers match the filters".into(),
        size: options.font_size,
        color: options.theme.muted(),
        anchor: Anchor::Middle,
    }
}

/// Lays out the key with its top at y = 0 (it is moved under the chart once the chart's
/// height is known); returns its primitives and the height it takes, gap included.
fn layout_flow_legend(
    flows: &[Flow],
    options: &FlowChartOptions,
    measure: &dyn TextMeasure,
) -> (Vec<Primitive>, f32) {
    let (legend, legend_height) = layout_legend(
        &legend_entries(flows, options),
        MARGIN,
        0.0,
        options.width - MARGIN,
        options.font_size,
        measure,
    );
    (legend, legend_height + 8.0)
}

/// What a node's "(n)" counts of flow `f` when band width stands for `weight`.
fn counted(f: &Flow, weight: FlowWeight) -> usize {
    // A node's "(n)" counts what the bands measure: reports when band width is by reports,
    // else transfers.
    if weight == FlowWeight::Reports {
        f.reports
    } else {
        f.transfers.len()
    }
}

/// The word for what a node's "(n)" counts when band width stands for `weight`.
fn counted_unit(weight: FlowWeight) -> &'static str {
    if weight == FlowWeight::Reports {
        "report"
    } else {
        "transfer"
    }
}

/// The node of country `code` in a side's `index`: its own, else "Other" (else the first).
fn node_of(index: &BTreeMap<String, usize>, code: &str) -> usize {
    index
        .get(code)
        .or_else(|| index.get(OTHER_CODE))
        .copied()
        .unwrap_or(0)
}

/// The nodes of each side and the bands between them.
struct FlowPlan {
    /// Supplier nodes, heaviest first, "Other" last.
    left: Vec<Node>,
    /// Recipient nodes, heaviest first, "Other" last.
    right: Vec<Node>,
    /// Supplier node by country code.
    left_index: BTreeMap<String, usize>,
    /// Recipient node by country code.
    right_index: BTreeMap<String, usize>,
    /// Each band's flows (indices into the flows given), in order.
    members: Vec<Vec<usize>>,
    /// Each band's (supplier node, recipient node).
    pair: Vec<(usize, usize)>,
}

impl FlowPlan {
    /// The nodes of each side for `capacity` nodes a side, and the bands between them: flows
    /// with the same two nodes (and status, when split by status) are one band. Between two
    /// named countries that is one flow; into "Other" it gathers many.
    fn new(flows: &[Flow], capacity: usize, weight: FlowWeight) -> Self {
        let left = side_nodes(
            flows,
            capacity,
            |f| (&f.key.supplier, &f.supplier_name),
            weight,
        );
        let right = side_nodes(
            flows,
            capacity,
            |f| (&f.key.recipient, &f.recipient_name),
            weight,
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
        Self {
            left,
            right,
            left_index,
            right_index,
            members,
            pair,
        }
    }

    /// The plan with as many nodes a side as labels `label_height` tall fit in `avail`, less
    /// while the plan needs too much of the height.
    fn fitting(flows: &[Flow], weight: FlowWeight, label_height: f32, avail: f32) -> Self {
        let mut capacity = ((avail + NODE_GAP) / (label_height + NODE_GAP))
            .floor()
            .max(1.0) as usize;
        // Fewer named countries, and more gathered into "Other", until the thinnest bands take
        // at most 60% of the height asked for: a figure keeps the size the user chose, with room
        // left for band widths to show the weights.
        let mut chosen = Self::new(flows, capacity, weight);
        while capacity > 2 && chosen.least_height(label_height) > avail * 0.6 {
            capacity -= 1;
            chosen = Self::new(flows, capacity, weight);
        }
        chosen
    }

    /// The least height the plan needs, with every band at its thinnest and every node at
    /// least a label (`label_height`) tall.
    fn least_height(&self, label_height: f32) -> f32 {
        let mut bands = [
            vec![0usize; self.left.len()],
            vec![0usize; self.right.len()],
        ];
        for &(l, r) in &self.pair {
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
    }

    /// The flow each band draws (see [`band_flow`]), in band order; `flows` are the flows
    /// the plan was made for.
    fn band_flows(&self, flows: &[Flow]) -> Vec<Flow> {
        self.members
            .iter()
            .zip(&self.pair)
            .map(|(m, &(l, r))| band_flow(flows, m, &self.left[l], &self.right[r]))
            .collect()
    }
}

/// A band's thickness in pixels at `scale` pixels per unit of `weight`: never under
/// [`MIN_BAND`].
fn band_thickness(f: &Flow, weight: FlowWeight, scale: f64) -> f32 {
    ((f.weight(weight) * scale) as f32).max(MIN_BAND)
}

/// Each node's bands, per side, with what sizing the nodes needs.
struct NodeBands<'a> {
    /// The flows the bands draw, in band order.
    bands: &'a [Flow],
    /// What band width stands for.
    weight: FlowWeight,
    /// Height of one label: the least height of a node's slot.
    label_height: f32,
    /// Each supplier node's bands (indices into `bands`).
    left: Vec<Vec<usize>>,
    /// Each recipient node's bands (indices into `bands`).
    right: Vec<Vec<usize>>,
}

impl<'a> NodeBands<'a> {
    /// Gathers each node's bands in `plan`; `bands` are the flows the plan's bands draw.
    fn new(plan: &FlowPlan, bands: &'a [Flow], weight: FlowWeight, label_height: f32) -> Self {
        let mut left: Vec<Vec<usize>> = vec![Vec::new(); plan.left.len()];
        let mut right: Vec<Vec<usize>> = vec![Vec::new(); plan.right.len()];
        for (i, &(l, r)) in plan.pair.iter().enumerate() {
            if let Some(v) = left.get_mut(l) {
                v.push(i);
            }
            if let Some(v) = right.get_mut(r) {
                v.push(i);
            }
        }
        Self {
            bands,
            weight,
            label_height,
            left,
            right,
        }
    }

    /// The height of a node with the bands `members` at `scale`.
    fn node_height(&self, members: &[usize], scale: f64) -> f32 {
        members
            .iter()
            .map(|&i| band_thickness(&self.bands[i], self.weight, scale))
            .sum()
    }

    /// The height the taller side needs at `scale`, every slot at least a label tall.
    fn needed(&self, scale: f64) -> f32 {
        [&self.left, &self.right]
            .iter()
            .map(|side| {
                side.iter()
                    .map(|m| self.node_height(m, scale).max(self.label_height) + NODE_GAP)
                    .sum::<f32>()
                    - NODE_GAP
            })
            .fold(0.0_f32, f32::max)
    }

    /// Scale: pixels per unit of weight, the largest whose slots fit the height `avail`. The
    /// height needed grows with the scale, so bisection finds it.
    fn fit_scale(&self, avail: f32) -> f64 {
        let weight = self.weight;
        let total: f64 = self
            .bands
            .iter()
            .map(|f| f.weight(weight))
            .sum::<f64>()
            .max(1e-9);
        let mut scale = f64::from(avail) / total;
        if self.needed(scale) > avail {
            let (mut lo, mut hi) = (0.0, scale);
            for _ in 0..40 {
                let mid = (lo + hi) / 2.0;
                if self.needed(mid) <= avail {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            scale = lo;
        }
        scale
    }

    /// Sizes the nodes of both sides at `scale` and stacks their slots down from `top`.
    fn place(&self, left: &mut [Node], right: &mut [Node], top: f32, scale: f64) {
        for (nodes, members) in [(left, &self.left), (right, &self.right)] {
            let mut y = top;
            for (node, m) in nodes.iter_mut().zip(members) {
                node.height = self.node_height(m, scale);
                node.slot_top = y;
                node.slot_height = node.height.max(self.label_height);
                y += node.slot_height + NODE_GAP;
            }
        }
    }
}

/// The layout values every drawing step of the Flow chart shares: the placed nodes, the
/// bands, the scale and the columns.
struct FlowLayout<'a> {
    /// The options the chart is laid out with.
    options: &'a FlowChartOptions,
    /// Measures label widths.
    measure: &'a dyn TextMeasure,
    /// The nodes (placed) and the bands between them.
    plan: FlowPlan,
    /// The flow each band draws, in band order.
    bands: Vec<Flow>,
    /// Pixels per unit of weight.
    scale: f64,
    /// The widest a node label is drawn; longer ones are shortened.
    max_label: f32,
    /// Left edge of the supplier nodes.
    left_node_x: f32,
    /// Left edge of the recipient nodes.
    right_node_x: f32,
    /// Where the bands start (the supplier nodes' right edge).
    band_x0: f32,
    /// Where the bands end.
    band_x1: f32,
}

impl<'a> FlowLayout<'a> {
    /// Sizes the bands of `plan` (made for `flows`) to fit `avail`, places the nodes in slots
    /// at least `label_height` tall, and sizes the label columns.
    fn new(
        flows: &[Flow],
        mut plan: FlowPlan,
        options: &'a FlowChartOptions,
        measure: &'a dyn TextMeasure,
        label_height: f32,
        avail: f32,
    ) -> Self {
        let bands = plan.band_flows(flows);
        // Scale: pixels per unit of weight, shrunk until the slots fit the height.
        // Each node's flows, computed once: the scale search below sums them many times.
        let node_bands = NodeBands::new(&plan, &bands, options.weight, label_height);
        let scale = node_bands.fit_scale(avail);
        node_bands.place(&mut plan.left, &mut plan.right, MARGIN, scale);
        // Horizontal: label columns sized to the longest label, capped at a third of the width
        // each (longer labels are shortened with an ellipsis, never clipped by the edge).
        let max_label = options.width / 3.0;
        let label_width = |nodes: &[Node]| {
            nodes
                .iter()
                .map(|n| measure.width(&n.label, options.font_size))
                .fold(0.0_f32, f32::max)
                .min(max_label)
        };
        let left_node_x = MARGIN + label_width(&plan.left) + LABEL_GAP;
        let right_node_x =
            options.width - MARGIN - label_width(&plan.right) - LABEL_GAP - NODE_WIDTH;
        let band_x0 = left_node_x + NODE_WIDTH;
        let band_x1 = right_node_x.max(band_x0 + 40.0);
        Self {
            options,
            measure,
            plan,
            bands,
            scale,
            max_label,
            left_node_x,
            right_node_x,
            band_x0,
            band_x1,
        }
    }

    /// The lowest slot bottom of either side.
    fn bottom(&self) -> f32 {
        self.plan
            .left
            .iter()
            .chain(&self.plan.right)
            .map(|n| n.slot_top + n.slot_height)
            .fold(0.0_f32, f32::max)
    }

    /// The thickness of band `f` in pixels.
    fn thickness(&self, f: &Flow) -> f32 {
        band_thickness(f, self.options.weight, self.scale)
    }

    /// The fill of band `i` (drawing `f`): its status, or its supplier node.
    fn color_of(&self, f: &Flow) -> Rgba {
        match (self.options.color, f.key.split) {
            (FlowColor::Status | FlowColor::Register, Some(split)) => split_color(split),
            _ => country_color(f.color),
        }
    }

    /// Whether band `i` is the highlighted part or runs through it.
    fn is_lit(&self, i: usize) -> bool {
        let plan = &self.plan;
        match self.options.highlight.as_ref() {
            Some(FlowTarget::Band(b)) => b.flows == plan.members[i],
            Some(FlowTarget::Supplier(c)) => plan.pair[i].0 == node_of(&plan.left_index, c),
            Some(FlowTarget::Recipient(c)) => plan.pair[i].1 == node_of(&plan.right_index, c),
            None => false,
        }
    }

    /// Each band's top where it meets `nodes` (one side's), the bands stacked in each node;
    /// `ends` picks (this side's node, other side's) from a band's pair.
    fn stack(&self, nodes: &[Node], ends: fn((usize, usize)) -> (usize, usize)) -> Vec<f32> {
        let (flows, pair) = (&self.bands, &self.plan.pair);
        let mut order: Vec<usize> = (0..flows.len()).collect();
        order.sort_by_key(|&i| (ends(pair[i]), flows[i].key.split));
        let mut fill: Vec<f32> = nodes.iter().map(Node::top).collect();
        let mut at = vec![0.0_f32; flows.len()];
        for i in order {
            let n = ends(pair[i]).0;
            at[i] = fill[n];
            fill[n] += self.thickness(&flows[i]);
        }
        at
    }

    /// Band `f`'s ribbon from `top` down by `thickness`. When the folder has a review, the
    /// share of its transfers reviewed and kept is drawn solid on top and the rest pale, so
    /// what an analyst has checked reads at a glance.
    fn band_ribbons(&self, f: &Flow, top: &[Pos], thickness: f32, lit: bool) -> Vec<Primitive> {
        let dim = !(self.options.highlight.is_none() || lit);
        let (solid, pale) = if dim { (70, 35) } else { (170, 80) };
        let reviewed_share = match f.reviewed {
            Some(n) if !f.transfers.is_empty() => n as f32 / f.transfers.len() as f32,
            _ => 1.0,
        };
        let color = self.color_of(f);
        let shifted =
            |dy: f32| -> Vec<Pos> { top.iter().map(|p| Pos::new(p.x, p.y + dy)).collect() };
        let split = thickness * reviewed_share;
        let mut ribbons = Vec::new();
        if split > 0.0 {
            ribbons.push(Primitive::Ribbon {
                top: top.to_vec(),
                bottom: shifted(split),
                fill: color.with_alpha(solid),
            });
        }
        if split < thickness {
            ribbons.push(Primitive::Ribbon {
                top: shifted(split),
                bottom: shifted(thickness),
                fill: color.with_alpha(pale),
            });
        }
        ribbons
    }

    /// Draws the bands into `out` (lit ones last, selected ones outlined); returns their hit
    /// regions in band order.
    fn draw_bands(&self, out: &mut Vec<Primitive>) -> Vec<HitRegion<FlowTarget>> {
        // Bands: stacked in each node in the order of the node at the other end (then status),
        // so they cross as little as possible. `ends` picks (this side's node, other side's).
        let starts = self.stack(&self.plan.left, |(l, r)| (l, r));
        let ends = self.stack(&self.plan.right, |(l, r)| (r, l));
        let mut band_hits = Vec::new();
        let mut lit_bands = Vec::new();
        for (i, f) in self.bands.iter().enumerate() {
            let thickness = self.thickness(f);
            let top_curve = curve(self.band_x0, starts[i], self.band_x1, ends[i]);
            let bottom_curve: Vec<Pos> = top_curve
                .iter()
                .map(|p| Pos::new(p.x, p.y + thickness))
                .collect();
            let lit = self.is_lit(i);
            let ribbons = self.band_ribbons(f, &top_curve, thickness, lit);
            if lit {
                lit_bands.extend(ribbons);
            } else {
                out.extend(ribbons);
            }
            if is_selected(f, &self.options.selected) {
                for edge in [&top_curve, &bottom_curve] {
                    out.push(Primitive::Line {
                        points: edge.clone(),
                        color: self.options.theme.text(),
                        width: 1.5,
                    });
                }
            }
            band_hits.push(self.band_hit(i, f, top_curve, bottom_curve));
        }
        // Lit bands are drawn last so they sit on top of the others.
        out.extend(lit_bands);
        band_hits
    }

    /// The hit region of band `i` (drawing `f`) between its two edges.
    fn band_hit(
        &self,
        i: usize,
        f: &Flow,
        top: Vec<Pos>,
        bottom: Vec<Pos>,
    ) -> HitRegion<FlowTarget> {
        HitRegion {
            target: FlowTarget::Band(FlowBand {
                flows: self.plan.members[i].clone(),
                title: format!("{} → {}", f.supplier_name, f.recipient_name),
            }),
            shape: HitShape::Ribbon { top, bottom },
            label: band_label(f, self.options.weight),
        }
    }

    /// The nodes drawn stronger, (suppliers, recipients): the ends of the highlighted band,
    /// or the highlighted node.
    fn lit_nodes(&self) -> (Vec<usize>, Vec<usize>) {
        let plan = &self.plan;
        match self.options.highlight.as_ref() {
            Some(FlowTarget::Band(b)) => plan
                .members
                .iter()
                .position(|m| *m == b.flows)
                .and_then(|i| plan.pair.get(i))
                .map_or((vec![], vec![]), |&(l, r)| (vec![l], vec![r])),
            Some(FlowTarget::Supplier(c)) => (vec![node_of(&plan.left_index, c)], vec![]),
            Some(FlowTarget::Recipient(c)) => (vec![], vec![node_of(&plan.right_index, c)]),
            None => (vec![], vec![]),
        }
    }

    /// Draws the nodes and their labels into `out`, suppliers then recipients; returns their
    /// hit regions in the same order.
    fn draw_nodes(&self, out: &mut Vec<Primitive>) -> Vec<HitRegion<FlowTarget>> {
        let (lit_left, lit_right) = self.lit_nodes();
        let sides = [
            (true, &self.plan.left, &lit_left),
            (false, &self.plan.right, &lit_right),
        ];
        let mut node_hits = Vec::new();
        for (is_left, nodes, lit) in sides {
            for (i, node) in nodes.iter().enumerate() {
                node_hits.push(self.draw_node(out, is_left, node, lit.contains(&i)));
            }
        }
        node_hits
    }

    /// Draws `node` (a supplier when `is_left`) and its label into `out`, stronger when
    /// `lit`; returns its hit region.
    fn draw_node(
        &self,
        out: &mut Vec<Primitive>,
        is_left: bool,
        node: &Node,
        lit: bool,
    ) -> HitRegion<FlowTarget> {
        let (theme, font) = (self.options.theme, self.options.font_size);
        let x = if is_left {
            self.left_node_x
        } else {
            self.right_node_x
        };
        let rect = Rect::from_xywh(x, node.top(), NODE_WIDTH, node.height);
        let fill = if is_left && self.options.color == FlowColor::Supplier {
            // The node has its bands' colour: the supplier's, grey for "Other".
            let band = self.bands.iter().find(|f| f.key.supplier == node.code);
            country_color(band.and_then(|f| f.color))
        } else {
            theme.muted()
        };
        out.push(Primitive::Rect {
            rect,
            fill,
            stroke: lit.then_some((theme.text(), 2.0)),
        });
        let label = fit_text(&node.label, self.max_label, font, self.measure);
        let y = node.slot_top + node.slot_height / 2.0;
        let (tx, anchor) = if is_left {
            (x - LABEL_GAP, Anchor::End)
        } else {
            (x + NODE_WIDTH + LABEL_GAP, Anchor::Start)
        };
        out.push(Primitive::Text {
            pos: Pos::new(tx, y),
            text: label.clone(),
            size: font,
            color: if lit {
                theme.text()
            } else {
                theme.text().with_alpha(230)
            },
            anchor,
        });
        self.node_hit(is_left, node, x, tx, &label)
    }

    /// The hit region of `node` (a supplier when `is_left`) at `x`: the node with its
    /// `label`, drawn from `tx`, across the node's whole slot.
    fn node_hit(
        &self,
        is_left: bool,
        node: &Node,
        x: f32,
        tx: f32,
        label: &str,
    ) -> HitRegion<FlowTarget> {
        let label_w = self.measure.width(label, self.options.font_size);
        let (target, hit_rect) = if is_left {
            let rect = Rect::from_xywh(
                tx - label_w,
                node.slot_top,
                label_w + LABEL_GAP + NODE_WIDTH,
                node.slot_height,
            );
            (FlowTarget::Supplier(node.code.clone()), rect)
        } else {
            let rect = Rect::from_xywh(
                x,
                node.slot_top,
                NODE_WIDTH + LABEL_GAP + label_w,
                node.slot_height,
            );
            (FlowTarget::Recipient(node.code.clone()), rect)
        };
        let side = if is_left { "Supplier" } else { "Recipient" };
        let unit = counted_unit(self.options.weight);
        HitRegion {
            target,
            shape: HitShape::Rect(hit_rect),
            label: format!(
                "{side} {}: {}",
                node.label_name(),
                count_of(node.count, unit)
            ),
        }
    }
}

/// Groups flows by their (supplier node, recipient node, status): each group's flow indices
/// (in order, groups by their first flow) and its two nodes.
fn merge_bands(pair: &[(usize, usize)], flows: &[Flow]) -> (Vec<Vec<usize>>, Vec<(usize, usize)>) {
    let mut band_of: BTreeMap<(usize, usize, Option<FlowSplit>), usize> = BTreeMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut ends = Vec::new();
    for (i, (&(l, r), f)) in pair.iter().zip(flows).enumerate() {
        let band = *band_of.entry((l, r, f.key.split)).or_insert_with(|| {
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
            // A band never mixes statuses or marks.
            split: of_band.first().and_then(|f| f.key.split),
        },
        supplier_name: left.label_name().to_owned(),
        recipient_name: right.label_name().to_owned(),
        transfers: crate::view::transfers_of(flows, members),
        reports: of_band.iter().map(|f| f.reports).sum(),
        quantity: of_band.iter().map(|f| f.quantity).sum(),
        reviewed: of_band.iter().map(|f| f.reviewed).sum::<Option<usize>>(),
        // One supplier keeps its colour; a band gathering several is grey.
        color: of_band
            .first()
            .and_then(|f| f.color)
            .filter(|&c| of_band.iter().all(|f| f.color == Some(c))),
    }
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
    weight: FlowWeight,
) -> Vec<Node> {
    let mut totals: BTreeMap<&String, (&String, f64, usize)> = BTreeMap::new();
    for f in flows {
        let (code, name) = side(f);
        let e = totals.entry(code).or_insert((name, 0.0, 0));
        e.1 += f.weight(weight);
        e.2 += counted(f, weight);
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

/// A band's words: "Iran → Russia: 1 transfer (1 report), delivered" (the Map's arcs say the
/// same).
pub(super) fn band_label(f: &Flow, weight: FlowWeight) -> String {
    let reports = format!(
        "{} ({})",
        count_of(f.transfers.len(), "transfer"),
        count_of(f.reports, "report")
    );
    let status = f
        .key
        .split
        .map(|s| format!(", {}", s.label()))
        .unwrap_or_default();
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
        text: format!("{width} · colour: {}", options.color.label()),
        color: theme.muted(),
    }];
    if flows.iter().any(|f| f.reviewed.is_some()) {
        entries.push(LegendEntry {
            swatch: Swatch::None,
            text: "solid: the share of transfers reviewed · pale: not yet".into(),
            color: theme.muted(),
        });
    }
    if options.color != FlowColor::Supplier {
        entries.extend(split_entries(flows, theme));
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ApproxMeasure;

    use crate::view::test_flow as flow;

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
