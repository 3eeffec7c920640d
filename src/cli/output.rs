use std::io::Write;
use std::path::Path;

/// Writes to standard output when `path` is `-`, else to the file atomically (see
/// [`crate::export::write_atomic`]), so a failed write never leaves half a file.
pub fn write_output(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        write(&mut lock)?;
        lock.flush()?;
        return Ok(());
    }
    let mut buf = Vec::new();
    write(&mut buf)?;
    crate::export::write_atomic(path, &buf)?;
    Ok(())
}
