use super::Outcome;
use super::output::write_output;
use crate::corpus::{Article, LoadOptions, LoadProgress, MetaSource, Problem, load_folder};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One article as `armsflow read --json` prints it: the metadata with where each piece came
/// from, and the text that evidence spans index into.
#[derive(Debug, Serialize)]
struct ReadArticle<'a> {
    path: String,
    title: &'a str,
    title_source: Option<MetaSource>,
    outlet: Option<&'a str>,
    outlet_source: Option<MetaSource>,
    author: Option<&'a str>,
    published: Option<&'a str>,
    published_source: Option<MetaSource>,
    encoding: &'a str,
    text: &'a str,
}

/// What `armsflow read --json` prints.
#[derive(Debug, Serialize)]
struct ReadOutput<'a> {
    articles: Vec<ReadArticle<'a>>,
    problems: Vec<Problem>,
}

/// `armsflow read PATH...`: what ArmsFlow reads from each file (a folder is read
/// recursively, as the window opens it): title, outlet and published date with where each
/// came from, and the text. With `json`, one JSON document; else a plain listing.
pub fn run_read(paths: &[PathBuf], options: &LoadOptions, json: bool) -> anyhow::Result<Outcome> {
    let mut articles: Vec<(PathBuf, Article)> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let (root, loaded) = read_path(path, options)?;
        articles.extend(loaded.articles.into_iter().map(|a| (root.join(&a.path), a)));
        problems.extend(loaded.problems.into_iter().map(|mut p| {
            p.path = root.join(&p.path).display().to_string();
            p
        }));
    }
    for p in &problems {
        eprintln!("armsflow: problem: {p}");
    }
    let output = ReadOutput {
        articles: articles
            .iter()
            .map(|(path, a)| ReadArticle {
                path: path.display().to_string(),
                title: &a.title,
                title_source: a.title_source,
                outlet: a.outlet.as_deref(),
                outlet_source: a.outlet_source,
                author: a.author.as_deref(),
                published: a.published.as_deref(),
                published_source: a.published_source,
                encoding: &a.encoding,
                text: &a.text,
            })
            .collect(),
        problems,
    };
    write_output(Path::new("-"), |w| {
        if json {
            serde_json::to_writer_pretty(&mut *w, &output)?;
            writeln!(w)?;
        } else {
            for a in &output.articles {
                write_listing(w, a)?;
            }
        }
        Ok(())
    })?;
    Ok(Outcome::Ok)
}

/// Reads `path`, a folder or one file, as the window would: returns the folder the
/// articles' paths are relative to, and what was read.
fn read_path(
    path: &Path,
    options: &LoadOptions,
) -> anyhow::Result<(PathBuf, crate::corpus::Loaded)> {
    let progress = Arc::new(LoadProgress::default());
    if path.is_dir() {
        return Ok((path.to_owned(), load_folder(path, options, &progress)?));
    }
    let root = path.parent().unwrap_or(Path::new("")).to_owned();
    let mut loaded = crate::corpus::Loaded::default();
    match crate::corpus::read_article(&root, path, options) {
        Ok(article) => loaded.articles.push(article),
        Err(problem) => loaded.problems.push(problem),
    }
    Ok((root, loaded))
}

/// One article as plain text: its metadata lines, then the text.
fn write_listing(w: &mut dyn std::io::Write, a: &ReadArticle<'_>) -> anyhow::Result<()> {
    let from = |source: Option<MetaSource>| {
        source.map_or(String::new(), |s| format!("  (from {})", s.describe()))
    };
    writeln!(w, "== {}", a.path)?;
    writeln!(w, "title:     {}{}", a.title, from(a.title_source))?;
    let unknown = "unknown";
    writeln!(
        w,
        "outlet:    {}{}",
        a.outlet.unwrap_or(unknown),
        from(a.outlet_source)
    )?;
    if let Some(author) = a.author {
        writeln!(w, "author:    {author}")?;
    }
    writeln!(
        w,
        "published: {}{}",
        a.published.unwrap_or(unknown),
        from(a.published_source)
    )?;
    writeln!(w, "encoding:  {}\n\n{}\n", a.encoding, a.text)?;
    Ok(())
}
