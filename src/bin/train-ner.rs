//! Trains newsgraph's entity tagger from annotated corpora.
//!
//! ```text
//! cargo run --release --bin train-ner -- ../shared/data/ner-train [--out ontology/ner/model.bin]
//!     [--epochs N] [--corpora conll2003,gum,wikigold] [--prune W] [--seed N] [--runs N]
//! ```
//!
//! The default corpora and settings are those of the committed model;
//! `wnut17` and `btc` (tweets) can be added but lowered CoNLL dev F1.
//!
//! Reads the training split of each corpus (see `recognise::corpora`),
//! trains an averaged perceptron and writes the model. After each epoch it
//! prints exact typed-span F1 on CoNLL-2003 `eng.testa` when the folder has
//! it (development only: never trained on). Same corpora and settings, same
//! bytes. Exit codes: 0 done, 2 bad arguments or unreadable corpora.

use newsgraph::recognise::clusters::Clusters;
use newsgraph::recognise::corpora;
use newsgraph::recognise::lists::NameLists;
use newsgraph::recognise::train::{evaluate, train, Example, Settings};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

struct Args {
    dir: PathBuf,
    out: PathBuf,
    corpora: Vec<String>,
    settings: Settings,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut out = PathBuf::from("ontology/ner/model.bin");
    let mut corpora: Vec<String> = ["conll2003", "gum", "wikigold"].map(String::from).to_vec();
    let mut settings = Settings::default();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => out = PathBuf::from(value("--out")?),
            "--epochs" => settings.epochs = value("--epochs")?.parse().map_err(|_| "--epochs needs a number")?,
            "--prune" => settings.prune = value("--prune")?.parse().map_err(|_| "--prune needs a number")?,
            "--seed" => settings.seed = value("--seed")?.parse().map_err(|_| "--seed needs a number")?,
            "--runs" => settings.runs = value("--runs")?.parse().map_err(|_| "--runs needs a number")?,
            "--corpora" => corpora = value("--corpora")?.split(',').map(String::from).collect(),
            "-h" | "--help" => return Err(String::new()),
            a if a.starts_with('-') => return Err(format!("unknown option {a}")),
            a => dir = Some(PathBuf::from(a)),
        }
    }
    let dir = dir.ok_or("give the folder of annotated corpora (../shared/data/ner-train)")?;
    Ok(Args { dir, out, corpora, settings })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("train-ner: {e}");
            }
            eprintln!("usage: train-ner NER_TRAIN_DIR [--out PATH] [--epochs N] [--corpora a,b,...] [--prune W] [--seed N] [--runs N]");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let clusters = Clusters::builtin();
    let lists = NameLists::builtin();
    // in the order asked for; a corpus named twice is read twice (weighted)
    let all = corpora::read_training(&args.dir)?;
    let docs: Vec<&corpora::TrainDoc> = args.corpora.iter().flat_map(|c| all.iter().filter(move |d| d.corpus == c.as_str())).collect();
    if docs.is_empty() {
        return Err(format!("no training documents in {}", args.dir.display()));
    }
    let mut examples: Vec<Example> = docs.iter().map(|&d| Example::new(d, &clusters, &lists)).collect();
    let dev_docs = corpora::read_conll_dev(&args.dir).unwrap_or_default();
    let mut dev: Vec<Example> = dev_docs.iter().map(|d| Example::new(d, &clusters, &lists)).collect();
    eprintln!("{} training documents ({}), {} dev documents, {} cluster words; read in {:.1?}", docs.len(), args.corpora.join(","), dev.len(), clusters.len(), started.elapsed());
    let report = |what: String, model: &newsgraph::recognise::model::Model, dev: &mut [Example]| {
        let line = if dev.is_empty() {
            String::new()
        } else {
            let s = evaluate(model, dev);
            format!(", eng.testa F1 {:.4} ({} correct, {} predicted, {} gold)", s.f1(), s.correct, s.predicted, s.gold)
        };
        eprintln!("{what}: {} features{line} [{:.1?}]", model.len(), started.elapsed());
    };
    let bytes = train(&mut examples, &args.settings, |run, epoch, model| report(format!("run {run}, epoch {epoch}"), model, &mut dev));
    let model = newsgraph::recognise::model::Model::read(&bytes).map_err(|e| e.to_string())?;
    report(format!("average of {} runs, {:.1} MB", args.settings.runs, bytes.len() as f64 / 1e6), &model, &mut dev);
    if let Some(parent) = args.out.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(&args.out, &bytes).map_err(|e| format!("{}: {e}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(())
}
