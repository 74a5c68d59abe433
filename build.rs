//! Compiles the built-in knowledge base: the tables of `ontology/kb/*.tsv`
//! (made from open data by `scripts/make-kb.py`) into one file in the
//! format `src/kb/write.rs` writes, embedded by `src/kb/mod.rs`.

#[path = "src/kb/write.rs"]
#[allow(dead_code)]
mod write;

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
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin.kb");
    std::fs::write(&out, write::write(entries)).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
