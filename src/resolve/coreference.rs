//! Who the mentions that are no names stand for, read once every fact is
//! known:
//!
//! - a title phrase ("the chancellor") is the person who last held that
//!   title in the article, by a job title stated before it ("Chancellor
//!   Olaf Brandt", "Tom Reed, the city's mayor"); one that no one held is
//!   someone of its own only as a quotation's speaker (an unnamed source,
//!   as "the spokeswoman said" is), and otherwise no one;
//! - a description ("a senior police source") is someone of its own only
//!   when a fact refers to it (it spoke a quotation); otherwise no one;
//! - a nationality word ("French") is its country only when a fact refers
//!   to it (an affiliation): alone, it names no entity;
//! - a pronoun a fact refers to ("he said") is the nearest person before
//!   it who is someone: a name, a title phrase someone held, or a
//!   description that is someone. An unreferenced pronoun is no one.
//!
//! Names stand for themselves; resolution groups them by their words.

use crate::document::{Document, FactKind, MentionForm, MentionId};

/// What a mention stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Referent {
    /// An entity of its own, grouped with others by its words.
    Itself,
    /// The entity of an earlier mention.
    Alias(MentionId),
    /// No entity.
    Nobody,
}

/// What each mention of `doc` stands for, by mention id.
pub fn referents(doc: &Document) -> Vec<Referent> {
    let referred = referred(doc);
    let speaks = speakers(doc);
    let mut out: Vec<Referent> = doc
        .mentions
        .iter()
        .enumerate()
        .map(|(m, mention)| match mention.form {
            MentionForm::Name => Referent::Itself,
            MentionForm::Title => match doc.title_held_before(m) {
                Some(person) => Referent::Alias(person),
                None if speaks[m] => Referent::Itself,
                None => Referent::Nobody,
            },
            MentionForm::Description | MentionForm::Demonym if referred[m] => Referent::Itself,
            MentionForm::Description | MentionForm::Demonym | MentionForm::Pronoun => Referent::Nobody,
        })
        .collect();
    for m in 0..doc.mentions.len() {
        if doc.mentions[m].form == MentionForm::Pronoun && referred[m] {
            if let Some(a) = antecedent(doc, &out, m) {
                out[m] = Referent::Alias(a);
            }
        }
    }
    out
}

/// Whether some fact refers to each mention.
fn referred(doc: &Document) -> Vec<bool> {
    let mut referred = vec![false; doc.mentions.len()];
    let mut mark = |m: MentionId| referred[m] = true;
    for fact in &doc.facts {
        match &fact.kind {
            FactKind::MemberOf { member: a, group: b }
            | FactKind::Affiliation { person: a, group: b }
            | FactKind::ContainedIn { inner: a, outer: b }
            | FactKind::Travel { agent: a, destination: b } => {
                mark(*a);
                mark(*b);
            }
            FactKind::JobTitle { person, .. } | FactKind::Author { person } => mark(*person),
            FactKind::Quotation { speaker, .. } => speaker.iter().copied().for_each(&mut mark),
            FactKind::Statistic(_) => {}
            FactKind::Event(event) => event.attendees.iter().copied().chain(event.location).for_each(&mut mark),
        }
    }
    referred
}

/// Whether each mention speaks a quotation.
fn speakers(doc: &Document) -> Vec<bool> {
    let mut speaks = vec![false; doc.mentions.len()];
    for fact in &doc.facts {
        if let FactKind::Quotation { speaker: Some(m), .. } = fact.kind {
            speaks[m] = true;
        }
    }
    speaks
}

/// The person a pronoun stands for: the nearest person mentioned before it
/// who is someone.
fn antecedent(doc: &Document, referents: &[Referent], pronoun: MentionId) -> Option<MentionId> {
    let at = doc.mentions[pronoun].span.start;
    doc.mentions_before(at).find(|&m| {
        let mention = &doc.mentions[m];
        mention.class.is_person() && mention.span.end <= at && mention.form != MentionForm::Pronoun && referents[m] != Referent::Nobody
    })
}

#[cfg(test)]
mod tests {
    use super::super::{resolve, Resolution};
    use crate::document::{Document, Metadata};
    use crate::ontology::Ontology;
    use std::sync::LazyLock;

    static ONTOLOGY: LazyLock<Ontology> = LazyLock::new(|| Ontology::builtin().unwrap());
    static RECOGNISER: LazyLock<crate::recognise::Recogniser> = LazyLock::new(|| crate::recognise::Recogniser::builtin().unwrap());
    static LINKER: LazyLock<crate::link::Linker> = LazyLock::new(crate::link::Linker::builtin);

    /// Recognises, links, extracts and resolves `text`.
    fn read(text: &str) -> (Document, Resolution) {
        let mut doc = Document::new(text, Metadata::default());
        RECOGNISER.recognise(&mut doc, &ONTOLOGY);
        LINKER.link(&mut doc, &ONTOLOGY);
        crate::extract::run_all(&crate::extract::default_extractors(), &mut doc, &ONTOLOGY);
        let resolution = resolve(&doc, &ONTOLOGY);
        (doc, resolution)
    }

    /// The name of the entity the mention written `surface` stands for.
    fn who(text: &str, surface: &str) -> Option<String> {
        let (doc, resolution) = read(text);
        let m = doc.mentions.iter().position(|m| doc.slice(m.span) == surface).unwrap_or_else(|| panic!("no mention {surface:?} in {text:?}"));
        resolution.entity(m).map(|e| e.name.clone())
    }

    #[test]
    fn title_phrases_are_the_person_who_last_held_the_title() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("German Chancellor Olaf Brandt spoke. Later the chancellor left.", "the chancellor", Some("Olaf Brandt")),
            // the latest holder
            ("Mayor Ann Holt met Governor Tom Reed. The governor agreed.", "The governor", Some("Tom Reed")),
            // a title that ends the one held
            ("Foreign Minister Ana Ruiz landed at dawn. The minister went straight to the talks.", "The minister", Some("Ana Ruiz")),
            // no one held it, or not before the phrase: no one
            ("The president spoke first.", "The president", None),
            ("The mayor spoke first. Mayor Ann Holt agreed.", "The mayor", None),
        ];
        for (text, phrase, want) in cases {
            assert_eq!(who(text, phrase).as_deref(), *want, "{phrase:?} in {text:?}");
        }
    }

    #[test]
    fn a_title_phrase_no_one_held_adds_no_entity() {
        let (_, resolution) = read("The president waved to the crowd.");
        let names: Vec<&str> = resolution.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn pronouns_that_speak_are_the_last_person_who_is_someone() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Tom Price won the race. \"I am thrilled,\" he said.", Some("Tom Price")),
            // a title phrase no one held is skipped
            ("Ann Holt arrived late. The president waved. \"Thank you all,\" she said.", Some("Ann Holt")),
            // a title phrase someone held is that person
            ("Mayor Ann Holt arrived. Later the mayor thanked the crews. \"They were brave,\" she said.", Some("Ann Holt")),
            // no one named before
            ("\"We will win,\" she said.", None),
        ];
        for (text, want) in cases {
            let (doc, resolution) = read(text);
            let pronoun = doc.mentions.iter().rposition(|m| m.form == crate::document::MentionForm::Pronoun).expect("a pronoun");
            assert_eq!(resolution.entity(pronoun).map(|e| e.name.as_str()), *want, "in {text:?}");
            // a pronoun is no evidence of a name: neither a mention nor an alias
            for entity in &resolution.entities {
                assert!(!entity.mentions.contains(&pronoun) && !entity.aliases.iter().any(|a| a == "he" || a == "she"), "in {text:?}");
            }
        }
    }

    #[test]
    fn descriptions_and_nationality_words_are_someone_only_when_a_fact_refers_to_them() {
        assert_eq!(who("\"It is over,\" a senior police source said.", "a senior police source").as_deref(), Some("senior police source"));
        assert_eq!(who("A senior police source said nothing.", "A senior police source"), None);
        // "Danish": Denmark by an affiliation, nobody alone
        let denmark = |text: &str| read(text).1.entities.iter().any(|e| e.name == "Denmark");
        assert!(denmark("The Danish foreign minister, Ana Ruiz, spoke."));
        assert!(!denmark("Danish exports of pork rose sharply."));
        assert_eq!(who("Danish exports of pork rose sharply.", "Danish"), None);
    }

    #[test]
    fn a_company_is_called_by_the_words_before_its_legal_form() {
        let text = "Shares of Harlow Mills Inc rose. Analysts said Harlow could sell its plant in Dover. Harlow declined to comment.";
        let (doc, resolution) = read(text);
        let company = resolution.entities.iter().find(|e| e.name == "Harlow Mills Inc").expect("the company");
        assert!(company.class.is_organization(), "{:?}", company.class);
        for (m, mention) in doc.mentions.iter().enumerate() {
            if doc.slice(mention.span) == "Harlow" {
                assert_eq!(resolution.entity(m).map(|e| e.name.as_str()), Some("Harlow Mills Inc"));
            }
        }
        // a person is not a company's short name: "Harlow" alone stays apart
        // from a club without a legal form when it names another kind
        assert_ne!(who("The Harlow Rowing Club won. Dan Harlow was its captain.", "Dan Harlow").as_deref(), Some("Harlow Rowing Club"));
    }

    #[test]
    fn a_products_maker_alone_is_a_company() {
        let text = "Orvane unveiled the Orvane T450 on Monday. Orvane said the T450 would ship in May.";
        let (doc, resolution) = read(text);
        let product = resolution.entities.iter().find(|e| e.name == "Orvane T450").expect("the product");
        assert_eq!(product.class, crate::document::EntityType::Product);
        let model = doc.mentions.iter().position(|m| doc.slice(m.span) == "T450").expect("the code alone");
        assert_eq!(resolution.entity(model).map(|e| e.name.as_str()), Some("Orvane T450"));
        let maker = resolution.entities.iter().find(|e| e.name == "Orvane").expect("the maker");
        assert!(maker.class.is_organization(), "{:?}", maker.class);
    }

    #[test]
    fn two_people_who_share_a_surname_stay_two() {
        let text = "Ana Ruiz met voters on Monday. Her husband Luis Ruiz stayed home. Ruiz said the race was close.";
        let (doc, resolution) = read(text);
        let people: Vec<&str> = resolution.entities.iter().filter(|e| e.class.is_person()).map(|e| e.name.as_str()).collect();
        assert!(people.contains(&"Ana Ruiz") && people.contains(&"Luis Ruiz"), "{people:?}");
        // the surname alone is the one named nearest before it
        let surname = doc.mentions.iter().position(|m| doc.slice(m.span) == "Ruiz").expect("the surname");
        assert_eq!(resolution.entity(surname).map(|e| e.name.as_str()), Some("Luis Ruiz"));
        // a middle initial names the same person
        let (_, resolution) = read("Ana M. Ruiz spoke first. Later Ana Ruiz left. Ruiz declined to comment.");
        let people: Vec<&str> = resolution.entities.iter().filter(|e| e.class.is_person()).map(|e| e.name.as_str()).collect();
        assert_eq!(people, ["Ana M. Ruiz"]);
    }
}
