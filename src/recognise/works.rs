//! Titles of works in quotation marks: the song "Two Roads Home", the
//! report "Water for Every Village". A quoted phrase of two or more words
//! written in Title Case, inside a sentence that is not itself in Title
//! Case, is the title of a song, book, film, programme or campaign, not
//! speech: speech is a clause, with lower-case words and its own
//! punctuation. The tagger, trained on news where such titles are rare,
//! misses most of them or cuts them into names.

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, Span};
use crate::ontology::{EntityType, Ontology};

pub struct QuotedWorks;

/// Longest title read, in words: longer quoted stretches are speech.
const MAX_WORDS: usize = 12;

/// Short words that stay lower case inside a title ("Of Mice and Men").
fn is_minor(word: &str) -> bool {
    word.chars().count() <= 3
}

impl CandidateSource for QuotedWorks {
    fn candidates(&self, doc: &Document, _: &Ontology) -> Vec<Candidate> {
        let mut out = Vec::new();
        for sentence in &doc.sentences {
            let text = sentence.span.slice(&doc.text);
            if !text.contains(['"', '\u{201c}', '\u{2018}']) {
                continue;
            }
            for (start, end) in quoted(text) {
                let inner = &text[start..end];
                if is_title(inner) && !is_title_case(&[&text[..start], &text[end..]].concat()) {
                    let span = Span::new(sentence.span.start + start, sentence.span.start + end);
                    out.push(Candidate { span, class: EntityType::CreativeWork, origin: Origin::Quoted, entry: None });
                }
            }
        }
        out
    }
}

/// The byte ranges between matching quotation marks: straight double
/// quotes in pairs, curly double quotes, curly single quotes whose closing
/// mark is no apostrophe (not followed by a letter).
fn quoted(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|(_, n)| n.is_alphabetic());
        match (open, c) {
            (None, '"' | '\u{201c}' | '\u{2018}') => open = Some((c, i + c.len_utf8())),
            (Some(('"', from)), '"') | (Some(('\u{201c}', from)), '\u{201d}') => {
                out.push((from, i));
                open = None;
            }
            (Some(('\u{2018}', from)), '\u{2019}') if !next_is_letter => {
                out.push((from, i));
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether `inner` reads as a title: two to twelve words, the first
/// capitalised (or a number), every longer word capitalised, and no mark
/// that ends a clause at its end.
fn is_title(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() < 2 || words.len() > MAX_WORDS || inner.trim() != inner {
        return false;
    }
    if inner.ends_with([',', '.', ';', ':', '!', '?', '-', '\u{2014}', '\u{2013}']) {
        return false;
    }
    let capital = |w: &str| w.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
    capital(words[0]) && words.iter().all(|w| capital(w) || is_minor(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether the words around the quote are all capitalised, as in a
/// headline: there a quoted Title Case phrase may be speech.
fn is_title_case(outside: &str) -> bool {
    !outside.split_whitespace().any(|w| !is_minor(w) && w.chars().next().is_some_and(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_titles_table() {
        let cases: &[(&str, &[&str])] = &[
            ("The band released the single \"Two Roads Home\" in May.", &["Two Roads Home"]),
            ("She wrote the novel \u{201c}A Winter in the Hills\u{201d} and a play.", &["A Winter in the Hills"]),
            ("The programme \u{2018}Village Voices Tonight\u{2019} ended.", &["Village Voices Tonight"]),
            // speech: lower-case words, or a clause's mark at the end
            ("\"We will rebuild the bridge,\" the mayor said.", &[]),
            ("He called it \"a disgrace\" and left.", &[]),
            ("\"Enough Is Enough!\" the crowd chanted loudly.", &[]),
            // one word is a nickname or a scare quote, not a title
            ("The plan, known as \"Phoenix\", failed.", &[]),
            // a headline in Title Case may quote speech
            ("Minister Says \"We Will Win\" After Vote", &[]),
            // an apostrophe closes nothing
            ("The team\u{2019}s \u{2018}Big Night Out\u{2019} was cancelled.", &["Big Night Out"]),
        ];
        super::super::tests::assert_source_table(&QuotedWorks, cases);
    }
}
