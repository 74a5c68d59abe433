//! Resolution: every mention of one real-world entity becomes one entity,
//! with the fullest name the text gives, every alias seen, and a key that is
//! the same in every article and every run.

pub mod iri;

use crate::document::{Document, MentionForm, MentionId};
use crate::ontology::{EntityType, Ontology};
use std::collections::{BTreeSet, HashMap};

/// One real-world entity of a document.
#[derive(Clone, Debug)]
pub struct Entity {
    /// Stable key: the Wikidata Q-number, or "kind/slug-of-name".
    pub key: String,
    pub name: String,
    pub class: EntityType,
    pub wikidata: Option<String>,
    /// Every other surface form seen, as written.
    pub aliases: BTreeSet<String>,
    /// The entity's mentions, in text order.
    pub mentions: Vec<MentionId>,
    /// The gazetteer entry, when it is a known entity.
    pub entry: Option<usize>,
}

/// The entities of a document and which entity each mention names.
#[derive(Clone, Debug, Default)]
pub struct Resolution {
    pub entities: Vec<Entity>,
    pub entity_of: Vec<Option<usize>>,
}

impl Resolution {
    pub fn entity(&self, mention: MentionId) -> Option<&Entity> {
        self.entity_of.get(mention).copied().flatten().map(|e| &self.entities[e])
    }
}

/// Words before a name that are not part of it ("Mr Sunak" is "Sunak").
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady", "Prof", "Prof.", "Professor"];

/// The name without a leading honorific or possessive.
pub fn bare_name(surface: &str) -> &str {
    let s = surface.trim().trim_end_matches("'s").trim_end_matches("\u{2019}s");
    match s.split_once(' ') {
        Some((first, rest)) if HONORIFICS.contains(&first) => rest.trim(),
        _ => s,
    }
}

/// For a one-word person name ("Sunak", "Mr Sunak"), the group holding a
/// full personal name that ends with it ("Rishi Sunak").
fn surname_owner(doc: &Document, m: MentionId, groups: &[Vec<MentionId>]) -> Option<usize> {
    let mention = &doc.mentions[m];
    let bare = bare_name(doc.slice(mention.span));
    if !mention.class.is_person() || mention.form != MentionForm::Name || bare.contains(' ') {
        return None;
    }
    groups.iter().position(|g| {
        g.iter().any(|&o| {
            let other = bare_name(doc.slice(doc.mentions[o].span));
            doc.mentions[o].class.is_person() && other.contains(' ') && other.rsplit(' ').next() == Some(bare)
        })
    })
}

pub fn resolve(doc: &Document, ontology: &Ontology) -> Resolution {
    let mut order: Vec<MentionId> = (0..doc.mentions.len()).collect();
    order.sort_by_key(|&m| doc.mentions[m].span);

    // Group mentions: by gazetteer entry, by full personal name, or by text.
    let mut groups: Vec<Vec<MentionId>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let group_key = |m: MentionId| -> String {
        let mention = &doc.mentions[m];
        match (mention.entry, mention.form) {
            (Some(e), _) => format!("entry:{e}"),
            (None, MentionForm::Description) => format!("desc:{}", iri::slug(doc.slice(mention.span))),
            (None, MentionForm::Name) => format!("{}:{}", mention.class.kind().slug(), iri::slug(bare_name(doc.slice(mention.span)))),
        }
    };
    // Full names first, so that surnames find them.
    let mut by_length = order.clone();
    by_length.sort_by_key(|&m| std::cmp::Reverse(bare_name(doc.slice(doc.mentions[m].span)).split_whitespace().count()));
    for &m in &by_length {
        let key = group_key(m);
        let found = group_of.get(&key).copied().or_else(|| surname_owner(doc, m, &groups));
        match found {
            Some(g) => {
                groups[g].push(m);
                group_of.insert(key, g);
            }
            None => {
                group_of.insert(key, groups.len());
                groups.push(vec![m]);
            }
        }
    }
    // Stable order: by first mention in the text.
    for g in &mut groups {
        g.sort_by_key(|&m| doc.mentions[m].span);
    }
    groups.sort_by_key(|g| doc.mentions[g[0]].span);

    let gazetteer = &ontology.gazetteer;
    let mut resolution = Resolution { entities: Vec::new(), entity_of: vec![None; doc.mentions.len()] };
    for group in groups {
        let entry = group.iter().find_map(|&m| doc.mentions[m].entry);
        let surfaces: Vec<&str> = group.iter().map(|&m| doc.slice(doc.mentions[m].span).trim()).collect();
        let (name, class, wikidata) = match entry {
            Some(e) => {
                let e = &gazetteer.entries[e];
                (e.name.clone(), e.class, e.wikidata.clone())
            }
            None => {
                let fullest = group
                    .iter()
                    .map(|&m| bare_name(doc.slice(doc.mentions[m].span)))
                    .max_by_key(|n| (n.split_whitespace().count(), n.len()))
                    .unwrap_or_default();
                (fullest.to_string(), doc.mentions[group[0]].class, None)
            }
        };
        let key = match &wikidata {
            Some(q) => q.clone(),
            None => format!("{}/{}", class.kind().slug(), iri::slug(&name)),
        };
        let aliases = surfaces.iter().filter(|s| **s != name).map(|s| s.to_string()).collect();
        let index = resolution.entities.len();
        for &m in &group {
            resolution.entity_of[m] = Some(index);
        }
        resolution.entities.push(Entity { key, name, class, wikidata, aliases, mentions: group, entry });
    }
    resolution
}
