//! Corpora: directories and JSON Lines, in parallel, with output that does
//! not depend on the number of threads.

mod common;

use common::*;

/// A directory of 300 small articles made from the test articles' lines.
fn corpus(dir: &std::path::Path) {
    let mut lines: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(data("tests/data")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            lines.extend(std::fs::read_to_string(path).unwrap().lines().filter(|l| l.split(' ').count() > 8).map(String::from));
        }
    }
    lines.sort();
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    for i in 0..300 {
        let text: Vec<&str> = (0..4).map(|k| lines[(i * 7 + k * 13) % lines.len()].as_str()).collect();
        let sub = if i % 3 == 0 { "nested/" } else { "" };
        std::fs::write(dir.join(format!("{sub}{i:04}.txt")), text.join("\n")).unwrap();
    }
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    for format in ["nt", "nq", "ttl"] {
        let one = newsgraph().args(["extract", "--quiet", "--threads", "1", "-f", format]).arg(dir.path()).output().unwrap();
        let two = newsgraph().args(["extract", "--quiet", "--threads", "2", "-f", format]).arg(dir.path()).output().unwrap();
        assert!(one.status.success() && two.status.success());
        assert!(one.stdout.len() > 100_000);
        assert!(one.stdout == two.stdout, "{format} differs between 1 and 2 threads");
    }
}

#[test]
fn json_lines_stream_from_standard_input() {
    let lines: String = (0..50)
        .map(|i| format!("{{\"id\": \"n{i}\", \"date\": \"2024-05-0{}\", \"text\": \"News in brief, number {i}. Japan and Canada are members of the G7.\"}}\n", i % 9 + 1))
        .collect();
    // JSON Lines on standard input are recognised by their opening brace
    let out = newsgraph().args(["extract", "-", "-f", "nquads"]).write_stdin(lines).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let nq = String::from_utf8(out.stdout).unwrap();
    assert_eq!(nq.matches("<http://schema.org/NewsArticle>").count(), 50);
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.starts_with("newsgraph: 50 documents, 3 entities, 100 facts,"), "{summary}");
}

#[test]
fn the_text_command_shows_what_the_extractors_read() {
    let out = newsgraph().args(["text", EXAMPLE]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("byline: By Chris Mason"));
    assert!(!text.contains("ARTICLE AD BOX"), "furniture is not read");
    assert!(text.contains("Prime Minister Rishi Sunak is heading to Paris"));
}

#[test]
fn a_large_document_among_small_ones_is_written_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Ana Ruiz met Ben Ode in Orsk.\n").unwrap();
    // over a megabyte: extracted alone, its lines written as they are minted
    let paragraph = "Ana Ruiz, the mayor of Orsk, met Ben Ode of the Harbour Board on Monday. \"We agree,\" she said.\n\n";
    std::fs::write(dir.path().join("b.txt"), paragraph.repeat((1 << 20) / paragraph.len() + 1)).unwrap();
    std::fs::write(dir.path().join("c.txt"), "Ben Ode left Dunmore.\n").unwrap();
    let one = newsgraph().args(["extract", "--quiet", "--threads", "1", "-f", "nq"]).arg(dir.path()).output().unwrap();
    let two = newsgraph().args(["extract", "--quiet", "--threads", "2", "-f", "nq"]).arg(dir.path()).output().unwrap();
    assert!(one.status.success() && two.status.success());
    assert!(one.stdout == two.stdout, "differs between 1 and 2 threads");
    // the articles in input order: a, then the large b, then c
    let text = String::from_utf8(one.stdout).unwrap();
    let first_of = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle} missing"));
    assert!(first_of("Ana Ruiz met Ben Ode in Orsk.") < first_of("Harbour Board on Monday") && first_of("Harbour Board on Monday") < first_of("Ben Ode left Dunmore."));
}
