//! Linking: which known entity a recognised name is.
//!
//! Runs after recognition and before resolution. Today the knowledge is the
//! gazetteer: a name links to the entry written exactly so (its name or an
//! alias, a possessive "'s" aside) when the entry is of the same coarse kind
//! as the recognised class; the mention then takes the entry's finer class
//! ("Place" becomes "Country"). A name of another kind stays unlinked:
//! "Jordan" the person is not the country.

use crate::document::{Document, MentionForm};
use crate::ontology::Ontology;

pub fn link(doc: &mut Document, ontology: &Ontology) {
    let gazetteer = &ontology.gazetteer;
    for i in 0..doc.mentions.len() {
        let m = &doc.mentions[i];
        if m.form != MentionForm::Name {
            continue;
        }
        let surface = m.span.slice(&doc.text);
        let bare = surface.strip_suffix("'s").or_else(|| surface.strip_suffix("\u{2019}s")).unwrap_or(surface);
        let entry = m.entry.or_else(|| gazetteer.lookup(surface)).or_else(|| gazetteer.lookup(bare));
        let linked = entry.filter(|&e| gazetteer.entries[e].class.kind() == m.class.kind());
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
    use crate::ontology::EntityType;

    fn linked(text: &str, name: &str, class: EntityType) -> (EntityType, bool) {
        let ontology = Ontology::builtin().unwrap();
        let mut doc = Document::new(text, Metadata::default());
        let at = text.find(name).unwrap();
        doc.add_mention(Mention { span: Span::new(at, at + name.len()), sentence: Some(0), class, form: MentionForm::Name, entry: None, source: "test" });
        link(&mut doc, &ontology);
        (doc.mentions[0].class, doc.mentions[0].entry.is_some())
    }

    #[test]
    fn names_link_to_entries_of_their_kind() {
        assert_eq!(linked("She flew to France.", "France", EntityType::Place), (EntityType::Country, true));
        assert_eq!(linked("France's exports grew.", "France's", EntityType::Place), (EntityType::Country, true));
        assert_eq!(linked("Ms France Dubois spoke.", "France", EntityType::Person), (EntityType::Person, false));
        assert_eq!(linked("The Zyxwv Group grew.", "Zyxwv Group", EntityType::Organization), (EntityType::Organization, false));
    }
}
