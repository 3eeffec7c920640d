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
    pub(super) flow_layout: Option<Arc<FlowLayout>>,
    /// The Map chart's last plain layout.
    pub(super) map_layout: Option<Arc<super::map::MapLayout>>,
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
