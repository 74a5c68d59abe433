//! Reading a news page: the article body without page furniture, and the
//! headline, date and author from the page's metadata.
//!
//! The body is the container whose own paragraphs hold the most text (an
//! `<article>` when it holds most of the page's prose), minus anything
//! inside navigation, headers, footers, asides, figures, forms and elements
//! whose class or id says share, related, cookie, promo, advert, newsletter,
//! caption, comment, menu or breadcrumb. Metadata comes from a JSON-LD
//! `NewsArticle` block first, then `og:` and `article:` meta tags, `<time
//! datetime>` and `<title>`.

use crate::date::{Date, DateError};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

/// What a page says, ready for the extractors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub headline: Option<String>,
    pub date: Option<Date>,
    /// The publication date the page gives when it is no real day (and the
    /// page gives no other): reported, not used.
    pub invalid_date: Option<DateError>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub paragraphs: Vec<String>,
}

impl Page {
    /// The page as article text: headline, byline, then one paragraph per line.
    pub fn to_text(&self) -> String {
        let mut lines = Vec::new();
        if let Some(h) = &self.headline {
            lines.push(h.clone());
        }
        if let Some(a) = &self.author {
            lines.push(format!("By {a}"));
        }
        lines.extend(self.paragraphs.iter().cloned());
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}

const SKIPPED_TAGS: &[&str] = &["nav", "header", "footer", "aside", "figure", "figcaption", "form", "script", "style", "noscript", "button", "svg", "template", "iframe", "select", "head", "title"];
const SKIPPED_WORDS: &[&str] = &["share", "social", "related", "cookie", "consent", "promo", "advert", "newsletter", "caption", "comment", "menu", "breadcrumb", "subscribe", "sidebar", "footer", "nav", "banner", "popup", "modal", "outbrain", "taboola", "recommend", "most-read", "trending", "tags"];

/// Elements whose content flows inside a paragraph; every other element
/// breaks the text into blocks.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "img", "label",
];

/// Elements that are parts of a paragraph or a list: the text they hold
/// belongs to the element around them.
const PARAGRAPH_TAGS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre"];

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid built-in selector")
}

/// Page furniture by its tag, or hidden.
/// Tags whose content is never shown where they stand: left out without
/// cutting the text around them ("met <script>…</script>Ana Ruiz").
const INVISIBLE_TAGS: &[&str] = &["script", "style", "noscript", "template"];

fn is_furniture_tag(element: &scraper::node::Element) -> bool {
    SKIPPED_TAGS.contains(&element.name()) || element.attr("aria-hidden") == Some("true") || element.attr("hidden").is_some()
}

/// Whether an element's class or id names page furniture ("share-tools", "related").
fn has_furniture_words(element: &scraper::node::Element) -> bool {
    let marks = format!("{} {}", element.attr("class").unwrap_or(""), element.attr("id").unwrap_or("")).to_lowercase();
    SKIPPED_WORDS.iter().any(|w| marks.split(|c: char| !c.is_alphanumeric() && c != '-').any(|token| token == *w || token.starts_with(&format!("{w}-")) || token.ends_with(&format!("-{w}"))))
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an element, white space folded.
fn text_of(element: ElementRef) -> String {
    clean(&element.text().collect::<String>())
}

pub fn read_page(html: &str) -> Page {
    let document = Html::parse_document(&super::nesting::cap_nesting(html, super::nesting::MAX_DEPTH));
    let mut page = Page::default();
    read_json_ld(&document, &mut page);
    let meta = |attr: &str, name: &str| -> Option<String> {
        document
            .select(&selector(&format!("meta[{attr}=\"{name}\"]")))
            .find_map(|m| m.value().attr("content").map(clean).filter(|c| !c.is_empty()))
    };
    if page.headline.is_none() {
        page.headline = meta("property", "og:title").or_else(|| document.select(&selector("title")).next().map(text_of).filter(|t| !t.is_empty()));
    }
    if page.date.is_none() {
        page.date = meta("property", "article:published_time")
            .or_else(|| meta("name", "date"))
            .or_else(|| document.select(&selector("time[datetime]")).find_map(|t| t.value().attr("datetime").map(String::from)))
            .and_then(|d| date_of(&d, &mut page.invalid_date));
    }
    if page.date.is_some() {
        page.invalid_date = None;
    }
    if page.author.is_none() {
        page.author = meta("name", "author").or_else(|| meta("property", "article:author")).filter(|a| !a.starts_with("http"));
    }
    if page.url.is_none() {
        page.url = meta("property", "og:url").or_else(|| document.select(&selector("link[rel=\"canonical\"]")).find_map(|l| l.value().attr("href").map(String::from)));
    }
    page.paragraphs = body(&document);
    // the headline is not also a paragraph
    if let Some(h) = &page.headline {
        page.paragraphs.retain(|p| p != h);
    }
    page
}

/// "2023-03-10T09:00:00Z" → 2023-03-10; the first value that is no date is
/// kept in `invalid`.
fn date_of(value: &str, invalid: &mut Option<DateError>) -> Option<Date> {
    match Date::parse_prefix(value) {
        Ok(date) => Some(date),
        Err(e) => {
            invalid.get_or_insert(e);
            None
        }
    }
}

fn read_json_ld(document: &Html, page: &mut Page) {
    for script in document.select(&selector("script[type=\"application/ld+json\"]")) {
        let Ok(value) = serde_json::from_str::<Value>(&script.text().collect::<String>()) else { continue };
        let mut candidates = vec![value.clone()];
        if let Some(graph) = value.get("@graph").and_then(Value::as_array) {
            candidates.extend(graph.iter().cloned());
        }
        if let Some(list) = value.as_array() {
            candidates.extend(list.iter().cloned());
        }
        let is_article = |v: &Value| {
            let t = v.get("@type");
            let names: Vec<&str> = match t {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            names.iter().any(|n| n.ends_with("Article") || *n == "Report")
        };
        let Some(article) = candidates.into_iter().find(is_article) else { continue };
        let text = |key: &str| article.get(key).and_then(Value::as_str).map(clean).filter(|s| !s.is_empty());
        page.headline = page.headline.take().or_else(|| text("headline"));
        page.date = page.date.take().or_else(|| text("datePublished").and_then(|d| date_of(&d, &mut page.invalid_date)));
        page.url = page.url.take().or_else(|| text("url"));
        let author_name = |a: &Value| a.get("name").and_then(Value::as_str).or(a.as_str()).map(clean);
        page.author = page.author.take().or_else(|| match article.get("author") {
            Some(Value::Array(list)) => {
                let names: Vec<String> = list.iter().filter_map(author_name).collect();
                (!names.is_empty()).then(|| names.join(" and "))
            }
            Some(a) => author_name(a),
            None => None,
        });
    }
}

/// A run of text between block boundaries: a paragraph, a heading, a list
/// item, a `<div>` of text, or text between `<br>`s.
struct Block {
    /// The nearest element around the text that is not inline.
    element: NodeId,
    text: String,
    /// Bytes of the text inside links.
    link_bytes: usize,
}

/// Cuts the page into blocks of text, in document order, leaving out
/// furniture tags (navigation, scripts, figures …).
#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
    text: String,
    link_bytes: usize,
}

impl Blocks {
    /// Walks the tree without recursion: pages nest elements deeper than
    /// any stack allows.
    fn read(root: NodeRef<Node>) -> Vec<Block> {
        let mut blocks = Blocks::default();
        // the elements around the current text that are not inline
        let mut holders = vec![root.id()];
        let mut open_links = 0usize;
        let mut skipping: Option<NodeId> = None;
        for edge in root.traverse() {
            let holder = *holders.last().unwrap_or(&root.id());
            match edge {
                Edge::Open(node) if skipping.is_none() => match node.value() {
                    Node::Text(t) => {
                        blocks.text.push_str(t);
                        if open_links > 0 {
                            blocks.link_bytes += t.len();
                        }
                    }
                    Node::Element(e) if INVISIBLE_TAGS.contains(&e.name()) => skipping = Some(node.id()),
                    Node::Element(e) if is_furniture_tag(e) => {
                        blocks.flush(holder);
                        skipping = Some(node.id());
                    }
                    Node::Element(e) if e.name() == "br" => blocks.flush(holder),
                    Node::Element(e) if INLINE_TAGS.contains(&e.name()) => open_links += usize::from(e.name() == "a"),
                    Node::Element(_) => {
                        blocks.flush(holder);
                        holders.push(node.id());
                    }
                    _ => {}
                },
                Edge::Close(node) if skipping == Some(node.id()) => skipping = None,
                Edge::Close(node) if skipping.is_none() => match node.value() {
                    Node::Element(e) if e.name() == "br" => {}
                    Node::Element(e) if INLINE_TAGS.contains(&e.name()) => open_links -= usize::from(e.name() == "a"),
                    Node::Element(_) => {
                        blocks.flush(node.id());
                        holders.pop();
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        blocks.flush(root.id());
        blocks.blocks
    }

    fn flush(&mut self, element: NodeId) {
        let text = clean(&std::mem::take(&mut self.text));
        let link_bytes = std::mem::take(&mut self.link_bytes);
        if text.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            self.blocks.push(Block { element, text, link_bytes });
        }
    }
}

/// The paragraphs of the article body, in order.
///
/// Like Readability: the text is cut into blocks; each block's text counts
/// for the element holding its paragraph (and half for the one above); the
/// element with the most wins, widened to an `<article>` or `<main>` around
/// it. Class words mark furniture ("related", "share") only on elements
/// holding less than half the page's text, so a wrapper named
/// "advert-content-wrap" around the article does not hide it.
fn body(document: &Html) -> Vec<String> {
    let blocks = Blocks::read(document.tree.root());
    let tree = &document.tree;
    let element = |id: NodeId| tree.get(id).and_then(ElementRef::wrap);
    let lineage = |id: NodeId| tree.get(id).into_iter().flat_map(|n| std::iter::once(n).chain(n.ancestors())).map(|n| n.id());

    // text held by each element, to tell furniture from wrappers
    let mut held: rustc_hash::FxHashMap<NodeId, usize> = Default::default();
    for block in &blocks {
        for id in lineage(block.element) {
            *held.entry(id).or_default() += block.text.len();
        }
    }
    let total: usize = blocks.iter().map(|b| b.text.len()).sum();
    let is_furniture = |id: NodeId| element(id).is_some_and(|e| has_furniture_words(e.value()) && held[&id] * 2 < total);
    let kept: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.link_bytes * 2 <= b.text.len())
        .filter(|b| !lineage(b.element).any(is_furniture))
        .collect();

    // the element holding each block's paragraph: above paragraph and list
    // tags, and above a <div> holding nothing but its text
    let holder = |block: &Block| {
        let mut id = block.element;
        let inline_only = |id: NodeId| tree.get(id).is_some_and(|n| n.children().all(|c| c.value().as_element().is_none_or(|e| INLINE_TAGS.contains(&e.name()) || e.name() == "br")));
        if element(id).is_some_and(|e| PARAGRAPH_TAGS.contains(&e.value().name())) || inline_only(id) {
            id = tree.get(id).and_then(|n| n.parent()).map_or(id, |p| p.id());
        }
        while let Some(parent) = element(id).filter(|e| PARAGRAPH_TAGS.contains(&e.value().name())).and_then(|e| e.parent()) {
            id = parent.id();
        }
        id
    };
    let mut score: rustc_hash::FxHashMap<NodeId, usize> = Default::default();
    let mut order = Vec::new(); // elements in the order first credited
    let mut credit = |id: NodeId, amount: usize| {
        if !score.contains_key(&id) {
            order.push(id);
        }
        *score.entry(id).or_default() += amount;
    };
    for block in &kept {
        let id = holder(block);
        let own = block.text.len() - block.link_bytes;
        credit(id, own);
        if let Some(parent) = tree.get(id).and_then(|n| n.parent()) {
            credit(parent.id(), own / 2);
        }
    }
    // the first of the best, for a deterministic choice
    let Some(best) = order.iter().copied().fold(None, |best: Option<NodeId>, id| if best.is_none_or(|b| score[&id] > score[&b]) { Some(id) } else { best }) else {
        return Vec::new();
    };
    let container = element(best).and_then(|e| e.ancestors().filter_map(ElementRef::wrap).find(|a| matches!(a.value().name(), "article" | "main"))).map_or(best, |a| a.id());
    let mut out: Vec<String> = Vec::new();
    for block in kept {
        if lineage(block.element).any(|id| id == container) && out.last() != Some(&block.text) {
            out.push(block.text.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Storm hits coast | Example News</title>
<meta property="og:title" content="Storm hits coast">
<meta property="article:published_time" content="2024-02-03T08:00:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm hits coast","author":{"@type":"Person","name":"Ana Lopes"}}</script>
<script>var tracking = "<p>not text</p>";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve your experience on our site.</p></div>
<article>
  <h1>Storm hits coast</h1>
  <div class="share-tools"><p>Share this article</p></div>
  <figure><img src="x.jpg"><figcaption>Waves at the pier. Photo: Agency</figcaption></figure>
  <p>A storm hit the coast on Friday, cutting power to 12,000 homes &amp; closing roads.</p>
  <p>Officials said repairs would take &#8220;several days&#8221;.</p>
  <aside class="related"><p>Related: Last year's floods</p></aside>
  <h2>Warnings remain</h2>
  <p>Forecasters expect more rain this week.</p>
</article>
<footer><p>Copyright Example News 2024. All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn reads_the_body_and_the_metadata() {
        let page = read_page(PAGE);
        assert_eq!(page.headline.as_deref(), Some("Storm hits coast"));
        assert_eq!(page.date.map(|d| d.to_string()).as_deref(), Some("2024-02-03"));
        assert_eq!(page.author.as_deref(), Some("Ana Lopes"));
        assert_eq!(
            page.paragraphs,
            vec![
                "A storm hit the coast on Friday, cutting power to 12,000 homes & closing roads.",
                "Officials said repairs would take \u{201c}several days\u{201d}.",
                "Warnings remain",
                "Forecasters expect more rain this week.",
            ]
        );
        assert_eq!(page.to_text().lines().nth(1), Some("By Ana Lopes"));
    }

    const PROSE: [&str; 3] = [
        "The council approved the new budget on Tuesday after a long debate.",
        "Members said the plan would cut waiting times at the city's clinics.",
        "The mayor called the vote a turning point for public services.",
    ];

    #[test]
    fn text_in_divs_and_between_line_breaks_is_read() {
        let divs = format!(
            "<html><body><div class=\"menu\"><a href=\"/\">Home</a></div><div class=\"post\"><div><span>{}</span></div><div><span> </span></div><div><span>{}</span></div><div>{}</div></div></body></html>",
            PROSE[0], PROSE[1], PROSE[2]
        );
        assert_eq!(read_page(&divs).paragraphs, PROSE);
        let breaks = format!("<html><body><div class=\"article-body\"><em>{}</em><br><br>{} <a href=\"/x\">link</a> text.<br/><br/>{}</div></body></html>", PROSE[0], PROSE[1], PROSE[2]);
        let page = read_page(&breaks);
        assert_eq!(page.paragraphs[0], PROSE[0]);
        assert_eq!(page.paragraphs[1], format!("{} link text.", PROSE[1]));
        assert_eq!(page.paragraphs[2], PROSE[2]);
    }

    #[test]
    fn a_wrapper_named_like_furniture_does_not_hide_the_article() {
        let html = format!(
            "<html><body><div class=\"advert-content-wrap\"><div class=\"post-content\"><p>{}</p><p>{}</p><p>{}</p></div><div class=\"related-links\"><p>Read more about budgets in our guide.</p></div></div></body></html>",
            PROSE[0], PROSE[1], PROSE[2]
        );
        assert_eq!(read_page(&html).paragraphs, PROSE);
    }

    #[test]
    fn scripts_without_case_are_prose() {
        let html = "<html><head><title>外国专家谈合作</title></head><body><article><p>By 严玉洁</p><p>在美国旧金山举行的会晤吸引了全世界的目光。多名外国专家表示，合作符合国际社会利益。</p><p>中美合作是大势所趋</p><p>وقال المرصد السوري لحقوق الإنسان إن مقاتلين سيطروا على ثلاثة مستودعات</p></article></body></html>";
        let doc = crate::document::Document::new(read_page(html).to_text(), Default::default());
        let prose: Vec<&str> = doc.paragraphs_with(crate::document::ParagraphRole::Prose).map(|p| doc.slice(p.span)).collect();
        // the short subheading is dropped, as English ones are
        assert_eq!(prose.len(), 2, "{prose:?}");
        assert!(prose[0].starts_with("在美国") && prose[1].starts_with("وقال"));
        assert_eq!(doc.paragraphs_with(crate::document::ParagraphRole::Byline).count(), 1);
    }

    #[test]
    fn a_page_without_a_body_gives_no_paragraphs() {
        let page = read_page("<html><head><title>Empty</title></head><body><nav><a>Home</a></nav></body></html>");
        assert_eq!(page.headline.as_deref(), Some("Empty"));
        assert!(page.paragraphs.is_empty());
    }
}
