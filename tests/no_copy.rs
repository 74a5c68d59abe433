//! No rule is written for a test article: no six words in a row of any
//! article in `tests/data` appear in `src/` (code and comments) or in the
//! rules and word lists of `ontology/`. Examples in comments and tests are
//! sentences of our own.
//!
//! Words are runs of letters and digits, lower-cased ("Brannock's" is
//! "brannock", "s"); punctuation and line breaks between them do not
//! count, so a sentence quoted across two comment lines is found. In tab-separated files
//! (the gazetteers, word clusters) only the comment lines are read: a place
//! or an organisation may have a long name that an article also writes.

mod common;

use common::data;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How many words in a row make a copy.
const RUN: usize = 6;

/// The lower-cased words of `text`, each with the line it stands on (from 1).
fn words(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut line = 1;
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push((std::mem::take(&mut word), line));
        }
        if c == '\n' {
            line += 1;
        }
    }
    if !word.is_empty() {
        out.push((word, line));
    }
    out
}

/// Every file under `dir`, in a stable order.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The text of a project file that the rule covers: all of it, except that
/// only the comment lines of a tab-separated file count (other lines blank,
/// so line numbers stay right). None for a file that is not text.
fn checked_text(path: &Path) -> Option<String> {
    let text = String::from_utf8(std::fs::read(path).ok()?).ok()?;
    if path.extension().is_some_and(|e| e == "tsv") {
        return Some(text.lines().map(|l| if l.trim_start().starts_with('#') { l } else { "" }).collect::<Vec<_>>().join("\n"));
    }
    Some(text)
}

/// Each run of six words of the articles, with the article it comes from.
fn article_runs() -> HashMap<Vec<String>, String> {
    let mut runs = HashMap::new();
    let articles: Vec<PathBuf> = files_under(&data("tests/data"))
        .into_iter()
        .filter(|p| p.parent() == Some(data("tests/data").as_path()) && p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert!(articles.len() >= 7, "the seed and the six development articles");
    for article in articles {
        let text = std::fs::read_to_string(&article).unwrap();
        let name = article.file_name().unwrap().to_string_lossy().to_string();
        let w: Vec<String> = words(&text).into_iter().map(|(w, _)| w).collect();
        for window in w.windows(RUN) {
            runs.entry(window.to_vec()).or_insert_with(|| name.clone());
        }
    }
    runs
}

/// The copies in one file: (first line, last line, the words copied, article),
/// overlapping runs merged into one.
fn copies_in(text: &str, runs: &HashMap<Vec<String>, String>) -> Vec<(usize, usize, String, String)> {
    let w = words(text);
    let mut found: Vec<(usize, usize, String)> = Vec::new(); // word range, article
    for (i, window) in w.windows(RUN).enumerate() {
        let key: Vec<String> = window.iter().map(|(w, _)| w.clone()).collect();
        if let Some(article) = runs.get(&key) {
            match found.last_mut() {
                Some((_, end, a)) if *end > i && a == article => *end = i + RUN,
                _ => found.push((i, i + RUN, article.clone())),
            }
        }
    }
    found
        .into_iter()
        .map(|(a, b, article)| {
            let copied = w[a..b].iter().map(|(w, _)| w.as_str()).collect::<Vec<_>>().join(" ");
            (w[a].1, w[b - 1].1, copied, article)
        })
        .collect()
}

#[test]
fn no_six_words_of_a_test_article_are_in_the_code_or_the_rules() {
    let runs = article_runs();
    let root = data("");
    let mut report = String::new();
    let mut checked = 0;
    for dir in ["src", "ontology"] {
        for path in files_under(&data(dir)) {
            let Some(text) = checked_text(&path) else { continue };
            checked += 1;
            let shown = path.strip_prefix(&root).unwrap_or(&path).display().to_string();
            for (first, last, copied, article) in copies_in(&text, &runs) {
                let lines = if first == last { first.to_string() } else { format!("{first}-{last}") };
                writeln!(report, "{shown}:{lines}: \"{copied}\" (from {article})").unwrap();
            }
        }
    }
    assert!(checked > 20, "the source and ontology files were read");
    assert!(report.is_empty(), "six or more words in a row of a test article, in the code or the rules:\n{report}");
}

#[test]
fn words_are_lower_cased_runs_of_letters_and_digits() {
    let w: Vec<String> = words("Brannock's CEO, in 2021:\n\"Çelik\" said").into_iter().map(|(w, _)| w).collect();
    assert_eq!(w, ["brannock", "s", "ceo", "in", "2021", "çelik", "said"]);
    assert_eq!(words("a\nb\n\nc").iter().map(|(_, l)| *l).collect::<Vec<_>>(), [1, 2, 4]);
}

#[test]
fn a_copy_across_comment_lines_is_found_and_merged() {
    let runs: HashMap<Vec<String>, String> =
        words("the red kite flew over the quiet harbour at dawn").windows(RUN).map(|w| (w.iter().map(|(w, _)| w.clone()).collect(), "a.txt".to_string())).collect();
    let code = "// a comment: the Red Kite flew\n// over the quiet harbour, then\nfn main() {}";
    assert_eq!(copies_in(code, &runs), [(1, 2, "the red kite flew over the quiet harbour".to_string(), "a.txt".to_string())]);
    assert!(copies_in("// a red kite flew over the hill", &runs).is_empty(), "five words in a row are no copy");
}
