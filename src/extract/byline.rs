//! Authorship: whoever the byline names ("By Jane Doe", a name the
//! recogniser's byline source made; "By Reuters", an agency) wrote the
//! article, and its role is a single author's title: after a comma in the
//! byline ("By Jane Doe, health reporter") or on the line under it ("Health
//! correspondent, in Leeds"). Wire credits anywhere in the article name
//! authors too: "Reporting by A; Additional reporting by B" (editors, in
//! "Editing by C", are not authors and are left out), and so do the agency
//! of a wire dateline ("OSLO (Harbour Wire) - …") and a sign-off ("— The
//! Harbour Wire").

use super::Extractor;
use crate::document::{Document, Fact, FactKind, MentionId, ParagraphRole, Span};
use crate::ontology::Ontology;
use crate::recognise::byline::{author_spans, credit_spans, sign_off, wire_agency};

pub struct Byline;

impl Extractor for Byline {
    fn name(&self) -> &'static str {
        "byline"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let mut facts = Vec::new();
        let author = |person: MentionId, line: Span| Fact { kind: FactKind::Author { person }, evidence: line, sentence: None, source: "byline" };
        for line in doc.paragraphs_with(ParagraphRole::Credits) {
            for (what, span) in credit_spans(&doc.text, line.span) {
                if let Some(m) = doc.mention_at(span).filter(|_| ontology.lexicon.byline.authoring.contains(&what)) {
                    facts.push(author(m, line.span));
                }
            }
        }
        // "OSLO (Harbour Wire) - …", "— The Harbour Wire"
        for span in wire_agency(doc).into_iter().chain(sign_off(doc)) {
            if let Some(m) = doc.mention_at(span) {
                facts.push(author(m, span));
            }
        }
        let Some(p) = doc.paragraphs.iter().position(|p| p.role == ParagraphRole::Byline) else { return facts };
        let line = doc.paragraphs[p].span;
        let spans = author_spans(&doc.text, line, ontology);
        let authors: Vec<MentionId> = spans.iter().filter_map(|&s| doc.mention_at(s)).collect();
        for &person in &authors {
            facts.push(author(person, line));
        }
        // the role: what follows the last name in the byline, else the line under it
        let inline = spans.last().and_then(|last| inline_role(&doc.text, Span::new(last.end, line.end)));
        let role = inline.or_else(|| {
            let under = doc.paragraphs.get(p + 1).filter(|r| r.role == ParagraphRole::BylineRole)?.span;
            let text = under.slice(&doc.text);
            let title = text.split([',', ';', '|']).next().unwrap_or(text).trim();
            Some(Span::new(under.start, under.start + title.len()))
        });
        if let (Some(role), [author]) = (role, authors.as_slice()) {
            let title = role.slice(&doc.text).to_string();
            if !title.is_empty() {
                facts.push(Fact { kind: FactKind::JobTitle { person: *author, title }, evidence: role, sentence: None, source: self.name() });
            }
        }
        facts
    }
}

/// The role after a byline's last name: ", transport reporter" (up to a
/// place: "…, reporter in Oslo"); none for " in Oslo" alone.
fn inline_role(text: &str, rest: Span) -> Option<Span> {
    let after = rest.slice(text);
    let role = after.strip_prefix(',')?;
    let start = rest.start + 1 + (role.len() - role.trim_start().len());
    let role = role.trim_start();
    let role = role.split(" in ").next().unwrap_or(role).trim_end();
    (!role.is_empty()).then(|| Span::new(start, start + role.len()))
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
            (
                "By Lea Moss, transport reporter\nThe ferry sailed late.",
                &[("author", "", "Lea Moss"), ("jobTitle", "Lea Moss", "transport reporter")],
            ),
            ("By Lea Moss in Bergen\nThe ferry sailed late.", &[("author", "", "Lea Moss")]),
            ("OSLO (Harbour Wire) - Ferry crews returned to work on Monday, the union said.", &[("author", "", "Harbour Wire")]),
            (
                "The ferry sailed late.\nReporting by Lea Moss; Additional reporting by Ole Lund; Editing by Kai Berg",
                &[("author", "", "Lea Moss"), ("author", "", "Ole Lund")],
            ),
        ];
        assert_binary_facts(&Byline, cases);
    }
}
