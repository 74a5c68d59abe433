//! Word clusters: words that occur in similar contexts share a bit path, so
//! the tagger generalises from "Lyon" to a city it never saw in training.
//!
//! `ontology/clusters.tsv` (made by `scripts/make-clusters.py` from the word
//! vectors of spaCy's en_core_web_md, MIT; see `ontology/SOURCES.md`) holds
//! one `word<TAB>bits` line per word; a path has at most 16 bits.

use rustc_hash::FxHashMap;

pub struct Clusters {
    /// By the word's hash ([`super::features::hash_str`]), which the tagger
    /// has computed already: no word is hashed or compared twice. Among the
    /// 290,000 words a 64-bit collision is as good as impossible.
    paths: FxHashMap<u64, (u16, u8)>,
}

static BUILTIN: &str = include_str!("../../ontology/clusters.tsv");

impl Clusters {
    /// The clusters compiled into the binary.
    pub fn builtin() -> Clusters {
        Clusters::from_tsv(BUILTIN)
    }

    /// Reads `word<TAB>bits` lines; a line that is not one is skipped.
    pub fn from_tsv(text: &'static str) -> Clusters {
        let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut paths = FxHashMap::with_capacity_and_hasher(lines, Default::default());
        for line in text.lines() {
            let Some((word, bits)) = line.split_once('\t') else { continue };
            if bits.is_empty() || bits.len() > 16 || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                continue;
            }
            let path = u16::from_str_radix(bits, 2).unwrap_or(0) << (16 - bits.len());
            paths.insert(super::features::hash_str(word), (path, bits.len() as u8));
        }
        Clusters { paths }
    }

    /// The word's path, left-aligned, and its length in bits.
    pub fn get(&self, word: &str) -> Option<(u16, u8)> {
        self.get_hashed(super::features::hash_str(word))
    }

    /// The same, for a word known by its hash.
    pub fn get_hashed(&self, hash: u64) -> Option<(u16, u8)> {
        self.paths.get(&hash).copied()
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
