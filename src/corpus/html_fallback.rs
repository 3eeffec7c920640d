//! A plain reading of HTML for pages the HTML parser cannot take in reasonable time: the
//! parser checks the stack of open elements at every tag, so a page nested tens of
//! thousands of elements deep takes time in the square of its depth (100,000 levels: about
//! 20 s; a few megabytes of them: hours). Real pages nest a few dozen levels.

/// Block elements: a line break before and after their text.
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "section",
    "article",
    "main",
    "br",
    "tr",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "table",
    "ul",
    "ol",
    "body",
];

/// Nesting deeper than this is read by [`strip_tags`] instead of the parser.
pub const MAX_HTML_DEPTH: usize = 2_000;

/// Elements that never have a closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The tag at the start of `rest` (just after `<`): whether it closes, and its lower-case name.
fn tag_at(rest: &str) -> (bool, String) {
    let closing = rest.starts_with('/');
    let name: String = rest
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (closing, name)
}

/// True when elements open without closing more than `limit` deep somewhere in `source`
/// (counting naively: a page with thousands of unclosed `<p>` counts as deep too, and is
/// then read plainly, which still finds its text).
pub fn nesting_exceeds(source: &str, limit: usize) -> bool {
    let mut depth: usize = 0;
    for (i, _) in source.match_indices('<') {
        let rest = &source[i + 1..];
        let (closing, name) = tag_at(rest);
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let end = rest.find('>').unwrap_or(rest.len());
            if !rest[..end].ends_with('/') {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
        }
    }
    false
}

/// The text of `source` with tags removed, scripts and styles left out, a line break at
/// each block tag, and the common entities decoded. Linear in the length of the page.
pub fn strip_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len() / 2);
    let mut rest = source;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let (closing, name) = tag_at(after);
        let Some(close) = after.find('>') else {
            rest = "";
            break;
        };
        rest = &after[close + 1..];
        if !closing && (name == "script" || name == "style") {
            let end_tag = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let skip = lower.find(&end_tag).unwrap_or(rest.len());
            rest = &rest[skip..];
            continue;
        }
        // The parser path's block elements, and the title (which leads the text there).
        if BLOCK_TAGS.contains(&name.as_str()) || name == "title" {
            out.push('\n');
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_counted_without_void_or_self_closed_elements() {
        assert!(!nesting_exceeds("<p>a<br>b<img src=x/><hr/></p>", 1));
        assert!(nesting_exceeds(&"<div>".repeat(3), 2));
        assert!(!nesting_exceeds(&"<div></div>".repeat(10_000), 2));
    }

    #[test]
    fn tags_are_stripped_and_blocks_break_lines() {
        let page = "<html><head><title>T</title><script>var x = '<p>';</script></head>\
                    <body><div><p>Germany sent 5 tanks&nbsp;to Ukraine &amp; more.</p></div>";
        let text = strip_tags(page);
        assert!(
            text.contains("Germany sent 5 tanks to Ukraine & more."),
            "{text:?}"
        );
        assert!(!text.contains("var x"));
        assert!(text.contains("\nT\n"));
    }
}
