//! Word-level views of a sentence shared by the relation extractors.

use crate::document::{Document, LowerTokens, MentionForm, MentionId, Span};
use crate::ontology::{Lexicon, WordList};

/// The tokens of one sentence with their lower-case forms (shared with the
/// document, which computes them once).
pub struct Words {
    pub spans: Vec<Span>,
    lower: std::sync::Arc<LowerTokens>,
    offset: usize,
}

impl Words {
    pub fn of_sentence(doc: &Document, sentence: usize) -> Words {
        let range = doc.sentences[sentence].tokens.clone();
        Words { spans: doc.tokens[range.clone()].to_vec(), lower: doc.lower_tokens.clone(), offset: range.start }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// "X is a …", "X (born 1960) was an …", "X (born 1960), is a …" with X
    /// ending before token `i`: the index of the word after "a"/"an", past a
    /// bracket (and a comma) after X.
    pub fn after_is_a(&self, copulas: &WordList, i: usize) -> Option<usize> {
        let mut c = i;
        if self.word(c) == "(" {
            c = (c..self.len().min(c + 20)).find(|&k| self.word(k) == ")").map_or(c, |k| k + 1);
            if self.word(c) == "," {
                c += 1;
            }
        }
        (copulas.contains(self.word(c)) && matches!(self.word(c + 1), "a" | "an")).then_some(c + 2)
    }

    /// Whether token `i` is a full stop that ends a sentence or clause, not
    /// an abbreviation's ("Mr.", "Rep.", "U.S.", "Inc.").
    pub fn is_full_stop(&self, doc: &Document, i: usize) -> bool {
        self.word(i) == "." && (i == 0 || self.spans[i - 1].end != self.spans[i].start || !crate::text::is_abbreviation_word(doc.slice(self.spans[i - 1])))
    }

    /// Token index of the token starting at byte `offset`, or the next one.
    pub fn index_at(&self, offset: usize) -> usize {
        self.spans.partition_point(|s| s.start < offset)
    }

    /// Start indices where the multi-word `phrase` (lower case, space-separated) occurs.
    pub fn find_phrase(&self, phrase: &str) -> Vec<usize> {
        let first = phrase.split(' ').next().unwrap_or(phrase);
        let sentence = self.offset..self.offset + self.len();
        self.lower.positions(first, sentence).iter().map(|&i| i as usize - self.offset).filter(|&i| self.phrase_at(i, phrase)).collect()
    }

    /// Whether the phrase starts at token `i`.
    pub fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        // split by bytes: a `char` pattern costs more than the comparisons
        phrase.as_bytes().split(|&b| b == b' ').enumerate().all(|(k, part)| i + k < self.len() && self.word(i + k).as_bytes() == part)
    }

    /// The first phrase of `list` (in its order) that starts at token `i`.
    pub fn phrase_starting<'l>(&self, i: usize, list: &'l WordList) -> Option<&'l str> {
        if !list.starts_with_word(self.word(i)) {
            return None;
        }
        list.iter().find(|p| self.phrase_at(i, p)).map(String::as_str)
    }

    /// The first phrase of `list` (in its order) that ends just before token `i`.
    pub fn phrase_ending<'l>(&self, i: usize, list: &'l WordList) -> Option<&'l str> {
        if i == 0 || !list.ends_with_word(self.word(i - 1)) {
            return None;
        }
        list.iter()
            .find(|p| {
                let k = p.split(' ').count();
                i >= k && self.phrase_at(i - k, p)
            })
            .map(String::as_str)
    }

    /// The name that starts at token `i`.
    pub fn mention_at(&self, doc: &Document, i: usize) -> Option<MentionId> {
        doc.mention_starting_at(self.spans.get(i)?.start)
    }

    /// Token `i` as written; empty past the sentence's end.
    pub fn raw<'d>(&self, doc: &'d Document, i: usize) -> &'d str {
        self.spans.get(i).map_or("", |s| doc.slice(*s))
    }

    pub fn word(&self, i: usize) -> &str {
        if i < self.spans.len() {
            self.lower.get(self.offset + i)
        } else {
            ""
        }
    }

    /// Byte span covering tokens `from..to` (indices past the end are clamped).
    pub fn span(&self, from: usize, to: usize) -> Span {
        let Some(last) = self.spans.len().checked_sub(1) else { return Span::default() };
        let first = from.min(last);
        self.spans[first].cover(self.spans[(to.max(from + 1) - 1).clamp(first, last)])
    }
}

/// The names, and the title phrases whose title someone held before them
/// ("the minister" after "Foreign Minister Ana Ruiz"), lying within tokens
/// `from..to`: what relation extractors connect (who a title phrase is,
/// resolution decides). Nationality words, unnamed speakers and pronouns
/// are left to the extractors that read them (titles, quotations).
pub fn mentions_between(doc: &Document, words: &Words, from: usize, to: usize) -> Vec<MentionId> {
    if from >= to || to > words.len() {
        return Vec::new();
    }
    let mut ids = doc.mentions_in(words.span(from, to));
    ids.retain(|&m| match doc.mentions[m].form {
        MentionForm::Name => true,
        MentionForm::Title => doc.title_held_before(m).is_some(),
        MentionForm::Description | MentionForm::Demonym | MentionForm::Pronoun => false,
    });
    ids
}

/// The first token of the clause holding token `i`: just after the last
/// clause opener ("that", "which", ";" …) before it.
pub fn clause_start(words: &Words, lexicon: &Lexicon, i: usize) -> usize {
    (0..i).rev().find(|&k| opens_clause(words, lexicon, k)).map_or(0, |k| k + 1)
}

/// Whether token `i` opens a new clause ("that", "which", ";" …).
pub fn opens_clause(words: &Words, lexicon: &Lexicon, i: usize) -> bool {
    lexicon.clause.openers.contains(words.word(i))
}

/// Whether a negation cue ("not", "never", "no longer" …) stands among tokens `from..to`.
pub fn denied(words: &Words, lexicon: &Lexicon, from: usize, to: usize) -> bool {
    (from..to).any(|i| {
        lexicon.negation.cues.contains(words.word(i)) || words.phrase_starting(i, &lexicon.negation.phrases).is_some()
    })
}

/// The people (names and title phrases) within tokens `from..to`.
pub fn people_between(doc: &Document, words: &Words, from: usize, to: usize) -> Vec<MentionId> {
    mentions_between(doc, words, from, to).into_iter().filter(|&m| doc.mentions[m].class.is_person()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    #[test]
    fn phrases_starting_and_ending_at_a_token() {
        let doc = Document::new("Shares rose by more than a third, according to reports.".to_string(), Metadata::default());
        let words = Words::of_sentence(&doc, 0);
        let list = WordList::from(vec!["more than".to_string(), "according to".to_string(), "by".to_string(), "more than a".to_string()]);
        let at = |w: &str| (0..words.len()).find(|&i| words.word(i) == w).unwrap();
        // the first phrase in the list's order wins
        assert_eq!(words.phrase_starting(at("more"), &list), Some("more than"));
        assert_eq!(words.phrase_starting(at("according"), &list), Some("according to"));
        assert_eq!(words.phrase_starting(at("rose"), &list), None);
        assert_eq!(words.phrase_ending(at("third"), &list), Some("more than a"));
        assert_eq!(words.phrase_ending(at("more"), &list), Some("by"));
        assert_eq!(words.phrase_ending(0, &list), None);
        assert_eq!(words.phrase_starting(words.len() + 3, &list), None);
    }
}
