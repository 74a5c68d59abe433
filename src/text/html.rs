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

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// What a page says, ready for the extractors.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub headline: Option<String>,
    /// ISO date (YYYY-MM-DD).
    pub date: Option<String>,
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

const SKIPPED_TAGS: &[&str] = &["nav", "header", "footer", "aside", "figure", "figcaption", "form", "script", "style", "noscript", "button", "svg", "template", "iframe", "select"];
const SKIPPED_WORDS: &[&str] = &["share", "social", "related", "cookie", "consent", "promo", "advert", "newsletter", "caption", "comment", "menu", "breadcrumb", "subscribe", "sidebar", "footer", "nav", "banner", "popup", "modal", "outbrain", "taboola", "recommend", "most-read", "trending", "tags"];

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid built-in selector")
}

/// Whether an element (or one of its ancestors) is page furniture.
fn is_furniture(element: ElementRef) -> bool {
    std::iter::once(element).chain(element.ancestors().filter_map(ElementRef::wrap)).any(|e| {
        let v = e.value();
        if SKIPPED_TAGS.contains(&v.name()) || v.attr("aria-hidden") == Some("true") || v.attr("hidden").is_some() {
            return true;
        }
        let marks = format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or("")).to_lowercase();
        SKIPPED_WORDS.iter().any(|w| marks.split(|c: char| !c.is_alphanumeric() && c != '-').any(|token| token == *w || token.starts_with(&format!("{w}-")) || token.ends_with(&format!("-{w}"))))
    })
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an element, white space folded.
fn text_of(element: ElementRef) -> String {
    clean(&element.text().collect::<String>())
}

pub fn read_page(html: &str) -> Page {
    let document = Html::parse_document(html);
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
            .and_then(|d| iso_date(&d));
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

/// "2023-03-10T09:00:00Z" → "2023-03-10".
fn iso_date(value: &str) -> Option<String> {
    let d = value.get(..10)?;
    let ok = d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-' && d.chars().filter(|c| c.is_ascii_digit()).count() == 8;
    ok.then(|| d.to_string())
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
        page.date = page.date.take().or_else(|| text("datePublished").and_then(|d| iso_date(&d)));
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

/// The paragraphs of the article body, in order.
fn body(document: &Html) -> Vec<String> {
    let blocks = selector("p, h2, h3, blockquote > p, li");
    let paragraph = selector("p");
    // the container whose own paragraphs hold the most text
    let mut best: Option<(usize, ElementRef)> = None;
    for p in document.select(&paragraph) {
        let Some(parent) = p.parent().and_then(ElementRef::wrap) else { continue };
        if is_furniture(parent) {
            continue;
        }
        let score: usize = parent.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == "p").map(|c| text_of(c).len()).sum();
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, parent));
        }
    }
    let Some((_, container)) = best else { return Vec::new() };
    // an <article> or <main> holding the container gives its headings and lists too
    let root = container
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|e| matches!(e.value().name(), "article" | "main"))
        .unwrap_or(container);
    let mut out: Vec<String> = Vec::new();
    for block in root.select(&blocks) {
        if is_furniture(block) {
            continue;
        }
        // list items only inside the body text, not link lists
        if block.value().name() == "li" && block.select(&selector("a")).map(|a| text_of(a).len()).sum::<usize>() * 2 > text_of(block).len() {
            continue;
        }
        let text = text_of(block);
        if text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && out.last() != Some(&text) {
            out.push(text);
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
        assert_eq!(page.date.as_deref(), Some("2024-02-03"));
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

    #[test]
    fn a_page_without_a_body_gives_no_paragraphs() {
        let page = read_page("<html><head><title>Empty</title></head><body><nav><a>Home</a></nav></body></html>");
        assert_eq!(page.headline.as_deref(), Some("Empty"));
        assert!(page.paragraphs.is_empty());
    }
}
