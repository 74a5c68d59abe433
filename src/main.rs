//! The `newsgraph` binary: parse flags, call the library, map errors to
//! exit codes. Exits 2 with one line on a real error, 1 when `--strict`
//! stops on odd input, and quietly (0) on a broken pipe.

mod cli;

use clap::Parser;
use cli::{Cli, Command, ExtractArgs, InputArgs, KbBuildArgs, KbCommand, QueryArgs, TextArgs};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::corpus::{Corpus, Observer};
use newsgraph::date::Date;
use newsgraph::document::{Document, ParagraphRole};
use newsgraph::export::{Format, QueryStore, ResultsFormat};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::text::input::{self, InputOptions, JsonFields, Sources};
use newsgraph::{vocab, Error, Pipeline};

/// mimalloc: the pipeline makes many small short-lived allocations, and
/// the system allocator spent about 15% of a run on them (see bench/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    clean_up_on_signals();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Text(args) => text(args),
        Command::Query(args) => query(args),
        Command::Kb(kb) => match kb.command {
            KbCommand::Build(args) => kb_build(args),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Io(e)) | Err(Error::Write { source: e, .. }) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e @ Error::Strict { .. }) => {
            eprintln!("newsgraph: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("newsgraph: {e}");
            ExitCode::from(2)
        }
    }
}

/// The knowledge bases to link against: the built-in one unless refused,
/// and the files given.
fn linker(files: &[PathBuf], no_builtin: bool) -> Result<newsgraph::link::Linker, Error> {
    if no_builtin && files.is_empty() {
        return Err(Error::Invalid { what: "--no-builtin-kb", message: "give the knowledge base to use with --kb FILE".into() });
    }
    let mut kbs = Vec::new();
    if !no_builtin {
        kbs.push(newsgraph::kb::Kb::builtin());
    }
    for path in files {
        kbs.push(newsgraph::kb::Kb::open(path).map_err(|e| Error::Invalid { what: "knowledge base", message: e.to_string() })?);
    }
    Ok(newsgraph::link::Linker::new(kbs))
}

/// Checked options: nothing half-valid reaches the work.
struct Job {
    files: Vec<PathBuf>,
    options: InputOptions,
    output: Option<PathBuf>,
    format: Format,
    base: String,
    threads: usize,
    quiet: bool,
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
    let threads = match args.threads {
        Some(0) => return Err(Error::Invalid { what: "thread count", message: "0 (give 1 or more)".into() }),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let base = check_base(args.base)?;
    let options = input_options(&args.input, args.date)?;
    let files = input::expand(&with_stdin(args.inputs))?;
    Ok(Job { files, options, output: args.output, format, base, threads, quiet: args.quiet })
}

fn with_stdin(inputs: Vec<PathBuf>) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs
    }
}

fn input_options(args: &InputArgs, date: Option<String>) -> Result<InputOptions, Error> {
    let date = check_date(date)?;
    let mut fields = JsonFields::default();
    let mut text_fields = Vec::new();
    for spec in &args.json_field {
        let (key, name) = spec.split_once('=').ok_or_else(|| Error::Invalid { what: "--json-field", message: format!("{spec:?} (expected KEY=NAME)") })?;
        let name = name.to_string();
        match key {
            "text" => text_fields.push(name),
            "id" => fields.id = name,
            "title" => fields.title = name,
            "date" => fields.date = name,
            "url" => fields.url = name,
            "author" => fields.author = name,
            other => return Err(Error::Invalid { what: "--json-field", message: format!("unknown key {other:?} (expected text, id, title, date, url or author)") }),
        }
    }
    if !text_fields.is_empty() {
        fields.text = text_fields;
    }
    Ok(InputOptions { date, strict: args.strict, fields, stdin_jsonl: args.jsonl, max_document_size: args.max_document_size })
}

/// The `--date` flag, checked: a real day, written YYYY-MM-DD.
fn check_date(date: Option<String>) -> Result<Option<Date>, Error> {
    date.map(|d| d.parse().map_err(|_| Error::Invalid { what: "date", message: format!("{d:?} (expected YYYY-MM-DD)") })).transpose()
}

/// The namespace for minted IRIs: an absolute IRI (RFC 3987, as oxiri
/// reads it) ending in `/`, with no fragment, since the IRIs of text spans
/// add their own (`…/article/ID#char=0,12`).
fn check_base(base: Option<String>) -> Result<String, Error> {
    let mut base = base.unwrap_or_else(|| vocab::DEFAULT_BASE.to_string());
    let refuse = |message: String| Err(Error::Invalid { what: "base IRI", message });
    if base.contains('#') {
        return refuse(format!("{base:?} has a fragment ('#'); the IRIs of text spans add their own: end the base with '/'"));
    }
    if !base.ends_with('/') {
        base.push('/');
    }
    match oxiri::Iri::parse(base.as_str()) {
        Ok(_) => Ok(base),
        Err(e) => refuse(format!("{base:?} is not an absolute IRI ({e})")),
    }
}

/// A progress bar on standard error when it is a terminal; warnings printed as they come.
struct Progress {
    bar: Option<ProgressBar>,
    documents: usize,
    started: std::time::Instant,
}

impl Progress {
    fn new(quiet: bool, files: &[PathBuf]) -> Progress {
        let bar = (!quiet && io::stderr().is_terminal()).then(|| {
            let total: u64 = files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg} {elapsed} (eta {eta})").unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar, documents: 0, started: std::time::Instant::now() }
    }
}

impl Observer for Progress {
    fn progress(&mut self, documents: usize, bytes: usize) {
        self.documents += documents;
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
            let rate = self.documents as f64 / self.started.elapsed().as_secs_f64().max(1e-6);
            bar.set_message(format!("{} documents, {rate:.0}/s", self.documents));
        }
    }

    fn warning(&mut self, message: &str) {
        match &self.bar {
            Some(bar) => bar.println(format!("newsgraph: warning: {message}")),
            None => eprintln!("newsgraph: warning: {message}"),
        }
    }
}

fn extract(args: ExtractArgs) -> Result<(), Error> {
    let linker = linker(&args.kb, args.no_builtin_kb)?;
    let job = check(args)?;
    let pipeline = Pipeline::with_linker(linker)?;
    let corpus = Corpus { pipeline: &pipeline, format: job.format, base: job.base.clone(), threads: job.threads };
    let mut progress = Progress::new(job.quiet, &job.files);
    let mut sources = Sources::new(job.files.clone(), job.options.clone());
    let summary = match &job.output {
        None => corpus.run(&mut sources, &mut io::BufWriter::new(io::stdout().lock()), &mut progress)?,
        Some(path) => write_atomically(path, |out| corpus.run(&mut sources, out, &mut progress))?,
    };
    if let Some(bar) = &progress.bar {
        bar.finish_and_clear();
    }
    if !job.quiet {
        eprintln!("newsgraph: {summary}");
    }
    Ok(())
}

fn text(args: TextArgs) -> Result<(), Error> {
    let options = input_options(&args.input, None)?;
    let mut sources = Sources::new(input::expand(&with_stdin(args.inputs))?, options);
    // on a terminal, escape sequences from articles are shown, not obeyed
    let terminal = io::stdout().is_terminal();
    let mut out = io::BufWriter::new(io::stdout().lock());
    while let Some(source) = sources.next() {
        for warning in std::mem::take(&mut sources.warnings) {
            eprintln!("newsgraph: warning: {warning}");
        }
        let source = source?;
        let doc = Document::new(source.text, source.meta);
        let mut record = Vec::new();
        write_text_record(&mut record, &source.origin, &doc)?;
        let record = String::from_utf8_lossy(&record);
        out.write_all(if terminal { newsgraph::text::shown_safely(&record) } else { record }.as_bytes())?;
    }
    for warning in sources.warnings {
        eprintln!("newsgraph: warning: {warning}");
    }
    out.flush().map_err(Error::Io)
}

/// One document as `text` prints it: a header block, a blank line, the body.
fn write_text_record(out: &mut impl Write, origin: &str, doc: &Document) -> io::Result<()> {
    writeln!(out, "# {origin}")?;
    let role_lines = |role: ParagraphRole| doc.paragraphs_with(role).map(|p| doc.slice(p.span).to_string()).collect::<Vec<_>>();
    writeln!(out, "headline: {}", doc.meta.headline.as_deref().unwrap_or(""))?;
    writeln!(out, "date: {}", doc.meta.date.map(|d| d.to_string()).unwrap_or_default())?;
    writeln!(out, "byline: {}", role_lines(ParagraphRole::Byline).join(" / "))?;
    let credits = role_lines(ParagraphRole::Credits);
    if !credits.is_empty() {
        writeln!(out, "credits: {}", credits.join(" / "))?;
    }
    if let Some(url) = &doc.meta.url {
        writeln!(out, "url: {url}")?;
    }
    writeln!(out)?;
    for paragraph in role_lines(ParagraphRole::Prose) {
        writeln!(out, "{paragraph}")?;
    }
    writeln!(out)?;
    Ok(())
}

fn query(args: QueryArgs) -> Result<(), Error> {
    let date = check_date(args.date)?;
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
    let pipeline = Pipeline::new()?;
    let mut graph = KnowledgeGraph::new();
    let options = InputOptions { date, ..InputOptions::default() };
    let mut sources = Sources::new(input::expand(&inputs)?, options);
    while let Some(source) = sources.next() {
        for warning in std::mem::take(&mut sources.warnings) {
            eprintln!("newsgraph: warning: {warning}");
        }
        let source = source?;
        pipeline.add_article(&mut graph, &source.text, source.meta);
    }
    for warning in sources.warnings {
        eprintln!("newsgraph: warning: {warning}");
    }
    let store = QueryStore::new(&graph, &base)?;
    for file in &args.graph {
        store.load(file)?;
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let timeout = args.timeout.map(std::time::Duration::from_secs_f64);
    store.run(&sparql, results, Format::Turtle, timeout, &mut out)?;
    out.flush().map_err(Error::Io)
}

/// `kb build`: the options checked (the output's place too, before hours of
/// reading), the dump read, the file written whole.
fn kb_build(args: KbBuildArgs) -> Result<(), Error> {
    use newsgraph::kb::wikidata::{self, ClassList, Options};
    let started = std::time::Instant::now();
    let threads = match args.threads {
        Some(0) => return Err(Error::Invalid { what: "thread count", message: "0 (give 1 or more)".into() }),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let classes = match &args.classes {
        Some(path) => ClassList::read(path)?,
        None => ClassList::builtin(),
    };
    let output = &args.output;
    let unwritable = |why: io::Error| Error::Write { path: output.clone(), source: why };
    if output.is_dir() {
        return Err(unwritable(io::Error::new(io::ErrorKind::IsADirectory, "is a directory")));
    }
    let dir = output.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(unwritable(io::Error::new(io::ErrorKind::NotFound, format!("no directory {}", dir.display()))));
    }
    let mut progress = KbProgress { quiet: args.quiet, bar: None, phase: String::new() };
    let (bytes, mut summary) = wikidata::build(&args.dump, &Options { threads, classes }, &mut progress)?;
    write_atomically(output, |out| out.write_all(&bytes).map_err(Error::Io))?;
    if let Some(bar) = &progress.bar {
        bar.finish_and_clear();
    }
    summary.seconds = started.elapsed().as_secs_f64();
    if !args.quiet {
        eprintln!("newsgraph: kb build: {summary}");
    }
    Ok(())
}

/// `kb build`'s progress bar (on a terminal) over the bytes of the dump, one per pass.
struct KbProgress {
    quiet: bool,
    bar: Option<ProgressBar>,
    phase: String,
}

impl newsgraph::kb::wikidata::Observer for KbProgress {
    fn phase(&mut self, name: &str, total: Option<u64>) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        self.phase = name.to_string();
        if self.quiet || !io::stderr().is_terminal() {
            return;
        }
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        let template = if total.is_some() { "{bar:30} {bytes}/{total_bytes} {msg} {elapsed} (eta {eta})" } else { "{spinner} {bytes} {msg} {elapsed}" };
        bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()));
        bar.set_message(name.to_string());
        self.bar = Some(bar);
    }

    fn progress(&mut self, bytes: u64, json: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(bytes);
            bar.set_message(format!("{}: {} MB of JSON", self.phase, json >> 20));
        }
    }

    fn warning(&mut self, message: &str) {
        match &self.bar {
            Some(bar) => bar.println(format!("newsgraph: warning: {message}")),
            None => eprintln!("newsgraph: warning: {message}"),
        }
    }
}

/// The temporary output being written, removed if a signal stops the run.
static TEMPORARY: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// On SIGINT, SIGTERM or SIGHUP: the temporary output is removed and the
/// run ends with 128 + the signal's number (130, 143, 129), leaving any old
/// output as it was.
fn clean_up_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                if let Some(path) = TEMPORARY.lock().ok().and_then(|t| t.clone()) {
                    let _ = std::fs::remove_file(path);
                }
                eprintln!("newsgraph: stopped by signal {signal}; no output written");
                std::process::exit(128 + signal);
            }
        });
    }
}

/// Writes to a temporary file beside `path`, then renames it into place:
/// the target is either the old file or the whole new one. A target that
/// exists and is no regular file (`/dev/null`, a pipe) is written directly;
/// a symbolic link is written through, to the file it names.
fn write_atomically<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<T, Error>) -> Result<T, Error> {
    let linked = link_target(path).map_err(|source| Error::Write { path: path.to_path_buf(), source })?;
    let path = linked.as_deref().unwrap_or(path);
    let fail = |source: io::Error| Error::Write { path: path.to_path_buf(), source };
    // buffered, with I/O errors naming the output path
    let write_into = |file: &mut std::fs::File| -> Result<T, Error> {
        let mut out = io::BufWriter::new(file);
        let value = write(&mut out).map_err(|e| match e {
            Error::Io(source) => fail(source),
            other => other,
        })?;
        out.flush().map_err(fail)?;
        Ok(value)
    };
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        if path.is_dir() {
            return Err(fail(io::Error::new(io::ErrorKind::IsADirectory, "is a directory")));
        }
        let mut file = std::fs::OpenOptions::new().write(true).open(path).map_err(fail)?;
        return write_into(&mut file);
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new().prefix(".newsgraph-").tempfile_in(&dir).map_err(fail)?;
    set_output_permissions(tmp.as_file(), path).map_err(fail)?;
    let remember = |t: Option<PathBuf>| {
        if let Ok(mut current) = TEMPORARY.lock() {
            *current = t;
        }
    };
    remember(Some(tmp.path().to_path_buf()));
    let written = write_into(tmp.as_file_mut()).and_then(|value| {
        tmp.as_file().sync_all().map_err(fail)?;
        Ok(value)
    });
    let value = match written {
        Ok(value) => value,
        Err(e) => {
            remember(None);
            return Err(e);
        }
    };
    let persisted = tmp.persist(path);
    remember(None);
    persisted.map_err(|e| fail(e.error))?;
    Ok(value)
}

/// The file a symbolic link at `path` names (followed to its end, and
/// taken relative to the link's folder), or None when `path` is no link.
fn link_target(path: &Path) -> io::Result<Option<PathBuf>> {
    let mut target = path.to_path_buf();
    for _ in 0..40 {
        if !std::fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink()) {
            return Ok((target != path).then_some(target));
        }
        let next = std::fs::read_link(&target)?;
        target = match target.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
    }
    Err(io::Error::other("too many levels of symbolic links"))
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
