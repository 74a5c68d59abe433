//! The tagger's word tables (word clusters, name lists) frozen into bytes:
//! `build.rs` reads `ontology/clusters.tsv` and `ontology/ner/lists/` and
//! writes each as one table that the binary embeds and reads in place. Read
//! from text at start-up, the two took most of newsgraph's 45 ms start-up
//! (parsing, lower-casing, hashing 470,000 lines); frozen, nothing is
//! parsed or copied, and the pages a document touches are read on demand.
//!
//! A table maps a word's 64-bit FNV-1a hash to a 32-bit value, by open
//! addressing: a power-of-two number of 12-byte slots (hash u64, value u32,
//! little-endian); a word lies at the slot its hash's top bits name or,
//! linearly, after it; hash 0 marks an empty slot (a word hashing to 0 is
//! stored as 1). At most three slots in four are used, so a lookup reads
//! one cache line or two. Among a few hundred thousand words a 64-bit
//! collision is as good as impossible, so no word is stored.
//!
//! A table many lookups miss (the name lists: most runs of capitalised
//! words are no listed name; the clusters, for a word and its lower case)
//! has a filter before its slots: one bit per
//! hash's low bits, some 12 bits per entry, small enough to stay in cache;
//! a clear bit is a miss without touching the slots (8 % of misses pass).
//!
//! Layout: slot count, entry count, filter bits (0: no filter), all u32;
//! the filter's bytes; the slots.
//!
//! This file stands alone (no `crate::` paths): `build.rs` includes it.

use std::borrow::Cow;

pub const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over bytes, continued from `h`.
pub fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The hash words are known by, in features and in the tables.
pub fn hash_str(s: &str) -> u64 {
    fnv(FNV_START, s.as_bytes())
}

const SLOT: usize = 12;
const HEADER: usize = 12;

/// The slot key of a hash: 0 marks an empty slot.
fn key(hash: u64) -> u64 {
    hash.max(1)
}

/// A frozen table, borrowed from the binary or built at run time.
pub struct Frozen {
    bytes: Cow<'static, [u8]>,
    /// The slot count minus one (a power of two minus one).
    mask: usize,
    /// How far right to shift a hash for its first slot.
    shift: u32,
    len: usize,
    /// The filter's bit count minus one, or None without a filter.
    filter: Option<usize>,
    /// Where the slots start.
    slots_at: usize,
}

impl Frozen {
    /// Reads a table in place; None when the bytes are no table.
    pub fn new(bytes: Cow<'static, [u8]>) -> Option<Frozen> {
        let slots = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        let len = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?) as usize;
        let bits = u32::from_le_bytes(bytes.get(8..12)?.try_into().ok()?) as usize;
        let slots_at = HEADER + bits / 8;
        let filter_ok = bits == 0 || (bits.is_power_of_two() && bits >= 8);
        if !slots.is_power_of_two() || !filter_ok || len >= slots || bytes.len() != slots_at + SLOT * slots {
            return None;
        }
        let filter = (bits > 0).then(|| bits - 1);
        Some(Frozen { mask: slots - 1, shift: 64 - slots.trailing_zeros(), len, filter, slots_at, bytes })
    }

    /// A table of `entries` (hash, value), with a filter or not; on a
    /// repeated hash the values are or-ed together.
    pub fn from_entries(entries: Vec<(u64, u32)>, filter: bool) -> Frozen {
        Frozen::new(Cow::Owned(build(entries, filter))).expect("a built table reads")
    }

    /// The value stored for `hash`.
    pub fn get(&self, hash: u64) -> Option<u32> {
        let want = key(hash);
        if let Some(mask) = self.filter {
            let bit = want as usize & mask;
            if self.bytes[HEADER + bit / 8] & (1 << (bit % 8)) == 0 {
                return None;
            }
        }
        // a 64-bit shift of a one-slot table would overflow
        let mut i = want.checked_shr(self.shift).unwrap_or(0) as usize;
        loop {
            let at = self.slots_at + SLOT * i;
            let slot = &self.bytes[at..at + SLOT];
            let k = u64::from_le_bytes(slot[..8].try_into().unwrap_or_default());
            if k == want {
                return Some(u32::from_le_bytes(slot[8..].try_into().unwrap_or_default()));
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The bytes of a table of `entries`, with a filter or not (see the
/// module's documentation).
pub fn build(mut entries: Vec<(u64, u32)>, filter: bool) -> Vec<u8> {
    entries.iter_mut().for_each(|e| e.0 = key(e.0));
    entries.sort_unstable();
    let mut merged: Vec<(u64, u32)> = Vec::with_capacity(entries.len());
    for (hash, value) in entries {
        match merged.last_mut() {
            Some(last) if last.0 == hash => last.1 |= value,
            _ => merged.push((hash, value)),
        }
    }
    // at most three slots in four used, and always one empty
    let len = merged.len();
    let slots = (len * 4 / 3 + 1).next_power_of_two();
    let (mask, shift) = (slots - 1, 64 - slots.trailing_zeros());
    let mut table = vec![(0u64, 0u32); slots];
    // in hash order, so the same entries give the same bytes
    for (hash, value) in merged {
        let mut i = hash.checked_shr(shift).unwrap_or(0) as usize;
        while table[i].0 != 0 {
            i = (i + 1) & mask;
        }
        table[i] = (hash, value);
    }
    // about twelve bits per entry
    let bits = if filter { (len * 12).next_power_of_two().max(8) } else { 0 };
    let mut out = Vec::with_capacity(HEADER + bits / 8 + SLOT * slots);
    out.extend_from_slice(&(slots as u32).to_le_bytes());
    out.extend_from_slice(&(len as u32).to_le_bytes());
    out.extend_from_slice(&(bits as u32).to_le_bytes());
    let mut set = vec![0u8; bits / 8];
    for &(hash, _) in table.iter().filter(|e| e.0 != 0 && bits > 0) {
        let bit = hash as usize & (bits - 1);
        set[bit / 8] |= 1 << (bit % 8);
    }
    out.extend_from_slice(&set);
    for (hash, value) in table {
        out.extend_from_slice(&hash.to_le_bytes());
        out.extend_from_slice(&value.to_le_bytes());
    }
    out
}

/// The entries of word clusters, from `word<TAB>bits` lines (a path of at
/// most 16 bits): the path left-aligned in the upper 16 bits of the value,
/// its length in the lowest 8. A line that is not one is skipped.
pub fn cluster_entries(tsv: &str) -> Vec<(u64, u32)> {
    let mut out = Vec::new();
    for line in tsv.lines() {
        let Some((word, bits)) = line.split_once('\t') else { continue };
        if bits.is_empty() || bits.len() > 16 || !bits.bytes().all(|b| b == b'0' || b == b'1') {
            continue;
        }
        let path = u16::from_str_radix(bits, 2).unwrap_or(0) << (16 - bits.len());
        out.push((hash_str(word), (path as u32) << 16 | bits.len() as u32));
    }
    out
}

/// The entries of name lists, one list per kind and one name per line
/// (blank lines and `#` comments skipped): the lower-case name, and as
/// value the bit set of the kinds listing it.
pub fn name_list_entries(lists: &[&str]) -> Vec<(u64, u32)> {
    let mut out = Vec::new();
    for (k, list) in lists.iter().enumerate() {
        for name in list.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            out.push((hash_str(&name.to_lowercase()), 1 << k));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_finds_what_was_put_in_and_nothing_else() {
        for filter in [false, true] {
            let entries: Vec<(u64, u32)> = (0..5000u64).map(|i| (hash_str(&format!("w{i}")), i as u32)).collect();
            let table = Frozen::from_entries(entries, filter);
            assert_eq!(table.len(), 5000);
            for i in (0..5000).step_by(7) {
                assert_eq!(table.get(hash_str(&format!("w{i}"))), Some(i));
            }
            assert!((0..5000).all(|i| table.get(hash_str(&format!("x{i}"))).is_none()));
            // a repeated word has the union of its values
            let t = Frozen::from_entries(vec![(7, 1), (7, 4), (u64::MAX, 2), (0, 8)], filter);
            assert_eq!((t.get(7), t.get(u64::MAX), t.get(0), t.len()), (Some(5), Some(2), Some(8), 3));
            assert_eq!(Frozen::from_entries(Vec::new(), filter).get(5), None);
        }
        assert!(Frozen::new(Cow::Borrowed(&[1, 0, 0])).is_none());
    }
}
