//! Any bytes, decoded as the CLI decodes them, extract without a panic and
//! with every mention on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::document::Metadata;
use newsgraph::Pipeline;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().unwrap());

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (doc, _) = PIPELINE.read(&text, Metadata::default());
    for m in &doc.mentions {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end) && m.span.start < m.span.end);
    }
});
