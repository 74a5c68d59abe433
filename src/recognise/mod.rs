//! Recognition: which stretches of text name an entity, and of what class.
//!
//! Candidate sources each propose names ([`CandidateSource`]): the learned
//! tagger reads every sentence; the gazetteer knows names by heart; a byline
//! says who wrote the article. One policy, [`merge`], decides between
//! overlapping candidates, and the survivors become the document's names.
//! Then [`descriptions`] adds the mentions that are no names (nationality
//! words, title phrases, unnamed speakers, pronouns): every mention exists
//! before relation extraction. Linking (which real entity a name is) is the
//! next stage, `crate::link`; who a title phrase or a pronoun stands for is
//! decided in `crate::resolve`.

pub mod byline;
pub mod clusters;
mod companies;
pub mod corpora;
pub mod descriptions;
mod echoes;
mod features;
pub mod frozen;
mod gazetteer;
pub mod lists;
pub mod model;
mod party;
mod products;
mod speakers;
mod titled;
pub mod sport;
mod transcript;
pub mod tagger;
pub mod train;
mod works;

pub use byline::BylineNames;
pub use companies::PartnershipNames;
pub use gazetteer::GazetteerNames;
pub use party::PartyLetters;
pub use products::ProductModels;
pub use transcript::TranscriptSpeakers;
pub use tagger::Tagger;
pub use titled::TitledNames;
pub use works::QuotedWorks;

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
    /// A title in quotation marks ("Two Roads Home"): a work.
    Quoted,
    /// A maker and a model code ("Veltro 420"): a product.
    Product,
    /// A name in the byline: its span is exact (the line's commas and
    /// "and"s delimit it), its class only a default (a person).
    Byline,
    /// A transcript's speaker label ("RUIZ:"): an exact span, a person.
    Transcript,
    /// A name after an abbreviated title ("Sen. Ann Holt"): a person.
    Titled,
    /// A company named with "and Co" ("Harlow, Mills and Co"): a company.
    Partnership,
}

impl Origin {
    /// The source's name, recorded on the mentions it made.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Byline => "byline",
            Origin::Transcript => "transcript",
            Origin::Tagger => "tagger",
            Origin::Gazetteer => "gazetteer",
            Origin::Quoted => "quoted",
            Origin::Product => "product",
            Origin::Titled => "titled",
            Origin::Partnership => "partnership",
        }
    }

    /// Whether the source's spans are exact, as a rule over the line's
    /// structure is: such a name is kept over any candidate it overlaps.
    pub fn is_exact(self) -> bool {
        matches!(self, Origin::Byline | Origin::Transcript)
    }
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

/// The candidates of `sorted` (by span) that overlap `span`, found by binary
/// search: post-tagging passes look words up without scanning every name.
fn overlapping(sorted: &[Candidate], span: Span) -> std::ops::Range<usize> {
    let first = sorted.partition_point(|c| c.span.end <= span.start);
    first..first + sorted[first..].iter().take_while(|c| c.span.start < span.end).count()
}

/// A word that may stand in a person's name: a capital, then letters,
/// hyphens or apostrophes ("Ruiz", "O'Neill", "Mattek-Sands").
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
}

/// Whether the text writes `lower_word` in lower case somewhere ("young"
/// beside "Young"): then a capital at a sentence's start says nothing.
fn written_in_lower_case(doc: &Document, lower_word: &str) -> bool {
    doc.lower_tokens.positions(lower_word, 0..doc.tokens.len()).iter().any(|&k| doc.slice(doc.tokens[k as usize]).starts_with(char::is_lowercase))
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
///    stays a person ("Jordan" in "Jordan scored"), and so does an
///    organisation named by a listed country, region or city (a team, a
///    government); linking then keeps the entry only for a name of its kind. A byline name takes the class
///    another source gives its span ("By Reuters": the agency), else it is
///    a person.
/// 2. Of overlapping candidates, an exact one (a byline name) wins; then
///    the longer ("Manchester United" over "Manchester"; "University of
///    Oslo" over "Oslo"); on equal length, the tagger.
///
/// The result is disjoint and in text order.
pub fn merge(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (c.span, c.origin));
    // 1: one candidate per span: the gazetteer's unless the tagger saw a
    // person; a byline adds only that the span is exact
    let mut unique: Vec<(Candidate, bool)> = Vec::with_capacity(candidates.len());
    for c in candidates {
        match unique.last_mut() {
            Some((last, exact)) if last.span == c.span => {
                if c.origin.is_exact() {
                    *exact = true;
                } else if !tagger_reading_holds(last.class, c.class) {
                    last.class = c.class;
                }
                last.entry = last.entry.or(c.entry);
            }
            _ => {
                let exact = c.origin.is_exact();
                unique.push((c, exact));
            }
        }
    }
    // 2: exact first, then longest first, then the tagger, then text order
    let mut order: Vec<usize> = (0..unique.len()).collect();
    order.sort_by_key(|&i| {
        let (c, exact) = &unique[i];
        (!exact, std::cmp::Reverse(c.span.len()), c.origin, c.span)
    });
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut keep = vec![false; unique.len()];
    for i in order {
        let span = unique[i].0.span;
        let clash = taken.range(..span.end).next_back().is_some_and(|(_, &end)| end > span.start);
        if !clash {
            taken.insert(span.start, span.end);
            keep[i] = true;
        }
    }
    unique.into_iter().zip(keep).filter_map(|((c, _), k)| k.then_some(c)).collect()
}

/// Whether the tagger's class for a name stands against the gazetteer's
/// for the same words: a person always does ("Jordan" scored); an
/// organisation does where the gazetteer has a country, region or city,
/// whose names stand for teams and governments ("England won by six
/// wickets", "Paris protested"); a team or a company, known by its role
/// words, does against any place ("Amazon founder X").
fn tagger_reading_holds(tagger: EntityType, gazetteer: EntityType) -> bool {
    use EntityType::*;
    let team_or_company = matches!(tagger, SportsTeam | Corporation) && gazetteer.is_place();
    tagger == Person || team_or_company || (tagger.is_organization() && matches!(gazetteer, Country | State | City | AdministrativeArea))
}

/// The recogniser: its sources, run in turn, the merge, then the mentions
/// that are no names.
pub struct Recogniser {
    sources: Vec<Box<dyn CandidateSource>>,
}

impl Recogniser {
    pub fn new(sources: Vec<Box<dyn CandidateSource>>) -> Recogniser {
        Recogniser { sources }
    }

    /// The learned tagger, the gazetteer, quoted titles, product models,
    /// party letters, the byline, a transcript's speakers, names after
    /// abbreviated titles and companies named with "and Co".
    pub fn builtin() -> Result<Recogniser, model::ModelError> {
        Ok(Recogniser::new(vec![Box::new(Tagger::builtin()?), Box::new(GazetteerNames), Box::new(QuotedWorks), Box::new(ProductModels), Box::new(PartyLetters), Box::new(BylineNames), Box::new(TranscriptSpeakers), Box::new(TitledNames), Box::new(PartnershipNames)]))
    }

    /// Adds the names in `doc` as its mentions, then the mentions that are
    /// no names ([`descriptions::describe`]).
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
                qid: None,
                source: c.origin.as_str(),
            });
        }
        descriptions::describe(doc, ontology);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks a candidate source on (text, the names it proposes) cases.
    pub fn assert_source_table(source: &dyn CandidateSource, cases: &[(&str, &[&str])]) {
        let ontology = Ontology::builtin().unwrap();
        for (text, want) in cases {
            let doc = Document::new(*text, crate::document::Metadata::default());
            let got: Vec<&str> = source.candidates(&doc, &ontology).iter().map(|c| doc.slice(c.span)).collect();
            assert_eq!(got, *want, "in {text:?}");
        }
    }

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
            ("same span: a team or government named by its country stays an organisation", vec![c(0, 6, Gazetteer, Country, Some(1)), c(0, 6, Tagger, Organization, None)], vec![c(0, 6, Tagger, Organization, Some(1))]),
            ("same span: a company known by its role words stays a company", vec![c(0, 6, Gazetteer, RiverBodyOfWater, Some(3)), c(0, 6, Tagger, Corporation, None)], vec![c(0, 6, Tagger, Corporation, Some(3))]),
            ("same span: a listed building stays a building", vec![c(0, 9, Gazetteer, LandmarksOrHistoricalBuildings, Some(2)), c(0, 9, Tagger, Organization, None)], vec![c(0, 9, Tagger, LandmarksOrHistoricalBuildings, Some(2))]),
            ("the longer wins: a known club over the city in its name", vec![c(0, 10, Tagger, Place, None), c(0, 17, Gazetteer, SportsTeam, Some(2))], vec![c(0, 17, Gazetteer, SportsTeam, Some(2))]),
            ("the longer wins: a tagged university over a known city inside it", vec![c(0, 18, Tagger, Organization, None), c(14, 18, Gazetteer, City, Some(4))], vec![c(0, 18, Tagger, Organization, None)]),
            ("crossing spans of equal length: the tagger", vec![c(0, 8, Gazetteer, Place, Some(5)), c(4, 12, Tagger, Person, None)], vec![c(4, 12, Tagger, Person, None)]),
            ("disjoint survivors stay in text order", vec![c(20, 25, Gazetteer, City, Some(6)), c(0, 5, Tagger, Person, None)], vec![c(0, 5, Tagger, Person, None), c(20, 25, Gazetteer, City, Some(6))]),
            ("a byline name alone is a person", vec![c(3, 11, Byline, Person, None)], vec![c(3, 11, Byline, Person, None)]),
            ("same span: a byline name takes the tagger's class (an agency)", vec![c(3, 10, Byline, Person, None), c(3, 10, Tagger, Organization, None)], vec![c(3, 10, Tagger, Organization, None)]),
            ("same span: a byline name takes the gazetteer's class and entry", vec![c(3, 10, Byline, Person, None), c(3, 10, Tagger, Organization, None), c(3, 10, Gazetteer, NewsMediaOrganization, Some(7))], vec![c(3, 10, Tagger, NewsMediaOrganization, Some(7))]),
            ("a byline name wins over a longer candidate it overlaps", vec![c(3, 24, Tagger, Person, None), c(3, 11, Byline, Person, None), c(16, 24, Byline, Person, None)], vec![c(3, 11, Byline, Person, None), c(16, 24, Byline, Person, None)]),
            ("a byline name wins over a part of it the tagger cut", vec![c(3, 8, Tagger, Person, None), c(3, 14, Byline, Person, None)], vec![c(3, 14, Byline, Person, None)]),
            ("a byline name leaves a candidate it does not overlap", vec![c(3, 11, Byline, Person, None), c(30, 36, Gazetteer, City, Some(8))], vec![c(3, 11, Byline, Person, None), c(30, 36, Gazetteer, City, Some(8))]),
            ("the exact span wins over a longer one that overlaps it", vec![c(3, 11, Tagger, Person, None), c(3, 11, Byline, Person, None), c(0, 20, Gazetteer, Organization, Some(9))], vec![c(3, 11, Tagger, Person, None)]),
        ];
        for (what, input, want) in cases {
            assert_eq!(merge(input), want, "{what}");
        }
    }
}
