use std::io::Write;
use std::path::{Path, PathBuf};

/// What a temporary file's name starts with; the process id follows, so that a later run
/// can tell a leftover of a killed run from the file of a run still going.
const TEMP_PREFIX: &str = ".armsflow-export-";

/// Temporary files being written now, removed by [`remove_unfinished`] when the process is
/// told to stop.
static UNFINISHED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// Removes the temporary files of writes still under way. Called when the process is
/// interrupted (SIGINT, SIGTERM), so that no `.armsflow-export-*` file is left behind.
pub fn remove_unfinished() {
    let paths = match UNFINISHED.lock() {
        Ok(mut list) => std::mem::take(&mut *list),
        Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
    };
    for path in paths {
        // Best effort: the process is ending and has no one left to tell.
        let _ = std::fs::remove_file(path);
    }
}

fn track(path: &Path, live: bool) {
    let mut list = UNFINISHED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if live {
        list.push(path.to_owned());
    } else {
        list.retain(|p| p != path);
    }
}

/// Why a file could not be written. Nothing is left half-written: writes are atomic.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Writing failed (a missing folder, a full disk, no permission).
    #[error("could not write {path}: {source}")]
    Write {
        /// The file asked for.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The output path names something that is not a file ArmsFlow may write.
    #[error("cannot write to {path}: it is {what}")]
    NotAFile {
        /// The path asked for.
        path: PathBuf,
        /// What is there ("a folder", "a block device (a disk)").
        what: String,
    },
}

/// Where an output goes, decided from what is at the path now.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file or a new path: replaced atomically. For a symbolic link, the file it
    /// points to (the link stays a link).
    Replace(PathBuf),
    /// A character device or FIFO: written through, as a shell's `>` does.
    Stream,
}

fn target_of(path: &Path) -> Result<Target, WriteError> {
    let refuse = |what: &str| WriteError::NotAFile {
        path: path.to_owned(),
        what: what.to_owned(),
    };
    let link = std::fs::symlink_metadata(path).ok();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if is_link_loop(&e) => return Err(refuse("a symbolic link loop")),
        Err(_) if link.is_some() => return Err(refuse("a symbolic link to a missing file")),
        Err(_) => return Ok(Target::Replace(path.to_owned())),
    };
    let kind = meta.file_type();
    if kind.is_file() {
        if link.is_some_and(|l| l.file_type().is_symlink()) {
            let real = std::fs::canonicalize(path).map_err(|source| WriteError::Write {
                path: path.to_owned(),
                source,
            })?;
            return Ok(Target::Replace(real));
        }
        return Ok(Target::Replace(path.to_owned()));
    }
    if kind.is_dir() {
        return Err(refuse("a folder"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() || kind.is_fifo() {
            return Ok(Target::Stream);
        }
        if kind.is_socket() {
            return Err(refuse("a socket"));
        }
        if kind.is_block_device() {
            return Err(refuse("a block device (a disk)"));
        }
    }
    Err(refuse("not a regular file"))
}

fn is_link_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Checks, before any work is done, that `path` can be written: what is there is a file, a
/// FIFO or a device, or nothing in a folder that exists. A command with two outputs checks
/// both first, so that a bad second path does not leave the first written alone.
pub fn check_writable(path: &Path) -> Result<(), WriteError> {
    if let Target::Replace(real) = target_of(path)? {
        let folder = folder_of(&real);
        if !folder.is_dir() {
            return Err(WriteError::Write {
                path: path.to_owned(),
                source: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("the folder {} does not exist", folder.display()),
                ),
            });
        }
    }
    Ok(())
}

/// The folder `path` is in: its parent, or the current folder for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to `path` (see [`write_atomic_with`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, |w| {
        w.write_all(bytes).map_err(|source| WriteError::Write {
            path: path.to_owned(),
            source,
        })
    })
}

/// Writes output made piece by piece to `path`, buffered, so a large export (the JSON of
/// 100,000 articles is 400 MB) never sits in memory whole.
///
/// A regular file (or a new path) is written atomically: into a temporary file in the same
/// folder, flushed to disk, then renamed over it, so a reader never sees half a file and a
/// failed write leaves what was there untouched. A symbolic link is followed and the file it
/// points to replaced the same way. A character device, FIFO or socket (a terminal,
/// `/dev/stdout`) is written through directly, never replaced. A folder, a block device or a
/// dangling link is an error naming the path. Any write error (a full disk) names `path`.
pub fn write_atomic_with<E: From<WriteError>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    match target_of(path)? {
        Target::Stream => write_through(path, write),
        Target::Replace(real) => replace(path, &real, write),
    }
}

fn write_through<E: From<WriteError>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let fail = |source: std::io::Error| WriteError::Write {
        path: path.to_owned(),
        source,
    };
    // Opened for writing only, never created or truncated: it is a device or a pipe.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(fail)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
    write(&mut out)?;
    out.flush().map_err(fail)?;
    Ok(())
}

/// Atomic replacement of `real` (which `path`, as the user wrote it, names or links to).
fn replace<E: From<WriteError>>(
    path: &Path,
    real: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let fail = |source: std::io::Error| WriteError::Write {
        path: path.to_owned(),
        source: without_temporary_name(source),
    };
    let dir = folder_of(real);
    remove_leftovers(dir);
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    // A temporary file is private (0600); the finished file gets the permissions of the one
    // it replaces, or the usual 0644 of a new document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(real).map_or(0o644, |m| m.permissions().mode() & 0o777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let tmp = builder.tempfile_in(dir).map_err(fail)?;
    track(tmp.path(), true);
    // The finished file keeps the owner of the one it replaces (as root, a user's file
    // would otherwise become root's). Best effort: only root may give a file away.
    #[cfg(unix)]
    if let Ok(old) = std::fs::metadata(real) {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(old.uid()), Some(old.gid()));
    }
    let tmp_path = tmp.path().to_owned();
    let result = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
        write(&mut out)?;
        let tmp = out.into_inner().map_err(|e| fail(e.into_error()))?;
        tmp.as_file().sync_all().map_err(fail)?;
        tmp.persist(real).map_err(|e| fail(e.error))?;
        Ok(())
    })();
    track(&tmp_path, false);
    result
}

/// An I/O error as the user should read it: the cause, without the name of the temporary
/// file that the `tempfile` crate adds (" at path ..."): the error names the target instead.
fn without_temporary_name(e: std::io::Error) -> std::io::Error {
    if e.get_ref().is_none() {
        return e;
    }
    let text = e.to_string();
    let cause = text.split(" at path ").next().unwrap_or(&text);
    std::io::Error::new(e.kind(), cause.to_owned())
}

/// Removes `.armsflow-export-*` files in `dir` left by runs that were killed (their process
/// is gone, or, where that cannot be told, they are a day old).
fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMP_PREFIX)) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let gone = match pid {
            Some(pid) if Path::new("/proc/self").exists() => {
                pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
            }
            _ => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 86_400),
        };
        if gone && entry.file_type().is_ok_and(|t| t.is_file()) {
            // Best effort: a leftover that cannot be removed does no harm to this write.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("chart.svg");
        std::fs::write(&path, "old").expect("write");
        write_atomic(&path, b"new").expect("atomic write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let fresh = dir.path().join("fresh.png");
            write_atomic(&fresh, b"x").expect("atomic write");
            let mode = std::fs::metadata(&fresh)
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o644);
        }
    }

    #[test]
    fn a_failed_streaming_write_keeps_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data.json");
        std::fs::write(&path, "old").expect("write");
        let result = write_atomic_with(&path, |w| {
            w.write_all(b"half a fi")
                .map_err(|source| WriteError::Write {
                    path: path.clone(),
                    source,
                })?;
            Err(WriteError::Write {
                path: path.clone(),
                source: std::io::Error::other("the writer gave up"),
            })
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "old");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no/such/chart.png");
        let e = write_atomic(&path, b"x").expect_err("must fail");
        assert!(e.to_string().contains("chart.png"), "{e}");
    }
}
