use super::sidecar::{SidecarError, SidecarFile};
use crate::dates::When;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the corrections live, relative to the opened folder. It is the only file ArmsFlow
/// ever writes inside a user's folder, and only when the user makes a correction.
pub const OVERRIDES_FILE: &str = ".armsflow/overrides.json";

/// Version tag of the overrides file.
pub const OVERRIDES_SCHEMA: &str = "armsflow-overrides/1";

/// The overrides file cannot be read or written (see [`super::sidecar`]).
pub type OverridesError = SidecarError;

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
        super::sidecar::load(folder)
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

    /// Writes the overrides of `folder` atomically (see [`super::sidecar::save`]); returns
    /// where a damaged file was set aside, if one was.
    pub fn save(&self, folder: &Path) -> Result<Option<PathBuf>, OverridesError> {
        super::sidecar::save(self, folder)
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

impl SidecarFile for Overrides {
    const FILE: &'static str = OVERRIDES_FILE;
    const SCHEMA: &'static str = OVERRIDES_SCHEMA;
    const WHAT: &'static str = "your corrections";

    fn schema(&self) -> &str {
        &self.schema
    }
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
