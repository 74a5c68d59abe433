//! Compact JSON-LD: one `@context` with schema.org as the vocabulary, so web
//! developers read `"name"`, `"memberOf"`, `"@type": "Country"` without RDF
//! tooling; other vocabularies as prefixes (`"nif:anchorOf"`). One object
//! per subject in `@graph`, in the order the RDF export gives.

use crate::vocab;
use oxrdf::{GraphName, NamedOrBlankNode, Quad, Term};
use serde_json::{json, Map, Value};
use std::io::Write;

/// A CURIE for `iri` where a prefix fits: schema.org terms bare.
fn compact(iri: &str, vocabulary_relative: bool) -> String {
    if vocabulary_relative {
        if let Some(local) = iri.strip_prefix(vocab::SCHEMA) {
            return local.to_string();
        }
    }
    vocab::PREFIXES
        .iter()
        .filter(|(p, _)| *p != "schema" || !vocabulary_relative)
        .find(|(_, ns)| iri.starts_with(ns) && iri.len() > ns.len())
        .map_or_else(|| iri.to_string(), |(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
}

fn object(term: &Term) -> Value {
    match term {
        Term::NamedNode(n) => json!({ "@id": n.as_str() }),
        Term::BlankNode(b) => json!({ "@id": format!("_:{}", b.as_str()) }),
        Term::Literal(l) => {
            if let Some(lang) = l.language() {
                json!({ "@value": l.value(), "@language": lang })
            } else if l.datatype().as_str() == "http://www.w3.org/2001/XMLSchema#string" {
                Value::String(l.value().to_string())
            } else {
                json!({ "@value": l.value(), "@type": compact(l.datatype().as_str(), false) })
            }
        }
        #[allow(unreachable_patterns)]
        other => Value::String(other.to_string()),
    }
}

/// Writes `quads` (graph names dropped, each subject's quads together) as
/// compact JSON-LD, one subject's object at a time: memory holds one node,
/// not the whole document.
pub fn write_jsonld(quads: &[Quad], out: impl Write) -> std::io::Result<()> {
    let mut context = Map::new();
    context.insert("@vocab".into(), Value::String(vocab::SCHEMA.into()));
    for (prefix, ns) in vocab::PREFIXES.iter().filter(|(p, _)| *p != "schema") {
        context.insert((*prefix).into(), Value::String((*ns).into()));
    }
    let mut out = out;
    let mut serializer = serde_json::Serializer::pretty(&mut out);
    serde::Serialize::serialize(&Document { context, quads }, &mut serializer).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// `{"@context": …, "@graph": […]}`, the graph's objects made as written.
struct Document<'q> {
    context: Map<String, Value>,
    quads: &'q [Quad],
}

impl serde::Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("@context", &self.context)?;
        map.serialize_entry("@graph", &Nodes(self.quads))?;
        map.end()
    }
}

/// The subjects' objects, in order, each made when it is written.
struct Nodes<'q>(&'q [Quad]);

impl serde::Serialize for Nodes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.chunk_by(|a, b| a.subject == b.subject).map(node))
    }
}

/// The JSON-LD object of one subject's quads.
fn node(quads: &[Quad]) -> Value {
    let mut node = Map::new();
    let id = match &quads[0].subject {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
        NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
    };
    node.insert("@id".into(), Value::String(id));
    for quad in quads {
        debug_assert!(quad.graph_name == GraphName::DefaultGraph || !quad.graph_name.is_default_graph());
        let (key, value) = if quad.predicate.as_str() == vocab::rdf::TYPE {
            let class = match &quad.object {
                Term::NamedNode(n) => compact(n.as_str(), true),
                other => other.to_string(),
            };
            ("@type".to_string(), Value::String(class))
        } else {
            (compact(quad.predicate.as_str(), true), object(&quad.object))
        };
        match node.get_mut(&key) {
            None => {
                node.insert(key, value);
            }
            Some(Value::Array(values)) => {
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            Some(existing) => {
                if *existing != value {
                    let first = existing.take();
                    *existing = Value::Array(vec![first, value]);
                }
            }
        }
    }
    Value::Object(node)
}
