//! Bad input never hurts: every case runs through the binary and is checked
//! for its message and exit code. Sizes are kept small for debug builds;
//! `bench/run.sh` times the large ones.

mod common;

use common::*;
use std::path::Path;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], files: &[&Path]) -> Run {
    let out = newsgraph().args(args).args(files).output().unwrap();
    Run { code: out.status.code().unwrap(), stdout: String::from_utf8_lossy(&out.stdout).into(), stderr: String::from_utf8_lossy(&out.stderr).into() }
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_or_refused_when_strict() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "latin1.txt", b"The UK and France are members of the G7. Caf\xe9.\n");
    let r = run(&["extract", "-f", "nt"], &[&file]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("latin1.txt: not UTF-8 (invalid at byte 44); decoded as windows-1252"), "{}", r.stderr);
    assert!(r.stdout.contains("schema.org/memberOf"), "the valid part is still read");
    let strict = run(&["extract", "--strict", "-f", "nt"], &[&file]);
    assert_eq!(strict.code, 1);
    assert!(strict.stderr.contains("latin1.txt: not UTF-8 (invalid at byte 44)") && strict.stderr.contains("--strict"), "{}", strict.stderr);
}

#[test]
fn binary_files_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let png = write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let text = write(dir.path(), "ok.txt", "Japan is a member of the G7.\n");
    let r = run(&["extract", "-f", "nt"], &[&png, &text]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("photo.txt: binary file (NUL bytes); skipped"), "{}", r.stderr);
    assert_eq!(r.stdout.matches("schema.org/NewsArticle").count(), 1);
}

#[test]
fn empty_and_punctuation_only_files_give_an_article_and_no_facts() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [("empty.txt", ""), ("blank.txt", "  \n\n\t \n"), ("dots.txt", "... !!! ??? --- ***\n")] {
        let file = write(dir.path(), name, content);
        let r = run(&["extract", "-f", "nt", "--quiet"], &[&file]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        assert_eq!(r.stdout.matches("schema.org/NewsArticle").count(), 1, "{name}");
        assert!(!r.stdout.contains("schema.org/mentions"), "{name} names nothing");
    }
}

#[test]
fn pathological_text_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let unit = "Mr Smith said the UK and France met in Paris on Monday. \"We agree,\" he said. ";
    let cases = [
        ("no-newline.txt", unit.repeat(2_000)),
        ("one-sentence.txt", "word and Word, ".repeat(15_000)),
        ("capitals.txt", (0..10_000).map(|i| format!("Name{}", i % 50)).collect::<Vec<_>>().join(" ")),
        ("quotes.txt", "He said \"yes and \u{201c}no \u{2018}maybe\u{201d} \" \"\" \u{201d}\u{201c} ".repeat(3_000)),
    ];
    for (name, content) in cases {
        let file = write(dir.path(), name, content);
        let r = run(&["extract", "-f", "nt", "--quiet", "-o", "/dev/null"], &[&file]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
    }
}

#[test]
fn broken_json_lines_are_reported_and_skipped_or_stop_when_strict() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "news.jsonl", "{\"text\": \"Japan is a member of the G7.\"}\n{\"text\": unquoted}\n{\"body\": \"Canada is a member of NATO.\"}\n");
    let r = run(&["extract", "-f", "nt"], &[&file]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("news.jsonl: line 2: invalid JSON"), "{}", r.stderr);
    assert_eq!(r.stdout.matches("schema.org/NewsArticle").count(), 2);
    let strict = run(&["extract", "--strict", "-f", "nt"], &[&file]);
    assert_eq!(strict.code, 1);
    assert!(strict.stderr.contains("news.jsonl: line 2: invalid JSON"));
}

#[test]
fn html_with_scripts_comments_and_entities_is_read_and_an_empty_page_reported() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "page.html",
        "<html><head><title>Talks</title><script>var s = \"Mr Fake said\";</script></head><body><!-- Mr Hidden --><article>\
         <p>Japan &amp; Canada are members of the G7.</p><p>Prime Minister Ann Holt said: &#8220;We agree.&#8221;</p></article></body></html>",
    );
    let r = run(&["extract", "-f", "nt", "--quiet"], &[&page]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.matches("schema.org/memberOf").count(), 4, "two members, each with a reified statement");
    assert!(r.stdout.contains("\"We agree.\""));
    assert!(!r.stdout.contains("Fake") && !r.stdout.contains("Hidden"));
    let empty = write(dir.path(), "empty.html", "<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>");
    let r = run(&["extract", "-f", "nt"], &[&empty]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.contains("empty.html: no article text found in the page"), "{}", r.stderr);
}

#[test]
fn deeply_nested_html_is_read() {
    // 50,000 inline levels overflowed a recursive reader; 200,000 block levels
    // took the HTML parser over a minute before the depth was capped
    let dir = tempfile::tempdir().unwrap();
    let inline = 50_000;
    let blocks = 200_000;
    let html = format!(
        "<html><body>{}<p>{}Japan is a member of the G7.{}</p>{}</body></html>",
        "<div>".repeat(blocks),
        "<b>".repeat(inline),
        "</b>".repeat(inline),
        "</div>".repeat(blocks)
    );
    let page = write(dir.path(), "deep.html", html);
    let r = run(&["text"], &[&page]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Japan is a member of the G7."), "{}", r.stdout);
}

#[test]
fn unwritable_outputs_are_errors_and_leave_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing_dir = dir.path().join("no/such/dir/out.ttl");
    let r = run(&["extract", EXAMPLE, "-o", missing_dir.to_str().unwrap()], &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("newsgraph: cannot write") && r.stderr.contains("out.ttl"), "{}", r.stderr);
    if Path::new("/dev/full").exists() {
        let r = run(&["extract", EXAMPLE, "-f", "nt", "-o", "/dev/full"], &[]);
        assert_eq!(r.code, 2);
        assert!(r.stderr.contains("/dev/full") && r.stderr.to_lowercase().contains("space"), "{}", r.stderr);
    }
    let old = write(dir.path(), "graph.nt", "old");
    let r = run(&["extract", "--strict", "-o", old.to_str().unwrap()], &[&write(dir.path(), "bad.txt", b"\xff\xfe")]);
    assert_eq!(r.code, 1);
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "old", "a stopped run leaves the old output");
}

#[test]
fn help_documents_the_exit_codes() {
    let r = run(&["extract", "--help"], &[]);
    assert!(r.stdout.contains("Exit codes: 0 success; 1 stopped on odd input under --strict; 2 error"));
}

#[test]
fn numbers_beyond_two_to_the_53_stay_exact() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "big.txt", "The fund held 123,456,789,012,345,678,901 euros in 2023, and 99999999999999999999999 dollars, up 2.50 percent.\n");
    let out = dir.path().join("big.nt");
    let r = run(&["extract", "-f", "nt", "--quiet", "-o", out.to_str().unwrap()], &[&file]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let nt = std::fs::read_to_string(&out).unwrap();
    let integer = "^^<http://www.w3.org/2001/XMLSchema#integer>";
    assert!(nt.contains(&format!("\"123456789012345678901\"{integer}")), "{nt}");
    assert!(nt.contains(&format!("\"99999999999999999999999\"{integer}")), "{nt}");
    assert!(nt.contains("\"2.50\"^^<http://www.w3.org/2001/XMLSchema#decimal>"), "{nt}");
}

#[test]
fn scripts_and_styles_inside_a_paragraph_do_not_split_it() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "p.html",
        "<html><body><article><p>Ana Ruiz met <script>var x = 1;</script>Ben Ode in Orsk.</p><p>They talked <style>p{}</style>for an hour<noscript>enable JS</noscript> about ports.</p></article></body></html>",
    );
    let r = run(&["text"], &[&page]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nAna Ruiz met Ben Ode in Orsk.\nThey talked for an hour about ports.\n"), "{}", r.stdout);
}

#[cfg(unix)]
#[test]
fn a_directory_with_looping_links_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write(&corpus, "a.txt", "Ana Ruiz met Ben Ode in Orsk.\n");
    std::os::unix::fs::symlink(".", corpus.join("loop1")).unwrap();
    std::os::unix::fs::symlink(".", corpus.join("loop2")).unwrap();
    let out = dir.path().join("out.nt");
    let r = run(&["extract", "-f", "nt", "-o", out.to_str().unwrap()], &[&corpus]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("1 document,") || r.stderr.contains("1 documents,"), "{}", r.stderr);
}

#[test]
fn urls_that_are_no_web_addresses_are_dropped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let lines = write(
        dir.path(),
        "u.jsonl",
        "{\"text\": \"Ana Ruiz met Ben Ode.\", \"url\": \"javascript:alert(1)\"}\n{\"text\": \"Ana Ruiz met Ben Ode in Orsk.\", \"url\": \"file:///etc/passwd\"}\n{\"text\": \"Ben Ode left Orsk.\", \"url\": \"https://example.org/a\"}\n",
    );
    let out = dir.path().join("u.nt");
    let r = run(&["extract", "-f", "nt", "-o", out.to_str().unwrap()], &[&lines]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.matches("is no http(s) address; dropped").count(), 2, "{}", r.stderr);
    let nt = std::fs::read_to_string(&out).unwrap();
    assert_eq!(nt.matches("<http://schema.org/url>").count(), 1, "{nt}");
    assert!(!nt.contains("javascript:") && !nt.contains("file:"));
}

#[test]
fn a_second_article_with_the_same_text_is_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let lines = write(
        dir.path(),
        "twice.jsonl",
        "{\"text\": \"Ana Ruiz met Ben Ode in Orsk.\", \"date\": \"2023-01-02\"}\n{\"text\": \"Ana Ruiz met Ben Ode in Orsk.\", \"date\": \"2023-01-05\"}\n",
    );
    for format in ["nt", "turtle"] {
        let out = dir.path().join("twice.out");
        let r = run(&["extract", "-f", format, "-o", out.to_str().unwrap()], &[&lines]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stderr.contains("twice.jsonl:2: the same text as an earlier document; skipped"), "{}", r.stderr);
        let rdf = std::fs::read_to_string(&out).unwrap();
        assert_eq!(rdf.matches("2023-01-0").count(), 1, "one article, one date: {rdf}");
    }
}

#[cfg(unix)]
#[test]
fn a_stopping_signal_leaves_no_temporary_file_and_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (0..20000).map(|i| format!("{{\"text\": \"Report {i}. Ana Ruiz met Ben Ode in Orsk on Monday, and the two agreed to keep the ports open.\"}}\n")).collect();
    let input = write(dir.path(), "many.jsonl", lines);
    let output = write(dir.path(), "out.ttl", "old");
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129)] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsgraph"))
            .args(["extract", "--quiet", "-o"])
            .arg(&output)
            .arg(&input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        std::process::Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status().unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(code), "SIG{signal}");
        let left: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.starts_with(".newsgraph-")).collect();
        assert!(left.is_empty(), "SIG{signal} left {left:?}");
        assert_eq!(std::fs::read_to_string(&output).unwrap(), "old");
    }
}

#[test]
fn pages_and_files_are_read_in_their_own_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(dir.path(), "p.html", b"<html><head><meta charset=\"windows-1252\"><title>Talks</title></head><body><article><p>Ana Ruiz met Ben Ode in Z\xfcrich on Monday.</p></article></body></html>".as_slice());
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Ana Ruiz met Ben Ode in Z\u{fc}rich.\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let text = write(dir.path(), "t.txt", utf16);
    let r = run(&["text"], &[&page, &text]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.matches("Ben Ode in Z\u{fc}rich").count(), 2, "{}", r.stdout);
    assert!(!r.stderr.contains("binary"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_device_that_never_ends_is_sniffed_not_read_whole() {
    let r = run(&["extract", "-f", "nt"], &[Path::new("/dev/zero")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("/dev/zero: binary file (NUL bytes); skipped"), "{}", r.stderr);
}

#[test]
fn documents_larger_than_the_limit_are_skipped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.txt", "Ana Ruiz met Ben Ode in Orsk. ".repeat(100));
    let lines = write(dir.path(), "l.jsonl", format!("{{\"text\": \"{}\"}}\n{{\"text\": \"Ben Ode left Orsk.\"}}\n", "Ana Ruiz met Ben Ode. ".repeat(100)));
    let r = run(&["extract", "-f", "nt", "--max-document-size", "1000"], &[&big, &lines]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("big.txt: larger than --max-document-size (1000 bytes); skipped"), "{}", r.stderr);
    assert!(r.stderr.contains("l.jsonl: line 1: larger than --max-document-size (1000 bytes); skipped"), "{}", r.stderr);
    assert!(r.stderr.contains("newsgraph: 1 documents"), "the short line is read: {}", r.stderr);
}
