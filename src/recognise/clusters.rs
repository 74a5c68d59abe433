//! Word clusters: words that occur in similar contexts share a bit path, so
//! the tagger generalises from "Lyon" to a city it never saw in training.
//!
//! `ontology/clusters.tsv` (made by `scripts/make-clusters.py` from the word
//! vectors of spaCy's en_core_web_md, MIT; see `ontology/SOURCES.md`) holds
//! one `word<TAB>bits` line per word; a path has at most 16 bits.

use super::frozen::{self, Frozen};

pub struct Clusters {
    /// By the word's hash ([`frozen::hash_str`]), which the tagger has
    /// computed already: no word is hashed or compared twice.
    paths: Frozen,
}

static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clusters.frozen"));

impl Clusters {
    /// The clusters compiled into the binary (`build.rs` freezes
    /// `ontology/clusters.tsv`).
    pub fn builtin() -> Clusters {
        Clusters { paths: Frozen::new(std::borrow::Cow::Borrowed(BUILTIN)).expect("build.rs writes a valid table") }
    }

    /// Reads `word<TAB>bits` lines; a line that is not one is skipped.
    pub fn from_tsv(text: &str) -> Clusters {
        Clusters { paths: Frozen::from_entries(frozen::cluster_entries(text), true) }
    }

    /// The word's path, left-aligned, and its length in bits.
    pub fn get(&self, word: &str) -> Option<(u16, u8)> {
        self.get_hashed(frozen::hash_str(word))
    }

    /// The same, for a word known by its hash.
    pub fn get_hashed(&self, hash: u64) -> Option<(u16, u8)> {
        self.paths.get(hash).map(|v| ((v >> 16) as u16, v as u8))
    }

    pub fn len(&self) -> usize {
        self.paths.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_left_aligned() {
        let c = Clusters::from_tsv("Oslo\t101\nbad line\nrome\t1\n");
        assert_eq!(c.get("Oslo"), Some((0b1010_0000_0000_0000, 3)));
        assert_eq!(c.get("rome"), Some((0x8000, 1)));
        assert_eq!(c.get("bad line"), None);
        assert_eq!(c.len(), 2);
    }
}
