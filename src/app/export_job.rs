use crate::export::{ExportError, ExportSummary};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// An export running on a background thread (rendering a large PNG takes a while).
#[derive(Debug)]
pub struct ExportJob {
    /// The file being written.
    pub path: PathBuf,
    receiver: Receiver<Result<ExportSummary, ExportError>>,
}

impl ExportJob {
    /// Runs `work` on a new thread; `wake` is called when it is done.
    pub fn spawn(
        path: PathBuf,
        work: impl FnOnce() -> Result<ExportSummary, ExportError> + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let failure = sender.clone();
        let spawned = std::thread::Builder::new()
            .name("armsflow-export".into())
            .spawn(move || {
                // The receiver is gone when the app closed meanwhile: nothing to tell.
                let _ = sender.send(work());
                wake();
            });
        if let Err(e) = spawned {
            // The receiver is held below, so this send cannot fail.
            let _ = failure.send(Err(ExportError::Write {
                path: path.clone(),
                source: e,
            }));
        }
        Self { path, receiver }
    }

    /// The result once the export has finished.
    pub fn poll(&self) -> Option<Result<ExportSummary, ExportError>> {
        match self.receiver.try_recv() {
            Ok(result) => Some(result),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(ExportError::Render(
                "the export stopped without a result".into(),
            ))),
        }
    }
}
