//! The ontology and the shapes: they parse, every term is documented, every
//! IRI newsgraph writes is declared, and the output conforms (pySHACL).

mod common;

use common::*;
use oxrdf::{NamedNodeRef, NamedOrBlankNode, Term};
use oxrdfio::{RdfFormat, RdfParser};
use std::collections::HashSet;
use std::process::Command;

const NG: &str = "https://w3id.org/newsgraph/ns#";
const EXTERNAL: &[&str] = &[
    "http://schema.org/",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://www.w3.org/2002/07/owl#",
    "http://www.w3.org/2001/XMLSchema#",
    "http://www.w3.org/ns/prov#",
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "http://www.w3.org/2005/11/its/rdf#",
    "http://www.wikidata.org/entity/",
];

fn parse(path: &str) -> Vec<oxrdf::Triple> {
    let bytes = std::fs::read(data(path)).unwrap();
    RdfParser::from_format(RdfFormat::Turtle).for_slice(&bytes).map(|q| oxrdf::Triple::from(q.unwrap())).collect()
}

#[test]
fn every_ontology_term_has_a_label_and_a_comment() {
    let triples = parse("ontology/newsgraph.ttl");
    let label = NamedNodeRef::new_unchecked("http://www.w3.org/2000/01/rdf-schema#label");
    let comment = NamedNodeRef::new_unchecked("http://www.w3.org/2000/01/rdf-schema#comment");
    let terms: HashSet<&NamedOrBlankNode> = triples.iter().map(|t| &t.subject).collect();
    assert!(terms.len() >= 2);
    for term in terms {
        for p in [label, comment] {
            assert!(triples.iter().any(|t| &t.subject == term && t.predicate == p), "{term} lacks {p}");
        }
    }
    let version = NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#versionInfo");
    assert!(triples.iter().any(|t| t.predicate == version), "the ontology is versioned");
}

#[test]
fn every_iri_in_vocab_is_declared_or_external() {
    let declared: HashSet<String> = parse("ontology/newsgraph.ttl").iter().map(|t| t.subject.to_string().trim_matches(['<', '>']).to_string()).collect();
    let vocab = std::fs::read_to_string(data("src/vocab.rs")).unwrap();
    let iris: Vec<&str> = vocab.split('"').filter(|s| s.starts_with("http")).collect();
    assert!(iris.len() > 40);
    for iri in iris {
        let ours = iri.starts_with(NG) && iri != NG;
        if ours {
            assert!(declared.contains(iri), "{iri} is not declared in ontology/newsgraph.ttl");
        } else {
            assert!(
                EXTERNAL.iter().any(|ns| iri.starts_with(ns)) || iri == NG || iri.starts_with("https://w3id.org/newsgraph/"),
                "{iri} belongs to no known vocabulary"
            );
        }
    }
}

#[test]
fn the_shapes_parse() {
    let shapes = parse("ontology/shapes.ttl");
    let node_shape = Term::from(NamedNodeRef::new_unchecked("http://www.w3.org/ns/shacl#NodeShape"));
    assert!(shapes.iter().filter(|t| t.object == node_shape).count() >= 8);
}

fn pyshacl_available() -> bool {
    let ok = Command::new("python3").args(["-c", "import pyshacl"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("pyshacl not installed (pip install -r tests/requirements.txt): shapes not checked");
    }
    ok
}

fn conforms(path: &std::path::Path) -> (bool, String) {
    let out = Command::new("python3").args(["-m", "pyshacl", "-s"]).arg(data("ontology/shapes.ttl")).arg(path).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    (report.contains("Conforms: True"), report)
}

#[test]
fn the_example_and_development_articles_conform_to_the_shapes() {
    if !pyshacl_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut articles: Vec<String> = std::fs::read_dir(data("tests/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    articles.sort();
    assert_eq!(articles.len(), 7);
    // all articles in one graph, as a corpus would be loaded
    let path = dir.path().join("all.ttl");
    newsgraph().arg("extract").args(&articles).arg("-o").arg(&path).assert().success();
    let (ok, report) = conforms(&path);
    assert!(ok, "{report}");
}

#[test]
fn the_shapes_catch_a_broken_graph() {
    if !pyshacl_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ttl");
    std::fs::write(
        &path,
        "@prefix schema: <http://schema.org/> .\n<http://x/q> a schema:Quotation .\n<http://x/e> schema:name \"A\", \"B\" .\n",
    )
    .unwrap();
    let (ok, report) = conforms(&path);
    assert!(!ok, "a quotation without text and an entity with two names must not conform: {report}");
}
