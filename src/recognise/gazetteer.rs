//! Names the gazetteer knows, matched leftmost-longest in every sentence.

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, Span};
use crate::ontology::Ontology;

pub struct GazetteerNames;

impl CandidateSource for GazetteerNames {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        let gazetteer = &ontology.gazetteer;
        let mut out = Vec::new();
        for sentence in &doc.sentences {
            let span = sentence.span;
            for hit in gazetteer.find(span.slice(&doc.text)) {
                out.push(Candidate {
                    span: Span::new(span.start + hit.start, span.start + hit.end),
                    class: gazetteer.entries[hit.entry].class,
                    origin: Origin::Gazetteer,
                    entry: Some(hit.entry),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Leaders met in Berlin and Warsaw.", &["Berlin", "Warsaw"]),
            ("The UN Security Council met.", &["UN Security Council"]),
            ("Nato and the EU disagreed with Washington, D.C. officials.", &["Nato", "EU", "Washington, D.C."]),
            ("Unionists in Ukrainian towns.", &[]),
        ];
        super::super::tests::assert_source_table(&GazetteerNames, cases);
    }
}
