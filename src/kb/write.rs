//! Writes a knowledge base file: entries in, bytes out, the same bytes for
//! the same entries in any order. Shared with `build.rs`, which compiles the
//! built-in knowledge base from `ontology/kb/*.tsv`, so this file uses
//! nothing of the crate: only `std`, `fst` and `unicode-normalization`.
//!
//! Layout (little-endian):
//!
//! ```text
//! "NGKB" version:u32 entities:u32 postings:u32 fst_len:u64 strings_len:u64
//! entities × 20 bytes: qid:u32 country:u32 parent:u32 name_at:u32 name_len:u16 class:u8 prior:u8
//! postings × u32: entity index, high bit set when the key is an alias (not the name)
//! fst map: normalised name → (first posting << 16) | number of postings
//! strings: the entities' names, UTF-8
//! ```
//!
//! Entities are sorted by Q-number; a key's postings by prior (highest
//! first), then Q-number.

use std::collections::BTreeMap;

pub const MAGIC: &[u8; 4] = b"NGKB";
pub const VERSION: u32 = 1;
pub const HEADER: usize = 4 + 4 + 4 + 4 + 8 + 8;
pub const ENTITY: usize = 20;
/// Set on a posting whose key is one of the entity's aliases.
pub const ALIAS_BIT: u32 = 1 << 31;
/// Most candidates kept for one name: the most popular.
pub const MAX_CANDIDATES: usize = 64;

/// The schema.org classes an entity may have, by their code in the file.
pub const CLASSES: &[&str] = &[
    "Thing", "Person", "Organization", "GovernmentOrganization", "PoliticalParty", "Corporation", "NewsMediaOrganization",
    "SportsOrganization", "SportsTeam", "EducationalOrganization", "NGO", "Place", "Country", "City", "State",
    "AdministrativeArea", "Continent", "Landform", "SeaBodyOfWater", "OceanBodyOfWater", "RiverBodyOfWater",
    "LakeBodyOfWater", "LandmarksOrHistoricalBuildings", "GovernmentBuilding", "Airport", "Event", "SportsEvent",
    "Legislation", "CreativeWork", "Product",
];

/// One entity to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The number of its Q-number.
    pub qid: u32,
    /// Index into [`CLASSES`].
    pub class: u8,
    /// Popularity among entities of the same name, 0–100.
    pub prior: u8,
    /// The country it lies in (a Q-number's number), 0 when none is known.
    pub country: u32,
    /// The region it lies in, 0 when none is known.
    pub parent: u32,
    pub name: String,
    pub aliases: Vec<String>,
}

/// The code of a schema.org class name.
pub fn class_code(name: &str) -> Option<u8> {
    CLASSES.iter().position(|c| *c == name).map(|i| i as u8)
}

/// The key a name is stored and looked up under: lower case, accents and
/// punctuation gone, spaces collapsed, a leading "the" dropped, and spelled
/// initials joined ("U.S." and "US" are both "us").
pub fn normalise(name: &str, out: &mut String) {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    out.clear();
    let mut space = true;
    let mut push = |c: char, out: &mut String| {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if c == '\'' || c == '\u{2019}' {
            // "O'Neill" is "oneill"
        } else if !space {
            out.push(' ');
            space = true;
        }
    };
    // most names are ASCII: no decomposition to do
    if name.is_ascii() {
        name.chars().for_each(|c| push(c, out));
    } else {
        name.nfkd().filter(|c| !is_combining_mark(*c)).for_each(|c| push(c, out));
    }
    while out.ends_with(' ') {
        out.pop();
    }
    if out.starts_with("the ") {
        out.drain(..4);
    }
    let letters = out.split(' ').all(|w| w.chars().count() == 1);
    if letters && out.contains(' ') {
        out.retain(|c| c != ' ');
    }
}

/// The bytes of a knowledge base holding `entries`. Entries of one
/// Q-number are one entity: the first's name and class, the highest prior,
/// every alias.
pub fn write(mut entries: Vec<Entry>) -> Vec<u8> {
    entries.sort_by_key(|e| e.qid);
    let mut merged: Vec<Entry> = Vec::with_capacity(entries.len());
    for e in entries {
        match merged.last_mut() {
            Some(last) if last.qid == e.qid => {
                last.prior = last.prior.max(e.prior);
                last.aliases.extend(e.aliases);
                last.aliases.push(e.name);
                let name = last.name.clone();
                last.aliases.retain(|a| *a != name);
                last.aliases.sort();
                last.aliases.dedup();
            }
            _ => merged.push(e),
        }
    }
    let entries = merged;
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut key = String::new();
    for (i, e) in entries.iter().enumerate() {
        for (k, name) in std::iter::once(&e.name).chain(&e.aliases).enumerate() {
            normalise(name, &mut key);
            if key.is_empty() {
                continue;
            }
            let posting = i as u32 | if k == 0 { 0 } else { ALIAS_BIT };
            let list = keys.entry(key.clone()).or_default();
            match list.iter_mut().find(|p| **p & !ALIAS_BIT == i as u32) {
                // the name wins over an alias written the same
                Some(p) => *p &= posting | !ALIAS_BIT,
                None => list.push(posting),
            }
        }
    }
    let mut postings: Vec<u32> = Vec::new();
    let mut map = fst::MapBuilder::memory();
    for (key, mut list) in keys {
        let rank = |p: &u32| {
            let e = &entries[(p & !ALIAS_BIT) as usize];
            (std::cmp::Reverse(e.prior), e.qid)
        };
        list.sort_by_key(rank);
        list.truncate(MAX_CANDIDATES);
        let value = (postings.len() as u64) << 16 | list.len() as u64;
        postings.extend(list);
        map.insert(key.as_bytes(), value).expect("keys come sorted from a BTreeMap");
    }
    let fst = map.into_inner().expect("an in-memory fst builds");
    let mut strings: Vec<u8> = Vec::new();
    let mut table = Vec::with_capacity(entries.len() * ENTITY);
    for e in &entries {
        let name = &e.name.as_bytes()[..e.name.len().min(u16::MAX as usize)];
        table.extend(e.qid.to_le_bytes());
        table.extend(e.country.to_le_bytes());
        table.extend(e.parent.to_le_bytes());
        table.extend((strings.len() as u32).to_le_bytes());
        table.extend((name.len() as u16).to_le_bytes());
        table.push(e.class);
        table.push(e.prior);
        strings.extend(name);
    }
    let mut out = Vec::with_capacity(HEADER + table.len() + postings.len() * 4 + fst.len() + strings.len());
    out.extend(MAGIC);
    out.extend(VERSION.to_le_bytes());
    out.extend((entries.len() as u32).to_le_bytes());
    out.extend((postings.len() as u32).to_le_bytes());
    out.extend((fst.len() as u64).to_le_bytes());
    out.extend((strings.len() as u64).to_le_bytes());
    out.extend(table);
    for p in postings {
        out.extend(p.to_le_bytes());
    }
    out.extend(fst);
    out.extend(strings);
    out
}

/// Reads the knowledge base tables of `ontology/kb/` (TSV: qid, class,
/// prior, country, parent, name, aliases separated by "|"; lines starting
/// with "#" are comments). An error names the line.
pub fn read_tsv(text: &str, entries: &mut Vec<Entry>) -> Result<(), String> {
    let qid = |s: &str, line: usize| -> Result<u32, String> {
        if s.is_empty() {
            return Ok(0);
        }
        s.strip_prefix('Q').and_then(|n| n.parse().ok()).ok_or_else(|| format!("line {line}: {s:?} is no Q-number"))
    };
    for (i, row) in text.lines().enumerate() {
        let line = i + 1;
        if row.is_empty() || row.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = row.split('\t').collect();
        let [id, class, prior, country, parent, name, aliases] = cols[..] else {
            return Err(format!("line {line}: {} columns, 7 expected", cols.len()));
        };
        entries.push(Entry {
            qid: qid(id, line)?,
            class: class_code(class).ok_or_else(|| format!("line {line}: unknown class {class:?}"))?,
            prior: prior.parse().map_err(|_| format!("line {line}: prior {prior:?} is no number 0-255"))?,
            country: qid(country, line)?,
            parent: qid(parent, line)?,
            name: name.to_string(),
            aliases: aliases.split('|').filter(|a| !a.is_empty()).map(str::to_string).collect(),
        });
    }
    Ok(())
}
