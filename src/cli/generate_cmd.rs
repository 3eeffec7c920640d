use super::Outcome;
use anyhow::Context;
use std::path::Path;

/// `armsflow generate`: writes generated articles into a new or empty folder.
pub fn run_generate(folder: &Path, articles: usize, seed: u64) -> anyhow::Result<Outcome> {
    if std::fs::read_dir(folder).is_ok_and(|mut d| d.next().is_some()) {
        anyhow::bail!(
            "{} is not empty: generate writes only into a new or empty folder",
            folder.display()
        );
    }
    let bytes = crate::synthetic::write_folder(folder, articles, seed)
        .with_context(|| format!("writing generated articles into {}", folder.display()))?;
    eprintln!(
        "armsflow: wrote {articles} generated articles ({:.1} MB) into {}",
        bytes as f64 / 1_048_576.0,
        folder.display()
    );
    Ok(Outcome::Ok)
}
