//! Caps how deeply a page's elements nest before the page is parsed.
//!
//! The HTML tree builder looks through the stack of open elements for every
//! tag, so its time grows with the square of the nesting depth: 40,000
//! nested `<div>`s took 3 s and 200,000 over a minute. Browsers cap the depth
//! too (Blink at 512). Start tags deeper than the cap are dropped with their
//! end tags; the text inside them is kept, so the page reads the same.

use std::borrow::Cow;

/// Deeper than any real page; shallow enough to parse in linear time.
pub const MAX_DEPTH: usize = 512;

/// Elements without content.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements the parser closes by itself when the next one opens
/// (`<p>` … `<p>`): they do not nest, so they do not count.
const SELF_ENDING: &[&str] = &["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "caption", "colgroup"];

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// The page with start tags nested deeper than `max_depth` (and their end
/// tags) removed; the page itself when it nests no deeper.
pub fn cap_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0; // html[..copied] is in `out`
    let mut depth = 0usize;
    let mut dropped: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        let rest = &html[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment.find("-->").map_or(html.len(), |e| start + 4 + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(html.len(), |e| start + e + 1);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = start + if closing { 2 } else { 1 };
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            i = start + 1; // a "<" in text
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // skip to the end tag: what lies between is text
            let close = format!("</{name}");
            i = find_ignoring_case(html, end, &close).unwrap_or(html.len());
            continue;
        }
        let self_closed = !closing && bytes[..end].ends_with(b"/>");
        if VOID.contains(&name.as_str()) || SELF_ENDING.contains(&name.as_str()) || self_closed {
            continue;
        }
        let drop = if closing {
            if dropped.last() == Some(&name) {
                dropped.pop();
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= max_depth {
            dropped.push(name);
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Just past the `>` closing the tag whose name ends at `from`, skipping
/// quoted attribute values; the end of the page if it never closes.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return from + k + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// Where `needle` (ASCII) occurs in `haystack` at or after `from`, in any case.
fn find_ignoring_case(haystack: &str, from: usize, needle: &str) -> Option<usize> {
    let bytes = haystack.as_bytes();
    let n = needle.as_bytes();
    (from..bytes.len().saturating_sub(n.len() - 1)).find(|&k| bytes[k..k + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_within_the_cap_is_untouched() {
        let page = "<html><body><div class=\"a>b\"><p>One<p>Two<br><img src=x/><!-- <div> --><script>if (a<b) { x = '<div>'; }</script></div></body></html>";
        assert!(matches!(cap_nesting(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn deeper_tags_are_dropped_with_their_end_tags_and_the_text_kept() {
        let page = "<body><div><section><div><b>deep</b> text</div></section> after</div></body>";
        assert_eq!(cap_nesting(page, 2), "<body><div>deep text after</div></body>");
    }

    #[test]
    fn tens_of_thousands_of_levels_come_down_to_the_cap() {
        let n = 100_000;
        let page = format!("<html><body>{}<p>Deep text.</p>{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        let capped = cap_nesting(&page, MAX_DEPTH);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH - 2);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH - 2);
        assert!(capped.contains("<p>Deep text.</p>"));
    }
}
