//! The knowledge base: names and aliases → Wikidata entities, each with a
//! class, a popularity prior and, for places, the country and region they
//! lie in. One compact file format ([`write`] documents it): an `fst` map
//! from normalised names into a table of fixed-size records, read in place
//! from the binary (the built-in one, compiled from `ontology/kb/*.tsv` by
//! `build.rs`) or from a memory-mapped file (`newsgraph kb build` makes
//! one from a Wikidata dump). Lookups allocate nothing but the caller's
//! reused key buffer.

pub mod wikidata;
pub mod write;

use crate::document::EntityType;
use std::sync::Arc;
pub use write::normalise;
use write::{ALIAS_BIT, ENTITY, HEADER, MAGIC, VERSION};

/// The built-in knowledge base, compiled from `ontology/kb/*.tsv`.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin.kb"));

/// The bytes a knowledge base is read from.
enum Bytes {
    Static(&'static [u8]),
    Mapped(memmap2::Mmap),
}

/// A part of the shared bytes, as `fst` wants its data.
#[derive(Clone)]
struct Part {
    bytes: Arc<Bytes>,
    range: std::ops::Range<usize>,
}

impl AsRef<[u8]> for Part {
    fn as_ref(&self) -> &[u8] {
        let all: &[u8] = match &*self.bytes {
            Bytes::Static(b) => b,
            Bytes::Mapped(m) => m,
        };
        &all[self.range.clone()]
    }
}

/// Why a knowledge base file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("cannot read the knowledge base {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{0} is no newsgraph knowledge base (made by `newsgraph kb build`), or it is damaged: {1}")]
    Format(String, &'static str),
}

/// One entity of the knowledge base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    /// The number of its Q-number.
    pub qid: u32,
    pub class: EntityType,
    /// Popularity among entities of the same name, 0–100.
    pub prior: u8,
    /// The country it lies in, 0 when none is known.
    pub country: u32,
    /// The region it lies in, 0 when none is known.
    pub parent: u32,
}

/// A candidate for a name: the entity, and whether the name is one of its
/// aliases rather than its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub record: Record,
    pub by_alias: bool,
    /// Index of the entity in the knowledge base.
    pub index: u32,
}

pub struct Kb {
    part: Part,
    entities: usize,
    postings_at: usize,
    postings: usize,
    strings_at: usize,
    map: fst::Map<Part>,
    /// The class of each class code in the file.
    classes: Vec<EntityType>,
}

impl Kb {
    /// The knowledge base compiled into the binary.
    pub fn builtin() -> Kb {
        Kb::from_bytes(Bytes::Static(BUILTIN), "the built-in knowledge base").expect("the built-in knowledge base is well formed (build.rs wrote it)")
    }

    /// A knowledge base file, memory-mapped.
    pub fn open(path: &std::path::Path) -> Result<Kb, KbError> {
        let io = |source| KbError::Io { path: path.display().to_string(), source };
        let file = std::fs::File::open(path).map_err(io)?;
        // SAFETY: the file is only read; a file changed under a running
        // process is the user's to avoid, as for any memory-mapped index
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(io)?;
        Kb::from_bytes(Bytes::Mapped(map), &path.display().to_string())
    }

    fn from_bytes(bytes: Bytes, what: &str) -> Result<Kb, KbError> {
        let bad = |why| KbError::Format(what.to_string(), why);
        let bytes = Arc::new(bytes);
        let all: &[u8] = match &*bytes {
            Bytes::Static(b) => b,
            Bytes::Mapped(m) => m,
        };
        if all.len() < HEADER || &all[..4] != MAGIC {
            return Err(bad("it does not start as one"));
        }
        let u32_at = |at: usize| u32::from_le_bytes(all[at..at + 4].try_into().unwrap());
        let u64_at = |at: usize| u64::from_le_bytes(all[at..at + 8].try_into().unwrap());
        if u32_at(4) != VERSION {
            return Err(bad("it has another format version"));
        }
        let entities = u32_at(8) as usize;
        let postings = u32_at(12) as usize;
        let (fst_len, strings_len) = (u64_at(16) as usize, u64_at(24) as usize);
        let postings_at = HEADER + entities * ENTITY;
        let fst_at = postings_at + postings * 4;
        let strings_at = fst_at + fst_len;
        if strings_at + strings_len != all.len() {
            return Err(bad("its parts do not add up to its size"));
        }
        let part = Part { bytes: bytes.clone(), range: 0..all.len() };
        let map = fst::Map::new(Part { bytes, range: fst_at..strings_at }).map_err(|_| bad("its name index is damaged"))?;
        let classes = write::CLASSES.iter().map(|c| c.parse().unwrap_or(EntityType::Thing)).collect();
        let kb = Kb { part, entities, postings_at, postings, strings_at, map, classes };
        Ok(kb)
    }

    fn bytes(&self) -> &[u8] {
        self.part.as_ref()
    }

    pub fn len(&self) -> usize {
        self.entities
    }

    pub fn is_empty(&self) -> bool {
        self.entities == 0
    }

    /// The entity at `index`.
    pub fn record(&self, index: u32) -> Record {
        let at = HEADER + index as usize * ENTITY;
        let b = &self.bytes()[at..at + ENTITY];
        let u32_at = |k: usize| u32::from_le_bytes(b[k..k + 4].try_into().unwrap());
        Record {
            qid: u32_at(0),
            country: u32_at(4),
            parent: u32_at(8),
            class: self.classes.get(b[18] as usize).copied().unwrap_or(EntityType::Thing),
            prior: b[19],
        }
    }

    /// The entity's name.
    pub fn name(&self, index: u32) -> &str {
        let at = HEADER + index as usize * ENTITY;
        let b = &self.bytes()[at..at + ENTITY];
        let start = self.strings_at + u32::from_le_bytes(b[12..16].try_into().unwrap()) as usize;
        let len = u16::from_le_bytes(b[16..18].try_into().unwrap()) as usize;
        std::str::from_utf8(&self.bytes()[start..start + len]).unwrap_or("")
    }

    /// The entities named `name` (or an alias written so, up to case,
    /// accents and punctuation), most popular first; `key` is a buffer
    /// the caller keeps between calls.
    pub fn candidates<'a>(&'a self, name: &str, key: &mut String) -> impl Iterator<Item = Candidate> + 'a {
        normalise(name, key);
        let range = match self.map.get(key.as_bytes()) {
            Some(v) => {
                let start = (v >> 16) as usize;
                start..(start + (v & 0xffff) as usize).min(self.postings)
            }
            None => 0..0,
        };
        range.map(move |i| {
            let at = self.postings_at + i * 4;
            let p = u32::from_le_bytes(self.bytes()[at..at + 4].try_into().unwrap());
            let index = p & !ALIAS_BIT;
            Candidate { record: self.record(index), by_alias: p & ALIAS_BIT != 0, index }
        })
    }

    /// Whether the knowledge base holds the entity with this Q-number.
    pub fn contains(&self, qid: u32) -> bool {
        let (mut lo, mut hi) = (0, self.entities);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.record(mid as u32).qid.cmp(&qid) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::write::{class_code, write, Entry};
    use super::*;

    fn entry(qid: u32, class: &str, prior: u8, name: &str, aliases: &[&str]) -> Entry {
        Entry { qid, class: class_code(class).unwrap(), prior, country: 7, parent: 0, name: name.into(), aliases: aliases.iter().map(|a| a.to_string()).collect() }
    }

    fn kb(entries: Vec<Entry>) -> Kb {
        let bytes: &'static [u8] = Box::leak(write(entries).into_boxed_slice());
        Kb::from_bytes(Bytes::Static(bytes), "test").unwrap()
    }

    #[test]
    fn names_find_their_entities_most_popular_first() {
        let kb = kb(vec![
            entry(300, "City", 30, "Lindholm", &["Lindholm Town"]),
            entry(100, "City", 70, "Lindholm", &[]),
            entry(200, "AdministrativeArea", 50, "Lindholm County", &["Lindholm"]),
            entry(400, "Country", 90, "United Kingdom", &["U.K.", "UK", "Britain"]),
        ]);
        let mut key = String::new();
        let found: Vec<(u32, bool)> = kb.candidates("Lindholm", &mut key).map(|c| (c.record.qid, c.by_alias)).collect();
        assert_eq!(found, vec![(100, false), (200, true), (300, false)]);
        // case, accents, points and a leading "the" do not matter
        for name in ["U.K.", "uk", "the UK"] {
            assert_eq!(kb.candidates(name, &mut key).map(|c| c.record.qid).collect::<Vec<_>>(), vec![400], "{name}");
        }
        assert_eq!(kb.candidates("Líndholm", &mut key).count(), 3);
        assert_eq!(kb.candidates("Nowhere", &mut key).count(), 0);
        let uk = kb.candidates("Britain", &mut key).next().unwrap();
        assert_eq!((uk.record.class, uk.record.prior, uk.record.country), (EntityType::Country, 90, 7));
        assert_eq!(kb.name(uk.index), "United Kingdom");
        assert!(kb.contains(200) && !kb.contains(250));
    }

    #[test]
    fn the_same_entries_give_the_same_bytes_in_any_order() {
        let a = vec![entry(2, "City", 1, "Aa", &["Bb"]), entry(1, "Person", 5, "Cc", &[])];
        let mut b = a.clone();
        b.reverse();
        assert_eq!(write(a), write(b));
    }

    #[test]
    fn a_damaged_file_is_refused() {
        let mut bytes = write(vec![entry(1, "City", 1, "Aa", &[])]);
        bytes.truncate(bytes.len() - 1);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        assert!(Kb::from_bytes(Bytes::Static(bytes), "x").is_err());
        assert!(Kb::from_bytes(Bytes::Static(b"hello"), "x").is_err());
    }

    #[test]
    fn the_builtin_knowledge_base_loads() {
        let kb = Kb::builtin();
        assert!(kb.len() > 40_000, "{} entities", kb.len());
        // a place every open source has, with its country
        let mut key = String::new();
        let london = kb.candidates("London", &mut key).next().expect("London");
        assert_eq!(london.record.class, EntityType::City);
        assert!(london.record.country != 0 && london.record.prior >= 60);
    }

    #[test]
    fn tsv_rows_read_and_bad_rows_are_named() {
        let mut entries = Vec::new();
        write::read_tsv("# comment\nQ5\tCity\t40\tQ7\t\tAa\tBb|Cc\n", &mut entries).unwrap();
        assert_eq!(entries, vec![Entry { qid: 5, class: class_code("City").unwrap(), prior: 40, country: 7, parent: 0, name: "Aa".into(), aliases: vec!["Bb".into(), "Cc".into()] }]);
        let err = write::read_tsv("Q5\tTown\t40\t\t\tAa\t\n", &mut entries).unwrap_err();
        assert!(err.contains("line 1") && err.contains("Town"), "{err}");
        assert!(write::read_tsv("X5\tCity\t1\t\t\tAa\t\n", &mut entries).is_err());
    }
}
