//! The command line, end to end: formats, determinism, errors.

mod common;

use common::*;
use oxrdfio::RdfFormat;
use std::io::Read;
use std::process::Stdio;

fn example(args: &[&str]) -> Vec<u8> {
    let mut all = vec!["--date", EXAMPLE_DATE];
    all.extend_from_slice(args);
    extract(EXAMPLE, &all)
}

#[test]
fn every_rdf_format_holds_the_same_triples_as_turtle() {
    let turtle = triples(&example(&[]), RdfFormat::Turtle);
    assert!(turtle.len() > 300, "only {} triples", turtle.len());
    for (name, format) in [
        ("ntriples", RdfFormat::NTriples),
        ("nquads", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        ("rdfxml", RdfFormat::RdfXml),
        ("jsonld", RdfFormat::from_extension("jsonld").unwrap()),
    ] {
        let other = triples(&example(&["-f", name]), format);
        assert_eq!(other, turtle, "{name} differs from Turtle");
    }
}

#[test]
fn format_is_taken_from_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (ext, format) in [("nt", RdfFormat::NTriples), ("nq", RdfFormat::NQuads), ("rdf", RdfFormat::RdfXml), ("ttl", RdfFormat::Turtle)] {
        let path = dir.path().join(format!("g.{ext}"));
        newsgraph().args(["extract", EXAMPLE, "-o"]).arg(&path).assert().success();
        let bytes = std::fs::read(&path).unwrap();
        assert!(!triples(&bytes, format).is_empty(), ".{ext} did not parse as {format}");
    }
    let dot = dir.path().join("g.dot");
    newsgraph().args(["extract", EXAMPLE, "-o"]).arg(&dot).assert().success();
    assert!(std::fs::read_to_string(&dot).unwrap().starts_with("digraph newsgraph {"));
}

#[test]
fn two_runs_are_byte_identical() {
    for format in ["turtle", "nquads", "jsonld", "dot"] {
        assert_eq!(example(&["-f", format]), example(&["-f", format]), "{format} differs between runs");
    }
}

#[test]
fn standard_input_is_read_when_no_file_is_given() {
    let text = std::fs::read(EXAMPLE).unwrap();
    let out = newsgraph().args(["extract", "-f", "ntriples", "--date", EXAMPLE_DATE]).write_stdin(text).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, example(&["-f", "ntriples"]));
}

#[test]
fn several_inputs_make_one_graph_with_one_article_each() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Japan is a member of the G7. Officials in Tokyo agreed.\n").unwrap();
    std::fs::write(&b, "Japan and Canada are members of the G7.\n").unwrap();
    let out = newsgraph().args(["extract", "-f", "ntriples"]).arg(&a).arg(&b).output().unwrap();
    let nt = String::from_utf8(out.stdout).unwrap();
    let articles = nt.lines().filter(|l| l.ends_with("<http://schema.org/NewsArticle> .")).count();
    assert_eq!(articles, 2);
    // N-Triples streams document by document: each repeats Japan's description,
    // with the same IRI, so a store holds one node
    let japan: std::collections::HashSet<&str> = nt.lines().filter(|l| l.contains("/entity/Q17> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")).collect();
    assert_eq!(japan.len(), 1, "Japan must be one node");
    let ttl = newsgraph().args(["extract", "-f", "turtle"]).arg(&a).arg(&b).output().unwrap();
    let ttl = String::from_utf8(ttl.stdout).unwrap();
    assert_eq!(ttl.matches("/entity/Q17> a schema:Country").count(), 1, "merged formats describe Japan once");
}

#[test]
fn a_missing_file_is_a_clear_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.ttl");
    let out = newsgraph().args(["extract", "no/such/article.txt", "-o"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("no/such/article.txt"), "names the file: {stderr}");
    assert!(!target.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no temporary file left behind");
}

#[test]
fn an_unknown_format_is_a_clear_error() {
    for args in [&["-f", "yaml"][..], &["-o", "graph.xyz"][..]] {
        let out = newsgraph().args(["extract", EXAMPLE]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with("newsgraph: invalid format"), "{stderr}");
        assert!(stderr.contains("turtle, ntriples, nquads, trig, rdfxml, jsonld, dot"), "{stderr}");
    }
}

#[test]
fn bad_dates_and_base_iris_are_refused() {
    for args in [
        &["--date", "2023-02-30"][..],
        &["--date", "0000-00-00"][..],
        &["--date", "2023-13-45"][..],
        &["--date", "10/03/2023"][..],
        &["--base", "not an iri"][..],
        &["--base", "http://example.org/news#"][..],
        &["--base", "http://example.org/%zz/"][..],
        &["--base", "http://example.org/\u{7}/"][..],
    ] {
        let out = newsgraph().args(["extract", EXAMPLE]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = newsgraph().args(["query", "--query", "ASK {}", "--date", "2023-02-30", EXAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "newsgraph: invalid date: \"2023-02-30\" (expected YYYY-MM-DD)");
}

#[test]
fn the_base_option_changes_the_namespace() {
    let nt = String::from_utf8(example(&["-f", "ntriples", "--base", "https://example.org/news"])).unwrap();
    assert!(nt.contains("<https://example.org/news/entity/Q145>"));
    assert!(!nt.contains("w3id.org/newsgraph/id/"));
}

#[test]
fn a_failed_write_leaves_the_old_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("graph.ttl");
    std::fs::write(&target, "old").unwrap();
    let out = newsgraph().args(["extract", EXAMPLE, "missing.txt", "-o"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
}

#[test]
fn a_broken_pipe_ends_quietly() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", EXAMPLE, "-f", "ntriples"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap(); // then the pipe closes
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(status.success(), "exit {status:?}, stderr {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn help_explains_every_option_with_an_example() {
    let out = newsgraph().args(["extract", "--help"]).output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    for option in ["--output", "--format", "--date", "--base", "INPUT", "Example", "Exit codes"] {
        assert!(help.contains(option), "help lacks {option}");
    }
}

#[test]
fn dot_renders_with_graphviz() {
    let dot = example(&["-f", "dot"]);
    let text = String::from_utf8(dot.clone()).unwrap();
    let nodes = text.lines().filter(|l| l.contains("[label=") && !l.contains("->")).count();
    assert!(nodes >= 20, "only {nodes} nodes");
    if !have("dot") {
        eprintln!("graphviz not installed: rendering not checked");
        return;
    }
    let mut child = std::process::Command::new("dot").arg("-Tsvg").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&dot).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "dot failed: {}", String::from_utf8_lossy(&out.stderr));
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.matches("class=\"node\"").count() >= 20);
}

#[test]
fn json_ld_is_compact_with_schema_org_as_plain_keys() {
    let json = String::from_utf8(example(&["-f", "jsonld"])).unwrap();
    assert!(json.contains("\"@vocab\": \"http://schema.org/\""));
    assert!(json.contains("\"@type\": \"Country\""));
    assert!(json.contains("\"name\": \"United Kingdom\""));
    assert!(json.contains("\"memberOf\""));
    assert!(json.contains("\"nif:anchorOf\""));
    assert!(!json.contains("\"http://schema.org/name\""), "no expanded schema.org keys");
}

#[cfg(unix)]
#[test]
fn special_files_are_written_in_place_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    newsgraph().args(["extract", EXAMPLE, "-f", "nt", "--quiet", "-o", "/dev/null"]).assert().success();
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device(), "/dev/null must stay a device");
    let dir = tempfile::tempdir().unwrap();
    let out = newsgraph().args(["extract", EXAMPLE, "-o"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a directory is no output file");
}

/// The README's main command is `cargo run --release -- extract …`: with a
/// second binary (train-ner) in the crate, that needs `default-run`.
#[test]
fn cargo_run_starts_newsgraph() {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--", "--version"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("newsgraph"));
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_symbolic_link_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.nt");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("out.nt");
    std::os::unix::fs::symlink("real.nt", &link).unwrap();
    newsgraph().args(["extract", EXAMPLE, "-f", "nt", "--quiet", "-o"]).arg(&link).assert().success();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(std::fs::read_to_string(&real).unwrap().contains("<http://schema.org/NewsArticle>"));
}
