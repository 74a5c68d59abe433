//! Properties over arbitrary text: extraction never panics, every span lies
//! on character boundaries and slices to its mention, sentences tile their
//! paragraphs, and the N-Triples output always parses.

use newsgraph::document::{Metadata, ParagraphRole};
use newsgraph::export::{write_rdf, Format};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::Pipeline;
use oxrdfio::{RdfFormat, RdfParser};
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().unwrap());

/// Text that looks a little like news: words, names, numbers, quotes, breaks.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr Smith".to_string()),
        Just("said".to_string()),
        Just("the UK".to_string()),
        Just("France".to_string()),
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("45,000".to_string()),
        Just("members of the G7".to_string()),
        Just("By Ann Lee\n".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,5}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.join(" "))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let (doc, resolution) = PIPELINE.read(text, Metadata::default());
    // spans are the document's: its text is the input with what XML cannot
    // hold replaced (a control character becomes the three bytes of U+FFFD)
    let text = doc.text.as_str();
    for m in &doc.mentions {
        prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
    }
    for p in &doc.paragraphs {
        if !matches!(p.role, ParagraphRole::Prose | ParagraphRole::Headline) {
            continue;
        }
        // the sentences of a paragraph tile it, up to the white space between them
        let sentences: Vec<_> = doc.sentences.iter().filter(|s| p.span.contains(s.span)).collect();
        let mut at = p.span.start;
        for s in sentences {
            prop_assert!(text[at..s.span.start].trim().is_empty(), "gap {:?}", &text[at..s.span.start]);
            at = s.span.end;
        }
        prop_assert!(text[at..p.span.end].trim().is_empty());
    }
    let mut graph = KnowledgeGraph::new();
    graph.add_document(&doc, &resolution);
    let mut nt = Vec::new();
    write_rdf(&graph, newsgraph::vocab::DEFAULT_BASE, Format::NTriples, &mut nt).unwrap();
    for quad in RdfParser::from_format(RdfFormat::NTriples).for_slice(&nt) {
        prop_assert!(quad.is_ok(), "N-Triples does not parse: {:?}", quad.err());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_extracts_with_sound_spans(text in "\\PC{0,300}") {
        check(&text)?;
    }

    #[test]
    fn newsish_text_extracts_with_sound_spans(text in newsish()) {
        check(&text)?;
    }
}

/// Inputs the fuzzers found to crash once; each must now extract cleanly.
#[test]
fn fuzz_regressions_extract() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        check(&String::from_utf8_lossy(&bytes)).unwrap();
        n += 1;
    }
    assert!(n >= 1);
}
