//! Linking: which known entity a recognised name is.
//!
//! Runs after recognition and before resolution, in two steps.
//! 1. The gazetteer: a name written exactly as an entry (its name or an
//!    alias, a possessive "'s" aside) links to it when the entry is of the
//!    same coarse kind as the recognised class; the mention takes the
//!    entry's finer class ("Place" becomes "Country"). "Jordan" the person
//!    is not the country.
//! 2. The knowledge bases ([`crate::kb`]): every other name gets the
//!    entities of its kind written so (up to case, accents and points),
//!    scored by popularity and by the document's context (the countries and
//!    regions it names: "Paris" near "Texas" is the Texan town). The best
//!    links when it is the only one, or leads the next by a clear margin;
//!    otherwise the name stays unlinked and keeps its content IRI.
//!    Precision first: a wrong link merges two real entities in every
//!    graph that uses the IRI.
//!
//! A short name that the resolver joins to a full name ("Sunak" after
//! "Rishi Sunak") shares the full name's link there.

mod teams;

use crate::document::{Document, MentionForm};
use crate::kb::{Candidate, Kb};
use crate::ontology::{EntityType, Kind, Ontology};
use rustc_hash::FxHashSet;

/// The knowledge bases names are linked against.
pub struct Linker {
    kbs: Vec<Kb>,
}

/// A candidate's score: its prior, and what the document adds.
#[derive(Clone, Copy, Debug)]
struct Scored {
    candidate: Candidate,
    score: i32,
}

/// What the document's context adds to a candidate that lies in a country
/// or region the document names.
const IN_NAMED_COUNTRY: i32 = 15;
const IN_NAMED_REGION: i32 = 30;
/// What a candidate loses when the name is only one of its aliases.
const ALIAS_PENALTY: i32 = 10;
/// What a city gains over the region of the same name it lies in: news
/// names the city ("fighting in Arbil").
const CITY_OVER_ITS_REGION: i32 = 10;
/// What a candidate gains when the text names, for sure, another place of
/// its class in its country (a list of provinces, of cities).
const LIKE_ANOTHER_NAMED: i32 = 15;
/// The prior of a city of a million people: one whose name stands for
/// its government.
const GREAT_CITY: u8 = 60;
/// The lead over the next candidate a link needs.
const MARGIN: i32 = 20;
/// The score a lone candidate needs: a small town (prior 20) links only
/// when the text names its region or its country and region.
const LONE_MINIMUM: i32 = 40;

impl Linker {
    pub fn new(kbs: Vec<Kb>) -> Linker {
        Linker { kbs }
    }

    /// The built-in knowledge base only.
    pub fn builtin() -> Linker {
        Linker::new(vec![Kb::builtin()])
    }

    /// Links the names of `doc` (see the module's documentation).
    pub fn link(&self, doc: &mut Document, ontology: &Ontology) {
        let sports = teams::is_sports(doc, ontology);
        link_gazetteer(doc, ontology, sports);
        // in sports news a country or a city may be its team: no link
        let mut teams = vec![false; doc.mentions.len()];
        if sports {
            for (i, m) in doc.mentions.iter().enumerate() {
                teams[i] = m.form == MentionForm::Name && teams::may_be_team(doc, m, ontology);
            }
            for (i, &team) in teams.iter().enumerate() {
                if team {
                    doc.mentions[i].entry = None;
                }
            }
        }
        let mut key = String::new();
        // the entities each unlinked name may be, of its kind
        let mut options: Vec<(usize, Vec<Candidate>)> = Vec::new();
        for (i, m) in doc.mentions.iter().enumerate() {
            let known = m.entry.is_some_and(|e| ontology.gazetteer.entries[e].wikidata.is_some());
            if m.form != MentionForm::Name || known || teams[i] {
                continue;
            }
            let bare = without_possessive(m.span.slice(&doc.text));
            let acronym = is_acronym(doc, m.span, bare);
            let mut found: Vec<Candidate> = Vec::new();
            for kb in &self.kbs {
                for c in kb.candidates(bare, &mut key) {
                    // "IRA" is no town called "Ira"
                    if acronym && !kb.name(c.index).chars().all(|ch| !ch.is_lowercase()) && !c.by_alias {
                        continue;
                    }
                    if (compatible(m.class, c.record.class, sports) || compatible_city(m.class, &c, sports)) && !found.iter().any(|f| f.record.qid == c.record.qid) {
                        found.push(c);
                    }
                }
            }
            // a dateline names a city
            if teams::is_dateline(doc, m) && found.iter().any(|c| c.record.class == EntityType::City) {
                found.retain(|c| c.record.class == EntityType::City);
            }
            if !found.is_empty() {
                options.push((i, found));
            }
        }
        // the context: countries and regions the document names for sure
        let mut named: FxHashSet<u32> = FxHashSet::default();
        for m in &doc.mentions {
            if let Some(q) = m.entry.and_then(|e| ontology.gazetteer.entries[e].wikidata.as_deref()).and_then(|q| q.strip_prefix('Q')?.parse().ok()) {
                named.insert(q);
            }
        }
        // and the kinds of place it names for sure, by country ("Chaco" a
        // province of Argentina makes "Santa Fe" beside it the province)
        let mut kinds: FxHashSet<(EntityType, u32)> = FxHashSet::default();
        for (_, found) in &options {
            if let [only] = found[..] {
                named.insert(only.record.qid);
                named.insert(only.record.country);
                kinds.insert((only.record.class, only.record.country));
            }
        }
        for (i, found) in options {
            // a city and the region of the same name it lies in: rather the city
            let regions: Vec<u32> = found.iter().filter(|c| matches!(c.record.class, EntityType::AdministrativeArea | EntityType::State)).map(|c| c.record.qid).collect();
            let several = found.len() > 1;
            let mut scored: Vec<Scored> = found
                .into_iter()
                .map(|c| {
                    let mut s = score(&c, &named);
                    if !several {
                        return Scored { candidate: c, score: s };
                    }
                    if c.record.class == EntityType::City && found_region(&regions, c.record.parent) {
                        s += CITY_OVER_ITS_REGION;
                    }
                    if c.record.country != 0 && kinds.contains(&(c.record.class, c.record.country)) {
                        s += LIKE_ANOTHER_NAMED;
                    }
                    Scored { candidate: c, score: s }
                })
                .collect();
            scored.sort_by_key(|s| (std::cmp::Reverse(s.score), s.candidate.record.qid));
            let best = scored[0];
            let sure = match scored.get(1) {
                None => best.score >= LONE_MINIMUM,
                Some(next) => best.score - next.score >= MARGIN,
            };
            if sure {
                let m = &mut doc.mentions[i];
                m.qid = Some(best.candidate.record.qid);
                if m.entry.is_none() {
                    m.class = refine(m.class, best.candidate.record.class);
                }
            }
        }
    }
}

/// A name without its possessive "'s" ("France's" is "France").
fn without_possessive(surface: &str) -> &str {
    surface.strip_suffix("'s").or_else(|| surface.strip_suffix("\u{2019}s")).unwrap_or(surface)
}

/// A word in capitals of up to five letters on a line that is not in
/// capitals: an acronym, which names no entity written in lower case.
fn is_acronym(doc: &Document, span: crate::document::Span, name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if !(2..=5).contains(&letters) || name.contains(' ') || name.chars().any(char::is_lowercase) {
        return false;
    }
    let line_start = doc.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.text[span.end..].find('\n').map_or(doc.text.len(), |i| span.end + i);
    doc.text[line_start..line_end].chars().any(char::is_lowercase)
}

/// Whether the region a city candidate lies in is among the candidates.
fn found_region(regions: &[u32], parent: u32) -> bool {
    parent != 0 && regions.contains(&parent)
}

/// Whether a name recognised as `kind` may be an entity of `class`: of
/// its kind, or a country read as an organisation outside sports news
/// ("Veldania protested": its government speaks for the country).
fn compatible(recognised: EntityType, class: EntityType, sports: bool) -> bool {
    class.kind() == recognised.kind() || (may_be_government(recognised) && class == EntityType::Country && !sports)
}

/// Whether a name recognised as `recognised` may stand for a place's
/// government: an organisation not known as a team or a company ("Orsk
/// coach Ana Ruiz" names the team).
fn may_be_government(recognised: EntityType) -> bool {
    recognised.kind() == Kind::Organization && !matches!(recognised, EntityType::SportsTeam | EntityType::Corporation)
}

/// Whether a name recognised as `kind` may be the city `c`: a city, or a
/// great city read as an organisation outside sports news ("Tehran
/// protested": its government).
fn compatible_city(recognised: EntityType, c: &Candidate, sports: bool) -> bool {
    may_be_government(recognised) && c.record.class == EntityType::City && c.record.prior >= GREAT_CITY && !sports
}

/// The finer of the recognised class and the knowledge base's, of one
/// kind; a country is a country.
fn refine(recognised: EntityType, known: EntityType) -> EntityType {
    if (known.kind() == recognised.kind() && known != EntityType::Thing) || known == EntityType::Country {
        known
    } else {
        recognised
    }
}

fn score(c: &Candidate, named: &FxHashSet<u32>) -> i32 {
    let r = &c.record;
    let mut s = r.prior as i32;
    if r.country != 0 && named.contains(&r.country) {
        s += IN_NAMED_COUNTRY;
    }
    if r.parent != 0 && named.contains(&r.parent) {
        s += IN_NAMED_REGION;
    }
    if c.by_alias {
        s -= ALIAS_PENALTY;
    }
    s
}

/// Step 1: gazetteer entries of the mention's kind.
fn link_gazetteer(doc: &mut Document, ontology: &Ontology, sports: bool) {
    let gazetteer = &ontology.gazetteer;
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        if m.form != MentionForm::Name {
            continue;
        }
        let surface = m.span.slice(&doc.text);
        let bare = without_possessive(surface);
        let entry = m.entry.or_else(|| gazetteer.lookup(surface)).or_else(|| gazetteer.lookup(bare));
        let linked = entry.filter(|&e| compatible(m.class, gazetteer.entries[e].class, sports));
        let m = &mut doc.mentions[i];
        m.entry = linked;
        if let Some(e) = linked {
            m.class = gazetteer.entries[e].class;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Mention, Metadata, Span};
    use crate::kb::write::{class_code, write, Entry};

    fn linked(text: &str, name: &str, class: EntityType) -> (EntityType, bool) {
        let ontology = Ontology::builtin().unwrap();
        let mut doc = Document::new(text, Metadata::default());
        let at = text.find(name).unwrap();
        doc.add_mention(Mention { span: Span::new(at, at + name.len()), sentence: Some(0), class, form: MentionForm::Name, entry: None, qid: None, source: "test" });
        Linker::new(Vec::new()).link(&mut doc, &ontology);
        (doc.mentions[0].class, doc.mentions[0].entry.is_some())
    }

    #[test]
    fn names_link_to_entries_of_their_kind() {
        assert_eq!(linked("She flew to France.", "France", EntityType::Place), (EntityType::Country, true));
        assert_eq!(linked("France's exports grew.", "France's", EntityType::Place), (EntityType::Country, true));
        assert_eq!(linked("Ms France Dubois spoke.", "France", EntityType::Person), (EntityType::Person, false));
        assert_eq!(linked("The Zyxwv Group grew.", "Zyxwv Group", EntityType::Organization), (EntityType::Organization, false));
        // a country's name read as its government links; read as a team, not
        assert_eq!(linked("France protested on Monday.", "France", EntityType::Organization), (EntityType::Country, true));
        assert_eq!(linked("France coach Ana Ruiz resigned.", "France", EntityType::SportsTeam), (EntityType::SportsTeam, false));
    }

    fn entry(qid: u32, class: &str, prior: u8, country: u32, parent: u32, name: &str) -> Entry {
        Entry { qid, class: class_code(class).unwrap(), prior, country, parent, name: name.into(), aliases: Vec::new() }
    }

    /// The Q-number each named mention links to, with a knowledge base of
    /// invented entities.
    fn links(text: &str, names: &[(&str, EntityType)]) -> Vec<Option<u32>> {
        let ontology = Ontology::builtin().unwrap();
        let kb = write(vec![
            entry(1, "Country", 90, 0, 0, "Veldania"),
            entry(2, "AdministrativeArea", 50, 1, 0, "Orsk Province"),
            entry(10, "City", 60, 3, 0, "Marrow"),
            entry(11, "City", 35, 1, 2, "Marrow"),
            entry(20, "City", 40, 1, 0, "Tillby"),
            entry(21, "City", 35, 3, 0, "Tillby"),
            entry(30, "Person", 50, 0, 0, "Edda Marrow"),
        ]);
        let path = std::env::temp_dir().join(format!("newsgraph-link-test-{}.kb", std::process::id()));
        std::fs::write(&path, kb).unwrap();
        let linker = Linker::new(vec![Kb::open(&path).unwrap()]);
        let mut doc = Document::new(text, Metadata::default());
        for (name, class) in names {
            let at = text.find(name).unwrap();
            doc.add_mention(Mention { span: Span::new(at, at + name.len()), sentence: Some(0), class: *class, form: MentionForm::Name, entry: None, qid: None, source: "test" });
        }
        linker.link(&mut doc, &ontology);
        std::fs::remove_file(&path).ok();
        let mut mentions: Vec<_> = doc.mentions.iter().collect();
        mentions.sort_by_key(|m| m.span);
        mentions.iter().map(|m| m.qid).collect()
    }

    #[test]
    fn names_link_to_the_entity_the_context_makes_clear() {
        use EntityType::*;
        // the more popular town, when nothing else is said
        assert_eq!(links("Floods hit Marrow.", &[("Marrow", Place)]), vec![Some(10)]);
        // the town in the region the text names
        assert_eq!(links("Floods hit Marrow in Orsk Province.", &[("Marrow", Place), ("Orsk Province", Place)]), vec![Some(11), Some(2)]);
        // too close to call: no link
        assert_eq!(links("Floods hit Tillby.", &[("Tillby", Place)]), vec![None]);
        // the country named decides
        assert_eq!(links("Floods hit Tillby, Veldania.", &[("Tillby", Place), ("Veldania", Place)]), vec![Some(20), Some(1)]);
        // a person is not a town
        assert_eq!(links("Edda Marrow spoke. Marrow left.", &[("Edda Marrow", Person), ("Marrow", Person)]), vec![Some(30), None]);
    }
}
