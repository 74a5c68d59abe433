//! The `newsgraph` binary: parse flags, call the library, map errors to
//! exit codes. Exits 2 with one line on a real error, quietly on a broken pipe.

mod cli;

use clap::Parser;
use cli::{Cli, Command, ExtractArgs, QueryArgs};
use newsgraph::document::Metadata;
use newsgraph::export::{self, Format, QueryStore, ResultsFormat};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::{vocab, Error, Pipeline};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Query(args) => query(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Io(e)) | Err(Error::Write { source: e, .. }) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsgraph: {e}");
            ExitCode::from(2)
        }
    }
}

/// Checked options: nothing half-valid reaches the work.
struct Job {
    inputs: Vec<PathBuf>,
    output: Option<PathBuf>,
    format: Format,
    date: Option<String>,
    base: String,
}

fn check(args: ExtractArgs) -> Result<Job, Error> {
    let format = match (&args.format, &args.output) {
        (Some(name), _) => Format::from_name(name).ok_or_else(|| Error::Invalid {
            what: "format",
            message: format!("{name:?} (expected one of: {})", Format::ALL.map(Format::name).join(", ")),
        })?,
        (None, Some(path)) => match path.extension() {
            None => Format::Turtle,
            Some(_) => Format::from_path(path).ok_or_else(|| Error::Invalid {
                what: "format",
                message: format!("cannot tell the format from {:?}; give -f (one of: {})", path.display().to_string(), Format::ALL.map(Format::name).join(", ")),
            })?,
        },
        (None, None) => Format::Turtle,
    };
    check_date(&args.date)?;
    let base = check_base(args.base)?;
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs };
    Ok(Job { inputs, output: args.output, format, date: args.date, base })
}

fn check_date(date: &Option<String>) -> Result<(), Error> {
    match date {
        Some(d) if !is_iso_date(d) => Err(Error::Invalid { what: "date", message: format!("{d:?} (expected YYYY-MM-DD)") }),
        _ => Ok(()),
    }
}

/// The namespace for minted IRIs, ending in `/` or `#`.
fn check_base(base: Option<String>) -> Result<String, Error> {
    let mut base = base.unwrap_or_else(|| vocab::DEFAULT_BASE.to_string());
    if !base.ends_with(['/', '#']) {
        base.push('/');
    }
    if oxrdf_check(&base).is_err() {
        return Err(Error::Invalid { what: "base IRI", message: format!("{base:?} is not an absolute IRI") });
    }
    Ok(base)
}

/// An absolute IRI is a scheme, a colon and no spaces or angle brackets.
fn oxrdf_check(base: &str) -> Result<(), ()> {
    let (scheme, rest) = base.split_once(':').ok_or(())?;
    let scheme_ok = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let rest_ok = !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '{' | '}' | '|' | '\\' | '^' | '`'));
    if scheme_ok && rest_ok { Ok(()) } else { Err(()) }
}

fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return false };
    let num = |p: &str, len: usize| (p.len() == len && p.chars().all(|c| c.is_ascii_digit())).then(|| p.parse::<u32>().ok()).flatten();
    match (num(y, 4), num(m, 2), num(d, 2)) {
        (Some(y), Some(m), Some(d)) => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            (1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]
        }
        _ => false,
    }
}

fn read_input(path: &Path) -> Result<String, Error> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin().lock().read_to_end(&mut bytes).map_err(|source| Error::Read { path: "<stdin>".into(), source })?;
    } else {
        if path.is_dir() {
            return Err(Error::Input { path: path.into(), message: "is a directory (give the article files inside it)".into() });
        }
        bytes = std::fs::read(path).map_err(|source| Error::Read { path: path.into(), source })?;
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            eprintln!("newsgraph: warning: {}: invalid UTF-8 at byte {offset}; decoded with replacement characters", path.display());
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

/// Reads every input (before anything is written, so a bad input leaves no
/// output) and extracts them into one graph.
fn build_graph(inputs: &[PathBuf], date: &Option<String>) -> Result<KnowledgeGraph, Error> {
    let pipeline = Pipeline::new()?;
    let mut graph = KnowledgeGraph::new();
    let texts: Vec<(String, &PathBuf)> = inputs.iter().map(|p| read_input(p).map(|t| (t, p))).collect::<Result<_, _>>()?;
    for (text, path) in &texts {
        let meta = Metadata { date: date.clone(), origin: path.display().to_string(), ..Metadata::default() };
        pipeline.add_article(&mut graph, text, meta);
    }
    Ok(graph)
}

fn query(args: QueryArgs) -> Result<(), Error> {
    check_date(&args.date)?;
    let base = check_base(args.base)?;
    let results = ResultsFormat::from_name(&args.results)
        .ok_or_else(|| Error::Invalid { what: "results format", message: format!("{:?} (expected one of: table, csv, tsv, json)", args.results) })?;
    let mut positional = args.args.into_iter();
    let sparql = match args.query {
        Some(q) => q,
        None => {
            let path = positional.next().ok_or_else(|| Error::Invalid { what: "query", message: "give a query file or --query".into() })?;
            std::fs::read_to_string(&path).map_err(|source| Error::Read { path, source })?
        }
    };
    let inputs: Vec<PathBuf> = positional.collect();
    // standard input only when neither articles nor RDF files are given
    let inputs = if inputs.is_empty() && args.graph.is_empty() { vec![PathBuf::from("-")] } else { inputs };
    let graph = build_graph(&inputs, &args.date)?;
    let store = QueryStore::new(&graph, &base)?;
    for file in &args.graph {
        store.load(file)?;
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    store.run(&sparql, results, Format::Turtle, &mut out)?;
    out.flush().map_err(Error::Io)
}

fn extract(args: ExtractArgs) -> Result<(), Error> {
    let job = check(args)?;
    let graph = build_graph(&job.inputs, &job.date)?;
    let write = |out: &mut dyn Write| -> io::Result<()> {
        let mut out = io::BufWriter::new(out);
        match job.format {
            Format::Dot => export::write_dot(&graph, &mut out)?,
            rdf => export::write_rdf(&graph, &job.base, rdf, &mut out)?,
        }
        out.flush()
    };
    match &job.output {
        None => write(&mut io::stdout().lock()).map_err(Error::Io),
        Some(path) => write_atomically(path, write),
    }
}

/// Writes to a temporary file beside `path`, then renames it into place:
/// the target is either the old file or the whole new one.
fn write_atomically(path: &Path, write: impl Fn(&mut dyn Write) -> io::Result<()>) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |source: io::Error| Error::Write { path: path.to_path_buf(), source };
    let mut tmp = tempfile::Builder::new().prefix(".newsgraph-").tempfile_in(&dir).map_err(fail)?;
    set_output_permissions(tmp.as_file(), path).map_err(fail)?;
    write(tmp.as_file_mut()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A temporary file is private; the output gets the old file's permissions,
/// or the usual 0644.
#[cfg(unix)]
fn set_output_permissions(tmp: &std::fs::File, path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let permissions = std::fs::metadata(path).map_or_else(|_| std::fs::Permissions::from_mode(0o644), |old| old.permissions());
    tmp.set_permissions(permissions)
}

#[cfg(not(unix))]
fn set_output_permissions(_tmp: &std::fs::File, _path: &Path) -> io::Result<()> {
    Ok(())
}
