//! Reading a file that must be a regular file: a FIFO, socket or device at the path (or
//! swapped in for the file after a folder was scanned) is refused at once, never waited on.

use std::io::Read;
use std::path::Path;

/// Why [`read_regular_file`] read nothing.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The path is not a regular file; the text says what it is ("a FIFO").
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    /// The file is larger than the limit given.
    #[error("file is {len} bytes, over the limit of {max}")]
    TooLarge {
        /// The file's size (or what was read of it when it grew while being read).
        len: u64,
        /// The limit.
        max: u64,
    },
    /// Opening or reading failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// What kind of thing a file type is, in words, for "not a regular file (…)".
pub fn describe_file_type(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// Reads the regular file at `path` (symbolic links followed), at most `max_bytes` of it, and
/// returns its bytes with the metadata it had when opened. The file is opened without
/// blocking and its type checked on the open handle, so what is read is what was checked.
pub fn read_regular_file(
    path: &Path,
    max_bytes: u64,
) -> Result<(Vec<u8>, std::fs::Metadata), ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading would otherwise wait for a writer, forever.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(describe_file_type(meta.file_type())));
    }
    if meta.len() > max_bytes {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            max: max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file that grows while it is read stops at the limit instead of filling memory.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let len = bytes.len() as u64;
    if len > max_bytes {
        return Err(ReadError::TooLarge {
            len,
            max: max_bytes,
        });
    }
    Ok((bytes, meta))
}

/// [`read_regular_file`] as UTF-8 text, for keys, settings and corrections files.
pub fn read_regular_text(path: &Path, max_bytes: u64) -> Result<String, ReadError> {
    let (bytes, _) = read_regular_file(path, max_bytes)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text (invalid byte at {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_at_once_and_a_file_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("a.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo is not available: skipped");
            return;
        }
        let e = read_regular_file(&fifo, 1000).expect_err("a FIFO is not read");
        assert_eq!(e.to_string(), "not a regular file (a FIFO)");
        let file = dir.path().join("b.txt");
        std::fs::write(&file, "twelve bytes").expect("write");
        assert_eq!(read_regular_text(&file, 12).expect("read"), "twelve bytes");
        let e = read_regular_file(&file, 11).expect_err("over the limit");
        assert!(matches!(e, ReadError::TooLarge { len: 12, max: 11 }), "{e}");
        let e = read_regular_file(dir.path(), 11).expect_err("a folder");
        assert!(
            e.to_string().contains("folder") || e.to_string().contains("directory"),
            "{e}"
        );
    }
}
