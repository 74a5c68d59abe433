//! Paragraphs and their roles.
//!
//! Input comes one paragraph per line (the common case for scraped news), or
//! as blocks separated by blank lines whose lines are hard-wrapped. A line's
//! role comes from its shape, never from a list of phrases: an all-capitals
//! line is an advert placeholder, a short line with no sentence punctuation
//! after the article has begun is a button or caption.

use crate::date::Date;
use crate::document::{Paragraph, ParagraphRole, Span};

/// Lines at the top of an article where a headline, date line or byline may stand.
const HEADER_LINES: usize = 6;

pub fn classify_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut prose_seen = false;
    let mut headline_seen = false;
    for (index, span) in paragraph_spans(text).into_iter().enumerate() {
        let line = span.slice(text);
        let previous = paragraphs.last().map(|p| p.role);
        let header = index < HEADER_LINES && !prose_seen;
        let role = if header && is_dateline(line) {
            ParagraphRole::Dateline
        } else if is_furniture_shape(line) {
            ParagraphRole::Furniture
        } else if !prose_seen && is_byline(line) {
            ParagraphRole::Byline
        } else if is_credit_line(line) {
            ParagraphRole::Credits
        } else if previous == Some(ParagraphRole::Byline) && is_label_line(line) {
            ParagraphRole::BylineRole
        } else if index < HEADER_LINES && !prose_seen && is_dateline(line) {
            ParagraphRole::Dateline
        } else if index < HEADER_LINES && !prose_seen && !headline_seen && is_label_line(line) {
            headline_seen = true;
            ParagraphRole::Headline
        } else if prose_seen && is_label_line(line) && word_count(line) <= 5 {
            ParagraphRole::Furniture
        } else {
            prose_seen = true;
            ParagraphRole::Prose
        };
        paragraphs.push(Paragraph { span, role });
    }
    paragraphs
}

/// Paragraph spans, trimmed. A line break is a paragraph break unless the
/// line is hard-wrapped: it ends mid-sentence and the next line goes on in
/// lower case.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut current: Option<Span> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            spans.extend(current.take());
            continue;
        }
        let start = line_start + (line.len() - line.trim_start().len());
        let span = Span::new(start, start + trimmed.len());
        current = Some(match current {
            Some(prev) if continues(prev.slice(text), trimmed) => prev.cover(span),
            Some(prev) => {
                spans.push(prev);
                span
            }
            None => span,
        });
    }
    spans.extend(current);
    spans
}

fn continues(previous: &str, next: &str) -> bool {
    let ends_open = !previous.ends_with(['.', '!', '?', ':', '"', '\u{201d}', '\'', '\u{2019}', ')']);
    let goes_on = next.chars().next().is_some_and(|c| c.is_lowercase());
    ends_open && goes_on && previous.len() >= 40
}

/// Words, counting two characters as a word in scripts written without
/// spaces (Chinese, Japanese, Thai, Burmese …).
fn word_count(line: &str) -> usize {
    let unspaced = line.chars().filter(|&c| is_unspaced_script(c)).count();
    line.split_whitespace().count() + unspaced / 2
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Capitals and no lower-case letter ("SHARE THIS PAGE"), or no letter at
/// all. Scripts without case (Arabic, Thai, Chinese …) are never capitals.
fn is_furniture_shape(line: &str) -> bool {
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    let upper = line.chars().filter(|c| c.is_uppercase()).count();
    let lower = line.chars().filter(|c| c.is_lowercase()).count();
    letters == 0 || (lower == 0 && upper > 1 && word_count(line) >= 2)
}

/// What ends a sentence, in the scripts news is written in: Latin, CJK
/// (。！？」), Arabic (؟ ۔), Devanagari (।) and Burmese (။).
const SENTENCE_ENDS: [char; 16] = ['.', '!', '?', '"', '\u{201d}', ':', ';', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{300d}', '\u{300f}', '\u{061f}', '\u{06d4}', '\u{0964}', '\u{104b}'];

/// A line that is a label, not a sentence: no sentence punctuation at its end.
fn is_label_line(line: &str) -> bool {
    !line.ends_with(SENTENCE_ENDS) && word_count(line) <= 20
}

/// "By Ann Lee", "By Jane Doe and John Roe": a short line of "By" and
/// capitalised names, perhaps with a role or a place after them ("By Ann
/// Lee, health reporter", "By Ann Lee in Oslo").
pub fn is_byline(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("By ") else { return false };
    let rest = &rest[..byline_names_end(rest)];
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().all(|w| {
            matches!(*w, "and" | "&" | "de" | "van" | "von" | "der" | "al" | "bin")
                || w.chars().next().is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
        })
}

/// Where the names of a byline (the text after "By ") end: before ", " and a
/// lower-case word (a role: "news reporter"), or before " in " (a place).
pub fn byline_names_end(body: &str) -> usize {
    let role = body.match_indices(", ").map(|(i, _)| i).find(|&i| {
        let next = &body[i + 2..];
        next.chars().next().is_some_and(char::is_lowercase) && !next.starts_with("and ")
    });
    let place = body.find(" in ");
    role.into_iter().chain(place).min().unwrap_or(body.len())
}

/// "Reporting by Ann Lee; Additional reporting by Bo Park; Editing by Cy
/// Dahl": every part is a few words, "by" and capitalised names.
pub fn is_credit_line(line: &str) -> bool {
    word_count(line) <= 40 && line.contains(" by ") && credit_parts(line).all(|(what, names)| {
        let lead: Vec<&str> = what.split_whitespace().collect();
        (1..=3).contains(&lead.len())
            && lead[0].chars().next().is_some_and(char::is_uppercase)
            && lead[1..].iter().all(|w| w.chars().all(char::is_lowercase))
            && names.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The parts of a credit line, as (what was done, the names after "by"),
/// each a slice of `line`; a part without " by " gives an empty name.
pub fn credit_parts(line: &str) -> impl Iterator<Item = (&str, &str)> {
    line.split(';').map(|part| {
        let part = part.trim().trim_end_matches('.');
        part.split_once(" by ").unwrap_or((part, ""))
    })
}

/// "Friday, March 8, 2024", "8 March 2024": a line that is only a date.
fn is_dateline(line: &str) -> bool {
    parse_dateline(line).is_some()
}

/// The date of a date line, if the line is one: a date alone, or a wire
/// dateline, capitalised place words then an ISO date ("OSLO 2024-05-02").
/// Only real days of years 1000 to 2999 make a date line.
pub fn parse_dateline(line: &str) -> Option<Date> {
    if let Some((place, date)) = line.trim().rsplit_once(' ') {
        let place_words = place.split_whitespace().count();
        let capitalised = place.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if (1..=4).contains(&place_words) && capitalised {
            if let Some(date) = date.parse::<Date>().ok().filter(plausible) {
                return Some(date);
            }
        }
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| !super::is_weekday(w))
        .collect();
    if words.len() != 3 {
        return None;
    }
    let (month, day) = match (crate::text::month_number(words[0]), crate::text::month_number(words[1])) {
        (Some(m), None) => (m, words[1]),
        (None, Some(m)) => (m, words[0]),
        _ => return None,
    };
    Date::new(words[2].parse().ok()?, month, day.parse().ok()?).filter(plausible)
}

/// A year a news article may be dated.
fn plausible(date: &Date) -> bool {
    (1000..=2999).contains(&date.year())
}
