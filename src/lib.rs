//! newsgraph reads news articles and exports what they say as a knowledge
//! graph: RDF for SPARQL stores and Graphviz DOT for diagrams.
//!
//! The pipeline, one module per stage:
//! `text` (segment) → `recognise` (every mention) → `link` (known entities)
//! → `extract` (facts) → `resolve` (entities: coreference and aliasing)
//! → `graph` (knowledge graph) → `export` (RDF, DOT).
//!
//! ```
//! use newsgraph::{Pipeline, document::Metadata, graph::KnowledgeGraph, export};
//! let pipeline = Pipeline::new().unwrap();
//! let mut graph = KnowledgeGraph::new();
//! pipeline.add_article(&mut graph, "Japan is a member of the G7.", Metadata::default());
//! let mut out = Vec::new();
//! export::write_rdf(&graph, newsgraph::vocab::DEFAULT_BASE, export::Format::NTriples, &mut out).unwrap();
//! assert!(String::from_utf8(out).unwrap().contains("<http://schema.org/memberOf>"));
//! ```

pub mod corpus;
pub mod date;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod kb;
pub mod link;
pub mod ontology;
pub mod recognise;
pub mod resolve;
pub mod text;
pub mod vocab;

pub use error::Error;

use document::{Document, Metadata};
use extract::Extractor;
use graph::KnowledgeGraph;
use link::Linker;
use ontology::Ontology;
use recognise::Recogniser;
use resolve::Resolution;

/// The whole pipeline: the ontology, the recogniser and the extractors, loaded once.
pub struct Pipeline {
    pub ontology: Ontology,
    recogniser: Recogniser,
    linker: Linker,
    extractors: Vec<Box<dyn Extractor>>,
}

impl Pipeline {
    /// The built-in ontology, knowledge base and extractors.
    pub fn new() -> Result<Pipeline, Error> {
        Pipeline::with_linker(Linker::builtin())
    }

    /// The built-in ontology and extractors, linking with `linker` (other
    /// knowledge bases: `newsgraph extract --kb`).
    pub fn with_linker(linker: Linker) -> Result<Pipeline, Error> {
        let ontology = Ontology::builtin()?;
        let recogniser = Recogniser::builtin().map_err(|e| Error::Model(Box::new(e)))?;
        Ok(Pipeline { ontology, recogniser, linker, extractors: extract::default_extractors() })
    }

    /// Segments, recognises, links, extracts and resolves one article.
    pub fn read(&self, text: &str, meta: Metadata) -> (Document, Resolution) {
        let mut doc = Document::new(text, meta);
        self.recogniser.recognise(&mut doc, &self.ontology);
        self.linker.link(&mut doc, &self.ontology);
        extract::run_all(&self.extractors, &mut doc, &self.ontology);
        let resolution = resolve::resolve(&doc, &self.ontology);
        (doc, resolution)
    }

    /// Reads one article into `graph`.
    pub fn add_article(&self, graph: &mut KnowledgeGraph, text: &str, meta: Metadata) {
        let (doc, resolution) = self.read(text, meta);
        graph.add_document(&doc, &resolution);
    }
}
