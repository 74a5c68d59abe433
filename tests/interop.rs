//! Independent RDF tools read every format of the example with the same
//! triples: rapper (raptor2-utils), rdflib and pyoxigraph. Each check runs
//! when its tool is installed (CI installs all of them).

mod common;

use common::*;
use oxrdfio::RdfFormat;
use std::process::Command;

fn write_all_formats(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    ["ttl", "nt", "nq", "trig", "rdf", "jsonld"]
        .iter()
        .map(|ext| {
            let path = dir.join(format!("example.{ext}"));
            newsgraph().args(["extract", EXAMPLE, "--date", EXAMPLE_DATE, "-o"]).arg(&path).assert().success();
            path
        })
        .collect()
}

fn python_has(module: &str) -> bool {
    Command::new("python3").args(["-c", &format!("import {module}")]).output().is_ok_and(|o| o.status.success())
}

#[test]
fn rapper_reads_every_format_it_knows_with_the_same_triples() {
    if !have("rapper") {
        eprintln!("rapper not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let expected = triples(&std::fs::read(dir_path(&write_all_formats(dir.path()), "ttl")).unwrap(), RdfFormat::Turtle).len();
    // raptor has no JSON-LD parser
    for (ext, syntax) in [("ttl", "turtle"), ("nt", "ntriples"), ("nq", "nquads"), ("trig", "trig"), ("rdf", "rdfxml")] {
        let out = Command::new("rapper").args(["-i", syntax, "-c"]).arg(dir.path().join(format!("example.{ext}"))).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "rapper failed on .{ext}: {stderr}");
        assert!(!stderr.contains("Warning") && !stderr.contains("Error"), "rapper complained on .{ext}: {stderr}");
        let count: usize = stderr.split("returned ").nth(1).and_then(|s| s.split_whitespace().next()).and_then(|n| n.parse().ok()).unwrap();
        if ext == "nq" || ext == "trig" {
            assert!(count >= expected, ".{ext}: {count} statements for {expected} triples");
        } else {
            assert_eq!(count, expected, ".{ext}");
        }
    }
}

fn dir_path(paths: &[std::path::PathBuf], ext: &str) -> std::path::PathBuf {
    paths.iter().find(|p| p.extension().is_some_and(|e| e == ext)).unwrap().clone()
}

#[test]
fn rdflib_and_pyoxigraph_read_every_format_with_the_same_triples() {
    if !python_has("rdflib") || !python_has("pyoxigraph") {
        eprintln!("rdflib or pyoxigraph not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let paths = write_all_formats(dir.path());
    let expected = triples(&std::fs::read(dir_path(&paths, "ttl")).unwrap(), RdfFormat::Turtle).len();
    for path in &paths {
        let out = Command::new("python3").arg(data("tests/tools/read_rdf.py")).arg(path).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
        for line in stdout.lines() {
            let (tool, count) = line.split_once(' ').unwrap();
            assert_eq!(count.parse::<usize>().unwrap(), expected, "{tool} on {}", path.display());
        }
    }
}

#[test]
fn the_example_states_its_eight_memberships_with_provenance() {
    let ttl = extract(EXAMPLE, &["--date", EXAMPLE_DATE, "-f", "ntriples"]);
    let nt = String::from_utf8(ttl).unwrap();
    let member_of = "<http://schema.org/memberOf>";
    let entity = |key: &str| format!("<https://w3id.org/newsgraph/id/entity/{key}>");
    let mut found = Vec::new();
    for country in ["Q145", "Q142"] {
        for org in ["organization/g7", "organization/g20", "Q7184", "Q37470"] {
            let triple = format!("{} {member_of} {} .", entity(country), entity(org));
            if nt.lines().any(|l| l == triple) {
                found.push((country, org));
            }
        }
    }
    assert_eq!(found.len(), 8, "memberships found: {found:?}");
    assert_eq!(nt.lines().filter(|l| l.contains(member_of) && !l.contains("rdf-syntax-ns#object")).count(), 8 + 8, "8 facts and 8 reifications");
    // every reified membership points at the sentence that says it
    let statements = nt.lines().filter(|l| l.contains("#predicate> <http://schema.org/memberOf>")).count();
    assert_eq!(statements, 8);
    assert!(nt.contains("\"Officials point out that both the UK and France are nuclear powers"));
}

#[test]
fn text_with_control_characters_gives_well_formed_rdf_xml() {
    if !have("rapper") {
        eprintln!("rapper not installed: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bell.txt");
    std::fs::write(&input, "Ana Ruiz met Ben Ode in Orsk.\u{7} The talks\u{1b} went on.\n").unwrap();
    let out = dir.path().join("bell.rdf");
    let run = newsgraph().args(["extract"]).arg(&input).args(["-f", "rdfxml", "-o"]).arg(&out).output().unwrap();
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("2 control character(s) no XML can carry replaced with U+FFFD"));
    let rapper = Command::new("rapper").args(["-i", "rdfxml", "-c"]).arg(&out).output().unwrap();
    let stderr = String::from_utf8_lossy(&rapper.stderr);
    assert!(rapper.status.success() && !stderr.contains("Error"), "{stderr}");
}
