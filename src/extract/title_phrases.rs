//! Title phrases that stand for a person named earlier: "the chancellor"
//! after "German Chancellor Olaf Brandt", "the mayor" after "Mayor Ann
//! Holt". The phrase becomes a description
//! mention that is an alias of the person who last held that title in the
//! article; a phrase no one held names nobody.

use super::words::Words;
use super::Extractor;
use crate::document::{Document, FactKind, Mention, MentionForm, MentionId, Span};
use crate::ontology::{EntityType, Ontology};

pub struct TitlePhrases;

impl Extractor for TitlePhrases {
    fn name(&self) -> &'static str {
        "title_phrases"
    }

    fn extract(&self, doc: &mut Document, ontology: &Ontology) {
        // every title held, by where it was stated
        let mut held: Vec<(usize, String, MentionId)> = doc
            .facts
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::JobTitle { person, title } => Some((f.evidence.start, title.to_lowercase(), *person)),
                _ => None,
            })
            .collect();
        held.sort();
        for s in 0..doc.sentences.len() {
            let words = Words::of_sentence(doc, s);
            let mut found: Vec<(Span, MentionId)> = Vec::new();
            for i in 0..words.len() {
                if words.word(i) != "the" {
                    continue;
                }
                let Some(end) = ontology.title_end(|k| words.word(k), i + 1) else { continue };
                // "the mayor's aide", "the President Joe Biden": not the phrase alone
                let next = words.spans.get(end).map_or("", |t| doc.slice(*t));
                if next.starts_with(['\'', '\u{2019}']) || words.word(end) == "'s" || next.starts_with(char::is_uppercase) {
                    continue;
                }
                let span = words.span(i, end);
                if !doc.mentions_overlapping(span).is_empty() {
                    continue;
                }
                let title = words.span(i + 1, end).slice(&doc.text).to_lowercase();
                let holder = held
                    .iter()
                    .rev()
                    .filter(|(at, _, _)| *at < span.start)
                    .find(|(_, t, _)| *t == title || t.ends_with(&format!(" {title}")))
                    .map(|&(_, _, person)| person);
                if let Some(person) = holder {
                    found.push((span, person));
                }
            }
            for (span, person) in found {
                doc.add_mention(Mention {
                    span,
                    sentence: Some(s),
                    class: EntityType::Person,
                    form: MentionForm::Description,
                    entry: None,
                    alias_of: Some(person),
                    source: self.name(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::run;
    use crate::extract::Titles;

    #[test]
    fn title_phrases_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("German Chancellor Olaf Brandt spoke. Later the chancellor left.", &[("the chancellor", "Olaf Brandt")]),
            ("Mayor Ann Holt met Governor Tom Reed. The governor agreed.", &[("The governor", "Tom Reed")]),
            ("The president spoke first.", &[]),
            ("President Ada Ruiz arrived. The president's aide spoke.", &[]),
        ];
        for (text, want) in cases {
            let doc = run(text, &[&Titles, &TitlePhrases]);
            let got: Vec<(&str, &str)> = doc
                .mentions
                .iter()
                .filter(|m| m.source == "title_phrases")
                .map(|m| (doc.slice(m.span), doc.slice(doc.mentions[m.alias_of.unwrap()].span)))
                .collect();
            assert_eq!(got, *want, "in {text:?}");
        }
    }
}
