//! Authorship: "By Jane Doe" and the job line under it
//! ("Health correspondent, in Leeds").

use super::Extractor;
use crate::document::{Document, Fact, FactKind, Mention, MentionForm, ParagraphRole, Span};
use crate::ontology::{EntityType, Ontology};

pub struct Byline;

impl Extractor for Byline {
    fn name(&self) -> &'static str {
        "byline"
    }

    fn extract(&self, doc: &mut Document, _ontology: &Ontology) {
        let Some(p) = doc.paragraphs.iter().position(|p| p.role == ParagraphRole::Byline) else { return };
        let line = doc.paragraphs[p].span;
        let names = author_spans(&doc.text, line);
        let mut authors = Vec::new();
        for span in names {
            let id = doc.add_mention(Mention {
                span,
                sentence: None,
                class: EntityType::Person,
                form: MentionForm::Name,
                entry: None,
                alias_of: None,
                source: self.name(),
            });
            doc.facts.push(Fact { kind: FactKind::Author { person: id }, evidence: line, sentence: None, source: self.name() });
            authors.push(id);
        }
        let role = doc.paragraphs.get(p + 1).filter(|r| r.role == ParagraphRole::BylineRole).map(|r| r.span);
        if let (Some(role), [author]) = (role, authors.as_slice()) {
            let text = role.slice(&doc.text);
            let title = text.split([',', ';', '|']).next().unwrap_or(text).trim();
            if !title.is_empty() {
                let evidence = Span::new(role.start, role.start + title.len());
                doc.facts.push(Fact {
                    kind: FactKind::JobTitle { person: *author, title: title.to_string() },
                    evidence,
                    sentence: None,
                    source: self.name(),
                });
            }
        }
    }
}

/// The name spans of a byline: "By A, B and C".
fn author_spans(text: &str, line: Span) -> Vec<Span> {
    let body = line.slice(text);
    let Some(rest) = body.strip_prefix("By ") else { return Vec::new() };
    let mut spans = Vec::new();
    let mut offset = line.start + 3;
    for piece in rest.split_inclusive([',', '&']).flat_map(|p| p.split_inclusive(" and ")) {
        let name = piece.trim_end_matches(" and ").trim_end_matches([',', '&']).trim();
        if !name.is_empty() {
            let start = offset + piece.find(name).unwrap_or(0);
            spans.push(Span::new(start, start + name.len()));
        }
        offset += piece.len();
    }
    spans
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
