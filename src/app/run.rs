use super::ArmsFlowApp;
use std::path::PathBuf;

/// The window icon, drawn for ArmsFlow (also installed with the desktop entry).
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/armsflow-256.png");

/// Opens the window and runs until it is closed. `folder` is opened first when given.
pub fn run_app(folder: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("ArmsFlow")
        .with_app_id("armsflow")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        // The window still works without its icon; say why it is missing.
        Err(e) => eprintln!("armsflow: warning: window icon not loaded: {e}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "ArmsFlow",
        options,
        Box::new(move |cc| Ok(Box::new(ArmsFlowApp::new(cc, folder)?))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not open: {e}"))
}
