//! Speakers of a transcript: paragraphs that open with a name in capitals
//! and a colon, `RUIZ: We will stay.` or `"ODE: The port is open.`, as
//! interviews and debates are printed. A precise rule: it holds only in a
//! document with two such paragraphs or more (a transcript has turns), the
//! label is one to three words in capitals that no list gives as a heading
//! (`[quotes] not_speakers`: "UPDATE", "NOTE"), and a place the gazetteer
//! knows is a dateline, not a speaker. The label's span is exact; it is a
//! person. Who says the words after it, `crate::extract::quotes` decides.

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, EntityType, ParagraphRole, Span};
use crate::ontology::Ontology;

pub struct TranscriptSpeakers;

/// The most words a speaker's label has ("MR. ODE", "ANA MARIA RUIZ").
const MAX_WORDS: usize = 3;

impl CandidateSource for TranscriptSpeakers {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        let labels: Vec<Span> = doc
            .paragraphs
            .iter()
            .filter(|p| p.role == ParagraphRole::Prose)
            .filter_map(|p| label(&doc.text, p.span, ontology))
            .collect();
        if labels.len() < 2 {
            return Vec::new();
        }
        labels.into_iter().map(|span| Candidate { span, class: EntityType::Person, origin: Origin::Transcript, entry: None }).collect()
    }
}

/// The speaker's label opening `paragraph`, if it has one.
fn label(text: &str, paragraph: Span, ontology: &Ontology) -> Option<Span> {
    let line = paragraph.slice(text);
    let lead = line.len() - line.trim_start_matches(['"', '\u{201c}', '\'', '\u{2018}']).len();
    let rest = &line[lead..];
    let colon = rest.find(": ")?;
    let name = &rest[..colon];
    let words: Vec<&str> = name.split(' ').collect();
    let capitals = |w: &str| w.chars().any(char::is_alphabetic) && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '-' | '\u{2019}'));
    if words.len() > MAX_WORDS || !words.iter().all(|w| capitals(w)) || name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let lower = name.to_lowercase();
    // "PARIS" is looked up as "Paris"
    let title_case: String = lower.split(' ').map(|w| w.chars().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c }).collect::<String>()).collect::<Vec<_>>().join(" ");
    let place = [name, title_case.as_str()].iter().any(|n| ontology.gazetteer.lookup(n).is_some_and(|e| ontology.gazetteer.entries[e].class.is_place()));
    if ontology.lexicon.quotes.not_speakers.contains(&lower) || place {
        return None;
    }
    // "MR. ODE": the honorific is no part of the name
    let honorific = ["MR. ", "MRS. ", "MS. ", "DR. "].iter().find(|h| name.starts_with(*h)).map_or(0, |h| h.len());
    let start = paragraph.start + lead + honorific;
    Some(Span::new(start, paragraph.start + lead + colon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_speakers_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Part of the interview:\n\n\"RUIZ: We will stay.\n\n\"ODE: Will you?\n\nRUIZ: Yes.", &["RUIZ", "ODE", "RUIZ"]),
            ("MR. ODE: The port is open.\n\nANA MARIA RUIZ: Is it?", &["ODE", "ANA MARIA RUIZ"]),
            // one label is no transcript; headings and datelines are no speakers
            ("RUIZ: We will stay.\n\nThe port reopened.", &[]),
            ("UPDATE: The port reopened.\n\nNOTE: Times are local.", &[]),
            ("PARIS: The port reopened.\n\nLONDON: Trains ran late.", &[]),
            // lower-case words, or too many of them: no label
            ("Ruiz: We stay.\n\nOde: We go.", &[]),
        ];
        super::super::tests::assert_source_table(&TranscriptSpeakers, cases);
    }
}
