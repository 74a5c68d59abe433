//! The floor of the work: a bare Aho-Corasick scan of the inputs with the
//! same gazetteer, no segmentation, no rules, no output. The benchmark
//! compares newsgraph's whole run with this.
//!
//!     cargo run --release --example scan -- corpus.jsonl

use newsgraph::ontology::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gazetteer = Gazetteer::builtin()?;
    let mut hits = 0usize;
    let mut bytes = 0usize;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        bytes += text.len();
        hits += gazetteer.find(&text).len();
    }
    eprintln!("{bytes} bytes, {hits} gazetteer hits");
    Ok(())
}
