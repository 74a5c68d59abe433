//! Entities the gazetteer knows, matched leftmost-longest in every sentence.

use super::Extractor;
use crate::document::{Document, Mention, MentionForm, Span};
use crate::ontology::Ontology;

pub struct GazetteerEntities;

impl Extractor for GazetteerEntities {
    fn name(&self) -> &'static str {
        "gazetteer"
    }

    fn extract(&self, doc: &mut Document, ontology: &Ontology) {
        let gazetteer = &ontology.gazetteer;
        for i in 0..doc.sentences.len() {
            let sentence = doc.sentences[i].span;
            for hit in gazetteer.find(sentence.slice(&doc.text)) {
                let span = Span::new(sentence.start + hit.start, sentence.start + hit.end);
                doc.add_mention(Mention {
                    span,
                    sentence: Some(i),
                    class: gazetteer.entries[hit.entry].class,
                    form: MentionForm::Name,
                    entry: Some(hit.entry),
                    alias_of: None,
                    source: self.name(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::run;

    #[test]
    fn gazetteer_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Leaders met in Berlin and Warsaw.", &["Berlin", "Warsaw"]),
            ("The UN Security Council met.", &["UN Security Council"]),
            ("Nato and the EU disagreed with Washington, D.C. officials.", &["Nato", "EU", "Washington, D.C."]),
            ("Unionists in Ukrainian towns.", &[]),
        ];
        for (text, want) in cases {
            let doc = run(text, &[]);
            let got: Vec<&str> = doc.mentions.iter().map(|m| doc.slice(m.span)).collect();
            assert_eq!(got, *want, "in {text:?}");
        }
    }
}
