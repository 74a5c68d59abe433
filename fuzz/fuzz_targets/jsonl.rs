//! JSON Lines with arbitrary metadata (dates, urls, ids, titles, authors)
//! are read without a panic, and what they give extracts into N-Quads that
//! parse again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::export::{write_rdf, Format};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::text::input::{InputOptions, Sources};
use newsgraph::Pipeline;
use oxrdfio::{RdfFormat, RdfParser};
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().unwrap());

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input.jsonl");
    std::fs::write(&path, data).unwrap();
    let mut graph = KnowledgeGraph::new();
    for source in Sources::new(vec![path], InputOptions::default()).flatten() {
        PIPELINE.add_article(&mut graph, &source.text, source.meta);
    }
    let mut out = Vec::new();
    write_rdf(&graph, newsgraph::vocab::DEFAULT_BASE, Format::NQuads, &mut out).unwrap();
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(&out) {
        quad.unwrap();
    }
});
