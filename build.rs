//! Compiles the built-in knowledge base: the tables of `ontology/kb/*.tsv`
//! (made from open data by `scripts/make-kb.py`) into one file in the
//! format `src/kb/write.rs` writes, embedded by `src/kb/mod.rs`; and
//! freezes the tagger's word clusters and name lists into the tables
//! `src/recognise/frozen.rs` reads in place.

#[path = "src/kb/write.rs"]
#[allow(dead_code)]
mod write;

#[path = "src/recognise/frozen.rs"]
#[allow(dead_code)]
mod frozen;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/kb/write.rs");
    println!("cargo:rerun-if-changed=ontology/kb");
    let dir = Path::new("ontology/kb");
    let mut tables: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "tsv")).collect())
        .unwrap_or_default();
    tables.sort();
    let mut entries = Vec::new();
    for table in &tables {
        println!("cargo:rerun-if-changed={}", table.display());
        let text = std::fs::read_to_string(table).unwrap_or_else(|e| panic!("{}: {e}", table.display()));
        write::read_tsv(&text, &mut entries).unwrap_or_else(|e| panic!("{}: {e}", table.display()));
    }
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let out = out_dir.join("builtin.kb");
    std::fs::write(&out, write::write(entries)).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    freeze_word_tables(&out_dir);
}

/// The word clusters and the name lists (in the order of their kind
/// numbers, `src/recognise/lists.rs`), frozen.
fn freeze_word_tables(out_dir: &Path) {
    println!("cargo:rerun-if-changed=src/recognise/frozen.rs");
    let read = |path: &str| {
        println!("cargo:rerun-if-changed={path}");
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let clusters = frozen::build(frozen::cluster_entries(&read("ontology/clusters.tsv")), true);
    let lists: Vec<String> = ["place", "person", "organisation", "event", "work"]
        .iter()
        .map(|k| read(&format!("ontology/ner/lists/{k}.txt")))
        .chain([read("ontology/given_names.txt") + &read("ontology/ner/given-names-census.txt")])
        .collect();
    let lists = frozen::build(frozen::name_list_entries(&lists.iter().map(String::as_str).collect::<Vec<_>>()), true);
    for (name, bytes) in [("clusters.frozen", clusters), ("lists.frozen", lists)] {
        let out = out_dir.join(name);
        std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    }
}
