//! Relation extractors: each reads a [`Document`] whose mentions are all
//! made (recognition made them) and returns the facts it finds. One file
//! per extractor, all implementing [`Extractor`].
//!
//! An extractor never adds, removes or edits a mention or an earlier fact.
//! [`run_all`] appends each extractor's facts to the document before the
//! next one runs, so a later extractor may read the facts before it (the
//! byline's and titles' job titles, say), read-only. Who a title phrase or a
//! pronoun stands for is no extractor's business: `crate::resolve` decides.
//! Odd text is never an error; an extractor that cannot make sense of
//! something simply finds nothing.

mod byline;
mod events;
mod membership;
mod places;
mod quotes;
mod statistics;
mod titles;
mod travel;
pub mod words;

pub use byline::Byline;
pub use events::Events;
pub use membership::Membership;
pub use places::Places;
pub use quotes::Quotations;
pub use statistics::Statistics;
pub use titles::Titles;
pub use travel::Travel;

use crate::document::{Document, Fact};
use crate::ontology::Ontology;

/// One relation extractor.
pub trait Extractor: Send + Sync {
    /// A short name, recorded as the source of the facts it finds.
    fn name(&self) -> &'static str;

    /// The facts `doc` states, in the order found. `doc.facts` holds the
    /// facts of the extractors that ran before this one.
    #[must_use = "an extractor changes nothing: it returns the facts it finds"]
    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact>;
}

/// The extractors newsgraph runs, in order: the byline's and titles' job
/// titles come before the extractors that read people.
pub fn default_extractors() -> Vec<Box<dyn Extractor>> {
    vec![Box::new(Byline), Box::new(Titles), Box::new(Membership), Box::new(Quotations), Box::new(Statistics), Box::new(Travel), Box::new(Events), Box::new(Places)]
}

/// Runs every extractor over `doc`, appending the facts of each in turn.
pub fn run_all(extractors: &[Box<dyn Extractor>], doc: &mut Document, ontology: &Ontology) {
    for extractor in extractors {
        let facts = extractor.extract(doc, ontology);
        doc.add_facts(facts);
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for extractor table tests.
    use super::*;
    use crate::document::{FactKind, Metadata};
    use std::sync::LazyLock;

    pub static ONTOLOGY: LazyLock<Ontology> = LazyLock::new(|| Ontology::builtin().unwrap());
    static RECOGNISER: LazyLock<crate::recognise::Recogniser> = LazyLock::new(|| crate::recognise::Recogniser::builtin().unwrap());
    static LINKER: LazyLock<crate::link::Linker> = LazyLock::new(crate::link::Linker::builtin);

    /// Recognises and links the names of `doc`, as the pipeline does before extraction.
    pub fn recognise(doc: &mut Document) {
        RECOGNISER.recognise(doc, &ONTOLOGY);
        LINKER.link(doc, &ONTOLOGY);
    }

    /// Segments `text`, recognises its names and runs the given extractors.
    pub fn run(text: &str, extractors: &[&dyn Extractor]) -> Document {
        let mut doc = Document::new(text, Metadata::default());
        recognise(&mut doc);
        for e in extractors {
            let facts = e.extract(&doc, &ONTOLOGY);
            doc.add_facts(facts);
        }
        doc
    }

    /// (text, the binary facts it states as (kind, subject, object)).
    pub type BinaryCase<'a> = (&'a str, &'a [(&'a str, &'a str, &'a str)]);

    /// Asserts, for each case, the binary facts `extractor` finds in the text,
    /// in any order.
    pub fn assert_binary_facts(extractor: &dyn Extractor, cases: &[BinaryCase]) {
        for (text, want) in cases {
            let doc = run(text, &[extractor]);
            let mut got = binary_facts(&doc);
            got.sort();
            let mut want: Vec<(&'static str, String, String)> = want
                .iter()
                .map(|(k, s, o)| (binary_facts_kind(k), s.to_string(), o.to_string()))
                .collect();
            want.sort();
            assert_eq!(got, want, "in {text:?}");
        }
    }

    fn binary_facts_kind(kind: &str) -> &'static str {
        ["memberOf", "affiliation", "containedIn", "travel", "jobTitle", "author"].into_iter().find(|k| *k == kind).expect("a fact kind")
    }

    /// Binary facts as (kind, subject text, object text), for easy asserts.
    pub fn binary_facts(doc: &Document) -> Vec<(&'static str, String, String)> {
        let m = |id: usize| doc.slice(doc.mentions[id].span).to_string();
        doc.facts
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::MemberOf { member, group } => Some(("memberOf", m(*member), m(*group))),
                FactKind::Affiliation { person, group } => Some(("affiliation", m(*person), m(*group))),
                FactKind::ContainedIn { inner, outer } => Some(("containedIn", m(*inner), m(*outer))),
                FactKind::Travel { agent, destination } => Some(("travel", m(*agent), m(*destination))),
                FactKind::JobTitle { person, title } => Some(("jobTitle", m(*person), title.clone())),
                FactKind::Author { person } => Some(("author", String::new(), m(*person))),
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::ONTOLOGY;
    use super::*;
    use crate::document::{FactKind, Metadata};

    fn pipeline(text: &str) -> Document {
        let mut doc = Document::new(text, Metadata::default());
        super::testing::recognise(&mut doc);
        run_all(&default_extractors(), &mut doc, &ONTOLOGY);
        doc
    }

    #[test]
    fn denied_facts_never_appear() {
        for text in [
            "Japan is not a member of the G7.",
            "Norway is no longer a member of the EU.",
            "Mayor Ann Holt will not travel to Kenya.",
            "Chancellor Olaf Brandt and Dr Ines Berg did not meet in Oslo.",
            "Finland never joined the African Union.",
        ] {
            let doc = pipeline(text);
            let stated: Vec<&FactKind> = doc.facts.iter().map(|f| &f.kind).filter(|k| !matches!(k, FactKind::JobTitle { .. } | FactKind::Statistic(_))).collect();
            assert!(stated.is_empty(), "{text:?} gave {stated:?}");
        }
    }

    #[test]
    fn capitalised_words_that_are_no_names_are_no_entities() {
        let doc = pipeline("Officials met on Monday. Speaking later, the minister agreed. Earlier this week prices rose. Under the plans, taxes fall.");
        let names: Vec<&str> = doc.mentions.iter().filter(|m| m.form.is_name()).map(|m| doc.slice(m.span)).collect();
        assert!(names.is_empty(), "{names:?}");
    }
}
