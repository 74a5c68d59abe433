//! The N-Triples written for any input always parses again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::document::Metadata;
use newsgraph::export::{write_rdf, Format};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::Pipeline;
use oxrdfio::{RdfFormat, RdfParser};
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().unwrap());

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut graph = KnowledgeGraph::new();
    PIPELINE.add_article(&mut graph, &text, Metadata::default());
    let mut out = Vec::new();
    write_rdf(&graph, newsgraph::vocab::DEFAULT_BASE, Format::NTriples, &mut out).unwrap();
    for quad in RdfParser::from_format(RdfFormat::NTriples).for_slice(&out) {
        quad.unwrap();
    }
});
