//! A person's surname alone, after the tagger found the full name
//! elsewhere in the document ("Ana Ruiz … Ruiz said"): the tagger reads
//! each word in its sentence and misses a surname that is also a common
//! word ("Pence", "Young") or types one as a place; the document says who
//! it is (Ratinov & Roth 2009's document-level consistency).

use super::Candidate;
use crate::document::{Document, EntityType};
use crate::ontology::Ontology;

/// The tagger's `found` names with each person's surname, standing alone
/// elsewhere in `doc`, added as that person (or retyped as one where the
/// tagger read it as a place or a thing). Only names a given name opens
/// count ("Ana Ruiz", not "Excluding Orsk"), and no surname the gazetteer
/// lists as something else ("Tom Jordan" says nothing of "Jordan").
pub fn with_surname_echoes(doc: &Document, mut found: Vec<Candidate>, ontology: &Ontology) -> Vec<Candidate> {
    let mut surnames: Vec<&str> = found
        .iter()
        .filter(|c| c.class.is_person())
        .filter_map(|c| {
            // a name a given name opens, whose last word names nothing else
            let name = doc.slice(c.span);
            let (first, last) = (name.split(' ').next()?, name.rsplit_once(' ')?.1);
            let surname = last.chars().count() > 1 && last.starts_with(char::is_uppercase) && last.chars().any(char::is_lowercase);
            // "Anna of Orsk" names her by a place
            (surname && !name.contains(" of ") && ontology.given_names.contains(first) && ontology.gazetteer.lookup(last).is_none()).then_some(last)
        })
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    let abbreviations = &ontology.lexicon.names.title_abbreviations;
    found.sort_by_key(|c| c.span);
    let mut echoes = Vec::new();
    for surname in surnames {
        let lower = surname.to_lowercase();
        // (a word the text also writes in lower case is no name at a sentence's start)
        let common = super::written_in_lower_case(doc, &lower);
        for &t in doc.lower_tokens.positions(&lower, 0..doc.tokens.len()) {
            let t = t as usize;
            let span = doc.tokens[t];
            if doc.slice(span) != surname {
                continue;
            }
            let overlapping = super::overlapping(&found, span);
            if let Some(c) = found[overlapping.clone()].iter_mut().find(|c| c.span == span) {
                // a person's surname the tagger read as a place or a thing
                if c.class.is_place() || c.class == EntityType::Thing {
                    c.class = EntityType::Person;
                }
                continue;
            }
            if !overlapping.is_empty() || !stands_alone(doc, t, common, abbreviations) {
                continue;
            }
            echoes.push(Candidate { span, class: EntityType::Person, origin: super::Origin::Tagger, entry: None });
        }
    }
    found.extend(echoes);
    found.sort_by_key(|c| c.span);
    found
}

/// Whether token `t` is a name of one word: no capitalised word joins it
/// on its line, but a title before it ("Sen. Ruiz"); at a sentence's start,
/// only when the document never writes the word in lower case (`common`:
/// "Young said" but not "Young voters", if "young" occurs).
fn stands_alone(doc: &Document, t: usize, common: bool, abbreviations: &crate::ontology::WordList) -> bool {
    let capital = |i: usize| doc.tokens.get(i).is_some_and(|s| doc.slice(*s).starts_with(char::is_uppercase));
    if capital(t + 1) && doc.same_line(t, t + 1) {
        return false;
    }
    if doc.starts_sentence(t) {
        return !common;
    }
    let Some(before) = t.checked_sub(1) else { return true };
    let previous = doc.slice(doc.tokens[before]);
    !(capital(before) && doc.same_line(before, t)) || abbreviations.contains(previous) || abbreviations.contains(&format!("{previous}."))
}

#[cfg(test)]
mod tests {
    use super::with_surname_echoes;
    use crate::document::{Document, EntityType, Metadata, Span};
    use crate::ontology::Ontology;
    use crate::recognise::{Candidate, Origin};

    /// The names after echoes, given the tagger found `person` in `text`.
    fn echoed(text: &str, person: &str) -> Vec<String> {
        let ontology = Ontology::builtin().unwrap();
        let doc = Document::new(text, Metadata::default());
        let start = text.find(person).unwrap();
        let found = vec![Candidate { span: Span::new(start, start + person.len()), class: EntityType::Person, origin: Origin::Tagger, entry: None }];
        with_surname_echoes(&doc, found, &ontology).into_iter().map(|c| format!("{} {}", c.span.start, doc.slice(c.span))).collect()
    }

    #[test]
    fn a_surname_alone_is_the_person_named_in_full_elsewhere() {
        let text = "Tom Pence spoke on Monday.\n\n\"We are ready,\" Pence said. Sen. Pence left. The price rose ten pence.";
        assert_eq!(echoed(text, "Tom Pence"), ["0 Tom Pence", "44 Pence", "61 Pence"]);
        // not a word of a longer name, nor a sentence's first word the text
        // also writes in lower case
        assert_eq!(echoed("Ana Young won. Young voters cheered. The young crowd left. Young Street closed.", "Ana Young"), ["0 Ana Young"]);
        assert_eq!(echoed("Ana Young won. Young thanked them.", "Ana Young"), ["0 Ana Young", "15 Young"]);
        // only a name a given name opens, whose last word names no place
        assert_eq!(echoed("Excluding Brazil, sales rose. Brazil fell.", "Excluding Brazil"), ["0 Excluding Brazil"]);
        assert_eq!(echoed("Tom Brazil spoke. Brazil fell.", "Tom Brazil"), ["0 Tom Brazil"]);
    }
}
