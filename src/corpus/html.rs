use super::html_fallback::{BLOCK_TAGS, MAX_HTML_DEPTH, nesting_exceeds, strip_tags};
use crate::model::MetaSource;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// What ArmsFlow keeps of a web page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlPage {
    /// The headline: JSON-LD, a meta tag, or `<title>` without the site's name.
    pub title: Option<String>,
    /// Where [`HtmlPage::title`] came from.
    pub title_source: Option<MetaSource>,
    /// The publisher: JSON-LD `publisher`, `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// Where [`HtmlPage::site_name`] came from.
    pub site_source: Option<MetaSource>,
    /// The byline.
    pub author: Option<String>,
    /// Raw published date from JSON-LD, meta tags or `<time datetime>`.
    pub date: Option<String>,
    /// Where [`HtmlPage::date`] came from.
    pub date_source: Option<MetaSource>,
    /// Main text, one block (paragraph, heading, list item) per paragraph, the headline first.
    pub text: String,
    /// True when a reader view cut the text from the page: menus, related links and comments
    /// are already gone.
    pub reader_view: bool,
}

/// Elements whose content is never part of the story (for the fallback reader).
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "textarea", "template", "figure", "menu", "dialog",
];

/// Class or id words that mark navigation, sharing, comments and other page furniture (for
/// the fallback reader).
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
/// date and main text, each with where it was found.
///
/// The main text is what a browser's reader view shows: `dom_smoothie`, a port of Firefox's
/// Readability, scores the page's blocks and keeps the story without menus, related links
/// and comments (see the README's comparison of readers). A page it finds no story in is
/// read whole by [`fallback_page`], so no text is ever lost.
pub fn html_to_page(source: &str) -> HtmlPage {
    if nesting_exceeds(source, MAX_HTML_DEPTH) {
        // Too deep for the parsers in reasonable time: the text, without the structure.
        return HtmlPage {
            text: paragraphs(strip_tags(source).lines()),
            ..HtmlPage::default()
        };
    }
    let mut page = reader_view(source).unwrap_or_else(|| fallback_page(source));
    headline_first(&mut page);
    page
}

/// `<meta>` names (in `name`, `property` or `itemprop`) that give a page's publication date,
/// in the order they are trusted.
const DATE_META_NAMES: &[&str] = &[
    "article:published_time",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "date",
    "pubdate",
    "publish-date",
    "publish_date",
];

static META_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]*>").expect("static regex"));
static TIME_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)<time\b[^>]*?\bdatetime\s*=\s*(?:"([^"]+)"|'([^']+)')"#)
        .expect("static regex")
});
static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(name|property|itemprop|content)\s*=\s*(?:"([^"]*)"|'([^']*)')"#)
        .expect("static regex")
});

/// The publication date in a page's meta tags or its first `<time datetime>`, found in the
/// markup without building a second tree (that would double the cost of a page).
fn dated_markup(source: &str) -> Option<(String, MetaSource)> {
    let mut best: Option<(usize, String)> = None;
    for tag in META_TAG.find_iter(source) {
        let (mut name, mut content) = (None, None);
        for attr in ATTRIBUTE.captures_iter(tag.as_str()) {
            let value = attr.get(2).or(attr.get(3)).map_or("", |m| m.as_str());
            if attr[1].eq_ignore_ascii_case("content") {
                content = Some(value);
            } else {
                name = Some(value.to_ascii_lowercase());
            }
        }
        let rank = name.and_then(|n| DATE_META_NAMES.iter().position(|d| *d == n));
        if let (Some(rank), Some(content)) = (rank, content.map(clean_inline))
            && !content.is_empty()
            && best.as_ref().is_none_or(|(r, _)| rank < *r)
        {
            best = Some((rank, content));
        }
    }
    best.map(|(_, date)| (date, MetaSource::HtmlMeta))
        .or_else(|| {
            let time = TIME_TAG.captures(source)?;
            let value = time.get(1).or(time.get(2))?.as_str();
            Some((clean_inline(value), MetaSource::TimeTag))
        })
}

/// The page as a reader view sees it, or `None` when it finds no story.
fn reader_view(source: &str) -> Option<HtmlPage> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let mut reader = dom_smoothie::Readability::new(source, None, Some(config)).ok()?;
    // What each kind of metadata says, to tell where the chosen value came from.
    let json_ld = reader.parse_json_ld().unwrap_or_default();
    let title_tag = reader.get_article_title().to_string();
    let article = reader.parse().ok()?;
    let text = blocks(&article.text_content);
    if text.is_empty() {
        return None;
    }
    let from_json_ld = |value: &String, in_json_ld: &Option<String>| {
        if in_json_ld.as_ref() == Some(value) {
            MetaSource::JsonLd
        } else {
            MetaSource::HtmlMeta
        }
    };
    // Readability looks at JSON-LD and OpenGraph only; many pages date the story with
    // `<time>` or a Dublin Core tag.
    let date = article
        .published_time
        .clone()
        .map(|d| {
            let source = from_json_ld(&d, &json_ld.published_time);
            (d, source)
        })
        .or_else(|| dated_markup(source));
    let title = Some(clean_inline(&article.title))
        .map(|t| without_site_name(t, article.site_name.as_deref()))
        .filter(|t| !t.is_empty());
    let title_source = title.as_ref().map(|t| {
        if *t == json_ld.title {
            MetaSource::JsonLd
        } else if title_tag.starts_with(t.as_str()) {
            MetaSource::TitleTag
        } else {
            MetaSource::HtmlMeta
        }
    });
    Some(HtmlPage {
        title_source,
        title,
        site_source: article
            .site_name
            .as_ref()
            .map(|s| from_json_ld(s, &json_ld.site_name)),
        site_name: article.site_name.clone(),
        author: article
            .byline
            .as_deref()
            .map(clean_inline)
            .filter(|b| !b.is_empty()),
        date_source: date.as_ref().map(|d| d.1),
        date: date.map(|d| d.0),
        text,
        reader_view: true,
    })
}

/// `title` without the site's name after a separator ("Navy buys boats | The Gazette"):
/// Readability keeps it on short titles, which would then not match the headline in the text.
fn without_site_name(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title;
    };
    let Some(head) = title
        .len()
        .checked_sub(site.len())
        .filter(|&at| title.is_char_boundary(at) && title[at..].eq_ignore_ascii_case(site))
        .map(|at| title[..at].trim_end())
    else {
        return title;
    };
    match head.strip_suffix(['|', '-', '–', '—', ':', '·']) {
        Some(head) if !head.trim().is_empty() => head.trim_end().to_owned(),
        _ => title,
    }
}

/// The page read without a reader view: the text of `<article>`, else `<main>`, else
/// `<body>`, less scripts and page furniture; the title and date from meta tags.
fn fallback_page(source: &str) -> HtmlPage {
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
    let found = |value: Option<String>, source: MetaSource| value.map(|v| (v, source));
    let title = found(first_text("title"), MetaSource::TitleTag)
        .or_else(|| found(meta(r#"meta[property="og:title"]"#), MetaSource::HtmlMeta))
        .or_else(|| found(first_text("h1"), MetaSource::TitleTag));
    let site = meta(r#"meta[property="og:site_name"]"#)
        .or_else(|| meta(r#"meta[name="application-name"]"#));
    let date = dated_markup(source);
    let root = ["article", "main", "body"]
        .iter()
        .filter_map(|s| Selector::parse(s).ok())
        .find_map(|sel| doc.select(&sel).next());
    let mut text = String::new();
    if let Some(root) = root {
        collect_text(root, &mut text);
    }
    HtmlPage {
        title_source: title.as_ref().map(|t| t.1),
        title: title.map(|t| t.0),
        site_source: site.as_ref().map(|_| MetaSource::HtmlMeta),
        site_name: site,
        author: meta(r#"meta[name="author"]"#),
        date_source: date.as_ref().map(|d| d.1),
        date: date.map(|d| d.0),
        text: paragraphs(text.lines()),
        reader_view: false,
    }
}

/// Lines made paragraphs: white space collapsed, empty lines dropped, a blank line between.
fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let kept: Vec<String> = lines
        .into_iter()
        .map(clean_inline)
        .filter(|l| !l.is_empty())
        .collect();
    kept.join("\n\n")
}

/// A reader view's text kept as it lays it out: blocks apart by a blank line, the lines of a
/// block (a `<br>`, a verse) together; white space collapsed within each line.
fn blocks(text: &str) -> String {
    let kept: Vec<String> = text
        .split("\n\n")
        .map(|block| {
            let lines: Vec<String> = block
                .lines()
                .map(clean_inline)
                .filter(|l| !l.is_empty())
                .collect();
            lines.join("\n")
        })
        .filter(|b| !b.is_empty())
        .collect();
    kept.join("\n\n")
}

/// Makes sure the headline leads the text, so that it can be quoted as evidence.
fn headline_first(page: &mut HtmlPage) {
    let Some(title) = &page.title else { return };
    if page.text.starts_with(title.as_str()) {
        return;
    }
    let rest: Vec<&str> = page.text.split("\n\n").filter(|p| p != title).collect();
    page.text = std::iter::once(title.as_str())
        .chain(rest)
        .collect::<Vec<_>>()
        .join("\n\n");
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
        let html = r#"<html><head><title>Egypt returns engines | Daily Wire Service</title>
            <meta property="og:site_name" content="Daily Wire Service">
            <meta property="article:published_time" content="2023-11-08T10:00:00Z">
            <script>var x = "Russia sent tanks";</script></head>
            <body><nav>Home | World</nav><article><h1>Egypt returns engines</h1>
            <p>Egypt agreed to return 150 engines.</p><div class="share-bar">Share on X</div>
            <p>Second   paragraph.</p></article><footer>Copyright</footer></body></html>"#;
        let page = html_to_page(html);
        assert_eq!(page.title.as_deref(), Some("Egypt returns engines"));
        assert_eq!(page.title_source, Some(MetaSource::TitleTag));
        assert_eq!(page.site_name.as_deref(), Some("Daily Wire Service"));
        assert_eq!(page.site_source, Some(MetaSource::HtmlMeta));
        assert_eq!(page.date.as_deref(), Some("2023-11-08T10:00:00Z"));
        // The sharing prompt is a line of boilerplate, which the loader drops.
        let article =
            crate::corpus::article_from_bytes("page.html", html.as_bytes()).expect("an article");
        assert_eq!(
            &*article.text,
            "Egypt returns engines\n\nEgypt agreed to return 150 engines.\n\nSecond paragraph."
        );
    }

    /// An invented news page in the shape publishers give: the headline, date and
    /// publisher in JSON-LD, the story among menus, a teaser list and comments.
    const JSON_LD_PAGE: &str = r#"<html><head><title>Navy buys patrol boats - The Harbour Gazette</title>
        <script type="application/ld+json">{"@context": "https://schema.org",
          "@type": "NewsArticle", "headline": "Navy buys patrol boats",
          "datePublished": "2021-03-04T08:00:00Z",
          "publisher": {"@type": "Organization", "name": "The Harbour Gazette"}}</script>
        </head><body><div class="menu"><a href="/">Home</a> <a href="/world">World</a></div>
        <div class="main-column"><h1>Navy buys patrol boats</h1>
        <p>The navy of Freedonia signed a contract on Tuesday to buy six patrol boats from a
        shipyard in Sylvania, the defence ministry said in a statement.</p>
        <p>The boats are to be delivered over three years, starting next spring, and will
        guard the country's fishing grounds against smugglers, the ministry added.</p>
        <p>Officials did not give the price of the contract, which parliament still has to
        approve before the first payment is made to the shipyard.</p></div>
        <div class="related"><h3>More stories</h3><ul><li><a href="/a">Storm hits coast</a></li>
        <li><a href="/b">Port reopens</a></li></ul></div>
        <div id="comments"><p>Great news! - a reader</p></div></body></html>"#;

    #[test]
    fn a_news_page_gives_its_story_and_json_ld_metadata_with_their_sources() {
        let page = html_to_page(JSON_LD_PAGE);
        assert_eq!(page.title.as_deref(), Some("Navy buys patrol boats"));
        assert_eq!(page.title_source, Some(MetaSource::JsonLd));
        assert_eq!(page.site_name.as_deref(), Some("The Harbour Gazette"));
        assert_eq!(page.site_source, Some(MetaSource::JsonLd));
        assert_eq!(page.date_source, Some(MetaSource::JsonLd));
        assert!(
            page.date
                .as_deref()
                .is_some_and(|d| d.starts_with("2021-03-04"))
        );
        assert!(page.reader_view);
        assert!(
            page.text
                .starts_with("Navy buys patrol boats\n\nThe navy of Freedonia")
        );
        assert!(page.text.contains("parliament still has to approve"));
        for furniture in ["Home", "More stories", "Storm hits coast", "Great news"] {
            assert!(
                !page.text.contains(furniture),
                "{furniture} kept: {}",
                page.text
            );
        }
    }

    #[test]
    fn a_date_only_in_a_time_element_or_a_dublin_core_tag_is_found() {
        let with_time = JSON_LD_PAGE
            .replace(r#""datePublished": "2021-03-04T08:00:00Z","#, "")
            .replace("<h1>", r#"<time datetime="2021-03-05">5 March</time><h1>"#);
        let page = html_to_page(&with_time);
        assert_eq!(page.date.as_deref(), Some("2021-03-05"));
        assert_eq!(page.date_source, Some(MetaSource::TimeTag));
        let with_meta = with_time.replace(
            "</head>",
            r#"<meta content="2021-03-06" name="DC.date.issued"></head>"#,
        );
        let page = html_to_page(&with_meta);
        assert_eq!(page.date.as_deref(), Some("2021-03-06"));
        assert_eq!(page.date_source, Some(MetaSource::HtmlMeta));
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
