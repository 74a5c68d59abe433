//! SPARQL over an embedded in-memory Oxigraph store: the graph of the
//! inputs (and any RDF files) loaded, the query run, the results written as
//! a table, CSV, TSV or SPARQL JSON (SELECT), a boolean (ASK) or RDF
//! (CONSTRUCT, DESCRIBE). The default graph is the union of all graphs.

use super::Format;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::vocab;
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

/// How SELECT results are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsFormat {
    /// An aligned text table with prefixed names, for people.
    Table,
    Csv,
    Tsv,
    Json,
}

impl ResultsFormat {
    pub fn from_name(name: &str) -> Option<ResultsFormat> {
        match name.to_ascii_lowercase().as_str() {
            "table" => Some(ResultsFormat::Table),
            "csv" => Some(ResultsFormat::Csv),
            "tsv" => Some(ResultsFormat::Tsv),
            "json" => Some(ResultsFormat::Json),
            _ => None,
        }
    }
}

fn store_error(e: impl std::fmt::Display) -> Error {
    Error::Invalid { what: "query", message: e.to_string() }
}

/// An in-memory store holding a knowledge graph and RDF files.
pub struct QueryStore {
    store: Store,
}

impl QueryStore {
    pub fn new(graph: &KnowledgeGraph, base: &str) -> Result<QueryStore, Error> {
        let store = Store::new().map_err(store_error)?;
        store.extend(super::quads(graph, base)).map_err(store_error)?;
        Ok(QueryStore { store })
    }

    /// Loads an RDF file, its format taken from its extension.
    pub fn load(&self, path: &Path) -> Result<(), Error> {
        let format = path
            .extension()
            .and_then(|e| e.to_str())
            .and_then(RdfFormat::from_extension)
            .ok_or_else(|| Error::Input { path: path.into(), message: "unknown RDF format (use .ttl .nt .nq .trig .rdf .jsonld)".into() })?;
        let file = std::fs::File::open(path).map_err(|source| Error::Read { path: path.into(), source })?;
        self.store
            .load_from_reader(RdfParser::from_format(format), std::io::BufReader::new(file))
            .map_err(|e| Error::Input { path: path.into(), message: e.to_string() })
    }

    /// Runs `query` and writes its results, as they come except for the
    /// table (which needs every row for its widths); after `timeout` the
    /// evaluation stops with an error naming `--timeout`.
    pub fn run(&self, query: &str, results: ResultsFormat, rdf: Format, timeout: Option<std::time::Duration>, out: &mut dyn Write) -> Result<(), Error> {
        let depth = nesting_depth(query);
        if depth > MAX_NESTING {
            return Err(Error::Invalid { what: "SPARQL query", message: format!("brackets nested {depth} deep; at most {MAX_NESTING} are read") });
        }
        let token = CancellationToken::new();
        if let Some(limit) = timeout {
            let token = token.clone();
            std::thread::spawn(move || {
                std::thread::sleep(limit);
                token.cancel();
            });
        }
        let store_error = |e: QueryEvaluationError| match e {
            QueryEvaluationError::Cancelled => Error::Stopped(format!("query stopped after --timeout {} s", timeout.unwrap_or_default().as_secs_f64())),
            e => store_error(e),
        };
        let mut prepared = SparqlEvaluator::new()
            .with_cancellation_token(token)
            .parse_query(query)
            .map_err(|e| Error::Invalid { what: "SPARQL query", message: e.to_string() })?;
        // the union of the articles' graphs, unless the query names its
        // dataset (FROM, FROM NAMED)
        if prepared.dataset().is_default_dataset() {
            prepared.dataset_mut().set_default_graph_as_union();
        }
        match prepared.on_store(&self.store).execute().map_err(store_error)? {
            QueryResults::Boolean(b) => writeln!(out, "{b}")?,
            QueryResults::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let format = match results {
                    ResultsFormat::Table => {
                        let rows: Vec<Vec<Option<Term>>> = solutions
                            .map(|s| s.map(|s| variables.iter().map(|v| s.get(v).cloned()).collect()))
                            .collect::<Result<_, _>>()
                            .map_err(store_error)?;
                        return write_table(&variables.iter().map(|v| v.as_str().to_string()).collect::<Vec<_>>(), &rows, out);
                    }
                    ResultsFormat::Csv => QueryResultsFormat::Csv,
                    ResultsFormat::Tsv => QueryResultsFormat::Tsv,
                    ResultsFormat::Json => QueryResultsFormat::Json,
                };
                let mut serializer = QueryResultsSerializer::from_format(format).serialize_solutions_to_writer(&mut *out, variables.clone())?;
                for solution in solutions {
                    serializer.serialize(&solution.map_err(store_error)?)?;
                }
                serializer.finish()?;
            }
            QueryResults::Graph(triples) => {
                let rdf_format = match rdf {
                    Format::NTriples | Format::NQuads => RdfFormat::NTriples,
                    Format::RdfXml => RdfFormat::RdfXml,
                    _ => RdfFormat::Turtle,
                };
                let mut writer = super::rdf::with_prefixes(RdfSerializer::from_format(rdf_format))?.for_writer(&mut *out);
                for triple in triples {
                    writer.serialize_triple(&triple.map_err(store_error)?)?;
                }
                writer.finish()?;
            }
        }
        Ok(())
    }
}

/// The deepest nesting of brackets a query may have: the parser and the
/// evaluator recurse on it, and a deeper one would overflow the stack.
const MAX_NESTING: usize = 200;

/// How deep `( { [` nest in a SPARQL query, outside strings, IRIs and
/// comments.
fn nesting_depth(query: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '(' | '{' | '[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | '}' | ']' => depth = depth.saturating_sub(1),
            '#' => {
                chars.by_ref().find(|&c| c == '\n');
            }
            '"' | '\'' => {
                let mut escaped = false;
                for d in chars.by_ref() {
                    if d == c && !escaped {
                        break;
                    }
                    escaped = d == '\\' && !escaped;
                }
            }
            // an IRI, not a comparison: no space before its end
            '<' if chars.peek().is_some_and(|n| !n.is_whitespace() && *n != '=') => {
                let rest: String = chars.clone().take_while(|&d| d != '>' && !d.is_whitespace()).collect();
                if chars.clone().nth(rest.chars().count()) == Some('>') {
                    chars.nth(rest.chars().count());
                }
            }
            _ => {}
        }
    }
    deepest
}

/// A term as a person reads it: literals bare, IRIs with a prefix where one fits.
fn show(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            let iri = n.as_str();
            vocab::PREFIXES
                .iter()
                .find(|(_, ns)| iri.starts_with(ns))
                .map_or_else(|| format!("<{iri}>"), |(p, ns)| format!("{p}:{}", &iri[ns.len()..]))
        }
        other => other.to_string(),
    }
}

/// A cell as a terminal may show it: line breaks as spaces, and escape
/// sequences written out ([`crate::text::shown_safely`]).
fn printable(cell: &str) -> String {
    crate::text::shown_safely(&cell.replace(['\n', '\r', '\t'], " ")).into_owned()
}

fn write_table(variables: &[String], rows: &[Vec<Option<Term>>], out: &mut dyn Write) -> Result<(), Error> {
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|t| printable(&t.as_ref().map(show).unwrap_or_default())).collect()).collect();
    let widths: Vec<usize> = (0..variables.len())
        .map(|i| cells.iter().map(|r| r[i].chars().count()).chain([variables[i].len()]).max().unwrap_or(0).min(80))
        .collect();
    let line = |values: Vec<&str>| -> String {
        values
            .iter()
            .zip(&widths)
            .map(|(v, w)| {
                let v: String = if v.chars().count() > *w { v.chars().take(w - 1).chain(['…']).collect() } else { v.to_string() };
                format!("{v:<w$}", w = *w)
            })
            .collect::<Vec<_>>()
            .join(" | ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(variables.iter().map(String::as_str).collect()))?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("-+-"))?;
    for row in &cells {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    writeln!(out, "({} row{})", cells.len(), if cells.len() == 1 { "" } else { "s" })?;
    Ok(())
}
