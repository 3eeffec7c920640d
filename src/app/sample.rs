use std::io;
use std::path::PathBuf;

/// The bundled sample articles: `(file name, text)`. Short texts written for ArmsFlow that
/// paraphrase widely reported transfers, so a first start shows something real to click.
pub const SAMPLE_ARTICLES: &[(&str, &str)] = &[
    (
        "2022-06-14-greek-vehicles.txt",
        include_str!("../../assets/sample/2022-06-14-greek-vehicles.txt"),
    ),
    (
        "2022-08-29-iran-drones.txt",
        include_str!("../../assets/sample/2022-08-29-iran-drones.txt"),
    ),
    (
        "2022-09-06-shells-north-korea.txt",
        include_str!("../../assets/sample/2022-09-06-shells-north-korea.txt"),
    ),
    (
        "2022-12-21-patriot.txt",
        include_str!("../../assets/sample/2022-12-21-patriot.txt"),
    ),
    (
        "2023-01-25-tanks-pledged.txt",
        include_str!("../../assets/sample/2023-01-25-tanks-pledged.txt"),
    ),
    (
        "2023-03-17-slovakia-migs.txt",
        include_str!("../../assets/sample/2023-03-17-slovakia-migs.txt"),
    ),
    (
        "2023-05-11-storm-shadow.txt",
        include_str!("../../assets/sample/2023-05-11-storm-shadow.txt"),
    ),
    (
        "2023-09-13-kim-visit.txt",
        include_str!("../../assets/sample/2023-09-13-kim-visit.txt"),
    ),
    (
        "2023-10-02-gas-pipeline.txt",
        include_str!("../../assets/sample/2023-10-02-gas-pipeline.txt"),
    ),
    (
        "2023-11-07-egypt-engines.txt",
        include_str!("../../assets/sample/2023-11-07-egypt-engines.txt"),
    ),
    (
        "2023-11-08-buyback-drive.txt",
        include_str!("../../assets/sample/2023-11-08-buyback-drive.txt"),
    ),
    (
        "2024-02-10-czech-shells.txt",
        include_str!("../../assets/sample/2024-02-10-czech-shells.txt"),
    ),
];

/// Writes the sample articles to the app's data folder (`<data>/armsflow/sample`) and
/// returns that folder. Files already there with the same text are left alone, so the
/// folder watcher sees no change on an ordinary start.
pub fn sample_folder() -> io::Result<PathBuf> {
    let base = dirs::data_local_dir()
        .or_else(dirs::home_dir)
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no data or home folder"))?;
    let folder = base.join("armsflow").join("sample");
    std::fs::create_dir_all(&folder)?;
    for (name, text) in SAMPLE_ARTICLES {
        let path = folder.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(*text) {
            std::fs::write(&path, text)?;
        }
    }
    Ok(folder)
}
