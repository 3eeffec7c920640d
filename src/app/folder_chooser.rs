//! The folder chooser inside the window: a path to type (with completion), the folders of
//! the folder it names to click through, and the recent folders. It needs no desktop
//! service, so it opens whenever the native dialog cannot, and from File > Open folder by
//! path….

use std::path::{Path, PathBuf};

/// What the chooser shows: plain data, changed by commands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderChooser {
    /// The path as typed.
    pub path: String,
    /// The folder whose subfolders are listed: the typed path when it is a folder, else the
    /// folder it is in.
    pub listed: PathBuf,
    /// The subfolders of `listed`, by name, sorted (hidden ones left out).
    pub entries: Vec<String>,
    /// Why the listing failed, or why the folder cannot be opened.
    pub error: Option<String>,
}

impl FolderChooser {
    /// The chooser at `path`.
    pub fn at(path: &Path) -> Self {
        let mut chooser = Self::default();
        chooser.set_path(with_separator(path));
        chooser
    }

    /// Takes the path as typed and lists the folder it is in, when that changed.
    pub fn set_path(&mut self, typed: String) {
        let folder = folder_part(&typed);
        self.path = typed;
        if folder != self.listed || self.entries.is_empty() {
            match list_folders(&folder) {
                Ok(entries) => {
                    self.entries = entries;
                    self.error = None;
                }
                Err(e) => {
                    self.entries = Vec::new();
                    self.error = Some(format!("{}: {e}", folder.display()));
                }
            }
            self.listed = folder;
        }
    }

    /// The listed subfolders that start with what is typed after the last separator.
    pub fn matches(&self) -> Vec<&str> {
        let typed = typed_name(&self.path);
        self.entries
            .iter()
            .map(String::as_str)
            .filter(|name| name.starts_with(typed))
            .collect()
    }

    /// Completes the typed name as far as the matching subfolders agree (Tab); a single
    /// match is entered.
    pub fn complete(&mut self) {
        let matches = self.matches();
        let Some(first) = matches.first() else {
            return;
        };
        let common = matches.iter().fold(first.to_string(), |common, m| {
            common
                .chars()
                .zip(m.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect()
        });
        let path = if matches.len() == 1 {
            with_separator(&self.listed.join(&common))
        } else {
            self.listed.join(&common).display().to_string()
        };
        self.set_path(path);
    }

    /// Goes into subfolder `name` of the listed folder.
    pub fn enter(&mut self, name: &str) {
        self.set_path(with_separator(&self.listed.join(name)));
    }

    /// Goes up to the listed folder's parent.
    pub fn up(&mut self) {
        if let Some(parent) = self.listed.parent() {
            self.set_path(with_separator(parent));
        }
    }

    /// The folder to open: the typed path, when it is a folder.
    pub fn chosen(&self) -> Result<PathBuf, String> {
        let path = expand_home(self.path.trim());
        if path.as_os_str().is_empty() {
            return Err("type a folder's path".into());
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => Ok(path),
            Ok(_) => Err(format!("{} is a file, not a folder", path.display())),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }
}

/// `path` with a separator at its end, so that the chooser lists its subfolders.
fn with_separator(path: &Path) -> String {
    let text = path.display().to_string();
    if text.ends_with(std::path::MAIN_SEPARATOR) {
        text
    } else {
        format!("{text}{}", std::path::MAIN_SEPARATOR)
    }
}

/// `~` and `~/…` as the home folder.
fn expand_home(typed: &str) -> PathBuf {
    match (typed.strip_prefix('~'), dirs::home_dir()) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            home.join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(typed),
    }
}

/// The folder a typed path lists: itself when it ends with a separator, else its parent.
fn folder_part(typed: &str) -> PathBuf {
    let path = expand_home(typed);
    if typed.ends_with(std::path::MAIN_SEPARATOR) || typed.is_empty() {
        return if typed.is_empty() {
            PathBuf::from("/")
        } else {
            path
        };
    }
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_owned)
}

/// What is typed after the last separator.
fn typed_name(typed: &str) -> &str {
    typed
        .rsplit(std::path::MAIN_SEPARATOR)
        .next()
        .unwrap_or(typed)
}

/// The subfolders of `folder` by name, sorted, without hidden ones. Links to folders count
/// (the load decides what it follows).
fn list_folders(folder: &Path) -> std::io::Result<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .filter(|e| std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort_by_key(|n| n.to_lowercase());
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_lists_completes_and_enters_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["articles-2023", "articles-2024", "notes", ".hidden"] {
            std::fs::create_dir(dir.path().join(name)).expect("mkdir");
        }
        std::fs::write(dir.path().join("file.txt"), "x").expect("write");
        let mut c = FolderChooser::at(dir.path());
        assert_eq!(c.entries, ["articles-2023", "articles-2024", "notes"]);
        c.set_path(format!("{}/art", dir.path().display()));
        assert_eq!(c.matches(), ["articles-2023", "articles-2024"]);
        c.complete();
        assert!(c.path.ends_with("/articles-202"), "{}", c.path);
        c.set_path(format!("{}/no", dir.path().display()));
        c.complete();
        assert!(c.path.ends_with("/notes/"), "{}", c.path);
        assert_eq!(c.chosen().expect("a folder"), dir.path().join("notes"));
        c.up();
        assert_eq!(c.listed, dir.path());
        c.set_path(format!("{}/file.txt", dir.path().display()));
        assert!(c.chosen().expect_err("a file").contains("not a folder"));
        c.set_path(format!("{}/missing/", dir.path().display()));
        assert!(c.error.is_some(), "a folder that does not exist says so");
    }
}
