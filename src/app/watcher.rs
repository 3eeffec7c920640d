use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before a change triggers a reload, so that a copy of
/// many files reloads once.
/// A refresh reads only the changed files, so an early one mid-copy costs little.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Watches the open folder and says when it changed (debounced).
pub struct FolderWatcher {
    // Kept alive for as long as the folder is watched; dropping it stops the watch.
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    last_change: Option<Instant>,
    root: PathBuf,
}

impl std::fmt::Debug for FolderWatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatcher")
            .field("root", &self.root)
            .finish_non_exhaustive()
    }
}

impl FolderWatcher {
    /// Starts watching `root` recursively. `wake` is called on every event so the window
    /// wakes up to check the debounce.
    pub fn new(root: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let (sender, events) = mpsc::channel();
        // Symbolic links are not followed, as the scan does not follow them: a link into
        // `/proc` would otherwise be watched (and fail) file by file.
        let config = notify::Config::default().with_follow_symlinks(false);
        let mut watcher = RecommendedWatcher::new(
            move |event| {
                let _ = sender.send(event);
                wake();
            },
            config,
        )?;
        watcher.watch(root, RecursiveMode::Recursive)?;
        Ok(Self {
            _watcher: watcher,
            events,
            last_change: None,
            root: root.to_owned(),
        })
    }

    /// Drains events; returns `Ok(true)` once the folder has been quiet for [`DEBOUNCE`]
    /// after a change to an article file, and the watch errors seen meanwhile.
    pub fn poll(&mut self) -> (bool, Vec<String>) {
        let mut errors = Vec::new();
        while let Ok(event) = self.events.try_recv() {
            match event {
                Ok(e) if e.kind.is_access() => {}
                Ok(e) => {
                    if e.paths.iter().any(|p| self.matters(p)) {
                        self.last_change = Some(Instant::now());
                    }
                }
                Err(e) => errors.push(format!("watching {}: {e}", self.root.display())),
            }
        }
        let due = self.last_change.is_some_and(|t| t.elapsed() >= DEBOUNCE);
        if due {
            self.last_change = None;
        }
        (due, errors)
    }

    /// Puts a change that was due back to wait another [`DEBOUNCE`] (the folder is being
    /// read already).
    pub fn defer(&mut self) {
        self.last_change = Some(Instant::now());
    }

    /// Time left until a pending change is due, for scheduling a repaint.
    pub fn pending(&self) -> Option<Duration> {
        self.last_change
            .map(|t| DEBOUNCE.saturating_sub(t.elapsed()))
    }

    /// Changes in hidden files and folders (editor swap files, `.armsflow/`) never reload.
    fn matters(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        !rel.components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
            && !path.to_string_lossy().ends_with('~')
    }
}
