//! Names in a byline: "By Jane Doe", "By Ann Lee and Bo Park", "By A, B &
//! C", "By Ann Lee. The Courier". A precise rule: segmentation has already
//! decided the line is a byline (its shape: "By" and capitalised words), so
//! the stretches between its commas, ampersands, "and"s and full stops are
//! names, with exact spans. Each is a person unless another source gives
//! the same span a class (an agency); see [`super::merge`].

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, ParagraphRole, Span};
use crate::ontology::{EntityType, Ontology};

pub struct BylineNames;

impl CandidateSource for BylineNames {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        // the first byline only: a second "By …" line is a caption or a credit
        let byline = doc.paragraphs_with(ParagraphRole::Byline).next().map(|line| author_spans(&doc.text, line.span, ontology)).unwrap_or_default();
        let credits = doc.paragraphs_with(ParagraphRole::Credits).flat_map(|line| credit_spans(&doc.text, line.span).into_iter().map(|(_, span)| span));
        byline
            .into_iter()
            .chain(credits)
            .chain(wire_agency(doc))
            .chain(sign_off(doc))
            .map(|span| Candidate { span, class: EntityType::Person, origin: Origin::Byline, entry: None })
            .collect()
    }
}

/// The name spans of a byline: "By A, B and C", "By A. Agency", "By A,
/// health reporter", "By A, Political Editor", "By A in Oslo".
pub fn author_spans(text: &str, line: Span, ontology: &Ontology) -> Vec<Span> {
    let mut body = line.slice(text);
    let mut offset = line.start;
    // "By", once, or twice as some pages print it
    while let Some(rest) = body.strip_prefix("By ") {
        body = rest;
        offset += 3;
    }
    if offset == line.start {
        return Vec::new();
    }
    body = &body[..crate::text::byline_names_end(body)];
    let is_title = |name: &str| {
        let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
        ontology.title_end(|k| words.get(k).map_or("", String::as_str), 0) == Some(words.len())
    };
    name_spans(body, offset).into_iter().filter(|s| !is_title(s.slice(text))).collect()
}

/// The agency of a wire dateline opening the first paragraph: "OSLO
/// (Harbour Wire) - …", "SPRINGFIELD, Ill. (Harbour Wire) — …".
pub fn wire_agency(doc: &Document) -> Option<Span> {
    let first = doc.paragraphs.iter().find(|p| p.role == ParagraphRole::Prose)?.span;
    let text = first.slice(&doc.text);
    let open = text.find(" (")?;
    let place = &text[..open];
    let capitals = place.split([' ', ',']).find(|w| !w.is_empty()).is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && w.chars().any(char::is_alphabetic));
    if !capitals || place.split_whitespace().count() > 5 {
        return None;
    }
    let close = open + 2 + text[open + 2..].find(')')?;
    let after = text[close + 1..].trim_start();
    if !after.starts_with(['-', '\u{2014}', '\u{2013}']) {
        return None;
    }
    let inside = &text[open + 2..close];
    let agency = inside.trim();
    let start = first.start + open + 2 + (inside.len() - inside.trim_start().len());
    is_capitalised_name(agency, 5).then(|| Span::new(start, start + agency.len()))
}

/// One to `most` words, each capitalised: a name standing alone on a line
/// or in brackets.
fn is_capitalised_name(name: &str, most: usize) -> bool {
    let words = name.split_whitespace().count();
    (1..=most).contains(&words) && name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A sign-off in the last lines: "— The Harbour Wire", "- Ann Lee".
pub fn sign_off(doc: &Document) -> Option<Span> {
    let n = doc.paragraphs.len();
    doc.paragraphs[n.saturating_sub(3)..].iter().find_map(|p| {
        let text = p.span.slice(&doc.text);
        let name = text.strip_prefix(['\u{2014}', '\u{2013}', '-'])?.trim_start();
        let name = name.strip_prefix("The ").unwrap_or(name);
        let named = is_capitalised_name(name, 6) && !name.ends_with(['.', '!', '?']);
        let start = p.span.end - name.len();
        named.then(|| Span::new(start, p.span.end))
    })
}

/// The names of a credit line with what each did, in line order:
/// ("reporting", span) for "Reporting by Ann Lee; Editing by Bo Park".
pub fn credit_spans(text: &str, line: Span) -> Vec<(String, Span)> {
    let body = line.slice(text);
    let mut out = Vec::new();
    for (what, names) in crate::text::credit_parts(body) {
        if names.is_empty() {
            continue;
        }
        let offset = line.start + (names.as_ptr() as usize - body.as_ptr() as usize);
        for span in name_spans(names, offset) {
            out.push((what.to_lowercase(), span));
        }
    }
    out
}

/// The names of `body` (which starts at `offset`), between its separators.
fn name_spans(body: &str, offset: usize) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut from = 0;
    for (at, len) in separators(body).into_iter().chain([(body.len(), 0)]) {
        let piece = &body[from..at];
        let name = piece.trim();
        // an agency's article is no part of its name ("The Daily Courier")
        let name = name.strip_prefix("The ").map_or(name, str::trim_start);
        if !name.is_empty() {
            let start = offset + from + piece.find(name).unwrap_or(0);
            spans.push(Span::new(start, start + name.len()));
        }
        from = at + len;
    }
    spans
}

/// Where the names of a byline part, as (offset, length): a comma, an
/// ampersand, " and ", or a full stop after a word that is no initial or
/// abbreviation ("Ann Lee. The Courier", not "Ann J. Lee").
fn separators(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in body.char_indices() {
        match c {
            ',' | '&' => out.push((i, 1)),
            ' ' if body[i..].starts_with(" and ") => out.push((i, 5)),
            '.' if body[i + 1..].starts_with(' ') => {
                let word = body[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                if !crate::text::is_abbreviation_word(word) {
                    out.push((i, 1));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_names_table() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Doe\nHealth correspondent, in Leeds\nA vaccine was approved today.", &["Jane Doe"]),
            ("By Ann Lee and Bo Park\nScience team\nThe probe landed.", &["Ann Lee", "Bo Park"]),
            ("By Noor Haddad, Piet de Vries & Ines Berg\nThe harbour reopened on Monday.", &["Noor Haddad", "Piet de Vries", "Ines Berg"]),
            // prose that starts with "By" is no byline
            ("By the river, a crowd gathered on Sunday morning.", &[]),
            // only the first byline names the authors
            ("By Ada Holm\nBy Leo Marsh\nThe ferry sailed late.", &["Ada Holm"]),
            ("By Kai Berg, Lea Moss, and Ole Lund\nThe vote was close.", &["Kai Berg", "Lea Moss", "Ole Lund"]),
            // a full stop parts a name from an agency, an initial's does not
            ("By Ines Berg. Harbour Wire\nThe ferry sailed late.", &["Ines Berg", "Harbour Wire"]),
            ("By Troy J. Eriksen\nThe ferry sailed late.", &["Troy J. Eriksen"]),
            // an agency's article, and a doubled "By"
            ("By The Harbour Wire\nThe ferry sailed late.", &["Harbour Wire"]),
            ("By By Lea Moss\nThe ferry sailed late.", &["Lea Moss"]),
            // a role or a place after the names
            ("By Lea Moss, transport reporter\nThe ferry sailed late.", &["Lea Moss"]),
            ("By Lea Moss, Political Editor\nThe ferry sailed late.", &["Lea Moss"]),
            ("By Lea Moss and Ole Lund in Bergen\nThe ferry sailed late.", &["Lea Moss", "Ole Lund"]),
            // a wire dateline's agency; a sign-off
            ("OSLO (Harbour Wire) - Ferry crews returned to work on Monday, the union said.", &["Harbour Wire"]),
            ("The ferry sailed late on Monday, the operator said.\n\u{2014} The Harbour Wire", &["Harbour Wire"]),
            ("OSLO (AP) The ferry sailed late.", &[]),
            // wire credits, at the end
            ("The ferry sailed late.\nReporting by Lea Moss and Ole Lund; Editing by Kai Berg", &["Lea Moss", "Ole Lund", "Kai Berg"]),
        ];
        super::super::tests::assert_source_table(&BylineNames, cases);
    }
}
