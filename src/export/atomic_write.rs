use super::ExportError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then renamed over `path`. A reader never sees half a file, and a failed export leaves
/// whatever was at `path` before untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomic_with(path, |w| {
        w.write_all(bytes).map_err(|source| ExportError::Write {
            path: path.to_owned(),
            source,
        })
    })
}

/// [`write_atomic`] for output made piece by piece: `write` writes into a buffered temporary
/// file, so a large export (the JSON of 100,000 articles is 400 MB) never sits in memory
/// whole. When `write` fails, the temporary file is removed and `path` is left untouched.
pub fn write_atomic_with<E: From<ExportError>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let fail = |source: std::io::Error| ExportError::Write {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".armsflow-export-");
    // A temporary file is private (0600); the finished file gets the permissions of the one
    // it replaces, or the usual 0644 of a new document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let tmp = builder.tempfile_in(dir).map_err(fail)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp);
    write(&mut out)?;
    let tmp = out.into_inner().map_err(|e| fail(e.into_error()))?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
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
                .map_err(|source| ExportError::Write {
                    path: path.clone(),
                    source,
                })?;
            Err(ExportError::Write {
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
