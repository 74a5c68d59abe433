//! Every RDF format written for any input parses again with an
//! independent parser (oxrdfio; RDF/XML also as well-formed XML), and the
//! JSON-LD is valid JSON: a user's store never refuses the file.
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
    // the first line is the headline given as metadata, as an HTML title would be
    let text = String::from_utf8_lossy(data);
    let (headline, body) = text.split_once('\n').unwrap_or(("", &text));
    let meta = Metadata { headline: (!headline.is_empty()).then(|| headline.to_string()), ..Metadata::default() };
    let mut graph = KnowledgeGraph::new();
    PIPELINE.add_article(&mut graph, body, meta);
    for (format, parser) in [
        (Format::Turtle, RdfFormat::Turtle),
        (Format::NTriples, RdfFormat::NTriples),
        (Format::NQuads, RdfFormat::NQuads),
        (Format::TriG, RdfFormat::TriG),
        (Format::RdfXml, RdfFormat::RdfXml),
    ] {
        let mut out = Vec::new();
        write_rdf(&graph, newsgraph::vocab::DEFAULT_BASE, format, &mut out).unwrap();
        for quad in RdfParser::from_format(parser).for_slice(&out) {
            if let Err(e) = quad {
                panic!("{format:?} does not parse again: {e}\n{}", String::from_utf8_lossy(&out));
            }
        }
    }
    let mut jsonld = Vec::new();
    write_rdf(&graph, newsgraph::vocab::DEFAULT_BASE, Format::JsonLd, &mut jsonld).unwrap();
    serde_json::from_slice::<serde_json::Value>(&jsonld).expect("JSON-LD is JSON");
});
