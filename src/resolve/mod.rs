//! Resolution: every mention of one real-world entity becomes one entity,
//! with the fullest name the text gives, every alias seen, and a key that is
//! the same in every article and every run.
//!
//! All coreference and aliasing lives here, read once the facts are known:
//! names by their words (a gazetteer entry, the same name, a surname or
//! "Mr X" after the full name, an acronym in brackets after a name), and
//! the mentions that are no names ([`coreference`]: title phrases,
//! pronouns, descriptions, nationality words).

pub mod coreference;
pub mod iri;

use crate::document::{Document, MentionForm, MentionId};
use coreference::Referent;
use crate::ontology::{EntityType, Ontology};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

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
    /// The entity's mentions, in text order; a pronoun that stands for the
    /// entity is none of them (it is no evidence of a name), though
    /// [`Resolution::entity_of`] maps it to the entity.
    pub mentions: Vec<MentionId>,
    /// The gazetteer entry, when it is a known entity.
    pub entry: Option<usize>,
}

/// The entities of a document and which entity each mention names (None
/// for a mention that stands for no one: a title phrase no one held, a
/// nationality word no fact refers to).
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

/// Disjoint sets over mention ids.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, x: usize) -> usize {
        let parent = self.0[x];
        if parent == x {
            return x;
        }
        let root = self.find(parent);
        self.0[x] = root;
        root
    }

    /// Joins the sets of `a` and `b`; the earlier mention becomes the root.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[join] = keep;
        }
    }
}

/// The key under which mentions that stand for themselves are the same
/// entity by their words alone.
fn group_key(doc: &Document, m: MentionId) -> String {
    let mention = &doc.mentions[m];
    match (mention.entry, mention.form) {
        (Some(e), _) => format!("entry:{e}"),
        (None, MentionForm::Name) if mention.qid.is_some() => format!("qid:{}", mention.qid.unwrap_or_default()),
        // an unnamed speaker, or a title no one named held: by its head noun
        (None, MentionForm::Description | MentionForm::Title) => format!("desc:{}", iri::slug(description_head(doc.slice(mention.span)))),
        (None, MentionForm::Demonym | MentionForm::Pronoun) => format!("{:?}:{m}", mention.form),
        (None, MentionForm::Name) => format!("name:{}:{}", mention.class.kind().slug(), iri::slug(bare_name(doc.slice(mention.span)))),
    }
}

/// "the Agency for Rivers (AFR)": the name in brackets right after a name,
/// when it is an acronym, is another name for it.
fn bracketed_acronym(doc: &Document, m: MentionId) -> Option<MentionId> {
    let mention = &doc.mentions[m];
    if mention.form != MentionForm::Name {
        return None;
    }
    let after = &doc.text[mention.span.end..];
    let inner = after.strip_prefix(" (")?.split_once(')')?.0;
    let is_acronym = (2..=8).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    let start = mention.span.end + 2;
    is_acronym.then(|| doc.mention_at(crate::document::Span::new(start, start + inner.len()))).flatten()
}

/// The head noun of a description: its last word ("spokesman").
pub fn description_head(text: &str) -> &str {
    text.rsplit(' ').next().unwrap_or(text)
}

pub fn resolve(doc: &Document, ontology: &Ontology) -> Resolution {
    let n = doc.mentions.len();
    let referents = coreference::referents(doc);
    // the mentions that stand for someone, in text order
    let mut order: Vec<MentionId> = (0..n).filter(|&m| referents[m] != Referent::Nobody).collect();
    order.sort_by_key(|&m| doc.mentions[m].span);
    let mut sets = Sets((0..n).collect());
    // each mention's class as the group sees it: a short name that joins a
    // fuller organisation name takes its class ("Burlington" after
    // "Burlington Mills Inc" is the company, not the town)
    let mut class_of: Vec<EntityType> = doc.mentions.iter().map(|m| m.class).collect();

    // a one-word name joins the nearest fuller name it ends (a person's
    // surname or given name, a product's model code) or begins (an
    // organisation's short name);
    // fuller names are indexed by those words, in text order
    let bare: Vec<&str> = (0..n).map(|m| bare_name(doc.slice(doc.mentions[m].span))).collect();
    let mut fuller: HashMap<&str, Vec<MentionId>> = HashMap::default();
    // companies by the first word of a name that ends in a legal form
    let mut company: HashMap<&str, Vec<MentionId>> = HashMap::default();
    let legal_forms = &ontology.lexicon.names.legal_forms;
    // the first words of products named by maker and model ("Veltro 420")
    let mut makers: std::collections::HashSet<&str> = Default::default();
    // people by their first and last names
    let mut person_names: HashMap<(&str, &str), MentionId> = HashMap::default();
    for &o in &order {
        let other = &doc.mentions[o];
        if other.form != MentionForm::Name || !bare[o].contains(' ') {
            continue;
        }
        let (first, last) = (bare[o].split(' ').next().unwrap_or(""), bare[o].rsplit(' ').next().unwrap_or(""));
        if other.class.is_person() {
            // "Ana M. Ruiz" is the "Ana Ruiz" named before
            match person_names.get(&(first, last)) {
                Some(&p) => sets.union(p, o),
                None => {
                    person_names.insert((first, last), o);
                }
            }
            fuller.entry(last).or_default().push(o);
            if first != last {
                fuller.entry(first).or_default().push(o);
            }
        } else if other.class.is_organization() {
            fuller.entry(first).or_default().push(o);
        }
        if other.class.is_organization() && legal_forms.contains(last) {
            company.entry(first).or_default().push(o);
        }
        if other.class == EntityType::Product {
            // "the T450" is the "Orvane T450" named before
            for word in bare[o].split(' ').skip(1) {
                fuller.entry(word).or_default().push(o);
            }
            if first.starts_with(char::is_uppercase) {
                makers.insert(first);
            }
        }
    }
    // a word two people's names share ("Ana Ruiz" and "Luis Ruiz"): each
    // "Ruiz" is whoever was named nearest before it, not all one person
    let shared: std::collections::HashSet<&str> = fuller
        .iter()
        .filter(|(_, names)| {
            let people: std::collections::HashSet<(&str, &str)> = names
                .iter()
                .filter(|&&o| doc.mentions[o].class.is_person())
                .map(|&o| (bare[o].split(' ').next().unwrap_or(""), bare[o].rsplit(' ').next().unwrap_or("")))
                .collect();
            people.len() > 1
        })
        .map(|(word, _)| *word)
        .collect();

    // the same words, or a mention that stands for another
    let mut by_key: HashMap<String, MentionId> = HashMap::with_capacity_and_hasher(n, Default::default());
    for &m in &order {
        match referents[m] {
            Referent::Alias(a) => sets.union(a, m),
            _ if doc.mentions[m].form == MentionForm::Name && doc.mentions[m].class.is_person() && shared.contains(bare[m]) => {}
            _ => {
                let key = group_key(doc, m);
                match by_key.get(&key) {
                    Some(&first) => sets.union(first, m),
                    None => {
                        by_key.insert(key, m);
                    }
                }
            }
        }
        if let Some(a) = bracketed_acronym(doc, m) {
            sets.union(m, a);
        }
    }
    for &m in &order {
        let mention = &doc.mentions[m];
        if mention.form != MentionForm::Name || mention.entry.is_some() || bare[m].contains(' ') {
            continue;
        }
        // a name of the same kind ("Harlow" the person is not "Harlow Sports
        // Club"), or of any kind that begins a company's name: its short name
        let kind = mention.class.kind();
        let same_kind = fuller.get(bare[m]).into_iter().flatten().copied().filter(|&o| doc.mentions[o].class.kind() == kind);
        let mut candidates: Vec<MentionId> = same_kind.chain(company.get(bare[m]).into_iter().flatten().copied()).collect();
        candidates.sort_by_key(|&o| doc.mentions[o].span);
        candidates.dedup();
        if candidates.is_empty() {
            // a product's maker, alone, is a company whatever the tagger read
            // ("Veltro said", after "the Veltro 420")
            if makers.contains(bare[m]) && mention.class != EntityType::Product && !mention.class.is_organization() {
                class_of[m] = EntityType::Corporation;
            }
            continue;
        }
        // the nearest before, else the first after
        let k = candidates.partition_point(|&o| doc.mentions[o].span < mention.span);
        let target = if k > 0 { candidates[k - 1] } else { candidates[0] };
        class_of[m] = doc.mentions[target].class;
        sets.union(target, m);
    }

    // pronouns point to their entity but are none of its mentions
    let mut groups: Vec<Vec<MentionId>> = Vec::new();
    let mut group_of_root: HashMap<usize, usize> = HashMap::default();
    for &m in order.iter().filter(|&&m| doc.mentions[m].form != MentionForm::Pronoun) {
        let root = sets.find(m);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(m);
    }

    let gazetteer = &ontology.gazetteer;
    let mut resolution = Resolution { entities: Vec::new(), entity_of: vec![None; n] };
    for group in groups {
        let entry = group.iter().find_map(|&m| doc.mentions[m].entry);
        let surfaces: Vec<&str> = group
            .iter()
            .filter(|&&m| doc.mentions[m].form != MentionForm::Demonym)
            .map(|&m| doc.slice(doc.mentions[m].span).trim())
            .collect();
        let (name, class, wikidata) = match entry {
            Some(e) => {
                let e = &gazetteer.entries[e];
                // the gazetteer's Q-number, else a knowledge base's link
                let linked = e.wikidata.clone().or_else(|| group.iter().find_map(|&m| doc.mentions[m].qid).map(|q| format!("Q{q}")));
                (e.name.clone(), e.class, linked)
            }
            None => {
                // a name beats a description ("Rishi Sunak", not "the prime minister")
                let named: Vec<MentionId> = group.iter().copied().filter(|&m| doc.mentions[m].form == MentionForm::Name).collect();
                let candidates = if named.is_empty() { &group } else { &named };
                let fullest = candidates
                    .iter()
                    .map(|&m| match doc.mentions[m].form {
                        MentionForm::Name | MentionForm::Demonym | MentionForm::Pronoun => bare_name(doc.slice(doc.mentions[m].span)),
                        MentionForm::Description | MentionForm::Title => strip_article(doc.slice(doc.mentions[m].span)),
                    })
                    .max_by_key(|n| (n.split_whitespace().count(), n.len()))
                    .unwrap_or_default();
                let class = group_class(&class_of, &group);
                // a knowledge base link: the fullest linked name's
                let linked = named.iter().filter_map(|&m| Some((doc.mentions[m].qid?, bare_name(doc.slice(doc.mentions[m].span)))))
                    .max_by_key(|(_, n)| (n.split_whitespace().count(), n.len()))
                    .map(|(q, _)| format!("Q{q}"));
                (fullest.to_string(), class, linked)
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
    for &m in order.iter().filter(|&&m| doc.mentions[m].form == MentionForm::Pronoun) {
        resolution.entity_of[m] = group_of_root.get(&sets.find(m)).copied();
    }
    resolution
}

/// The class of a group of mentions: the kind most of its names have (on
/// a tie, the first named), and within it the most specific class.
fn group_class(class_of: &[EntityType], group: &[MentionId]) -> EntityType {
    let mut votes: Vec<(crate::ontology::Kind, usize, usize)> = Vec::new();
    for (i, &m) in group.iter().enumerate() {
        let kind = class_of[m].kind();
        match votes.iter_mut().find(|v| v.0 == kind) {
            Some(v) => v.1 += 1,
            None => votes.push((kind, 1, i)),
        }
    }
    let Some(&(kind, _, _)) = votes.iter().max_by_key(|v| (v.1, std::cmp::Reverse(v.2))) else { return EntityType::Thing };
    group.iter().map(|&m| class_of[m]).filter(|c| c.kind() == kind).min_by_key(|c| *c == EntityType::Place).unwrap_or(EntityType::Thing)
}

/// "the mayor's chief of staff" → "mayor's chief of staff".
pub fn strip_article(text: &str) -> &str {
    for article in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest;
        }
    }
    text
}
