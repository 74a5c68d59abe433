//! Any bytes read as an HTML page, decoded as the CLI decodes it (a
//! byte-order mark, a declared charset, UTF-8, else a guess): the decoder
//! and the page reader never panic, and the article extracts without one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::document::Metadata;
use newsgraph::text::html::read_page;
use newsgraph::Pipeline;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().unwrap());

fuzz_target!(|data: &[u8]| {
    let page = read_page(&newsgraph::text::encoding::decode(data, true).text);
    let text = page.to_text();
    assert!(page.paragraphs.iter().all(|p| !p.contains('\n')), "a paragraph is one line");
    let (doc, _) = PIPELINE.read(&text, Metadata::default());
    // spans are the document's: its text has what XML cannot hold replaced
    assert!(doc.mentions.iter().all(|m| doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end)));
});
