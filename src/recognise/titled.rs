//! A person after an abbreviated title, in news style: "Sen. Ann Holt",
//! "Retired Lt. Gen. Ben Ode", "Gov. Holt". A precise rule: the title is
//! one of the lexicon's abbreviations (`[names] title_abbreviations`), and
//! one to three capitalised words follow it on its line (a middle initial
//! may stand among them), the first a given name unless there are two or
//! more. The name is the person, without the title, as the corpora mark it.

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, EntityType, Span};
use crate::ontology::Ontology;

/// The most words of a name after a title.
const NAME_WORDS: usize = 3;

pub struct TitledNames;

impl CandidateSource for TitledNames {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        let abbreviations = &ontology.lexicon.names.title_abbreviations;
        let mut out = Vec::new();
        let mut line_start = 0;
        for line in doc.text.split_inclusive('\n') {
            let words: Vec<(usize, &str)> = line.split(' ').scan(line_start, |at, w| {
                let word = (*at, w.trim_end_matches(['\n', '\r']));
                *at += w.len() + 1;
                Some(word)
            }).filter(|(_, w)| !w.is_empty()).collect();
            line_start += line.len();
            let mut t = 0;
            while t < words.len() {
                // the longest abbreviation at t: "Lt. Gen." before "Lt."
                let joined = |n: usize| words[t..t + n].iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" ");
                let Some(n) = [2, 1].into_iter().find(|&n| t + n <= words.len() && abbreviations.contains(&joined(n))) else {
                    t += 1;
                    continue;
                };
                if let Some(span) = name_after(&words[t + n..], abbreviations) {
                    out.push(Candidate { span, class: EntityType::Person, origin: Origin::Titled, entry: None });
                }
                t += n;
            }
        }
        out
    }
}

/// The name that `words` (with their offsets) open: one to three
/// capitalised words or initials, up to a word that is none or a mark
/// that ends it ("Holt," "Holt."), not ending on an initial.
fn name_after(words: &[(usize, &str)], abbreviations: &crate::ontology::WordList) -> Option<Span> {
    let mut end = None;
    for (k, &(at, word)) in words.iter().enumerate() {
        let bare = word.trim_end_matches([',', ';', ':', ')', '.']);
        let initial = word.len() == 2 && word.ends_with('.') && word.starts_with(|c: char| c.is_ascii_uppercase());
        if k == NAME_WORDS || abbreviations.contains(word) || !(initial || is_name_word(bare)) {
            break;
        }
        if initial {
            continue;
        }
        end = Some((k, Span::new(words[0].0, at + bare.len())));
        if bare.len() < word.len() {
            break;
        }
    }
    let (k, span) = end?;
    // a fourth capitalised word: more than a person's name
    let more = words.get(k + 1).is_some_and(|(_, w)| words[k].1.len() == words[k].1.trim_end_matches([',', ';', ':', ')', '.']).len() && is_name_word(w));
    (!more).then_some(span)
}

/// A capitalised word of a name.
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
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
