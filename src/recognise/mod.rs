//! Recognition: which stretches of text name an entity, and of what class.
//!
//! Candidate sources each propose names ([`CandidateSource`]): the learned
//! tagger reads every sentence; the gazetteer knows names by heart. One
//! policy, [`merge`], decides between overlapping candidates, and the
//! survivors become the document's mentions. Linking (which real entity a
//! name is) is the next stage, `crate::link`.

pub mod clusters;
pub mod corpora;
mod features;
mod gazetteer;
pub mod lists;
pub mod model;
pub mod tagger;
pub mod train;

pub use gazetteer::GazetteerNames;
pub use tagger::Tagger;

use crate::document::{Document, Mention, MentionForm, Span};
use crate::ontology::{EntityType, Ontology};

/// The classes the learned tagger knows: the CoNLL-2003 four plus events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NerClass {
    Per,
    Org,
    Loc,
    Event,
    Misc,
}

impl NerClass {
    pub const ALL: [NerClass; 5] = [NerClass::Per, NerClass::Org, NerClass::Loc, NerClass::Event, NerClass::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            NerClass::Per => "PER",
            NerClass::Org => "ORG",
            NerClass::Loc => "LOC",
            NerClass::Event => "EVENT",
            NerClass::Misc => "MISC",
        }
    }

    /// The most general schema.org class of the coarse class.
    pub fn entity_type(self) -> EntityType {
        match self {
            NerClass::Per => EntityType::Person,
            NerClass::Org => EntityType::Organization,
            NerClass::Loc => EntityType::Place,
            NerClass::Event => EntityType::Event,
            NerClass::Misc => EntityType::Thing,
        }
    }
}

/// Who proposed a candidate; the order is the merge policy's trust on a tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    Tagger,
    Gazetteer,
}

/// A name some source proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub span: Span,
    pub class: EntityType,
    pub origin: Origin,
    /// The gazetteer entry it matched, if any: a hint for linking.
    pub entry: Option<usize>,
}

/// One source of candidate names.
pub trait CandidateSource: Send + Sync {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate>;
}

/// The merge policy, in order:
/// 1. Candidates with the same span are one name. The gazetteer's class
///    and entry win: the gazetteer lists names whose class is known
///    ("G7" is an organisation wherever it stands), while the tagger
///    guesses from context; a person the tagger finds under a listed name
///    stays a person ("Jordan" in "Jordan scored"), and linking then keeps
///    the entry only for a name of its kind.
/// 2. Of overlapping candidates, the longer wins ("Manchester United" over
///    "Manchester"; "University of Oslo" over "Oslo"); on equal length, the
///    tagger.
///
/// The result is disjoint and in text order.
pub fn merge(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (c.span, c.origin));
    // 1: one candidate per span: the gazetteer's unless the tagger saw a person
    let mut unique: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for c in candidates {
        match unique.last_mut() {
            Some(last) if last.span == c.span => {
                if last.class != EntityType::Person {
                    last.class = c.class;
                }
                last.entry = last.entry.or(c.entry);
            }
            _ => unique.push(c),
        }
    }
    // 2: longest first, then the tagger, then text order
    let mut order: Vec<usize> = (0..unique.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(unique[i].span.len()), unique[i].origin, unique[i].span));
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut keep = vec![false; unique.len()];
    for i in order {
        let span = unique[i].span;
        let clash = taken.range(..span.end).next_back().is_some_and(|(_, &end)| end > span.start);
        if !clash {
            taken.insert(span.start, span.end);
            keep[i] = true;
        }
    }
    unique.into_iter().zip(keep).filter_map(|(c, k)| k.then_some(c)).collect()
}

/// The recogniser: its sources, run in turn, and the merge.
pub struct Recogniser {
    sources: Vec<Box<dyn CandidateSource>>,
}

impl Recogniser {
    pub fn new(sources: Vec<Box<dyn CandidateSource>>) -> Recogniser {
        Recogniser { sources }
    }

    /// The learned tagger and the gazetteer.
    pub fn builtin() -> Result<Recogniser, model::ModelError> {
        Ok(Recogniser::new(vec![Box::new(Tagger::builtin()?), Box::new(GazetteerNames)]))
    }

    /// Adds the names in `doc` as its mentions.
    pub fn recognise(&self, doc: &mut Document, ontology: &Ontology) {
        let candidates: Vec<Candidate> = self.sources.iter().flat_map(|s| s.candidates(doc, ontology)).collect();
        for c in merge(candidates) {
            let sentence = doc.sentence_at(c.span.start);
            doc.add_mention(Mention {
                span: c.span,
                sentence,
                class: c.class,
                form: MentionForm::Name,
                entry: c.entry,
                alias_of: None,
                source: match c.origin {
                    Origin::Tagger => "tagger",
                    Origin::Gazetteer => "gazetteer",
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(start: usize, end: usize, origin: Origin, class: EntityType, entry: Option<usize>) -> Candidate {
        Candidate { span: Span::new(start, end), class, origin, entry }
    }

    #[test]
    fn merge_policy_table() {
        use EntityType::*;
        use Origin::*;
        type Case = (&'static str, Vec<Candidate>, Vec<Candidate>);
        let cases: Vec<Case> = vec![
            ("alone, each is kept", vec![c(0, 4, Tagger, Person, None), c(10, 14, Gazetteer, City, Some(3))], vec![c(0, 4, Tagger, Person, None), c(10, 14, Gazetteer, City, Some(3))]),
            ("same span: the gazetteer's class and entry", vec![c(0, 6, Gazetteer, Country, Some(1)), c(0, 6, Tagger, Place, None)], vec![c(0, 6, Tagger, Country, Some(1))]),
            ("same span: a person stays a person", vec![c(0, 6, Gazetteer, Country, Some(1)), c(0, 6, Tagger, Person, None)], vec![c(0, 6, Tagger, Person, Some(1))]),
            ("the longer wins: a known club over the city in its name", vec![c(0, 10, Tagger, Place, None), c(0, 17, Gazetteer, SportsTeam, Some(2))], vec![c(0, 17, Gazetteer, SportsTeam, Some(2))]),
            ("the longer wins: a tagged university over a known city inside it", vec![c(0, 18, Tagger, Organization, None), c(14, 18, Gazetteer, City, Some(4))], vec![c(0, 18, Tagger, Organization, None)]),
            ("crossing spans of equal length: the tagger", vec![c(0, 8, Gazetteer, Place, Some(5)), c(4, 12, Tagger, Person, None)], vec![c(4, 12, Tagger, Person, None)]),
            ("disjoint survivors stay in text order", vec![c(20, 25, Gazetteer, City, Some(6)), c(0, 5, Tagger, Person, None)], vec![c(0, 5, Tagger, Person, None), c(20, 25, Gazetteer, City, Some(6))]),
        ];
        for (what, input, want) in cases {
            assert_eq!(merge(input), want, "{what}");
        }
    }
}
