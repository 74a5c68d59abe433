//! From raw text to a segmented `crate::document::Document`:
//! paragraphs with their roles (prose, headline, byline, furniture …),
//! sentences and tokens. Reading inputs lives here too.

pub mod html;
pub mod input;
mod lines;
mod sentences;

pub use lines::{classify_paragraphs, parse_dateline};
pub use sentences::split_sentences;

use crate::document::{Document, LowerTokens, ParagraphRole, Sentence, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Fills `doc.paragraphs`, `doc.sentences` and `doc.tokens` from `doc.text`.
pub fn segment(doc: &mut Document) {
    doc.paragraphs = classify_paragraphs(&doc.text);
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for (p, paragraph) in doc.paragraphs.iter().enumerate() {
        if !matches!(paragraph.role, ParagraphRole::Prose | ParagraphRole::Headline) {
            continue;
        }
        for span in split_sentences(&doc.text, paragraph.span) {
            let first = tokens.len();
            tokens.extend(tokenize(&doc.text, span));
            sentences.push(Sentence { span, paragraph: p, tokens: first..tokens.len() });
        }
    }
    doc.lower_tokens = std::sync::Arc::new(LowerTokens::new(&doc.text, &tokens));
    doc.sentences = sentences;
    doc.tokens = tokens;
}

/// Word and punctuation tokens of `span` (Unicode word boundaries, UAX #29),
/// white space dropped.
pub fn tokenize(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    span.slice(text)
        .split_word_bound_indices()
        .filter(|(_, w)| !w.chars().all(char::is_whitespace))
        .map(move |(i, w)| Span::new(span.start + i, span.start + i + w.len()))
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// 1 for "January" (or "Jan", "Sept"), …; None for anything else.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(word)) || (word == "Sept" && *m == "September"))
        .map(|i| i as u32 + 1)
}
