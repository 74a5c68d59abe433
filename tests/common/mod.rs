//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use oxrdf::Triple;
use oxrdfio::{RdfFormat, RdfParser};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const EXAMPLE: &str = "tests/data/000_6512d18f5521853b.txt";
pub const EXAMPLE_DATE: &str = "2023-03-10";

pub fn newsgraph() -> Command {
    Command::cargo_bin("newsgraph").unwrap()
}

pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// Runs `newsgraph extract` on `input` and returns standard output.
pub fn extract(input: &str, args: &[&str]) -> Vec<u8> {
    let out = newsgraph().arg("extract").arg(data(input)).args(args).output().unwrap();
    assert!(out.status.success(), "newsgraph failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Parses RDF with oxrdfio and returns its triples, graph names dropped.
pub fn triples(bytes: &[u8], format: RdfFormat) -> BTreeSet<String> {
    RdfParser::from_format(format)
        .for_slice(bytes)
        .map(|q| Triple::from(q.expect("valid RDF")).to_string())
        .collect()
}

/// Whether a program is on the PATH.
pub fn have(program: &str) -> bool {
    std::process::Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().is_ok_and(|o| o.status.success())
}
