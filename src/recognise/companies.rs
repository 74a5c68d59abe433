//! A company named with "and Co" ("Harlow, Mills and Co", "Ode & Co
//! Inc", "Ruiz Brothers and Company Ltd"): the partners' names, "and" and
//! "Co" are one name, which the tagger, reading "and" as a boundary and
//! "Co" alone, breaks into people and a fragment. A precise rule: one to
//! three capitalised words (a comma may join two of them), "and" or "&",
//! "Co" or "Company", then an optional legal form (lexicon `[names]
//! legal_forms`).

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, EntityType};
use crate::ontology::Ontology;

/// The most capitalised words before "and Co".
const PARTNER_WORDS: usize = 3;

pub struct PartnershipNames;

impl CandidateSource for PartnershipNames {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        let tokens = &doc.tokens;
        let word = |i: usize| tokens.get(i).map_or("", |s| &doc.text[s.start..s.end]);
        let capital = |i: usize| word(i).starts_with(char::is_uppercase);
        let mut out = Vec::new();
        for t in 2..tokens.len() {
            if !matches!(word(t), "Co" | "Company") || !matches!(word(t - 1), "and" | "&") || !capital(t - 2) || !doc.same_line(t - 2, t) {
                continue;
            }
            // the partners: capitalised words back from "and", a comma between two
            let mut start = t - 2;
            let mut words = 1;
            while start > 0 && words < PARTNER_WORDS && doc.same_line(start - 1, start) {
                let before = start - 1;
                // an initial or abbreviation and its full stop ("J.P. Ode")
                if word(before) == "." && before > 0 && capital(before - 1) && tokens[before - 1].end == tokens[before].start {
                    start = before - 1;
                } else if capital(before) {
                    start = before;
                    words += 1;
                } else if word(before) == "," && before > 0 && capital(before - 1) && words == 1 {
                    start = before - 1;
                    words += 1;
                } else {
                    break;
                }
            }
            // one word opening a sentence may be any word ("He and Co"), and
            // a title is no partner ("Chairman and Co")
            let title = ontology.title_end(|k| if k == start { doc.lower_tokens.get(k) } else { "" }, start).is_some();
            if words == 1 && (title || doc.starts_sentence(start)) {
                continue;
            }
            // "Co." and a legal form after it
            let mut end = t;
            if word(end + 1) == "." && tokens[end + 1].start == tokens[end].end {
                end += 1;
            }
            if end + 1 < tokens.len() && doc.same_line(end, end + 1) && ontology.lexicon.names.legal_forms.contains(word(end + 1)) {
                end += 1;
            }
            out.push(Candidate { span: tokens[start].cover(tokens[end]), class: EntityType::Corporation, origin: Origin::Partnership, entry: None });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::PartnershipNames;
    use crate::recognise::tests::assert_source_table;

    #[test]
    fn partnership_names() {
        assert_source_table(
            &PartnershipNames,
            &[
                ("Shares of Harlow, Mills and Co rose.", &["Harlow, Mills and Co"]),
                ("It hired Ode Brothers & Co Inc on Monday.", &["Ode Brothers & Co Inc"]),
                ("It hired J.P. Ode and Co Inc on Monday.", &["J.P. Ode and Co Inc"]),
                ("Advisers were Ana Ruiz and Company Ltd and others.", &["Ana Ruiz and Company Ltd"]),
                // no partner's name, or "Co" alone
                ("He and Co went home.", &[]),
                ("The Co said so.", &[]),
            ],
        );
    }
}
