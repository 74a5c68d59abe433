//! Word-level views of a sentence shared by the relation extractors.

use crate::document::{Document, MentionId, Span};
use crate::ontology::Lexicon;

/// The tokens of one sentence with their lower-case forms.
pub struct Words {
    pub spans: Vec<Span>,
    pub lower: Vec<String>,
}

impl Words {
    pub fn of_sentence(doc: &Document, sentence: usize) -> Words {
        let spans = doc.sentence_tokens(sentence).to_vec();
        let lower = spans.iter().map(|s| doc.slice(*s).to_lowercase().replace('\u{2019}', "'")).collect();
        Words { spans, lower }
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Token index of the token starting at byte `offset`, or the next one.
    pub fn index_at(&self, offset: usize) -> usize {
        self.spans.partition_point(|s| s.start < offset)
    }

    /// Start indices where the multi-word `phrase` (lower case, space-separated) occurs.
    pub fn find_phrase(&self, phrase: &str) -> Vec<usize> {
        let parts: Vec<&str> = phrase.split(' ').collect();
        (0..self.len())
            .filter(|&i| i + parts.len() <= self.len() && parts.iter().enumerate().all(|(k, p)| self.lower[i + k] == *p))
            .collect()
    }

    /// Whether the phrase starts at token `i`.
    pub fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        let parts: Vec<&str> = phrase.split(' ').collect();
        i + parts.len() <= self.len() && parts.iter().enumerate().all(|(k, p)| self.lower[i + k] == *p)
    }

    pub fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }

    /// Byte span covering tokens `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        self.spans[from].cover(self.spans[to.max(from + 1) - 1])
    }
}

/// Mentions of the sentence whose spans start within tokens `from..to`.
pub fn mentions_between(doc: &Document, words: &Words, from: usize, to: usize) -> Vec<MentionId> {
    if from >= to || to > words.len() {
        return Vec::new();
    }
    doc.mentions_in(words.span(from, to))
}

/// The first token of the clause holding token `i`: just after the last
/// clause opener ("that", "which", ";" …) before it.
pub fn clause_start(words: &Words, lexicon: &Lexicon, i: usize) -> usize {
    (0..i).rev().find(|&k| lexicon.clause.openers.iter().any(|o| o == words.word(k))).map_or(0, |k| k + 1)
}

/// Whether a negation cue ("not", "never", "no longer" …) stands among tokens `from..to`.
pub fn denied(words: &Words, lexicon: &Lexicon, from: usize, to: usize) -> bool {
    (from..to).any(|i| {
        lexicon.negation.cues.iter().any(|c| c == words.word(i)) || lexicon.negation.phrases.iter().any(|p| words.phrase_at(i, p))
    })
}

/// Person mentions (names and descriptions) among tokens `from..to`.
pub fn people_between(doc: &Document, words: &Words, from: usize, to: usize) -> Vec<MentionId> {
    mentions_between(doc, words, from, to).into_iter().filter(|&m| doc.mentions[m].class.is_person() && doc.mentions[m].form != crate::document::MentionForm::Demonym).collect()
}
