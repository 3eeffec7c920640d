//! The layers run one way: each module of `src/` imports (`crate::NAME`) only modules below it
//! in [`LAYERS`], the order `src/lib.rs` documents. A module that reaches up fails here, with
//! the file and line.

/// Bottom to top. Modules on one line are one layer and may use each other (the window's
/// state and its panels, and the command line, are the edges of the program).
const LAYERS: &[&[&str]] = &[
    &["model"],
    &["text"],
    &["files"],
    &["dates"],
    &["gazetteer"],
    &["register"],
    &["corpus"],
    &["extract"],
    &["dataset"],
    &["eval"],
    &["view"],
    &["chart"],
    &["export"],
    &["synthetic"],
    &["app", "ui", "cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The module names after each `crate::` in `line`.
fn imported(line: &str) -> Vec<&str> {
    line.match_indices("crate::")
        .map(|(i, m)| {
            let rest = &line[i + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn no_module_imports_one_above_it() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut upward = Vec::new();
    let mut modules_seen = 0;
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.expect("walk src");
        let rel = entry.path().strip_prefix(&src).expect("under src");
        let Some(module) = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .filter(|_| rel.components().count() > 1)
        else {
            continue; // lib.rs and main.rs sit above every layer.
        };
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Some(own) = layer_of(module) else {
            panic!("{module} (src/{module}) is in no layer: add it to LAYERS and lib.rs");
        };
        modules_seen += 1;
        let text = std::fs::read_to_string(entry.path()).expect("read source");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for target in imported(line) {
                let Some(theirs) = layer_of(target) else {
                    continue; // `crate::` followed by a macro or a non-module path.
                };
                if theirs > own {
                    upward.push(format!(
                        "src/{}:{}: {module} -> {target}",
                        rel.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(modules_seen > 50, "the walk found the sources");
    assert!(
        upward.is_empty(),
        "imports that run up the layers:\n{}",
        upward.join("\n")
    );
}
