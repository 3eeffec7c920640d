//! The files ArmsFlow keeps beside a user's articles, in the folder's `.armsflow/`: the
//! corrections (`overrides.json`) and the analyst's review (`review.json`). Each is versioned
//! JSON, read only when it is a regular file inside the folder, and written atomically; a file
//! that is damaged or of an unknown version is never overwritten but set aside as `.bak`.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// The largest sidecar file read (a review of 100,000 decisions is about 30 MB).
const MAX_SIDECAR_BYTES: u64 = 256 * 1_048_576;

/// A file kept in `.armsflow/`.
pub trait SidecarFile: Serialize + DeserializeOwned + Default {
    /// Its path relative to the opened folder (`.armsflow/overrides.json`).
    const FILE: &'static str;
    /// The version tag this ArmsFlow reads and writes.
    const SCHEMA: &'static str;
    /// What the file keeps, in words, for messages ("your corrections").
    const WHAT: &'static str;
    /// The version tag the value carries.
    fn schema(&self) -> &str;
}

/// A sidecar file cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// The file exists but cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid JSON of its kind.
    #[error("{} is damaged ({source}); it is left as it is, and set aside as .bak at the next save", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Why it does not parse.
        source: serde_json::Error,
    },
    /// The file is from a version of ArmsFlow this one does not know.
    #[error("{} has schema {found:?}, which this version does not read (it reads {expected:?}); it is left as it is and not used, and set aside as .bak at the next save", path.display())]
    UnknownSchema {
        /// The file.
        path: PathBuf,
        /// The schema it names.
        found: String,
        /// The schema this version reads.
        expected: &'static str,
    },
    /// The file, or its `.armsflow` folder, is a symbolic link: it could lead out of the
    /// opened folder (into `/proc`, or to another folder's files), so it is neither read nor
    /// written.
    #[error("{} is a symbolic link: not followed ({what} are read and written only inside the folder)", path.display())]
    Linked {
        /// The link.
        path: PathBuf,
        /// What the file keeps.
        what: &'static str,
    },
    /// The folder for the file, or the file itself, cannot be written.
    #[error("cannot save {what} to {}: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// What the file keeps.
        what: &'static str,
        /// Why.
        source: std::io::Error,
    },
}

/// Reads `T`'s file in `folder`: the default (empty) value when there is no file.
pub fn load<T: SidecarFile>(folder: &Path) -> Result<T, SidecarError> {
    let path = folder.join(T::FILE);
    check_not_linked::<T>(&path)?;
    let text = match crate::files::read_regular_text(&path, MAX_SIDECAR_BYTES) {
        Ok(t) => t,
        Err(crate::files::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(T::default());
        }
        Err(crate::files::ReadError::Io(source)) => {
            return Err(SidecarError::Read { path, source });
        }
        Err(other) => {
            let source = std::io::Error::other(other.to_string());
            return Err(SidecarError::Read { path, source });
        }
    };
    let value: T = serde_json::from_str(&text).map_err(|source| SidecarError::Damaged {
        path: path.clone(),
        source,
    })?;
    if value.schema() != T::SCHEMA {
        return Err(SidecarError::UnknownSchema {
            path,
            found: value.schema().to_owned(),
            expected: T::SCHEMA,
        });
    }
    Ok(value)
}

/// Writes `value` as `T`'s file in `folder` atomically, creating `.armsflow/` when needed
/// (never the folder itself: a folder deleted while open stays deleted). A damaged file or
/// one of an unknown version already there is first renamed to `NAME.bak`, never
/// overwritten; the returned path names that backup when one was made.
pub fn save<T: SidecarFile>(value: &T, folder: &Path) -> Result<Option<PathBuf>, SidecarError> {
    let path = folder.join(T::FILE);
    let write_error = |path: &Path| {
        let path = path.to_owned();
        move |source| SidecarError::Write {
            path,
            what: T::WHAT,
            source,
        }
    };
    if !folder.is_dir() {
        let gone = std::io::Error::new(std::io::ErrorKind::NotFound, "the folder no longer exists");
        return Err(write_error(folder)(gone));
    }
    check_not_linked::<T>(&path)?;
    if let Some(dir) = path.parent()
        && !dir.is_dir()
    {
        std::fs::create_dir(dir).map_err(write_error(dir))?;
    }
    let mut backup = None;
    if let Err(SidecarError::Damaged { .. } | SidecarError::UnknownSchema { .. }) =
        load::<T>(folder)
    {
        let bak = path.with_extension("json.bak");
        std::fs::rename(&path, &bak).map_err(write_error(&bak))?;
        backup = Some(bak);
    }
    let mut json = serde_json::to_vec_pretty(value).unwrap_or_default();
    json.push(b'\n');
    crate::files::write_atomic(&path, &json)
        .map_err(|e| write_error(&path)(std::io::Error::other(e.to_string())))?;
    Ok(backup)
}

/// Fails when the file or its `.armsflow` folder is a symbolic link.
fn check_not_linked<T: SidecarFile>(path: &Path) -> Result<(), SidecarError> {
    let linked = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    for p in [Some(path), path.parent()].into_iter().flatten() {
        if linked(p) {
            return Err(SidecarError::Linked {
                path: p.to_owned(),
                what: T::WHAT,
            });
        }
    }
    Ok(())
}
