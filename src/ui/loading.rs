use crate::app::{Command, LoadJob};

/// The progress bar of a running load: files read and extracted of files found, the
/// current file, Cancel.
pub fn loading_ui(ui: &mut egui::Ui, job: &LoadJob, out: &mut Vec<Command>) {
    let (done, total, current) = job.counts();
    ui.horizontal(|ui| {
        ui.label(format!("Loading {}", job.folder.display()));
        if ui.button("Cancel").clicked() {
            out.push(Command::CancelLoad);
        }
    });
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    let text = if done >= total && total > 0 {
        format!("{done} / {total} files read — grouping reports into transfers…")
    } else {
        format!("{done} / {total} files read and extracted")
    };
    ui.add(egui::ProgressBar::new(fraction).text(text));
    if !current.is_empty() {
        ui.label(egui::RichText::new(current).small().weak());
    }
    ui.separator();
}
