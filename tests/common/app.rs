//! Driving the desktop app in tests: open a folder in a headless window and wait for
//! background work.

use armsflow::app::{ArmsFlowApp, Settings, Tab};
use egui_kittest::Harness;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Opens `folder` in the app on `tab` and waits for the background load to finish.
pub fn open_folder(folder: PathBuf, tab: Tab) -> Harness<'static, ArmsFlowApp> {
    let settings = Settings {
        tab,
        ..Settings::default()
    };
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            ArmsFlowApp::with_settings(&cc.egui_ctx, settings, Some(folder))
                .expect("built-in data loads")
        });
    step_while(&mut harness, ArmsFlowApp::is_loading, "the load");
    harness.run_steps(4);
    harness
}

/// Steps the app while `busy` (background work) holds, failing after a minute.
pub fn step_while(
    harness: &mut Harness<'static, ArmsFlowApp>,
    busy: fn(&ArmsFlowApp) -> bool,
    what: &str,
) {
    let start = Instant::now();
    while busy(harness.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{what} did not finish"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}
