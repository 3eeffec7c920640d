use super::html_fallback::{BLOCK_TAGS, MAX_HTML_DEPTH, nesting_exceeds, strip_tags};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// What ArmsFlow keeps of a web page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlPage {
    /// `<title>`, `og:title` or the first `<h1>`.
    pub title: Option<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// Raw published date from meta tags or `<time datetime>`.
    pub date: Option<String>,
    /// Main text, one block (paragraph, heading, list item) per line.
    pub text: String,
}

/// Elements whose content is never part of the story.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "textarea", "template", "figure", "menu", "dialog",
];

/// Class or id words that mark navigation, sharing, comments and other page furniture.
const SKIPPED_MARKERS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "share",
    "social",
    "related",
    "comment",
    "cookie",
    "subscribe",
    "newsletter",
    "advert",
    "promo",
    "sidebar",
    "breadcrumb",
    "banner",
    "popup",
    "paywall",
];

/// Parses an HTML page (malformed or truncated markup is tolerated) into title, site name,
/// date and main text. The main text comes from `<article>`, else `<main>`, else `<body>`.
pub fn html_to_page(source: &str) -> HtmlPage {
    if nesting_exceeds(source, MAX_HTML_DEPTH) {
        // Too deep for the parser in reasonable time: the text, without the structure.
        let text = strip_tags(source);
        let lines: Vec<String> = text
            .lines()
            .map(clean_inline)
            .filter(|l| !l.is_empty())
            .collect();
        return HtmlPage {
            text: lines.join("\n\n"),
            ..HtmlPage::default()
        };
    }
    let doc = Html::parse_document(source);
    let meta = |selector: &str| -> Option<String> {
        let sel = Selector::parse(selector).ok()?;
        doc.select(&sel)
            .find_map(|e| {
                e.value()
                    .attr("content")
                    .or_else(|| e.value().attr("datetime"))
                    .map(clean_inline)
            })
            .filter(|s| !s.is_empty())
    };
    let first_text = |selector: &str| -> Option<String> {
        let sel = Selector::parse(selector).ok()?;
        doc.select(&sel)
            .map(|e| clean_inline(&e.text().collect::<String>()))
            .find(|s| !s.is_empty())
    };
    let title = first_text("title")
        .or_else(|| meta(r#"meta[property="og:title"]"#))
        .or_else(|| first_text("h1"));
    let site_name = meta(r#"meta[property="og:site_name"]"#)
        .or_else(|| meta(r#"meta[name="application-name"]"#));
    let date = meta(r#"meta[property="article:published_time"]"#)
        .or_else(|| meta(r#"meta[name="date"]"#))
        .or_else(|| meta(r#"meta[name="pubdate"]"#))
        .or_else(|| meta(r#"meta[name="publish-date"]"#))
        .or_else(|| meta(r#"meta[itemprop="datePublished"]"#))
        .or_else(|| meta(r#"meta[name="DC.date.issued"]"#))
        .or_else(|| meta("time[datetime]"));

    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|sel| doc.select(&sel).next());
    let mut text = String::new();
    if let Some(root) = root {
        collect_text(root, &mut text);
    }
    let mut lines: Vec<String> = text
        .lines()
        .map(clean_inline)
        .filter(|l| !l.is_empty())
        .collect();
    // Make sure the headline leads the text, so that it can be quoted as evidence.
    if let Some(t) = &title
        && lines.first().is_none_or(|first| first != t)
    {
        lines.retain(|l| l != t);
        lines.insert(0, t.clone());
    }
    HtmlPage {
        title,
        site_name,
        date,
        text: lines.join("\n\n"),
    }
}

/// The text under `root`, a line break around each block element, scripts, styles and page
/// furniture left out. Walks the tree with an explicit open/close traversal, not recursion:
/// a page nested 100,000 elements deep once overflowed the stack.
fn collect_text(root: ElementRef<'_>, out: &mut String) {
    let block = |node: &Node| matches!(node, Node::Element(e) if BLOCK_TAGS.contains(&e.name()));
    // The element whose subtree is being left out, until it closes.
    let mut skipping: Option<ego_tree::NodeId> = None;
    // Inside `<pre>` line breaks are the author's; elsewhere they are spaces in the source
    // (a paragraph wrapped in the markup is one paragraph), and blocks make the lines.
    let mut in_pre = 0usize;
    let is_pre = |node: &Node| matches!(node, Node::Element(e) if e.name() == "pre");
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if is_pre(node.value()) => in_pre += 1,
            Edge::Close(node) if is_pre(node.value()) => in_pre = in_pre.saturating_sub(1),
            _ => {}
        }
        match edge {
            Edge::Open(node) if skipping.is_none() && node.id() != root.id() => {
                match node.value() {
                    Node::Text(t) if in_pre > 0 => out.push_str(t),
                    Node::Text(t) => out.extend(t.chars().map(|c| match c {
                        '\n' | '\r' => ' ',
                        c => c,
                    })),
                    Node::Element(e) if SKIPPED_TAGS.contains(&e.name()) || is_furniture(e) => {
                        skipping = Some(node.id());
                    }
                    value if block(value) => out.push('\n'),
                    _ => {}
                }
            }
            Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
            Edge::Close(node)
                if skipping.is_none() && node.id() != root.id() && block(node.value()) =>
            {
                out.push('\n');
            }
            _ => {}
        }
    }
}

fn is_furniture(e: &scraper::node::Element) -> bool {
    let marked = |value: Option<&str>| {
        value.is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| SKIPPED_MARKERS.contains(&word.to_ascii_lowercase().as_str()))
        })
    };
    marked(e.attr("class"))
        || marked(e.attr("id"))
        || e.attr("role")
            .is_some_and(|r| r == "navigation" || r == "banner")
}

/// Collapses runs of white space (including non-breaking spaces) into single spaces.
fn clean_inline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_without_furniture() {
        let page = html_to_page(
            r#"<html><head><title>Egypt returns engines</title>
            <meta property="og:site_name" content="Daily Wire Service">
            <meta property="article:published_time" content="2023-11-08T10:00:00Z">
            <script>var x = "Russia sent tanks";</script></head>
            <body><nav>Home | World</nav><article><h1>Egypt returns engines</h1>
            <p>Egypt agreed to return 150 engines.</p><div class="share-bar">Share on X</div>
            <p>Second   paragraph.</p></article><footer>Copyright</footer></body></html>"#,
        );
        assert_eq!(page.title.as_deref(), Some("Egypt returns engines"));
        assert_eq!(page.site_name.as_deref(), Some("Daily Wire Service"));
        assert_eq!(page.date.as_deref(), Some("2023-11-08T10:00:00Z"));
        assert_eq!(
            page.text,
            "Egypt returns engines\n\nEgypt agreed to return 150 engines.\n\nSecond paragraph."
        );
    }

    #[test]
    fn a_page_nested_very_deep_is_read_without_recursion() {
        let html = format!(
            "<html><body>{}Germany sent 5 tanks to Ukraine.{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let page = html_to_page(&html);
        assert_eq!(page.text, "Germany sent 5 tanks to Ukraine.");
        // Just under the limit, the parser reads it (its tree is walked without recursion).
        let html = format!(
            "<html><head><title>Deep</title></head><body>{}Sent.{}</body></html>",
            "<span>".repeat(1_500),
            "</span>".repeat(1_500)
        );
        let page = html_to_page(&html);
        assert_eq!(
            (page.title.as_deref(), page.text.as_str()),
            (Some("Deep"), "Deep\n\nSent.")
        );
    }

    #[test]
    fn truncated_markup_is_tolerated() {
        let page = html_to_page("<html><body><p>Half a page about Kyiv<p>and more <b>bold");
        assert_eq!(page.text, "Half a page about Kyiv\n\nand more bold");
    }
}
