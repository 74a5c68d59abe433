//! Lists of known names by kind (places, people, organisations, events,
//! works) from open data: the tagger learns how far to trust a token that
//! lies inside a listed name. `scripts/make-ner-lists.py` writes them into
//! `ontology/ner/lists/`; `ontology/SOURCES.md` says where each comes from.

use super::frozen::{self, Frozen};

/// The lists in the order of their kind numbers (the last, common given
/// names, is the ontology's own list), frozen by `build.rs`.
static BUILTIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lists.frozen"));

/// How many lists there are.
pub const KINDS: usize = 6;

/// The longest listed name, in tokens, that is looked for.
pub const LONGEST: usize = 6;

pub struct NameLists {
    /// Lower-case name → bit set of the kinds listing it.
    kinds: Frozen,
    /// Words and marks that stand inside names ("of", "&").
    connectors: rustc_hash::FxHashSet<&'static str>,
}

static CONNECTORS: &str = include_str!("../../ontology/ner/connectors.txt");

impl NameLists {
    /// The lists compiled into the binary: `ontology/ner/lists/` (place,
    /// person, organisation, event, work) and `ontology/given_names.txt`.
    pub fn builtin() -> NameLists {
        NameLists::with(Frozen::new(std::borrow::Cow::Borrowed(BUILTIN)).expect("build.rs writes a valid table"))
    }

    /// One list per kind, one name per line.
    pub fn from_lists(lists: &[&str]) -> NameLists {
        NameLists::with(Frozen::from_entries(frozen::name_list_entries(lists), true))
    }

    fn with(kinds: Frozen) -> NameLists {
        let connectors = CONNECTORS.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        NameLists { kinds, connectors }
    }

    /// Whether `lower_word` may stand inside a name though it has no capital.
    pub fn is_connector(&self, lower_word: &str) -> bool {
        self.connectors.contains(lower_word)
    }

    /// The kinds listing `name` (lower case), as a bit set; 0 when none does.
    pub fn kinds(&self, lower_name: &str) -> u8 {
        self.kinds_hashed(frozen::hash_str(lower_name))
    }

    /// The same, for a lower-case name known by its hash.
    pub fn kinds_hashed(&self, hash: u64) -> u8 {
        self.kinds.get(hash).unwrap_or(0) as u8
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_by_kind_in_any_case() {
        let lists = NameLists::from_lists(&["Oslo\nGeorgia\n", "Georgia\n"]);
        assert_eq!(lists.kinds("oslo"), 0b01);
        assert_eq!(lists.kinds("georgia"), 0b11);
        assert_eq!(lists.kinds("lima"), 0);
    }
}
