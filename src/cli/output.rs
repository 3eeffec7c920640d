use std::io::Write;
use std::path::Path;

/// Writes to standard output when `path` is `-`, else to the file atomically and as it goes
/// (see [`crate::export::write_atomic_with`]), so a failed write never leaves half a file.
pub fn write_output(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        // Standard output is line-buffered: unbuffered, pretty JSON costs a system call per
        // line (a third of `extract`'s time on 100,000 articles).
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        write(&mut out)?;
        out.flush()?;
        return Ok(());
    }
    crate::export::write_atomic_with(path, |w| {
        write(w)?;
        w.flush()?;
        anyhow::Ok(())
    })
    .map_err(|e| {
        // A failure of the writer itself (a full disk under the JSON serializer) names the
        // file; the export layer's own errors already do.
        if e.downcast_ref::<crate::files::WriteError>().is_some() {
            e
        } else {
            e.context(format!("could not write {}", path.display()))
        }
    })
}

/// Fails when two outputs would go to the same place: the same path, two links to one
/// file, or standard output twice (their bytes would mix).
pub fn check_distinct_outputs(a: &Path, b: &Path) -> anyhow::Result<()> {
    let same = if a.as_os_str() == "-" || b.as_os_str() == "-" {
        a == b
    } else {
        a == b || resolve(a).is_some_and(|ra| resolve(b).is_some_and(|rb| ra == rb))
    };
    if same {
        let shown = if a.as_os_str() == "-" {
            "standard output".to_owned()
        } else {
            a.display().to_string()
        };
        anyhow::bail!("--json and --csv both write to {shown}: give each its own file");
    }
    Ok(())
}

/// Where `path` leads, as an absolute path without links, `.` or `..`: the file itself when
/// it exists, else its folder's resolved path and its name (a file about to be created under
/// two spellings, `x` and `./x`, is one file).
fn resolve(path: &Path) -> Option<std::path::PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let name = path.file_name()?;
    let parent = crate::files::folder_of(path);
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}
