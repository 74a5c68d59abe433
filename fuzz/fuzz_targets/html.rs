//! Any bytes read as an HTML page: the page reader never panics, and the
//! article it gives extracts without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::document::Metadata;
use newsgraph::text::html::read_page;
use newsgraph::Pipeline;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().unwrap());

fuzz_target!(|data: &[u8]| {
    let page = read_page(&String::from_utf8_lossy(data));
    let text = page.to_text();
    assert!(page.paragraphs.iter().all(|p| !p.contains('\n')), "a paragraph is one line");
    let (doc, _) = PIPELINE.read(&text, Metadata::default());
    assert!(doc.mentions.iter().all(|m| text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end)));
});
