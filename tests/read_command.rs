//! `armsflow read` (issue 18): what ArmsFlow reads from each file, with where each piece of
//! metadata came from, in the JSON shape `html_eval.py` scores.

use serde_json::Value;

mod common;

fn read_json(paths: &[&str]) -> Value {
    let args: Vec<&str> = ["read", "--json"]
        .into_iter()
        .chain(paths.iter().copied())
        .collect();
    serde_json::from_slice(&common::run_armsflow(&args)).expect("JSON")
}

fn article<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|a| a["path"].as_str().is_some_and(|p| p.ends_with(name)))
        .unwrap_or_else(|| panic!("{name} not read: {json}"))
}

#[test]
fn a_saved_page_gives_its_story_and_metadata_with_their_sources() {
    let folder = common::fixture("pages");
    let json = read_json(&[folder.to_str().expect("utf-8 path")]);
    let page = article(&json, "harbour-gazette.html");
    assert_eq!(
        page["title"],
        "Freedonia to buy six patrol boats from Sylvania"
    );
    assert_eq!(page["title_source"], "json-ld");
    assert_eq!(page["outlet"], "The Harbour Gazette");
    assert_eq!(page["outlet_source"], "json-ld");
    assert_eq!(page["published"], "2021-03-04");
    assert_eq!(page["published_source"], "json-ld");
    assert_eq!(page["author"], "By a staff reporter");
    let text = page["text"].as_str().expect("text");
    assert!(
        text.starts_with("Freedonia to buy six patrol boats from Sylvania\n\nFreedonia signed"),
        "{text}"
    );
    assert!(text.contains("before the first payment is made to the shipyard"));
    for furniture in [
        "Home",
        "Sport",
        "More from World",
        "Storm closes",
        "Copyright",
    ] {
        assert!(!text.contains(furniture), "{furniture} kept: {text}");
    }
}

#[test]
fn a_text_file_and_a_broken_file_read_as_the_window_reads_them() {
    let folder = common::fixture("pages");
    let file = folder.join("wire-story.txt");
    let broken = folder.join("broken.html");
    let json = read_json(&[
        file.to_str().expect("utf-8 path"),
        broken.to_str().expect("utf-8 path"),
    ]);
    let story = article(&json, "wire-story.txt");
    assert_eq!(story["title"], "Valdoria orders radar systems");
    assert_eq!(story["title_source"], "header");
    assert_eq!(story["outlet"], "Example Wire");
    assert_eq!(story["author"], "Kim Lee");
    assert_eq!(story["published"], "2022-05-10");
    assert_eq!(story["published_source"], "header");
    let problems = json["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{json}");
    assert!(
        problems[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("broken.html"))
    );
    assert!(
        problems[0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("binary"))
    );
}

#[test]
fn a_web_archive_is_read_like_the_page_it_holds() {
    let folder = common::fixture("pages");
    let json = read_json(&[folder.to_str().expect("utf-8 path")]);
    let page = article(&json, "navy-order.mhtml");
    assert_eq!(page["title"], "Eastmark orders minesweepers from Valdoria");
    assert_eq!(page["outlet"], "Example Daily");
    assert_eq!(page["published"], "2024-03-04");
    let text = page["text"].as_str().expect("text");
    // Quoted-printable soft breaks and UTF-8 escapes are decoded.
    assert!(
        text.contains("Eastmark’s navy has ordered two minesweepers from a shipyard in Valdoria"),
        "{text}"
    );
    assert!(!text.contains("Home"), "{text}");
}

#[test]
fn a_file_named_as_a_web_archive_that_is_none_is_listed_with_the_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("notes.mht");
    std::fs::write(&file, "Just a few words, no MIME parts.\n").expect("written");
    let json = read_json(&[file.to_str().expect("utf-8 path")]);
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(0));
    let problem = &json["problems"][0];
    assert_eq!(problem["kind"], "malformed");
    assert!(
        problem["reason"]
            .as_str()
            .is_some_and(|r| r.contains("not a web archive"))
    );
}
