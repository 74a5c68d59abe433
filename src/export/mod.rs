//! Exports: the knowledge graph as RDF (six formats, through oxrdfio) or
//! as Graphviz DOT. Only this module knows oxigraph.

mod dot;
mod jsonld;
mod rdf;
mod store;

pub use dot::write_dot;
pub use rdf::{append_lines, quads, write_lines, write_rdf};
pub use store::{QueryStore, ResultsFormat};

use std::path::Path;

/// Every output format; a closed set, like oxrdfio's `RdfFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    RdfXml,
    JsonLd,
    Dot,
}

impl Format {
    pub const ALL: [Format; 7] =
        [Format::Turtle, Format::NTriples, Format::NQuads, Format::TriG, Format::RdfXml, Format::JsonLd, Format::Dot];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Turtle => "turtle",
            Format::NTriples => "ntriples",
            Format::NQuads => "nquads",
            Format::TriG => "trig",
            Format::RdfXml => "rdfxml",
            Format::JsonLd => "jsonld",
            Format::Dot => "dot",
        }
    }

    pub fn file_extension(self) -> &'static str {
        match self {
            Format::Turtle => "ttl",
            Format::NTriples => "nt",
            Format::NQuads => "nq",
            Format::TriG => "trig",
            Format::RdfXml => "rdf",
            Format::JsonLd => "jsonld",
            Format::Dot => "dot",
        }
    }

    /// A format by its name ("ntriples") or its file extension ("nt").
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name.to_ascii_lowercase()).or_else(|| Format::from_extension(name))
    }

    pub fn from_extension(ext: &str) -> Option<Format> {
        let ext = ext.to_ascii_lowercase();
        Format::ALL.into_iter().find(|f| f.file_extension() == ext).or(match ext.as_str() {
            "turtle" => Some(Format::Turtle),
            "owl" | "xml" => Some(Format::RdfXml),
            "json" => Some(Format::JsonLd),
            "gv" => Some(Format::Dot),
            _ => None,
        })
    }

    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(Format::from_extension)
    }

    /// Whether the format keeps named graphs (one per article).
    pub fn has_graphs(self) -> bool {
        matches!(self, Format::NQuads | Format::TriG)
    }
}
