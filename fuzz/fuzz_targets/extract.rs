//! Any bytes, decoded as the CLI decodes them, extract without a panic and
//! with every mention on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::document::Metadata;
use newsgraph::Pipeline;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().unwrap());

fuzz_target!(|data: &[u8]| {
    let text = newsgraph::text::encoding::decode(data, false).text;
    let (doc, _) = PIPELINE.read(&text, Metadata::default());
    // spans are the document's: its text has what XML cannot hold replaced
    let text = &doc.text;
    for m in &doc.mentions {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end) && m.span.start < m.span.end);
    }
});
