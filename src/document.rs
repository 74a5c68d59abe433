//! The document model: the text kept whole, and everything else as spans into it.
//!
//! Invariant: a [`Span`] is a byte range on character boundaries of
//! [`Document::text`], made once by segmentation, recognition or an extractor and never
//! changed afterwards, so `&text[span]` is always the surface form and
//! provenance is free at export time.
//!
//! The model imports nothing of the crate above it (only [`crate::date`]):
//! segmentation (`Document::new`, in [`crate::text`]), recognition and
//! extraction build on it, never the other way round.

use crate::date::{Date, PartialDate};
use serde::Deserialize;
use std::str::FromStr;

/// The schema.org classes newsgraph assigns to entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub enum EntityType {
    Person,
    Organization,
    GovernmentOrganization,
    PoliticalParty,
    Corporation,
    NewsMediaOrganization,
    SportsOrganization,
    SportsTeam,
    EducationalOrganization,
    NGO,
    Place,
    Country,
    City,
    State,
    AdministrativeArea,
    Continent,
    Landform,
    SeaBodyOfWater,
    OceanBodyOfWater,
    RiverBodyOfWater,
    LakeBodyOfWater,
    LandmarksOrHistoricalBuildings,
    GovernmentBuilding,
    Airport,
    Event,
    SportsEvent,
    Legislation,
    CreativeWork,
    Product,
    Thing,
}

/// The coarse kind of an entity: what the DOT export colours and what
/// resolution compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Organization,
    Place,
    Event,
    Other,
}

impl Kind {
    /// Lower-case word used in minted IRIs ("person", "place").
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Event => "event",
            Kind::Other => "thing",
        }
    }
}

macro_rules! entity_types {
    ($($variant:ident => $kind:ident),* $(,)?) => {
        const ALL_TYPES: &[(EntityType, &str, Kind)] = &[$((EntityType::$variant, stringify!($variant), Kind::$kind)),*];
    };
}

entity_types! {
    Person => Person,
    Organization => Organization,
    GovernmentOrganization => Organization,
    PoliticalParty => Organization,
    Corporation => Organization,
    NewsMediaOrganization => Organization,
    SportsOrganization => Organization,
    SportsTeam => Organization,
    EducationalOrganization => Organization,
    NGO => Organization,
    Place => Place,
    Country => Place,
    City => Place,
    State => Place,
    AdministrativeArea => Place,
    Continent => Place,
    Landform => Place,
    SeaBodyOfWater => Place,
    OceanBodyOfWater => Place,
    RiverBodyOfWater => Place,
    LakeBodyOfWater => Place,
    LandmarksOrHistoricalBuildings => Place,
    GovernmentBuilding => Place,
    Airport => Place,
    Event => Event,
    SportsEvent => Event,
    Legislation => Other,
    CreativeWork => Other,
    Product => Other,
    Thing => Other,
}

impl EntityType {
    /// The schema.org local name ("Country").
    pub fn schema_name(self) -> &'static str {
        ALL_TYPES.iter().find(|(t, _, _)| *t == self).map(|(_, n, _)| *n).unwrap_or("Thing")
    }

    pub fn kind(self) -> Kind {
        ALL_TYPES.iter().find(|(t, _, _)| *t == self).map(|(_, _, k)| *k).unwrap_or(Kind::Other)
    }

    pub fn is_person(self) -> bool {
        self == EntityType::Person
    }

    pub fn is_place(self) -> bool {
        self.kind() == Kind::Place
    }

    pub fn is_organization(self) -> bool {
        self.kind() == Kind::Organization
    }
}

impl TryFrom<String> for EntityType {
    type Error = String;
    fn try_from(s: String) -> Result<EntityType, String> {
        s.parse()
    }
}

impl FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> Result<EntityType, String> {
        ALL_TYPES
            .iter()
            .find(|(_, n, _)| *n == s)
            .map(|(t, _, _)| *t)
            .ok_or_else(|| format!("unknown schema.org type {s:?}"))
    }
}

/// A byte range into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// What a line of the input is, decided by segmentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphRole {
    /// Article text: split into sentences and read by the extractors.
    Prose,
    /// The title line at the top; also read by the extractors.
    Headline,
    /// A date line at the top ("Monday, October 14, 2019").
    Dateline,
    /// "By Chris Mason": authorship, not prose.
    Byline,
    /// The job line under a byline ("Political editor, travelling with …").
    BylineRole,
    /// Wire credits, anywhere: "Reporting by Ann Lee; Editing by Bo Park".
    Credits,
    /// Page furniture: adverts, share buttons, captions. Skipped.
    Furniture,
}

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    pub role: ParagraphRole,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    /// Indices into [`Document::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// Index into [`Document::mentions`].
pub type MentionId = usize;

/// How a mention names its entity; resolution treats them differently.
/// Recognition makes every mention; only names go through its merge policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionForm {
    /// A proper name ("Rishi Sunak", "UK").
    Name,
    /// "The" and a title ("the prime minister"): resolution makes it the
    /// person who last held the title in the article.
    Title,
    /// A description of someone the text does not name ("a senior police
    /// source" before a speech verb): an entity only when a fact refers to it.
    Description,
    /// An adjective or plural naming a country ("French" in "French
    /// President"): it links, but is never an alias, and is no entity
    /// unless a fact refers to it.
    Demonym,
    /// "he", "she": resolution makes it the person it stands for.
    Pronoun,
}

impl MentionForm {
    /// Whether the mention names its entity by itself (a name), rather than
    /// by reference to one named elsewhere.
    pub fn is_name(self) -> bool {
        self == MentionForm::Name
    }
}

/// A stretch of text that refers to an entity.
#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    /// The sentence it stands in; None in a byline.
    pub sentence: Option<usize>,
    pub class: EntityType,
    pub form: MentionForm,
    /// The gazetteer entry this mention matched, if any.
    pub entry: Option<usize>,
    /// The knowledge base entity it was linked to (its Q-number's number),
    /// when no gazetteer entry is.
    pub qid: Option<u32>,
    /// Which recognition source found it.
    pub source: &'static str,
}

/// A numeric observation ("More than 45,000 people … last year").
#[derive(Clone, Debug, PartialEq)]
pub struct Statistic {
    pub value: Number,
    /// The number as written ("45,000", "£35bn").
    pub span: Span,
    /// "more than", "about", "up to" …
    pub qualifier: Option<String>,
    /// ISO 4217 code or unit ("GBP", "percent").
    pub unit: Option<String>,
    /// What is counted, as the text says it.
    pub description: String,
    /// The time as written ("last year") and as normalised ("2022").
    pub period: Option<Span>,
    pub date: Option<PartialDate>,
}

/// A number kept exactly as the text writes it: `mantissa × 10^exponent`
/// ("58.4" is 584 × 10⁻¹, "2.5 million" is 25 × 10⁵), so integers beyond
/// 2⁵³ keep every digit and decimals their written digits. An integer has
/// an exponent of 0 or more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    pub mantissa: i128,
    pub exponent: i32,
}

impl Number {
    /// Digits with at most one decimal point ("1234", "58.40"); None for
    /// anything else or more digits than 38.
    pub fn parse(digits: &str) -> Option<Number> {
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mantissa = format!("{whole}{fraction}").parse().ok()?;
        Some(Number { mantissa, exponent: -i32::try_from(fraction.len()).ok()? })
    }

    /// The number times 10^`power` ("2.5" and a million: 2500000).
    pub fn scaled(self, power: i32) -> Number {
        Number { exponent: self.exponent + power, ..self }
    }

    pub fn is_integer(self) -> bool {
        self.exponent >= 0
    }
}

/// The lexical form: digits, a point only in a decimal ("2500000", "58.4",
/// "2.0"), as XSD integers and decimals write them.
impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let digits = self.mantissa.unsigned_abs().to_string();
        if self.exponent >= 0 {
            return write!(f, "{sign}{digits}{}", "0".repeat(self.exponent as usize));
        }
        let places = self.exponent.unsigned_abs() as usize;
        let digits = format!("{digits:0>width$}", width = places + 1);
        let (whole, fraction) = digits.split_at(digits.len() - places);
        write!(f, "{sign}{whole}.{fraction}")
    }
}

/// Something the text states, with the narrowest span that states it.
#[derive(Clone, Debug)]
pub struct Fact {
    pub kind: FactKind,
    /// The words that state the fact.
    pub evidence: Span,
    /// The sentence it stands in; None in a byline.
    pub sentence: Option<usize>,
    pub source: &'static str,
}

#[derive(Clone, Debug)]
pub enum FactKind {
    MemberOf { member: MentionId, group: MentionId },
    JobTitle { person: MentionId, title: String },
    Affiliation { person: MentionId, group: MentionId },
    ContainedIn { inner: MentionId, outer: MentionId },
    Author { person: MentionId },
    Travel { agent: MentionId, destination: MentionId },
    Quotation { speaker: Option<MentionId>, text: Span },
    Statistic(Statistic),
    Event(EventFact),
}

/// A meeting, summit, visit, news conference …
#[derive(Clone, Debug)]
pub struct EventFact {
    /// The event's name as the text gives it ("Anglo-French summit"); None
    /// when only a verb says it happened ("they met"): then it is a meeting.
    pub name: Option<Span>,
    pub class: EntityType,
    pub attendees: Vec<MentionId>,
    pub location: Option<MentionId>,
    pub date: Option<PartialDate>,
}

/// Publication metadata: from the command line or the document itself.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    /// Publication date.
    pub date: Option<Date>,
    pub headline: Option<String>,
    pub url: Option<String>,
    /// Where the text came from (a path or "-"), for messages only.
    pub origin: String,
}

/// One article: its text, its segmentation and what the extractors found.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub text: String,
    pub meta: Metadata,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Lines that are no prose (datelines, bylines, captions, tables), cut
    /// like sentences: the recogniser reads them, relation extractors do not.
    pub asides: Vec<Sentence>,
    /// The tokens of sentences and asides, in text order.
    pub tokens: Vec<Span>,
    /// Each token in lower case, curly apostrophes straightened: what rules compare.
    pub lower_tokens: std::sync::Arc<LowerTokens>,
    /// Made by recognition, all before relation extraction; read freely, add
    /// through [`Document::add_mention`], which keeps the index right.
    pub mentions: Vec<Mention>,
    /// What the relation extractors return, in the order they run: each
    /// reads the facts of those before it. Read freely; add through
    /// [`Document::add_facts`], which keeps the job-title index right.
    pub facts: Vec<Fact>,
    /// Odd text is not an error: extractors note it here.
    pub diagnostics: Vec<String>,
    index: MentionIndex,
    titles: TitleIndex,
}

/// The lower-case forms of a document's tokens, in one buffer, with where
/// each word occurs: rules look phrases up instead of scanning sentences.
#[derive(Clone, Debug, Default)]
pub struct LowerTokens {
    text: String,
    /// End of token `i` in `text`; it starts where token `i - 1` ends.
    ends: Vec<usize>,
    /// Token indices of each word, ascending, by the word's hash.
    positions: rustc_hash::FxHashMap<u64, Vec<u32>>,
}

impl LowerTokens {
    /// Lower-cases `tokens` of `text`, straightening curly apostrophes.
    pub fn new(text: &str, tokens: &[Span]) -> LowerTokens {
        let mut lower = LowerTokens { text: String::with_capacity(text.len()), ends: Vec::with_capacity(tokens.len()), positions: Default::default() };
        for (i, token) in tokens.iter().enumerate() {
            let start = lower.text.len();
            let word = token.slice(text);
            if word.is_ascii() {
                lower.text.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.text.push_str(&word.to_lowercase().replace('\u{2019}', "'"));
            }
            lower.ends.push(lower.text.len());
            let key = word_key(&lower.text[start..]);
            lower.positions.entry(key).or_default().push(i as u32);
        }
        lower
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Token `i` in lower case.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// Tokens within `range` whose lower-case form may be `word` (ascending;
    /// a hash collision can add a token: compare before use).
    pub fn positions(&self, word: &str, range: std::ops::Range<usize>) -> &[u32] {
        let all = self.positions.get(&word_key(word)).map_or(&[][..], Vec::as_slice);
        let from = all.partition_point(|&i| (i as usize) < range.start);
        let to = all.partition_point(|&i| (i as usize) < range.end);
        &all[from..to]
    }
}

fn word_key(word: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(word)
}

/// Mentions by position, so that lookups stay fast in long documents.
#[derive(Clone, Debug, Default)]
struct MentionIndex {
    by_span: rustc_hash::FxHashMap<Span, MentionId>,
    by_start: std::collections::BTreeMap<usize, Vec<MentionId>>,
    by_end: rustc_hash::FxHashMap<usize, Vec<MentionId>>,
    longest: usize,
}

impl MentionIndex {
    fn insert(&mut self, id: MentionId, span: Span) {
        self.by_span.insert(span, id);
        self.by_start.entry(span.start).or_default().push(id);
        self.by_end.entry(span.end).or_default().push(id);
        self.longest = self.longest.max(span.len());
    }
}

/// The job titles the facts state, by every ending of their words ("deputy
/// prime minister" under itself, "prime minister" and "minister"), each list
/// in the order (offset, title, person).
#[derive(Clone, Debug, Default)]
struct TitleIndex(rustc_hash::FxHashMap<String, Vec<(usize, String, MentionId)>>);

impl TitleIndex {
    fn insert(&mut self, at: usize, title: &str, person: MentionId) {
        let title = title.to_lowercase();
        let endings = std::iter::once(0).chain(title.match_indices(' ').map(|(i, _)| i + 1));
        for from in endings {
            let held = self.0.entry(title[from..].to_string()).or_default();
            let entry = (at, title.clone(), person);
            let k = held.partition_point(|e| *e <= entry);
            held.insert(k, entry);
        }
    }
}

impl Document {
    // `Document::new(text, meta)`, which segments the text, is defined in
    // `crate::text`: segmentation sits above the model.

    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The sentence holding byte `offset`, if any.
    /// Whether no line break stands between the end of token `a` and the
    /// start of token `b` (`a` before `b`): names never cross lines.
    pub fn same_line(&self, a: usize, b: usize) -> bool {
        !self.text[self.tokens[a].end..self.tokens[b].start].contains('\n')
    }

    /// Whether token `t` is the first of a sentence or an aside.
    pub fn starts_sentence(&self, t: usize) -> bool {
        [&self.sentences, &self.asides].into_iter().any(|units| {
            let i = units.partition_point(|s| s.tokens.start < t);
            units.get(i).is_some_and(|s| s.tokens.start == t)
        })
    }

    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The token spans of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Span] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// Paragraphs with the given role.
    pub fn paragraphs_with(&self, role: ParagraphRole) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(move |p| p.role == role)
    }

    /// Adds a mention unless one with the same span exists; returns its id.
    pub fn add_mention(&mut self, mention: Mention) -> MentionId {
        if let Some(&i) = self.index.by_span.get(&mention.span) {
            return i;
        }
        let id = self.mentions.len();
        self.index.insert(id, mention.span);
        self.mentions.push(mention);
        id
    }

    /// Appends facts (what an extractor found), indexing their job titles.
    pub fn add_facts(&mut self, facts: impl IntoIterator<Item = Fact>) {
        for fact in facts {
            if let FactKind::JobTitle { person, title } = &fact.kind {
                self.titles.insert(fact.evidence.start, title, *person);
            }
            self.facts.push(fact);
        }
    }

    /// The job title, stated before the title phrase `phrase` ("the
    /// minister"), that is the title it names or ends with it ("Foreign
    /// Minister" in "Foreign Minister Ana Ruiz"), the latest such: its
    /// person. None when no one held the title before the phrase. A lookup
    /// over the facts so far; `crate::resolve` decides what it means.
    pub fn title_held_before(&self, phrase: MentionId) -> Option<MentionId> {
        let span = self.mentions[phrase].span;
        // the words after "the"
        let words = self.slice(span).split_once(char::is_whitespace).map_or("", |(_, rest)| rest.trim_start()).to_lowercase();
        let held = self.titles.0.get(&words)?;
        let k = held.partition_point(|(at, _, _)| *at < span.start);
        k.checked_sub(1).map(|k| held[k].2)
    }

    /// The mention whose span is exactly `span`.
    pub fn mention_at(&self, span: Span) -> Option<MentionId> {
        self.index.by_span.get(&span).copied()
    }

    /// Mentions ending exactly at byte `end`.
    pub fn mentions_ending_at(&self, end: usize) -> &[MentionId] {
        self.index.by_end.get(&end).map_or(&[], Vec::as_slice)
    }

    /// Mentions that share at least one byte with `span`, in text order.
    pub fn mentions_overlapping(&self, span: Span) -> Vec<MentionId> {
        let from = span.start.saturating_sub(self.index.longest);
        let mut ids: Vec<MentionId> = self
            .index
            .by_start
            .range(from..span.end.max(span.start + 1))
            .flat_map(|(_, ids)| ids.iter().copied())
            .filter(|&m| self.mentions[m].span.overlaps(span) || (span.is_empty() && self.mentions[m].span.contains(span)))
            .collect();
        ids.sort_by_key(|&m| self.mentions[m].span);
        ids
    }

    /// The mentions starting before byte `at`, nearest first.
    pub fn mentions_before(&self, at: usize) -> impl Iterator<Item = MentionId> + '_ {
        self.index.by_start.range(..at).rev().flat_map(|(_, ids)| ids.iter().rev().copied())
    }

    /// The name that starts at byte `start`.
    pub fn mention_starting_at(&self, start: usize) -> Option<MentionId> {
        self.index.by_start.get(&start)?.iter().copied().find(|&m| self.mentions[m].form.is_name())
    }

    /// Mentions lying inside `span`, in text order.
    pub fn mentions_in(&self, span: Span) -> Vec<MentionId> {
        let mut ids: Vec<MentionId> = self
            .index
            .by_start
            .range(span.start..span.end.max(span.start))
            .flat_map(|(_, ids)| ids.iter().copied())
            .filter(|&m| span.contains(self.mentions[m].span))
            .collect();
        ids.sort_by_key(|&m| self.mentions[m].span);
        ids
    }
}
