use crate::corpus::{LoadOptions, LoadProgress};
use crate::dataset::{Dataset, rebuild_dataset};
use crate::extract::Extractor;
use crate::register::Register;
use crate::view::{DatasetIndex, thousands};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// How a load ended.
#[derive(Debug)]
pub enum LoadResult {
    /// The folder was read (files that failed are in the dataset's problems), with its index
    /// made on the loading thread too (it takes a fifth of a second on 100,000 transfers).
    Done(Box<(Dataset, DatasetIndex)>),
    /// The user cancelled, or a newer load replaced this one.
    Cancelled,
    /// The folder could not be read at all.
    Failed(String),
}

/// A folder being loaded and extracted on a background thread.
#[derive(Debug)]
pub struct LoadJob {
    /// The folder.
    pub folder: PathBuf,
    /// Counters the progress bar reads, and the cancel flag.
    pub progress: Arc<LoadProgress>,
    /// When the job started.
    pub started: Instant,
    /// True for a refresh after a change in the folder: unchanged files are kept from the
    /// dataset shown, and the progress bar appears only if it takes a while.
    pub refresh: bool,
    receiver: Receiver<LoadResult>,
}

/// A refresh that finishes sooner than this shows no progress bar, so that the panel does
/// not flash on every saved file.
const QUIET_REFRESH: Duration = Duration::from_millis(400);

impl LoadJob {
    /// Starts loading `folder` on a new thread. With `previous` (the dataset shown, of the
    /// same folder) only new and changed files are read again. The transfers are checked
    /// against `register` (the SIPRI register compared, kept from folder to folder). `wake`
    /// is called when the result is ready (the app passes a repaint request so the window
    /// wakes up).
    pub fn spawn(
        folder: &Path,
        previous: Option<Arc<Dataset>>,
        register: Option<Arc<Register>>,
        extractor: Arc<Extractor>,
        options: LoadOptions,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let refresh = previous.is_some();
        let progress = Arc::new(LoadProgress::default());
        let (sender, receiver) = mpsc::channel();
        let failure = sender.clone();
        let job_progress = Arc::clone(&progress);
        let job_folder = folder.to_owned();
        let spawned = std::thread::Builder::new()
            .name("armsflow-load".into())
            .spawn(move || {
                let built = rebuild_dataset(
                    &job_folder,
                    previous.as_deref(),
                    &extractor,
                    &options,
                    &job_progress,
                );
                // The old dataset may be freed as soon as the window lets go of it too.
                drop(previous);
                let result = match built {
                    _ if job_progress.cancel.load(Ordering::Relaxed) => LoadResult::Cancelled,
                    Ok(mut dataset) => {
                        if dataset.register.is_none() && register.is_some() {
                            dataset.set_register(register);
                        }
                        let index = DatasetIndex::new(&dataset);
                        // The first search would otherwise build this on the UI thread.
                        index.search_text(&dataset);
                        LoadResult::Done(Box::new((dataset, index)))
                    }
                    Err(e) => LoadResult::Failed(e.to_string()),
                };
                // The receiver is gone when the app closed meanwhile: nothing to tell.
                let _ = sender.send(result);
                wake();
            });
        if let Err(e) = spawned {
            // The receiver is held below, so this send cannot fail.
            let _ = failure.send(LoadResult::Failed(format!("cannot start loading: {e}")));
        }
        Self {
            folder: folder.to_owned(),
            progress,
            started: Instant::now(),
            refresh,
            receiver,
        }
    }

    /// What the finished job did, for the status bar: "Read 20,000 files in 1.2 s", or for a
    /// refresh "Folder changed: 1 file read again, 19,999 unchanged; shown in 0.12 s". The
    /// time runs from the start to now, so call it once the result is shown.
    pub fn summary(&self) -> String {
        let done = self.progress.done.load(Ordering::Relaxed);
        let unchanged = self.progress.unchanged.load(Ordering::Relaxed);
        let seconds = self.started.elapsed().as_secs_f64();
        if self.refresh {
            let read = done.saturating_sub(unchanged);
            format!(
                "Folder changed: {} {} read again, {} unchanged; shown in {seconds:.2} s",
                thousands(read as u64),
                if read == 1 { "file" } else { "files" },
                thousands(unchanged as u64),
            )
        } else {
            format!("Read {} files in {seconds:.1} s", thousands(done as u64))
        }
    }

    /// Whether to show the progress bar now.
    pub fn shows_progress(&self) -> bool {
        !self.refresh || self.started.elapsed() >= QUIET_REFRESH
    }

    /// Asks the job to stop; it reports [`LoadResult::Cancelled`] soon after.
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    /// The result, once the job has finished.
    pub fn poll(&self) -> Option<LoadResult> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(LoadResult::Failed(
                "the loading thread stopped unexpectedly".into(),
            )),
        }
    }

    /// `(files done, files found, current file)` for the progress bar; a file is done once
    /// it is read and extracted, or found unchanged.
    pub fn counts(&self) -> (usize, usize, String) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
            self.progress.current_file(),
        )
    }
}
