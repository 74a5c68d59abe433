//! A person after an abbreviated title, in news style: "Sen. Ann Holt",
//! "Retired Lt. Gen. Ben Ode", "Gov. Holt". A precise rule: the title is
//! one of the lexicon's abbreviations (`[names] title_abbreviations`), and
//! one to three capitalised words follow it on its line (a middle initial
//! may stand among them). The name is the person, without the title, as
//! the corpora mark it.

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, EntityType, Span};
use crate::ontology::Ontology;

/// The most words of a name after a title.
const NAME_WORDS: usize = 3;

pub struct TitledNames;

impl CandidateSource for TitledNames {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        let abbreviations = &ontology.lexicon.names.title_abbreviations;
        let (tokens, text) = (&doc.tokens, &doc.text);
        // a capitalised word and the full stop right after it ("Gen" ".")
        let abbreviated = |i: usize| {
            i + 1 < tokens.len() && text[tokens[i].start..].starts_with(|c: char| c.is_ascii_uppercase()) && tokens[i + 1].start == tokens[i].end && &text[tokens[i + 1].start..tokens[i + 1].end] == "."
        };
        let mut out = Vec::new();
        let mut t = 0;
        while t < tokens.len() {
            if !abbreviated(t) {
                t += 1;
                continue;
            }
            // the longest title at t: "Lt. Gen." before "Lt."
            let two = abbreviated(t + 2) && &text[tokens[t + 1].end..tokens[t + 2].start] == " " && abbreviations.contains(&text[tokens[t].start..tokens[t + 3].end]);
            let after = if two {
                t + 4
            } else if abbreviations.contains(&text[tokens[t].start..tokens[t + 1].end]) {
                t + 2
            } else {
                t += 1;
                continue;
            };
            if let Some(span) = name_after(doc, after) {
                out.push(Candidate { span, class: EntityType::Person, origin: Origin::Titled, entry: None });
            }
            t = after;
        }
        out
    }
}

/// The name that opens at token `start` on its line: one to three
/// capitalised words, middle initials ("J.") among them, not ending on an
/// initial, and no fourth capitalised word after them.
fn name_after(doc: &Document, start: usize) -> Option<Span> {
    let tokens = &doc.tokens;
    let word = |i: usize| tokens.get(i).map_or("", |s| &doc.text[s.start..s.end]);
    let (mut i, mut words, mut last) = (start, 0, None);
    while i < tokens.len() && (i == start || doc.same_line(i - 1, i)) {
        let w = word(i);
        let initial = w.len() == 1 && w.starts_with(|c: char| c.is_ascii_uppercase()) && word(i + 1) == "." && tokens[i + 1].start == tokens[i].end;
        if initial {
            i += 2;
            continue;
        }
        if !super::is_name_word(w) {
            break;
        }
        words += 1;
        if words > NAME_WORDS {
            return None;
        }
        last = Some(i);
        i += 1;
    }
    // not ending on an initial
    let last = last.filter(|&l| l + 1 == i)?;
    Some(tokens[start].cover(tokens[last]))
}

#[cfg(test)]
mod tests {
    use super::TitledNames;
    use crate::recognise::tests::assert_source_table;

    #[test]
    fn titled_names() {
        assert_source_table(
            &TitledNames,
            &[
                ("Retired Lt. Gen. Ben Ode said it.", &["Ben Ode"]),
                ("Sen. Ann J. Holt spoke.", &["Ann J. Holt"]),
                ("Later Gov. Holt spoke.", &["Holt"]),
                ("It was Rep. Ben Ode, R-Maine.", &["Ben Ode"]),
                // no name after it, a name too long, or a title across a line
                ("It was Sen. and then Rep. work.", &[]),
                ("Sen. Ann Holt Reed Mills Fund spoke.", &[]),
            ],
        );
    }
}
