//! Many documents: extracted in parallel (rayon), written in input order, so
//! the output is byte-identical whatever the number of threads.
//!
//! N-Triples and N-Quads stream: documents are read, extracted and written a
//! batch at a time, each as a graph of its own, so memory stays flat however
//! large the corpus. The other formats need the whole graph: documents are
//! extracted in parallel and merged into one graph (one node per entity
//! across documents), then written once.

use crate::error::Error;
use crate::export::{self, Format};
use crate::graph::KnowledgeGraph;
use crate::text::input::Source;
use crate::Pipeline;
use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;
use std::io::Write;
use std::time::Instant;

/// Documents read at a time: enough to keep every thread busy, few enough
/// to keep memory flat.
const BATCH: usize = 256;

/// A document this large (in bytes) is extracted alone and its lines
/// written as they are minted, not buffered whole: its output can be forty
/// times its size.
const LARGE: usize = 1 << 20;

/// What a run did, for the summary line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub entities: usize,
    pub facts: usize,
    pub triples: usize,
    pub warnings: usize,
    pub seconds: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents, {} entities, {} facts, {} triples, {} warnings, {:.2} s",
            self.documents, self.entities, self.facts, self.triples, self.warnings, self.seconds
        )
    }
}

/// Hears about a run as it goes.
pub trait Observer {
    /// `documents` more documents of `bytes` bytes are done.
    fn progress(&mut self, documents: usize, bytes: usize);
    /// Odd input, skipped or repaired.
    fn warning(&mut self, message: &str);
}

/// An observer that ignores everything.
pub struct Silent;

impl Observer for Silent {
    fn progress(&mut self, _: usize, _: usize) {}
    fn warning(&mut self, _: &str) {}
}

/// A source of documents that may also report warnings.
pub trait DocumentSource: Iterator<Item = Result<Source, Error>> {
    fn take_warnings(&mut self) -> Vec<String>;
}

impl DocumentSource for crate::text::input::Sources {
    fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }
}

pub struct Corpus<'p> {
    pub pipeline: &'p Pipeline,
    pub format: Format,
    pub base: String,
    pub threads: usize,
}

impl Corpus<'_> {
    /// Extracts every document of `sources` and writes the graph to `out`.
    pub fn run(&self, sources: &mut dyn DocumentSource, out: &mut dyn Write, observer: &mut dyn Observer) -> Result<Summary, Error> {
        let started = Instant::now();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.threads)
            .build()
            .map_err(|e| Error::Invalid { what: "thread count", message: e.to_string() })?;
        let streaming = matches!(self.format, Format::NTriples | Format::NQuads);
        let mut summary = Summary::default();
        let mut entities: HashSet<String> = HashSet::default();
        let mut merged = KnowledgeGraph::new();
        // articles are named by their text: the first of several with the
        // same text stands for all (one node, one date)
        let mut seen: HashSet<String> = HashSet::default();
        loop {
            let batch = next_batch(sources, &mut summary, observer, &mut seen)?;
            if batch.is_empty() {
                break;
            }
            let bytes: usize = batch.iter().map(|s| s.text.len()).sum();
            if streaming {
                // runs of small documents in parallel, each buffered, then
                // written in order; a large one alone, written as minted
                for run in batch.chunk_by(|a, b| a.text.len() < LARGE && b.text.len() < LARGE) {
                    if run[0].text.len() >= LARGE {
                        let mut graph = KnowledgeGraph::new();
                        self.pipeline.add_article(&mut graph, &run[0].text, run[0].meta.clone());
                        summary.triples += export::write_lines(&graph, &self.base, self.format.has_graphs(), out)?;
                        summary.facts += graph.counts().1;
                        entities.extend(graph.entity_keys());
                        continue;
                    }
                    let written: Vec<(Vec<u8>, usize, Vec<String>, usize)> = pool.install(|| {
                        run.par_iter()
                            .map(|source| {
                                let mut graph = KnowledgeGraph::new();
                                self.pipeline.add_article(&mut graph, &source.text, source.meta.clone());
                                let mut buffer = Vec::new();
                                let triples = export::append_lines(&graph, &self.base, self.format.has_graphs(), &mut buffer);
                                (buffer, triples, graph.entity_keys(), graph.counts().1)
                            })
                            .collect()
                    });
                    for (buffer, triples, keys, facts) in written {
                        out.write_all(&buffer)?;
                        summary.triples += triples;
                        summary.facts += facts;
                        entities.extend(keys);
                    }
                }
            } else {
                let read: Vec<_> = pool.install(|| batch.par_iter().map(|source| self.pipeline.read(&source.text, source.meta.clone())).collect());
                for (doc, resolution) in &read {
                    merged.add_document(doc, resolution);
                }
            }
            summary.documents += batch.len();
            observer.progress(batch.len(), bytes);
        }
        if !streaming {
            let mut buffer = Vec::new();
            summary.triples = match self.format {
                Format::Dot => {
                    export::write_dot(&merged, &mut buffer)?;
                    0
                }
                rdf => export::write_rdf(&merged, &self.base, rdf, &mut buffer)?,
            };
            out.write_all(&buffer)?;
            summary.facts = merged.counts().1;
            entities.extend(merged.entity_keys());
        }
        out.flush()?;
        summary.entities = entities.len();
        summary.seconds = started.elapsed().as_secs_f64();
        Ok(summary)
    }
}

/// Up to `BATCH` documents, passing their warnings on; a document whose
/// text an earlier one had (`seen`, by article id) is skipped with a warning.
fn next_batch(sources: &mut dyn DocumentSource, summary: &mut Summary, observer: &mut dyn Observer, seen: &mut HashSet<String>) -> Result<Vec<Source>, Error> {
    let mut batch = Vec::with_capacity(BATCH);
    while batch.len() < BATCH {
        let next = sources.next();
        for warning in sources.take_warnings() {
            summary.warnings += 1;
            observer.warning(&warning);
        }
        match next {
            Some(Ok(source)) if !seen.insert(crate::resolve::iri::article_id(&source.text)) => {
                summary.warnings += 1;
                observer.warning(&format!("{}: the same text as an earlier document; skipped (an article is named by its text)", source.origin));
            }
            Some(Ok(source)) => batch.push(source),
            Some(Err(e)) => return Err(e),
            None => break,
        }
    }
    Ok(batch)
}
