//! Command-line types. Their doc comments are the `--help` text.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, about = "Reads news articles and exports what they say as a knowledge graph (RDF, Graphviz DOT).")]
#[command(after_help = "Exit codes: 0 success, 1 odd input under --strict, 2 error (one line on standard error says what), 130/143/129 stopped by SIGINT/SIGTERM/SIGHUP (no output written).\n\nExample:\n  newsgraph extract article.txt --date 2023-03-10 -o article.ttl")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract entities, facts, quotations and statistics from articles and write them as a graph.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Print what the extractors will read from each input: headline, date, byline, body paragraphs.
    #[command(after_help = "Example:\n  newsgraph text page.html\n  newsgraph text articles.jsonl | less")]
    Text(TextArgs),
    /// Run a SPARQL query over the graph of articles (and RDF files), in an embedded store.
    #[command(after_help = QUERY_EXAMPLES)]
    Query(QueryArgs),
    /// Knowledge bases (names and aliases of Wikidata entities, for linking): build one from a Wikidata dump.
    Kb(KbArgs),
}

#[derive(clap::Args, Debug)]
pub struct KbArgs {
    #[command(subcommand)]
    pub command: KbCommand,
}

#[derive(Subcommand, Debug)]
pub enum KbCommand {
    /// Build a knowledge base file from the Wikidata JSON dump: the items that are instances of
    /// the listed classes (or of their subclasses), with English names and aliases.
    #[command(after_help = KB_BUILD_EXAMPLES)]
    Build(KbBuildArgs),
}

const KB_BUILD_EXAMPLES: &str = "\
Examples:
  newsgraph kb build latest-all.json.gz -o wikidata.kb
  newsgraph kb build latest-all.json.bz2 -o wikidata.kb --threads 8
  newsgraph kb build latest-all.json.gz -o people.kb --classes my-classes.tsv
  zcat latest-all.json.gz | newsgraph kb build - -o wikidata.kb   (one pass: listed classes only)

The dump is read twice: first the subclass-of (P279) links, then the items.
Bad lines are warnings (the first few with their line numbers). Exit codes:
0 success; 2 error (missing or unreadable dump, bad class list, unwritable
output); the output file is written whole or not at all.";

#[derive(clap::Args, Debug)]
pub struct KbBuildArgs {
    /// The Wikidata JSON dump (latest-all.json.gz, .bz2 or uncompressed; told
    /// by its first bytes). `-` reads standard input in a single pass, which
    /// keeps instances of the listed classes only, not of their subclasses.
    /// Example: `latest-all.json.gz`
    #[arg(value_name = "DUMP")]
    pub dump: PathBuf,

    /// The knowledge base file to write (a temporary file beside it is
    /// renamed into place). Example: `-o wikidata.kb`
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Worker threads parsing the dump (default: all cores); decompression
    /// runs on one more. The output is the same for any number. Example: `--threads 8`
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// The root classes to keep, instead of the built-in
    /// ontology/wikidata-classes.tsv: tab-separated Q-number, schema.org
    /// class, label, source. Example: `--classes my-classes.tsv`
    #[arg(long, value_name = "FILE")]
    pub classes: Option<PathBuf>,

    /// No progress bar and no summary line on standard error. Example: `--quiet`
    #[arg(short, long)]
    pub quiet: bool,
}

const QUERY_EXAMPLES: &str = "\
Examples:
  newsgraph query queries/quotes.rq article.txt           who said what, as a table
  newsgraph query -q 'SELECT ?n WHERE { ?p a <http://schema.org/Person> ; <http://schema.org/name> ?n }' a.txt
  newsgraph query queries/memberships.rq --graph all.nq --results csv
  newsgraph query -q 'ASK { ?x <http://schema.org/memberOf> ?y }' article.txt

SELECT prints a table (or CSV, TSV, SPARQL JSON with --results), ASK prints
true or false, CONSTRUCT and DESCRIBE print Turtle. The default graph is the
union of all graphs. Exit codes: 0 success, 2 error.";

#[derive(clap::Args, Debug)]
pub struct QueryArgs {
    /// The SPARQL query as text. Without it, the first argument is a query file.
    /// Example: `-q 'SELECT * WHERE { ?s ?p ?o } LIMIT 10'`
    #[arg(short, long, value_name = "SPARQL")]
    pub query: Option<String>,

    /// A query file (.rq) unless --query is given, then article text files
    /// (`-` for standard input). Example: `queries/quotes.rq article.txt`
    #[arg(value_name = "QUERY.rq|INPUT")]
    pub args: Vec<PathBuf>,

    /// An RDF file to load as well (.ttl .nt .nq .trig .rdf .jsonld), for
    /// example newsgraph's own output. Repeatable. Example: `--graph all.nq`
    #[arg(short, long, value_name = "FILE")]
    pub graph: Vec<PathBuf>,

    /// How SELECT results are printed: table, csv, tsv or json.
    /// Example: `--results csv`
    #[arg(short, long, value_name = "FORMAT", default_value = "table")]
    pub results: String,

    /// The articles' publication date (YYYY-MM-DD), as for `extract`.
    /// Example: `--date 2023-03-10`
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Namespace for minted IRIs, as for `extract`. Example: `--base https://example.org/news/`
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,

    /// Stop a query that runs longer than this many seconds, with an error
    /// (exit 2). Example: `--timeout 30`
    #[arg(long, value_name = "SECONDS", value_parser = positive_seconds)]
    pub timeout: Option<f64>,
}

const EXTRACT_EXAMPLES: &str = "\
Examples:
  newsgraph extract article.txt                       Turtle on standard output
  newsgraph extract article.txt -o graph.nt           format from the extension
  newsgraph extract a.txt b.txt -f trig -o both.trig  two articles, one graph
  cat article.txt | newsgraph extract - --date 2023-03-10
  newsgraph extract article.txt -f dot | dot -Tsvg > graph.svg

  newsgraph extract corpus/ -o all.nt --threads 2   a directory, streamed
  cat corpus.jsonl | newsgraph extract - -f nquads  (a .jsonl path is read line by line)

Exit codes: 0 success; 1 stopped on odd input under --strict; 2 error
(missing file, unknown format, bad option, unwritable output).";

/// Where the articles come from; shared by every subcommand that reads them.
#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Read inputs strictly: odd input (invalid UTF-8, a binary file, a broken
    /// JSON line, a page with no article) stops the run with exit code 1
    /// instead of a warning. Example: `--strict`
    #[arg(long)]
    pub strict: bool,

    /// JSON Lines field names, as KEY=NAME with KEY one of text, id, title,
    /// date, url, author (text may be given twice: tried in order). Defaults:
    /// text=text, text=body, id=id, title=title, date=date, url=url,
    /// author=author. Example: `--json-field text=content --json-field date=published`
    #[arg(long, value_name = "KEY=NAME")]
    pub json_field: Vec<String>,

    /// Read standard input as JSON Lines rather than plain text. Example: `cat a.jsonl | newsgraph extract - --jsonl`
    #[arg(long)]
    pub jsonl: bool,

    /// The largest document read, in bytes (default 16 MiB): a larger file,
    /// page or JSON line is skipped with a warning, and a device or pipe
    /// that never ends is read no further. Example: `--max-document-size 100000000`
    #[arg(long, value_name = "BYTES", default_value_t = newsgraph::text::input::MAX_DOCUMENT_SIZE)]
    pub max_document_size: usize,
}

#[derive(clap::Args, Debug)]
pub struct TextArgs {
    /// Text files, HTML pages, JSON Lines files or directories; `-` for standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Articles: text files (one paragraph per line or blank-line separated),
    /// HTML pages (.html, .htm), JSON Lines (.jsonl, one article per line) or
    /// directories of them (walked recursively, each real directory once,
    /// so links that loop add nothing). `-` or nothing reads
    /// standard input. All inputs make one graph with one article node each.
    /// Example: `newsgraph extract a.txt page.html corpus/`
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub input: InputArgs,

    /// Worker threads (default: all cores). The output is the same for any number.
    /// Example: `--threads 2`
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// No progress bar and no summary line on standard error. Example: `--quiet`
    #[arg(short, long)]
    pub quiet: bool,

    /// Write to PATH instead of standard output. The file is written whole or
    /// not at all (a temporary file beside it is renamed into place).
    /// Example: `-o out/article.ttl`
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Output format: turtle, ntriples, nquads, trig, rdfxml, jsonld or dot.
    /// When not given, taken from the extension of -o (.ttl .nt .nq .trig .rdf
    /// .jsonld .dot), else turtle. Example: `-f ntriples`
    #[arg(short, long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// The articles' publication date (YYYY-MM-DD), used to normalise relative
    /// times such as "last year" or "on Friday". A date line in the article is
    /// used when this is not given. Example: `--date 2023-03-10`
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Namespace for minted IRIs (articles, entities, facts). Must be an
    /// absolute IRI; a `/` is added when it ends otherwise; a fragment (`#`)
    /// is refused, since the IRIs of text spans add their own.
    /// Example: `--base https://example.org/news/`
    #[arg(long, value_name = "IRI")]
    pub base: Option<String>,

    /// Also link names against this knowledge base (made by `newsgraph kb
    /// build` from a Wikidata dump); may be given more than once. Its
    /// entities join the built-in ones. Example: `--kb wikidata.kb`
    #[arg(long, value_name = "FILE")]
    pub kb: Vec<PathBuf>,

    /// Link only against the knowledge bases given with --kb, not the
    /// built-in one. Example: `--kb wikidata.kb --no-builtin-kb`
    #[arg(long)]
    pub no_builtin_kb: bool,
}

/// A positive number of seconds.
fn positive_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(s) if s > 0.0 && s.is_finite() => Ok(s),
        _ => Err(format!("{value:?} is no positive number of seconds")),
    }
}
