use super::flow::FlowLayout;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the window keeps between frames besides [`crate::app::AppState`]: what panels compute
/// while drawing (the Flow chart's layout, the chart's size) and what the user has half
/// typed. Owned by the app and handed to the panels each frame, never kept in egui's memory,
/// so a newcomer finds every piece of the window's state in two structs.
#[derive(Default)]
pub struct ViewCaches {
    /// The Flow chart laid out without a highlight, with where each band is on top: redone
    /// only when the flows or the chart options change (finding the tops of hundreds of
    /// overlapping bands costs more than a frame).
    pub(super) flow_layout: Option<Kept<crate::chart::FlowChartOptions, FlowLayout>>,
    /// The Map chart's last plain layout, with its frame and its regions' points.
    pub(super) map_layout: Option<Kept<crate::chart::MapChartOptions, super::map::MapLayout>>,
    /// A date filter's text while it is being typed (by field), so a half-typed date is not
    /// lost; it applies once it is a date.
    pub(super) date_text: BTreeMap<&'static str, String>,
    /// The reader target (article, start, end) last scrolled to: the reader scrolls once per
    /// target, and later frames leave the user free to scroll.
    pub(super) reader_scrolled: Option<(usize, usize, usize)>,
    /// The text last selected in the reader (article, start, end in bytes): what "Add
    /// transfer from selection" adds.
    pub(super) reader_selection: Option<(usize, usize, usize)>,
    /// What is typed to narrow the report form's country lists.
    pub(super) country_search: String,
    /// How far the table is scrolled down: its frozen first columns and the rest are two
    /// tables that scroll together.
    pub(super) table_scroll_y: f32,
}

/// A chart's layout kept between frames, with the flows' version and the options it was
/// made from.
pub(super) struct Kept<O, L> {
    version: u64,
    options: O,
    layout: Arc<L>,
}

/// The layout kept in `slot` when it was made from `version` and `options`; else `build()`,
/// kept there for the next frames.
pub(super) fn kept_or_build<O: PartialEq + Clone, L>(
    slot: &mut Option<Kept<O, L>>,
    version: u64,
    options: &O,
    build: impl FnOnce() -> L,
) -> Arc<L> {
    if let Some(kept) = slot.as_ref()
        && kept.version == version
        && kept.options == *options
    {
        return Arc::clone(&kept.layout);
    }
    let layout = Arc::new(build());
    *slot = Some(Kept {
        version,
        options: options.clone(),
        layout: Arc::clone(&layout),
    });
    layout
}
