use crate::dates::When;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the corrections live, relative to the opened folder. It is the only file ArmsFlow
/// ever writes inside a user's folder, and only when the user makes a correction.
pub const OVERRIDES_FILE: &str = ".armsflow/overrides.json";

/// The largest corrections file read (one line per corrected article is far below).
const MAX_OVERRIDES_BYTES: u64 = 64 * 1_048_576;

/// Version tag of the overrides file.
pub const OVERRIDES_SCHEMA: &str = "armsflow-overrides/1";

/// The overrides file cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum OverridesError {
    /// The file exists but cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid overrides JSON.
    #[error("{} is damaged ({source}); it is left as it is, and set aside as overrides.json.bak when you next correct a date", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Why it does not parse.
        source: serde_json::Error,
    },
    /// The file is from a version of ArmsFlow this one does not know.
    #[error("{} has schema {found:?}, which this version does not read (it reads {OVERRIDES_SCHEMA:?}); it is left as it is and not used, and set aside as overrides.json.bak when you next correct a date", path.display())]
    UnknownSchema {
        /// The file.
        path: PathBuf,
        /// The schema it names.
        found: String,
    },
    /// The file, or its `.armsflow` folder, is a symbolic link: it could lead out of the
    /// opened folder (into `/proc`, or to another folder's corrections), so it is neither
    /// read nor written.
    #[error("{} is a symbolic link: not followed (your corrections are read and written only inside the folder)", path.display())]
    Linked {
        /// The link.
        path: PathBuf,
    },
    /// The folder for the file, or the file itself, cannot be written.
    #[error("cannot save your correction to {}: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The user's corrections to a folder: article dates, by article path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overrides {
    /// Always [`OVERRIDES_SCHEMA`].
    pub schema: String,
    /// Article path (relative to the folder, `/` separators) -> date as typed: "2023-11-08",
    /// "2023-11" or "2023".
    #[serde(default)]
    pub article_dates: BTreeMap<String, String>,
}

impl Default for Overrides {
    fn default() -> Self {
        Self {
            schema: OVERRIDES_SCHEMA.to_owned(),
            article_dates: BTreeMap::new(),
        }
    }
}

impl Overrides {
    /// The overrides file of `folder`.
    pub fn path_in(folder: &Path) -> PathBuf {
        folder.join(OVERRIDES_FILE)
    }

    /// Reads the overrides of `folder`: empty when there is no file.
    pub fn load(folder: &Path) -> Result<Self, OverridesError> {
        let path = Self::path_in(folder);
        check_not_linked(&path)?;
        let text = match crate::files::read_regular_text(&path, MAX_OVERRIDES_BYTES) {
            Ok(t) => t,
            Err(crate::files::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self::default());
            }
            Err(crate::files::ReadError::Io(source)) => {
                return Err(OverridesError::Read { path, source });
            }
            Err(other) => {
                let source = std::io::Error::other(other.to_string());
                return Err(OverridesError::Read { path, source });
            }
        };
        let overrides: Self =
            serde_json::from_str(&text).map_err(|source| OverridesError::Damaged {
                path: path.clone(),
                source,
            })?;
        if overrides.schema != OVERRIDES_SCHEMA {
            return Err(OverridesError::UnknownSchema {
                path,
                found: overrides.schema,
            });
        }
        Ok(overrides)
    }

    /// The corrections whose date is no date ("2023-13", "2011-02-30"), as (article path,
    /// text): they are not applied, and are kept in the file as they are.
    pub fn invalid_dates(&self) -> Vec<(&str, &str)> {
        self.article_dates
            .iter()
            .filter(|(_, d)| When::parse(d).is_none())
            .map(|(p, d)| (p.as_str(), d.as_str()))
            .collect()
    }

    /// Writes the overrides of `folder` atomically, creating `.armsflow/` when needed. A
    /// damaged file already there is first renamed to `overrides.json.bak`, never
    /// overwritten; the returned path names that backup when one was made.
    pub fn save(&self, folder: &Path) -> Result<Option<PathBuf>, OverridesError> {
        let path = Self::path_in(folder);
        let write_error = |path: &Path| {
            let path = path.to_owned();
            move |source| OverridesError::Write { path, source }
        };
        // Only `.armsflow/` is ever created, never the folder itself: a folder deleted while
        // open stays deleted.
        if !folder.is_dir() {
            return Err(OverridesError::Write {
                path: folder.to_owned(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "the folder no longer exists",
                ),
            });
        }
        check_not_linked(&path)?;
        if let Some(dir) = path.parent()
            && !dir.is_dir()
        {
            std::fs::create_dir(dir).map_err(write_error(dir))?;
        }
        let mut backup = None;
        if let Err(OverridesError::Damaged { .. } | OverridesError::UnknownSchema { .. }) =
            Self::load(folder)
        {
            let bak = path.with_extension("json.bak");
            std::fs::rename(&path, &bak).map_err(write_error(&bak))?;
            backup = Some(bak);
        }
        let mut json = serde_json::to_vec_pretty(self).unwrap_or_default();
        json.push(b'\n');
        crate::files::write_atomic(&path, &json).map_err(|e| OverridesError::Write {
            path: path.clone(),
            source: std::io::Error::other(e.to_string()),
        })?;
        Ok(backup)
    }

    /// The corrected date of the article at `path`, when the user set one.
    pub fn article_date(&self, path: &str) -> Option<When> {
        self.article_dates.get(path).and_then(|d| When::parse(d))
    }

    /// Sets (or with `None` clears) the date of the article at `path`.
    pub fn set_article_date(&mut self, path: &str, date: Option<When>) {
        match date {
            Some(w) => {
                self.article_dates.insert(path.to_owned(), w.to_string());
            }
            None => {
                self.article_dates.remove(path);
            }
        }
    }
}

/// Fails when the corrections file or its `.armsflow` folder is a symbolic link.
fn check_not_linked(path: &Path) -> Result<(), OverridesError> {
    let linked = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
    for p in [Some(path), path.parent()].into_iter().flatten() {
        if linked(p) {
            return Err(OverridesError::Linked { path: p.to_owned() });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_atomically_and_reads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            Overrides::load(dir.path()).expect("none"),
            Overrides::default()
        );
        let mut o = Overrides::default();
        o.set_article_date("news/a.txt", When::parse("2023-11"));
        assert_eq!(o.save(dir.path()).expect("saved"), None);
        let back = Overrides::load(dir.path()).expect("read");
        assert_eq!(back.article_date("news/a.txt"), When::parse("2023-11"));
        let entries: Vec<_> = std::fs::read_dir(dir.path().join(".armsflow"))
            .expect("dir")
            .collect();
        assert_eq!(entries.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn a_damaged_file_is_reported_and_kept_as_bak() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = Overrides::path_in(dir.path());
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, "{ not json").expect("write");
        let e = Overrides::load(dir.path()).expect_err("damaged");
        assert!(e.to_string().contains("damaged"), "{e}");
        let mut o = Overrides::default();
        o.set_article_date("a.txt", When::parse("2022"));
        let bak = o.save(dir.path()).expect("saved").expect("backup made");
        assert_eq!(std::fs::read_to_string(bak).expect("bak"), "{ not json");
        assert_eq!(
            Overrides::load(dir.path())
                .expect("read")
                .article_date("a.txt"),
            When::parse("2022")
        );
    }
}
