use crate::corpus::{LoadOptions, LoadProgress};
use crate::dataset::{Dataset, build_dataset};
use crate::extract::Extractor;
use crate::view::DatasetIndex;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, TryRecvError};

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
    receiver: Receiver<LoadResult>,
}

impl LoadJob {
    /// Starts loading `folder` on a new thread. `wake` is called when the result is ready
    /// (the app passes a repaint request so the window wakes up).
    pub fn spawn(
        folder: &Path,
        extractor: Arc<Extractor>,
        options: LoadOptions,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let progress = Arc::new(LoadProgress::default());
        let (sender, receiver) = mpsc::channel();
        let failure = sender.clone();
        let job_progress = Arc::clone(&progress);
        let job_folder = folder.to_owned();
        let spawned = std::thread::Builder::new()
            .name("armsflow-load".into())
            .spawn(move || {
                let result = match build_dataset(&job_folder, &extractor, &options, &job_progress) {
                    _ if job_progress.cancel.load(Ordering::Relaxed) => LoadResult::Cancelled,
                    Ok(dataset) => {
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
            receiver,
        }
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

    /// `(files read, files found, current file)` for the progress bar.
    pub fn counts(&self) -> (usize, usize, String) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
            self.progress.current_file(),
        )
    }
}
