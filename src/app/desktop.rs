use anyhow::Context;
use std::path::{Path, PathBuf};

/// The desktop entry shipped in `assets/` (its `Exec` is rewritten to the running binary).
pub const DESKTOP_ENTRY: &str = include_str!("../../assets/armsflow.desktop");
const ICON_SVG: &[u8] = include_bytes!("../../assets/icon/armsflow.svg");

/// Installs the desktop entry and icon for the current user under the XDG data folder
/// (`~/.local/share` on Linux), pointing at the running binary. Returns the entry's path.
pub fn install_desktop_entry() -> anyhow::Result<PathBuf> {
    let data = dirs::data_dir().context("no user data folder (XDG_DATA_HOME or HOME) is set")?;
    let exe = std::env::current_exe().context("cannot find the running binary")?;
    install_desktop_entry_into(&data, &exe)
}

/// Installs into `data` (an XDG data folder) with `Exec` pointing at `exe`.
pub fn install_desktop_entry_into(data: &Path, exe: &Path) -> anyhow::Result<PathBuf> {
    let apps = data.join("applications");
    let png_dir = data.join("icons/hicolor/256x256/apps");
    let svg_dir = data.join("icons/hicolor/scalable/apps");
    for dir in [&apps, &png_dir, &svg_dir] {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let entry = DESKTOP_ENTRY.replace("Exec=armsflow %f", &format!("Exec={} %f", exec_arg(exe)));
    let entry_path = apps.join("armsflow.desktop");
    let writes: [(&Path, &[u8]); 3] = [
        (&entry_path, entry.as_bytes()),
        (&png_dir.join("armsflow.png"), super::run::ICON_PNG),
        (&svg_dir.join("armsflow.svg"), ICON_SVG),
    ];
    for (path, bytes) in writes {
        std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(entry_path)
}

/// The binary's path as a desktop-entry `Exec` argument: quoted when it has spaces or
/// characters the spec reserves.
fn exec_arg(exe: &Path) -> String {
    let s = exe.to_string_lossy();
    if s.chars().any(|c| " \t\"'\\><~|&;$*?#()`".contains(c)) {
        let escaped = s
            .replace('\\', "\\\\\\\\")
            .replace('"', "\\\\\"")
            .replace('`', "\\\\`")
            .replace('$', "\\\\$");
        format!("\"{escaped}\"")
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installs_entry_and_icons_pointing_at_the_binary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = install_desktop_entry_into(dir.path(), Path::new("/opt/Arms Flow/armsflow"))
            .expect("install");
        let entry = std::fs::read_to_string(&path).expect("entry");
        assert!(
            entry.contains("Exec=\"/opt/Arms Flow/armsflow\" %f"),
            "{entry}"
        );
        assert!(
            dir.path()
                .join("icons/hicolor/256x256/apps/armsflow.png")
                .is_file()
        );
        assert!(
            dir.path()
                .join("icons/hicolor/scalable/apps/armsflow.svg")
                .is_file()
        );
    }
}
