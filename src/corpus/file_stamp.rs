use crate::model::FileStamp;
use std::path::Path;

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
