//! The library's errors. Odd text is never an error (extractors record
//! diagnostics); only reading inputs, loading data and writing output fail.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("ontology file {file} line {line}: {message}")]
    Ontology { file: String, line: usize, message: String },
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}: {message}", path.display())]
    Input { path: PathBuf, message: String },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Odd input under `--strict`: the run stops on its first warning.
    #[error("{}: {message} (stopped: --strict)", path.display())]
    Strict { path: PathBuf, message: String },
    /// The entity model cannot be read (boxed, so that this bottom module
    /// names no stage above it).
    #[error(transparent)]
    Model(Box<dyn std::error::Error + Send + Sync>),
    #[error("invalid {what}: {message}")]
    Invalid { what: &'static str, message: String },
    /// A limit the user set was reached (`--timeout`).
    #[error("{0}")]
    Stopped(String),
}
