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

/// Writes `quads` (graph names dropped) as compact JSON-LD.
pub fn write_jsonld(quads: &[Quad], out: impl Write) -> std::io::Result<()> {
    let mut context = Map::new();
    context.insert("@vocab".into(), Value::String(vocab::SCHEMA.into()));
    for (prefix, ns) in vocab::PREFIXES.iter().filter(|(p, _)| *p != "schema") {
        context.insert((*prefix).into(), Value::String((*ns).into()));
    }
    let mut order: Vec<NamedOrBlankNode> = Vec::new();
    let mut nodes: std::collections::HashMap<NamedOrBlankNode, Map<String, Value>> = std::collections::HashMap::new();
    for quad in quads {
        debug_assert!(quad.graph_name == GraphName::DefaultGraph || !quad.graph_name.is_default_graph());
        let node = nodes.entry(quad.subject.clone()).or_insert_with(|| {
            order.push(quad.subject.clone());
            let id = match &quad.subject {
                NamedOrBlankNode::NamedNode(n) => n.as_str().to_string(),
                NamedOrBlankNode::BlankNode(b) => format!("_:{}", b.as_str()),
            };
            let mut m = Map::new();
            m.insert("@id".into(), Value::String(id));
            m
        });
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
    let graph: Vec<Value> = order.into_iter().map(|s| Value::Object(nodes.remove(&s).unwrap_or_default())).collect();
    let document = json!({ "@context": Value::Object(context), "@graph": graph });
    let mut out = out;
    serde_json::to_writer_pretty(&mut out, &document)?;
    writeln!(out)
}
