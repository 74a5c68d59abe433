//! From raw text to a segmented `crate::document::Document`:
//! paragraphs with their roles (prose, headline, byline, furniture …),
//! sentences and tokens. `Document::new` is defined here, so that the
//! document model imports nothing above it. Reading inputs lives here too.

pub mod encoding;
pub mod html;
pub mod input;
mod lines;
mod nesting;
mod sentences;
mod tokens;

pub use lines::{byline_names_end, classify_paragraphs, credit_parts, parse_dateline};
pub use sentences::{is_abbreviation_word, split_sentences};
pub use tokens::tokenize;

use crate::document::{Document, LowerTokens, Metadata, ParagraphRole, Sentence};

impl Document {
    /// Segments `text` into paragraphs, sentences and tokens. Metadata the
    /// text itself gives (its headline, a date line) fills what `meta` leaves
    /// empty.
    pub fn new(text: impl Into<String>, meta: Metadata) -> Document {
        let mut doc = Document::default();
        doc.text = xml_safe(text.into());
        doc.meta = meta;
        for field in [&mut doc.meta.headline, &mut doc.meta.url].into_iter().flatten() {
            *field = xml_safe(std::mem::take(field));
        }
        segment(&mut doc);
        if doc.meta.headline.is_none() {
            let headline = doc.paragraphs_with(ParagraphRole::Headline).next().map(|p| doc.slice(p.span).to_string());
            doc.meta.headline = headline;
        }
        if doc.meta.date.is_none() {
            let date = doc.paragraphs_with(ParagraphRole::Dateline).find_map(|p| parse_dateline(doc.slice(p.span)));
            doc.meta.date = date;
        }
        doc
    }
}

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

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Whether XML 1.0 can hold `c` (its `Char` production): every RDF format
/// can then carry it.
pub fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `text` with every character XML cannot hold replaced by U+FFFD (the
/// input layer warns when it does so; a library caller's text gets the same).
fn xml_safe(text: String) -> String {
    if text.chars().all(is_xml_char) {
        return text;
    }
    text.chars().map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' }).collect()
}

/// Text as a terminal may show it: control characters other than line
/// breaks and tabs (an escape sequence an article or file name carries)
/// written out ("\u{1b}") rather than obeyed.
pub fn shown_safely(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return text.into();
    }
    text.chars()
        .map(|c| if c.is_control() && c != '\n' && c != '\t' { c.escape_unicode().to_string() } else { c.to_string() })
        .collect::<String>()
        .into()
}

/// Whether `word` is a day of the week, written as a name ("Monday").
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// 1 for "January" (or "Jan", "Sept"), …; None for anything else.
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() == 3 && m.starts_with(word)) || (word == "Sept" && *m == "September"))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(super::shown_safely("Ana\u{1b}[2J Ruiz\n\tand \u{9b}"), "Ana\\u{1b}[2J Ruiz\n\tand \\u{9b}");
        assert!(matches!(super::shown_safely("plain\ntext"), std::borrow::Cow::Borrowed(_)));
    }

    use super::*;
    use crate::document::Span;

    #[test]
    fn lower_tokens_and_their_positions() {
        let text = "The UK’s PM met the ÉLYSÉE team. The end";
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        let lower = LowerTokens::new(text, &tokens);
        let words: Vec<&str> = (0..lower.len()).map(|i| lower.get(i)).collect();
        assert_eq!(words, ["the", "uk's", "pm", "met", "the", "élysée", "team", ".", "the", "end"]);
        assert_eq!(lower.positions("the", 0..lower.len()), [0, 4, 8]);
        assert_eq!(lower.positions("the", 1..8), [4]);
        assert!(lower.positions("absent", 0..lower.len()).is_empty());
    }

    #[test]
    fn a_date_line_dates_the_document_only_when_it_is_a_real_day() {
        let date = |text: &str| Document::new(text, Metadata::default()).meta.date.map(|d| d.to_string());
        assert_eq!(date("Harbour to reopen\nFriday, March 8, 2024\nThe harbour reopens on Monday."), Some("2024-03-08".into()));
        assert_eq!(date("Harbour to reopen\nBERGEN 2024-05-02\nThe harbour reopens on Monday."), Some("2024-05-02".into()));
        for line in ["February 30, 2024", "31 April 2024", "BERGEN 2023-02-30", "BERGEN 2023-13-45", "BERGEN 0000-00-00"] {
            assert_eq!(date(&format!("Harbour to reopen\n{line}\nThe harbour reopens on Monday.")), None, "{line}");
        }
        let given = Metadata { date: "2020-01-01".parse().ok(), ..Metadata::default() };
        assert_eq!(Document::new("Friday, March 8, 2024\nThe harbour reopens.", given).meta.date.map(|d| d.to_string()), Some("2020-01-01".into()));
    }
}
