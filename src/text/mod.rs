//! From raw text to a segmented `crate::document::Document`:
//! paragraphs with their roles (prose, headline, byline, furniture …),
//! sentences and tokens. Reading inputs lives here too.

pub mod html;
pub mod input;
mod lines;
mod nesting;
mod sentences;
mod tokens;

pub use lines::{classify_paragraphs, parse_dateline};
pub use sentences::split_sentences;
pub use tokens::tokenize;

use crate::document::{Document, LowerTokens, ParagraphRole, Sentence};

/// Fills `doc.paragraphs`, `doc.sentences`, `doc.asides` and `doc.tokens`
/// from `doc.text`. Prose and headlines become sentences, which every stage
/// reads; the other lines (datelines, bylines, captions, tables) become
/// asides, tokenized for the recogniser only.
pub fn segment(doc: &mut Document) {
    doc.paragraphs = classify_paragraphs(&doc.text);
    let mut sentences = Vec::new();
    let mut asides = Vec::new();
    let mut tokens = Vec::new();
    for (p, paragraph) in doc.paragraphs.iter().enumerate() {
        let read = matches!(paragraph.role, ParagraphRole::Prose | ParagraphRole::Headline);
        for span in split_sentences(&doc.text, paragraph.span) {
            let first = tokens.len();
            tokenize(&doc.text, span, &mut tokens);
            let sentence = Sentence { span, paragraph: p, tokens: first..tokens.len() };
            if read {
                sentences.push(sentence);
            } else {
                asides.push(sentence);
            }
        }
    }
    doc.lower_tokens = std::sync::Arc::new(LowerTokens::new(&doc.text, &tokens));
    doc.sentences = sentences;
    doc.asides = asides;
    doc.tokens = tokens;
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
