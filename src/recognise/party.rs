//! A party letter after a politician's name, in US style: "Ann Holt
//! (D-Calif.)", "Tom Reed (R-Texas)". A precise rule: the letter stands
//! for the party the lexicon gives it (`[names.party_letters]`), a
//! gazetteer entry, when a name comes right before the bracket and a
//! capitalised state follows the hyphen.

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, Span};
use crate::ontology::Ontology;

pub struct PartyLetters;

impl CandidateSource for PartyLetters {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        let letters = &ontology.lexicon.names.party_letters;
        let mut out = Vec::new();
        for (open, _) in doc.text.match_indices(" (") {
            let at = open + 2;
            let rest = &doc.text[at..];
            let Some((letter, after)) = rest.split_once('-') else { continue };
            let Some(id) = letters.get(letter) else { continue };
            let Some(close) = after.find(')') else { continue };
            let state = &after[..close];
            let is_state = (2..=16).contains(&state.len()) && state.chars().next().is_some_and(char::is_uppercase) && !state.contains(' ');
            let after_name = doc.text[..open].rsplit(' ').next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            if let (true, true, Some(entry)) = (is_state, after_name, ontology.gazetteer.by_id(id)) {
                let span = Span::new(at, at + letter.len());
                out.push(Candidate { span, class: ontology.gazetteer.entries[entry].class, origin: Origin::Gazetteer, entry: Some(entry) });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn party_letters_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Senator Ann Holt (D-Calif.) voted no.", &["D"]),
            ("Tom Reed (R-Texas) and Ann Holt (D-N.Y.) spoke.", &["R", "D"]),
            // no state, no name before, or another letter: nothing
            ("The vote (D-day) was close.", &[]),
            ("the plan (R-Texas) failed.", &[]),
            ("Ann Holt (X-Calif.) spoke.", &[]),
        ];
        super::super::tests::assert_source_table(&PartyLetters, cases);
    }
}
