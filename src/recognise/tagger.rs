//! The learned tagger: names and their classes from a linear model over
//! rich features, decoded greedily left to right.
//!
//! The model (`ontology/ner/model.bin`) is trained by `train-ner` from
//! public annotated corpora; `ontology/ner/MODEL.md` is its card.

use super::clusters::Clusters;
use super::lists::NameLists;
use super::features::DocFeatures;
use super::model::{self, Model, ModelError, Part, LABELS};
use super::NerClass;
use crate::document::{Document, Span};

static BUILTIN_MODEL: &[u8] = include_bytes!("../../ontology/ner/model.bin");

pub struct Tagger {
    model: Model,
    clusters: Clusters,
    lists: NameLists,
}

impl Tagger {
    /// The model and clusters compiled into the binary.
    pub fn builtin() -> Result<Tagger, ModelError> {
        Ok(Tagger { model: Model::read(BUILTIN_MODEL)?, clusters: Clusters::builtin(), lists: NameLists::builtin() })
    }

    pub fn new(model: Model, clusters: Clusters, lists: NameLists) -> Tagger {
        Tagger { model, clusters, lists }
    }

    /// The names in `doc`'s sentences, in text order.
    pub fn tag(&self, doc: &Document) -> Vec<(Span, NerClass)> {
        let mut features = DocFeatures::new(doc, &self.clusters, &self.lists);
        let mut labels = vec![0u8; features.spans.len()];
        decode(&mut &self.model, &mut features, &mut labels);
        spans(&labels, &features.spans)
    }
}

impl super::CandidateSource for Tagger {
    fn candidates(&self, doc: &Document, ontology: &crate::ontology::Ontology) -> Vec<super::Candidate> {
        let common = common_word_acronyms(&doc.text);
        let found = self
            .tag(doc)
            .into_iter()
            .filter(|&(span, class)| !(class == NerClass::Misc && is_group_word(doc.slice(span), ontology)))
            .filter(|&(span, _)| !common.contains(doc.slice(span)))
            // a title alone ("Gen.") names no one
            .filter(|&(span, _)| !ontology.lexicon.names.title_abbreviations.contains(doc.slice(span)))
            .filter_map(|(span, class)| titled_person(doc, span, class, ontology))
            .map(|(span, class)| (span, class_by_head(doc.slice(span), class, ontology)))
            .map(|(span, class)| super::Candidate { span, class: class_by_role(doc, span, class, ontology), origin: super::Origin::Tagger, entry: None })
            .collect();
        let found = super::speakers::with_attributed_speakers(doc, found, ontology);
        super::echoes::with_surname_echoes(doc, found, ontology)
    }
}

/// Acronyms the text spells out in common words: "the exclusive economic
/// zone (EEZ)" makes "EEZ" a term, not a name, wherever it stands.
fn common_word_acronyms(text: &str) -> std::collections::HashSet<&str> {
    let mut found = std::collections::HashSet::new();
    for (open, _) in text.match_indices(" (") {
        let rest = &text[open + 2..];
        let Some(inner) = rest.split_once(')').map(|(a, _)| a) else { continue };
        if !(2..=6).contains(&inner.len()) || !inner.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let before: Vec<&str> = text[..open].split_whitespace().rev().take(inner.len()).collect();
        let spelled = before.len() == inner.len()
            && before.iter().rev().zip(inner.chars()).all(|(w, c)| w.starts_with(c.to_ascii_lowercase()) && w.chars().all(|c| c.is_lowercase() || c == '-'));
        if spelled {
            found.insert(inner);
        }
    }
    found
}

/// Nationality and group words are no entities ("Canadian", "South
/// Koreans", "Oslo-based", "Danish-owned"), though some corpora tag them
/// MISC: a name that is a demonym or its plural, ends in one, or joins one
/// (or a known place) to lower-case words by a hyphen, is one.
fn is_group_word(name: &str, ontology: &crate::ontology::Ontology) -> bool {
    let demonym = |w: &str| ontology.gazetteer.demonym_or_plural(w).is_some();
    let last = name.rsplit([' ', '-']).next().unwrap_or(name);
    // "Danish-owned", "Oslo-based": a word made of a group word and lower-case words
    let compound = name.split_once('-').is_some_and(|(head, rest)| !rest.contains(' ') && rest.chars().all(|c| c.is_lowercase() || c == '-') && (demonym(head) || ontology.gazetteer.lookup(head).is_some()));
    compound || name.ends_with("-based") || name.ends_with("-born") || demonym(name) || demonym(last)
}

/// The class of a name: the tagger's, unless the name's last word is a
/// legal form (a company, "Harlow Mills Corp"), a noun that ends only an
/// organisation's name where the tagger read a person ("Harlow
/// University"), or a noun of geography
/// that names no organisation or person ("Harlan Creek" read as a person
/// is a river; lexicon `[places.heads]`). The
/// tagger learnt such heads from few examples; a work ("Treasure Island",
/// MISC) keeps its class.
fn class_by_head(name: &str, class: NerClass, ontology: &crate::ontology::Ontology) -> crate::document::EntityType {
    let head = name.rsplit(' ').next().filter(|_| name.contains(' '));
    // "Harlow Mills Corp": a legal form ends only a company's name
    if head.is_some_and(|h| ontology.lexicon.names.legal_forms.contains(h)) && class != NerClass::Org {
        return crate::document::EntityType::Corporation;
    }
    // "Harlow University" read as a person
    if head.is_some_and(|h| ontology.lexicon.names.organisation_heads.contains(h)) && class == NerClass::Per {
        return crate::document::EntityType::Organization;
    }
    match head.and_then(|h| ontology.lexicon.places.heads.get(h)) {
        Some(&place) if matches!(class, NerClass::Per | NerClass::Org | NerClass::Loc) => place,
        _ => class.entity_type(),
    }
}

/// A place's name that stands before a team's or a company's role and a
/// person's name names the team or the company ("Orsk coach Ana Ruiz",
/// "Veltro founder Ana Ruiz"; lexicon `[names] team_leaders`,
/// `company_leaders`, `[membership] team_roles`).
fn class_by_role(doc: &Document, span: Span, class: crate::document::EntityType, ontology: &crate::ontology::Ontology) -> crate::document::EntityType {
    // a settlement's or a country's name, or an organisation's the gazetteer
    // may hold as a place; not a bridge's or a river's ("Harlan Bridge owner")
    use crate::document::EntityType::{self, *};
    // (a nickname the tagger read as something else: "Harriers coach Ana Ruiz")
    if !matches!(class, Place | City | State | AdministrativeArea | Country | Organization | Thing) {
        return class;
    }
    let names = &ontology.lexicon.names;
    let words: Vec<&str> = doc.text[span.end..].split_whitespace().take(3).collect();
    let capital = |w: Option<&&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase));
    for n in [2, 1] {
        let Some(role) = words.get(..n).map(|w| w.join(" ").to_lowercase()) else { continue };
        if !capital(words.get(n)) || doc.text[span.end..].starts_with('\n') {
            continue;
        }
        if names.team_leaders.contains(&role) || ontology.lexicon.membership.team_roles.contains(&role) {
            return EntityType::SportsTeam;
        }
        if names.company_leaders.contains(&role) && class != Thing {
            return EntityType::Corporation;
        }
    }
    class
}

/// A person's name without the title before it; a name the tagger read
/// whole as something else is a person when a title opens it and a given
/// name follows ("CEO Anna Reyes" is the person "Anna Reyes"), and the
/// name after "of", "for" or "at" when a title and the word open it ("CEO
/// of Harlow Mills" is the company). A title and such a word read as a
/// person is the organisation after them, or nothing ("Dean of the
/// College").
fn titled_person(doc: &Document, span: Span, class: NerClass, ontology: &crate::ontology::Ontology) -> Option<(Span, NerClass)> {
    let name = without_leading_title(doc.slice(span), span, ontology);
    if class != NerClass::Per && name == span {
        if let Some(person) = person_after_inner_title(doc.slice(span), span, ontology) {
            return Some((person, NerClass::Per));
        }
    }
    let rest = doc.slice(name);
    // "Director of the Harlow Centre" read as a person: the title's
    // organisation, not a person called "of the Harlow Centre"
    if class == NerClass::Per && name != span && rest.starts_with(char::is_lowercase) {
        let after = ["of ", "for ", "at "].iter().find_map(|p| rest.strip_prefix(p)).map(|a| a.strip_prefix("the ").unwrap_or(a));
        return match after {
            Some(after) if after.starts_with(char::is_uppercase) && after.contains(' ') => Some((Span::new(name.end - after.len(), name.end), NerClass::Org)),
            _ => None,
        };
    }
    if class == NerClass::Per || name == span {
        return Some((name, class));
    }
    let first = rest.split(' ').next().unwrap_or_default();
    if rest.contains(' ') && ontology.given_names.contains(first) {
        return Some((name, NerClass::Per));
    }
    // "CEO of Harlow Mills": a title is no part of the name after it
    match ["of ", "for ", "at "].iter().find_map(|p| rest.strip_prefix(p)) {
        Some(after) if after.starts_with(char::is_uppercase) => Some((Span::new(name.end - after.len(), name.end), class)),
        _ => Some((span, class)),
    }
}

/// "Harlow County Judge Ana Ruiz" read whole as an organisation: a title
/// inside the name, then a given name and a surname, is a person with a
/// title; the person is the words after the title.
fn person_after_inner_title(name: &str, span: Span, ontology: &crate::ontology::Ontology) -> Option<Span> {
    let words: Vec<&str> = name.split(' ').collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let word = |k: usize| lower.get(k).map_or("", String::as_str);
    let end = (1..words.len()).flat_map(|j| ontology.titles_at(word, j)).find(|&e| e + 1 < words.len() && ontology.given_names.contains(words[e]))?;
    let cut: usize = words[..end].iter().map(|w| w.len() + 1).sum();
    Some(Span::new(span.start + cut, span.end))
}

/// A title before a name is no part of it ("Chancellor Olaf Brandt" is
/// "Olaf Brandt", "Sen. Ann Holt" is "Ann Holt"), as the corpora mark
/// names; the titles are the ontology's and the lexicon's abbreviations.
fn without_leading_title(name: &str, span: Span, ontology: &crate::ontology::Ontology) -> Span {
    // an abbreviated title, of one word or two ("Sen.", "Lt. Gen.")
    let abbreviations = &ontology.lexicon.names.title_abbreviations;
    let parts: Vec<&str> = name.splitn(3, ' ').collect();
    for n in [2, 1] {
        if parts.len() > n && abbreviations.contains(&parts[..n].join(" ")) {
            let cut = parts[..n].iter().map(|w| w.len() + 1).sum::<usize>();
            return Span::new(span.start + cut, span.end);
        }
    }
    let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
    let Some(end) = ontology.title_end(|k| words.get(k).map_or("", String::as_str), 0) else { return span };
    if end >= words.len() {
        return span;
    }
    let cut: usize = words[..end].iter().map(|w| w.len() + 1).sum();
    // lower-casing keeps the length of ASCII titles; anything else keeps the span
    if name.is_char_boundary(cut) && name[..cut].to_lowercase().len() == cut {
        Span::new(span.start + cut, span.end)
    } else {
        span
    }
}

/// A trained model only scores.
impl Learner for &Model {
    fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        Model::add_scores(self, features, scores);
    }
}

/// Scores labels and, in training, learns from each decision.
pub trait Learner {
    fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]);

    /// Whether this is training: then every token is scored and learnt from.
    fn learning(&self) -> bool {
        false
    }

    /// Called after each token is labelled `predicted`.
    fn learn(&mut self, _token: usize, _features: &[u64], _predicted: u8) {}
}

/// Labels every token of every sequence, left to right, each label chosen
/// knowing the two before it and what the document's words were tagged so far.
pub fn decode(learner: &mut impl Learner, features: &mut DocFeatures, labels: &mut [u8]) {
    let mut buffer = Vec::with_capacity(64);
    for seq in 0..features.sequences.len() {
        let range = features.sequences[seq].clone();
        let mut prev = [0u8; 2];
        for i in range.clone() {
            // a name never opens on a lower-case word or on punctuation: such
            // a token outside a name is O, unscored (most tokens are)
            if !learner.learning() && !model::is_open(prev[0]) && !features.may_open_name(i) {
                labels[i] = 0;
                prev = [0, prev[0]];
                continue;
            }
            // nor does it go on over one, connectors aside: it ends before
            if model::is_open(prev[0]) && !features.may_continue_name(i) {
                close_before(features, labels, i);
                labels[i] = 0;
                prev = [0, labels[i - 1]];
                continue;
            }
            features.features(seq, i, prev, &mut buffer);
            let mut scores = [0f32; LABELS];
            learner.add_scores(&buffer, &mut scores);
            let label = model::best(&scores, prev[0], i + 1 == range.end);
            learner.learn(i, &buffer, label);
            labels[i] = label;
            prev = [label, prev[0]];
        }
        for i in range {
            features.remember(i, model::split(labels[i]).map_or(0, |(c, _)| c + 1));
        }
    }
}

/// Ends the name open at token `i - 1` there, or before the connectors it
/// ends with ("Bank of" in "Bank of the city" is "Bank").
fn close_before(features: &DocFeatures, labels: &mut [u8], i: usize) {
    let mut j = i - 1;
    while features.is_connector(j) && matches!(model::split(labels[j]), Some((_, model::Part::Inside))) {
        labels[j] = 0;
        j -= 1;
    }
    labels[j] = model::closed(labels[j]);
}

/// The names a label sequence marks.
pub fn spans(labels: &[u8], tokens: &[Span]) -> Vec<(Span, NerClass)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &l) in labels.iter().enumerate() {
        match model::split(l) {
            Some((c, Part::Unit)) => out.push((tokens[i], NerClass::ALL[c])),
            Some((_, Part::Begin)) => start = Some(i),
            Some((c, Part::Last)) => {
                if let Some(s) = start.take() {
                    out.push((tokens[s].cover(tokens[i]), NerClass::ALL[c]));
                }
            }
            Some((_, Part::Inside)) => {}
            None => start = None,
        }
    }
    out
}

/// The labels that mark `names` on `tokens` (BILOU); a name whose edges
/// fall inside a token, or which crosses a sequence, is left out.
pub fn labels_of(names: &[(Span, NerClass)], tokens: &[Span], sequences: &[std::ops::Range<usize>]) -> Vec<u8> {
    let mut labels = vec![0u8; tokens.len()];
    let mut seq_of = vec![usize::MAX; tokens.len()];
    for (s, r) in sequences.iter().enumerate() {
        for i in r.clone() {
            seq_of[i] = s;
        }
    }
    for &(span, class) in names {
        let first = tokens.partition_point(|t| t.end <= span.start);
        let end = tokens.partition_point(|t| t.start < span.end);
        if first >= end || tokens[first].start != span.start || tokens[end - 1].end != span.end {
            continue;
        }
        if seq_of[first] == usize::MAX || seq_of[first] != seq_of[end - 1] {
            continue;
        }
        let c = NerClass::ALL.iter().position(|k| *k == class).unwrap();
        if end - first == 1 {
            labels[first] = model::label(c, Part::Unit);
        } else {
            labels[first] = model::label(c, Part::Begin);
            for l in &mut labels[first + 1..end - 1] {
                *l = model::label(c, Part::Inside);
            }
            labels[end - 1] = model::label(c, Part::Last);
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    #[test]
    fn acronyms_of_common_words_are_terms() {
        let found = common_word_acronyms("Ships entered the exclusive economic zone (EEZ) near the Port Authority (PA). The EEZ is wide.");
        assert!(found.contains("EEZ"));
        assert!(!found.contains("PA"), "spelled by capitalised words: a name");
        assert!(common_word_acronyms("A cut (UK) and (ABCDEFGH) and ( ) and (").is_empty());
    }

    #[test]
    fn a_title_then_a_given_name_opens_a_person() {
        let ontology = crate::ontology::Ontology::builtin().unwrap();
        let doc = Document::new("Its CEO Anna Reyes met General Motors.", Metadata::default());
        let span = |s: &str| {
            let start = doc.text.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        let got = |s: &str, class| {
            let (sp, c) = titled_person(&doc, span(s), class, &ontology).unwrap();
            (doc.slice(sp), c)
        };
        assert_eq!(got("CEO Anna Reyes", NerClass::Org), ("Anna Reyes", NerClass::Per));
        assert_eq!(got("CEO Anna Reyes", NerClass::Per), ("Anna Reyes", NerClass::Per));
        let doc = Document::new("Sen. Ann Holt and Lt. Gen. Ben Ode met.", Metadata::default());
        for (name, want) in [("Sen. Ann Holt", "Ann Holt"), ("Lt. Gen. Ben Ode", "Ben Ode")] {
            let at = doc.text.find(name).unwrap();
            let (sp, _) = titled_person(&doc, Span::new(at, at + name.len()), NerClass::Per, &ontology).unwrap();
            assert_eq!(doc.slice(sp), want);
        }
        // no given name after the title: the tagger's reading stands
        assert_eq!(got("General Motors", NerClass::Org), ("General Motors", NerClass::Org));
        // a title and "of" before a name: the name
        let doc = Document::new("The CEO of Harlow Mills resigned.", Metadata::default());
        let at = doc.text.find("CEO").unwrap();
        let (sp, c) = titled_person(&doc, Span::new(at, at + "CEO of Harlow Mills".len()), NerClass::Org, &ontology).unwrap();
        assert_eq!((doc.slice(sp), c), ("Harlow Mills", NerClass::Org));
        // a title inside a name read whole as an organisation
        let doc = Document::new("Harlow County Judge Anna Reyes ruled.", Metadata::default());
        let whole = "Harlow County Judge Anna Reyes";
        let (sp, c) = titled_person(&doc, Span::new(0, whole.len()), NerClass::Org, &ontology).unwrap();
        assert_eq!((doc.slice(sp), c), ("Anna Reyes", NerClass::Per));
        // a title and "of" read as a person: the organisation, or nothing
        let doc = Document::new("The Director of the Harlow Arts Centre and the Director of the College met.", Metadata::default());
        let got = |s: &str| {
            let at = doc.text.find(s).unwrap();
            titled_person(&doc, Span::new(at, at + s.len()), NerClass::Per, &ontology).map(|(sp, c)| (doc.slice(sp), c))
        };
        assert_eq!(got("Director of the Harlow Arts Centre"), Some(("Harlow Arts Centre", NerClass::Org)));
        assert_eq!(got("Director of the College"), None);
    }

    #[test]
    fn a_geographic_head_makes_a_place() {
        use crate::document::EntityType;
        let ontology = crate::ontology::Ontology::builtin().unwrap();
        let cases = [
            ("Harlan Creek", NerClass::Per, EntityType::RiverBodyOfWater),
            ("Mirow Glacier", NerClass::Org, EntityType::Landform),
            ("Tessel Bay", NerClass::Loc, EntityType::SeaBodyOfWater),
            // a work keeps its class; one word, or another head, is the tagger's
            ("Treasure Island", NerClass::Misc, EntityType::Thing),
            ("Creek", NerClass::Per, EntityType::Person),
            ("Harlan Forest", NerClass::Org, EntityType::Organization),
            ("Harlow Mills Corp", NerClass::Per, EntityType::Corporation),
            ("Harlow Mills Corp", NerClass::Org, EntityType::Organization),
            // an institution's head: no person, whatever else it may be
            ("Harlow University", NerClass::Per, EntityType::Organization),
            ("Harlow University", NerClass::Loc, EntityType::Place),
        ];
        for (name, class, want) in cases {
            assert_eq!(class_by_head(name, class, &ontology), want, "{name}");
        }
    }

    #[test]
    fn a_place_before_a_team_or_company_role_and_a_name_is_the_team_or_company() {
        use crate::document::EntityType;
        let ontology = crate::ontology::Ontology::builtin().unwrap();
        let class = |text: &str, name: &str| {
            let doc = Document::new(text, Metadata::default());
            let at = doc.text.find(name).unwrap();
            class_by_role(&doc, Span::new(at, at + name.len()), EntityType::City, &ontology)
        };
        assert_eq!(class("Orsk coach Ana Ruiz was sacked.", "Orsk"), EntityType::SportsTeam);
        assert_eq!(class("Orsk head coach Ana Ruiz was sacked.", "Orsk"), EntityType::SportsTeam);
        assert_eq!(class("Orsk striker Ana Ruiz scored.", "Orsk"), EntityType::SportsTeam);
        let doc = Document::new("Harriers coach Ana Ruiz left.", Metadata::default());
        assert_eq!(class_by_role(&doc, Span::new(0, 8), EntityType::Thing, &ontology), EntityType::SportsTeam);
        assert_eq!(class("Orsk founder Ana Ruiz sold it.", "Orsk"), EntityType::Corporation);
        let doc = Document::new("Orsk founder Ana Ruiz sold it.", Metadata::default());
        assert_eq!(class_by_role(&doc, Span::new(0, 4), EntityType::Organization, &ontology), EntityType::Corporation);
        // an office of the place, or no name after the role: the place
        assert_eq!(class("Orsk mayor Ana Ruiz spoke.", "Orsk"), EntityType::City);
        assert_eq!(class("Orsk coach drivers went on strike.", "Orsk"), EntityType::City);
        // a bridge has an owner, and is no company for it
        let doc = Document::new("Harlan Bridge owner Ana Ruiz sold it.", Metadata::default());
        assert_eq!(class_by_role(&doc, Span::new(0, 13), EntityType::LandmarksOrHistoricalBuildings, &ontology), EntityType::LandmarksOrHistoricalBuildings);
    }

    #[test]
    fn labels_and_spans_are_inverse() {
        let doc = Document::new("Anna Berg flew to Oslo with Acme Corp yesterday.", Metadata::default());
        let names = vec![(Span::new(0, 9), NerClass::Per), (Span::new(18, 22), NerClass::Loc), (Span::new(28, 37), NerClass::Org)];
        let sequences: Vec<std::ops::Range<usize>> = std::iter::once(0..doc.tokens.len()).collect();
        let labels = labels_of(&names, &doc.tokens, &sequences);
        assert_eq!(spans(&labels, &doc.tokens), names);
        // a name cut inside a token is left out
        let cut = labels_of(&[(Span::new(0, 3), NerClass::Per)], &doc.tokens, &sequences);
        assert!(cut.iter().all(|&l| l == 0));
    }
}
