/// Rows of a tab-separated data file under `assets/` (or a user's file): blank lines and lines
/// starting with `#` are skipped; each row comes with its 1-based line number and its trimmed
/// cells, so error messages can point at the line.
pub fn data_rows(source: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    source
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}
