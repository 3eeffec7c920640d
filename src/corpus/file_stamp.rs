use std::path::Path;
use std::time::SystemTime;

/// What a file looked like when it was read: its size and modification time. A reload
/// re-reads a file only when its stamp changed, so an unchanged article keeps its reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub len: u64,
    /// Last modification time, when the file system records one.
    pub modified: Option<SystemTime>,
}

impl FileStamp {
    /// The stamp of the file at `path` (symbolic links followed).
    pub fn of(path: &Path) -> std::io::Result<Self> {
        Ok(Self::from_metadata(&std::fs::metadata(path)?))
    }

    /// The stamp described by `meta`.
    pub fn from_metadata(meta: &std::fs::Metadata) -> Self {
        Self {
            len: meta.len(),
            // Some file systems keep no modification time: the size alone then decides.
            modified: meta.modified().ok(),
        }
    }
}
