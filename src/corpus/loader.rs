use super::formats::{Kind, Read, article_kind, read_html, read_text, read_web_archive};
use super::pdf::read_pdf;
use super::{
    Article, Boilerplate, Decoded, FileStamp, Lead, MetaSource, Outlets, Problem, ProblemKind,
    ReadError, declared_charset, decode, describe_file_type, parse_date, read_lead,
    read_regular_file,
};
use crate::model::article_id;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Settings for [`load_folder`].
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this many bytes are skipped with a problem.
    pub max_file_bytes: u64,
}

/// The default size limit for one article, in megabytes: far above any news article (a
/// long one is 100 KB), low enough that a stray database dump or log is not read.
pub const DEFAULT_MAX_FILE_MB: u64 = 20;

impl Default for LoadOptions {
    fn default() -> Self {
        Self::with_max_megabytes(DEFAULT_MAX_FILE_MB)
    }
}

impl LoadOptions {
    /// Options with a size limit of `megabytes` per file.
    pub fn with_max_megabytes(megabytes: u64) -> Self {
        Self {
            max_file_bytes: megabytes.saturating_mul(1_048_576),
        }
    }
}

/// Shared counters a UI can poll while a load runs, and a flag to cancel it.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Files found so far.
    pub total: AtomicUsize,
    /// Files read (or found unchanged) so far.
    pub done: AtomicUsize,
    /// Files found unchanged since the previous load, whose articles and reports were kept
    /// instead of being read again.
    pub unchanged: AtomicUsize,
    /// Set to stop the load early.
    pub cancel: AtomicBool,
    /// The file read most recently (relative path), for a progress line.
    pub current: std::sync::Mutex<String>,
}

impl LoadProgress {
    /// The file read most recently, or "" when none yet.
    pub fn current_file(&self) -> String {
        self.current.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

/// Result of loading a folder.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles in path order.
    pub articles: Vec<Article>,
    /// Files that could not be read, in path order.
    pub problems: Vec<Problem>,
    /// Files skipped because their type is not an article type (images, scripts, ...).
    pub ignored: usize,
    /// True when the load was cancelled before the end.
    pub cancelled: bool,
}

/// An error that stops a load before it starts.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The folder does not exist or cannot be read.
    #[error("cannot open folder {path}: {source}")]
    Folder {
        /// The folder given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The path is a file, not a folder.
    #[error("{0} is not a folder")]
    NotAFolder(PathBuf),
    /// The folder is in a virtual file system (`/proc`, `/sys`, `/dev`), not a folder of
    /// articles: walking it may never end.
    #[error("{0} is in a virtual file system (/proc, /sys or /dev), not a folder of articles")]
    Virtual(PathBuf),
}

/// The article files under a folder, as [`scan_folder`] found them.
#[derive(Debug, Default)]
pub struct FolderScan {
    /// Article files (by extension), in path order.
    pub files: Vec<PathBuf>,
    /// Entries the walk could not or would not follow (broken links, links leaving the
    /// folder, unreadable folders) and entries that are no files (FIFOs, devices).
    pub problems: Vec<Problem>,
    /// Files skipped because their type is not an article type (images, scripts, ...).
    pub ignored: usize,
    /// True when the walk was cancelled before the end.
    pub cancelled: bool,
}

/// Finds every article file under `root` (recursively, hidden files and folders skipped),
/// counting them in `progress.total`. Nothing is read yet: [`read_each`] does that.
///
/// Symbolic links are not followed blindly: a link to a file inside the folder is read; a
/// link to a folder inside it adds nothing (its files are read where they are); a link that
/// leaves the folder or leads into a virtual file system (`/proc`, `/sys`, `/dev`) is listed
/// and not followed. An entry with an article's extension that is no file (a FIFO, socket or
/// device) is listed as not a regular file.
pub fn scan_folder(root: &Path, progress: &LoadProgress) -> Result<FolderScan, LoadError> {
    let folder_error = |source| LoadError::Folder {
        path: root.to_owned(),
        source,
    };
    let meta = std::fs::metadata(root).map_err(folder_error)?;
    if !meta.is_dir() {
        return Err(LoadError::NotAFolder(root.to_owned()));
    }
    let real_root = std::fs::canonicalize(root).map_err(folder_error)?;
    if is_virtual(&real_root) {
        return Err(LoadError::Virtual(root.to_owned()));
    }
    let mut scan = FolderScan::default();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            // Where the entry really is (the folder may be reached through a link, even one
            // under /proc such as /proc/self/cwd): only a virtual file system mounted
            // inside the folder is left out.
            let real = || real_root.join(e.path().strip_prefix(root).unwrap_or(e.path()));
            e.depth() == 0
                || !(e.file_name().to_string_lossy().starts_with('.')
                    || e.file_type().is_dir() && is_virtual(&real()))
        });
    for entry in walker {
        if progress.cancel.load(Ordering::Relaxed) {
            scan.cancelled = true;
            return Ok(scan);
        }
        let found = match entry {
            Ok(e) => classify_entry(&real_root, e.path(), e.file_type()),
            Err(err) => {
                let path = err.path().map_or_else(|| root.to_owned(), Path::to_owned);
                let reason = describe_io(err.io_error(), "cannot read folder entry");
                Found::Problem(path, ProblemKind::Walk, reason)
            }
        };
        match found {
            Found::Article(path) => {
                scan.files.push(path);
                progress.total.fetch_add(1, Ordering::Relaxed);
            }
            Found::Ignored => scan.ignored += 1,
            Found::Nothing => {}
            Found::Problem(path, kind, reason) => scan.problems.push(Problem {
                path: relative(root, &path),
                reason,
                kind,
            }),
        }
    }
    Ok(scan)
}

/// What one folder entry is to the scan.
enum Found {
    /// An article file to read.
    Article(PathBuf),
    /// A file of another type (an image, a script).
    Ignored,
    /// A folder, or a link to one inside the folder: nothing to do.
    Nothing,
    /// An entry listed as a problem, with its reason.
    Problem(PathBuf, ProblemKind, String),
}

fn classify_entry(real_root: &Path, path: &Path, kind: std::fs::FileType) -> Found {
    let article = article_kind(path).is_some();
    if kind.is_dir() {
        return Found::Nothing;
    }
    if kind.is_file() {
        return if article {
            Found::Article(path.to_owned())
        } else {
            Found::Ignored
        };
    }
    if !kind.is_symlink() {
        return if article {
            let what = describe_file_type(kind);
            let reason = format!("not a regular file ({what}): never read");
            Found::Problem(path.to_owned(), ProblemKind::NotRegular, reason)
        } else {
            Found::Ignored
        };
    }
    let walk = |reason: String| Found::Problem(path.to_owned(), ProblemKind::Walk, reason);
    let Ok(target) = std::fs::canonicalize(path) else {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        return walk(format!(
            "broken symbolic link: its target {target} does not exist"
        ));
    };
    let meta = std::fs::metadata(&target);
    let is_dir = meta.as_ref().is_ok_and(std::fs::Metadata::is_dir);
    if !article && !is_dir {
        return Found::Ignored;
    }
    if is_virtual(&target) {
        return walk(format!(
            "symbolic link into a virtual file system ({}): not followed",
            target.display()
        ));
    }
    if !target.starts_with(real_root) {
        return walk(format!(
            "symbolic link leads outside the folder (to {}): not followed",
            target.display()
        ));
    }
    match meta {
        Ok(m) if m.is_file() => Found::Article(path.to_owned()),
        Ok(m) if m.is_dir() => Found::Nothing,
        Ok(m) => {
            let what = describe_file_type(m.file_type());
            let reason = format!("not a regular file ({what}): never read");
            Found::Problem(path.to_owned(), ProblemKind::NotRegular, reason)
        }
        Err(e) => walk(describe_io(Some(&e), "cannot follow symbolic link")),
    }
}

/// Folders whose files are made up by the kernel: endless, or not articles at all.
const VIRTUAL_ROOTS: &[&str] = &["/proc", "/sys", "/dev"];

/// Whether `path` (absolute and resolved) is in a virtual file system.
fn is_virtual(path: &Path) -> bool {
    cfg!(unix) && VIRTUAL_ROOTS.iter().any(|v| path.starts_with(v))
}

/// Runs `read` on every file of `files` in parallel (rayon), counting each in
/// `progress.done` as it finishes, and returns the results in the order of `files`, so
/// output never depends on thread timing. `read` gets the file's path and its path relative
/// to `root`. Files not started when the load is cancelled give `None`.
pub fn read_each<T: Send>(
    root: &Path,
    files: &[PathBuf],
    progress: &LoadProgress,
    read: impl Fn(&Path, &str) -> T + Sync,
) -> Vec<Option<T>> {
    files
        .par_iter()
        .map(|path| {
            if progress.cancel.load(Ordering::Relaxed) {
                return None;
            }
            let rel = relative(root, path);
            let result = read(path, &rel);
            // try_lock: progress display must never slow the readers down.
            if let Ok(mut current) = progress.current.try_lock() {
                *current = rel;
            }
            progress.done.fetch_add(1, Ordering::Relaxed);
            Some(result)
        })
        .collect()
}

/// Loads every article under `root` (see [`scan_folder`]). A file that cannot be read
/// becomes a [`Problem`]; the rest of the folder still loads. Nothing in the folder is ever
/// written.
pub fn load_folder(
    root: &Path,
    options: &LoadOptions,
    progress: &Arc<LoadProgress>,
) -> Result<Loaded, LoadError> {
    let scan = scan_folder(root, progress)?;
    let mut loaded = Loaded {
        problems: scan.problems,
        ignored: scan.ignored,
        cancelled: scan.cancelled,
        ..Loaded::default()
    };
    let results = read_each(root, &scan.files, progress, |path, rel| {
        read_file(path, rel, options)
    });
    for result in results {
        match result {
            Some(Ok(article)) => loaded.articles.push(article),
            Some(Err(problem)) => loaded.problems.push(problem),
            None => loaded.cancelled = true,
        }
    }
    loaded.problems.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(loaded)
}

/// Path of `path` relative to `root`, with `/` separators; non-UTF-8 names are shown lossily.
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn describe_io(err: Option<&std::io::Error>, what: &str) -> String {
    match err {
        Some(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            format!("{what}: permission denied")
        }
        Some(e) if e.kind() == std::io::ErrorKind::NotFound => {
            format!("{what}: the file vanished or is a broken link")
        }
        Some(e) => format!("{what}: {e}"),
        None => what.to_owned(),
    }
}

/// Reads one file into an article, or says why it cannot be read.
pub fn read_article(root: &Path, path: &Path, options: &LoadOptions) -> Result<Article, Problem> {
    read_file(path, &relative(root, path), options)
}

/// [`read_article`] for a file whose relative path `rel` is known.
pub fn read_file(path: &Path, rel: &str, options: &LoadOptions) -> Result<Article, Problem> {
    let problem = |kind, reason: String| Problem {
        path: rel.to_owned(),
        reason,
        kind,
    };
    let cannot_read = |e: std::io::Error| {
        problem(
            ProblemKind::Unreadable,
            describe_io(Some(&e), "cannot read file"),
        )
    };
    // Stamped as opened, before reading: a change made while the file is read gives a newer
    // stamp, so the next reload reads it again.
    let (bytes, meta) = match read_regular_file(path, options.max_file_bytes) {
        Ok(read) => read,
        Err(ReadError::Io(e)) => return Err(cannot_read(e)),
        Err(e @ ReadError::NotRegular(_)) => {
            return Err(problem(ProblemKind::NotRegular, format!("{e}: never read")));
        }
        Err(ReadError::TooLarge { len, max }) => {
            return Err(problem(
                ProblemKind::TooLarge,
                format!(
                    "file is {:.1} MB, over the {} MB limit for one article (raise it with \
                     --max-file-mb, or View > Largest article in the window)",
                    len as f64 / 1_048_576.0,
                    max / 1_048_576
                ),
            ));
        }
    };
    let mut article = article_from_bytes(rel, &bytes)?;
    article.stamp = Some(FileStamp::from_metadata(&meta));
    Ok(article)
}

/// Turns a file's bytes into an article, or says why they are not one. `rel`
/// is the file's path relative to the folder: its extension says text or HTML, and its name
/// may carry the date. Pure: no file system access, so it can be fuzzed.
pub fn article_from_bytes(rel: &str, bytes: &[u8]) -> Result<Article, Problem> {
    let problem = |kind, reason: String| Problem {
        path: rel.to_owned(),
        reason,
        kind,
    };
    let path = Path::new(rel);
    let kind = article_kind(path).unwrap_or(Kind::Text);
    let declared = match kind {
        Kind::Html => declared_charset(bytes),
        Kind::Text | Kind::WebArchive | Kind::Pdf => None,
    };
    let decoded = || match decode(bytes, declared) {
        Decoded::Text(text, encoding) => Ok((unix_line_ends(text), encoding.to_string())),
        Decoded::Binary(reason) => Err(problem(ProblemKind::Binary, reason)),
    };
    // A format read from its bytes (not decoded as text first), named as its encoding.
    let container = |read: Result<Read, (ProblemKind, String)>, format: &str| {
        read.map(|read| (read, format.to_owned()))
            .map_err(|(kind, reason)| problem(kind, reason))
    };
    let (read, encoding) = match kind {
        Kind::Text => decoded().map(|(raw, encoding)| (read_text(raw), encoding))?,
        Kind::Html => decoded().map(|(raw, encoding)| (read_html(&raw), encoding))?,
        Kind::WebArchive => container(read_web_archive(bytes), "web archive")?,
        Kind::Pdf => container(read_pdf(bytes), "pdf")?,
    };
    let Read {
        body,
        title,
        outlet,
        author,
        mut date,
        reader_view,
    } = read;
    let boilerplate = Boilerplate::builtin_shared();
    let text = if reader_view {
        boilerplate.clean_lines(&body)
    } else {
        boilerplate.clean(&body)
    };
    if text.trim().is_empty() {
        let reason = if bytes.is_empty() {
            "empty file (0 bytes)"
        } else {
            "no article text (only white space, markup or boilerplate)"
        };
        return Err(problem(ProblemKind::Empty, reason.to_owned()));
    }
    if date.is_none() {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        date = parse_date(&name).map(|d| (d, MetaSource::FileName));
    }
    // Without a title or outlet in the file's metadata, its first lines may give them.
    let mut lead = if title.is_none() || outlet.is_none() {
        read_lead(&text, boilerplate, Outlets::builtin_shared())
    } else {
        Lead::default()
    };
    let (title, title_source) =
        title.unwrap_or_else(|| (std::mem::take(&mut lead.title), MetaSource::FirstLine));
    let outlet = outlet.or_else(|| lead.outlet.take().map(|o| (o, MetaSource::Dateline)));
    Ok(Article {
        id: article_id(rel),
        path: rel.to_owned(),
        title,
        title_source: Some(title_source),
        outlet_source: outlet.as_ref().map(|o| o.1),
        outlet: outlet.map(|o| o.0),
        author,
        published: date.map(|(d, _)| d.to_string()),
        published_source: date.map(|(_, s)| s),
        date: None,
        encoding,
        text: text.into(),
        stamp: None,
    })
}

/// `text` with CRLF and lone CR line ends made LF, and NUL characters (damage, or the
/// leftovers of a wrong UTF-16 save) removed; without either, the text itself (a 20 MB file
/// is not copied for nothing).
fn unix_line_ends(text: String) -> String {
    let text = if text.contains('\0') {
        text.replace('\0', "")
    } else {
        text
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

impl Boilerplate {
    /// One shared copy of the built-in patterns (compiling them per file would be wasteful).
    pub fn builtin_shared() -> &'static Boilerplate {
        static SHARED: std::sync::LazyLock<Boilerplate> =
            std::sync::LazyLock::new(Boilerplate::builtin);
        &SHARED
    }
}
