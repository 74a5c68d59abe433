//! Authorship: whoever the byline names ("By Jane Doe", a name the
//! recogniser's byline source made; "By Reuters", an agency) wrote the
//! article, and the job line under a single author is their title
//! ("Health correspondent, in Leeds").

use super::Extractor;
use crate::document::{Document, Fact, FactKind, ParagraphRole, Span};
use crate::ontology::Ontology;

pub struct Byline;

impl Extractor for Byline {
    fn name(&self) -> &'static str {
        "byline"
    }

    fn extract(&self, doc: &Document, _ontology: &Ontology) -> Vec<Fact> {
        let mut facts = Vec::new();
        let Some(p) = doc.paragraphs.iter().position(|p| p.role == ParagraphRole::Byline) else { return facts };
        let line = doc.paragraphs[p].span;
        let authors: Vec<_> = doc.mentions_in(line).into_iter().filter(|&m| doc.mentions[m].form.is_name()).collect();
        for &person in &authors {
            facts.push(Fact { kind: FactKind::Author { person }, evidence: line, sentence: None, source: self.name() });
        }
        let role = doc.paragraphs.get(p + 1).filter(|r| r.role == ParagraphRole::BylineRole).map(|r| r.span);
        if let (Some(role), [author]) = (role, authors.as_slice()) {
            let text = role.slice(&doc.text);
            let title = text.split([',', ';', '|']).next().unwrap_or(text).trim();
            if !title.is_empty() {
                let evidence = Span::new(role.start, role.start + title.len());
                facts.push(Fact {
                    kind: FactKind::JobTitle { person: *author, title: title.to_string() },
                    evidence,
                    sentence: None,
                    source: self.name(),
                });
            }
        }
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::{assert_binary_facts, BinaryCase};

    #[test]
    fn byline_table() {
        let cases: &[BinaryCase] = &[
            (
                "By Jane Doe\nHealth correspondent, in Leeds\nA vaccine was approved today.",
                &[("author", "", "Jane Doe"), ("jobTitle", "Jane Doe", "Health correspondent")],
            ),
            (
                "By Ann Lee and Bo Park\nScience team\nThe probe landed.",
                &[("author", "", "Ann Lee"), ("author", "", "Bo Park")],
            ),
            ("By the river, a crowd gathered on Sunday morning.", &[]),
        ];
        assert_binary_facts(&Byline, cases);
    }
}
