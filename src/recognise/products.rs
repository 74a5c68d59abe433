//! Products named by maker and model: "a Veltro 420 van", "the Kestrel
//! K9", "two Arrowline A210s", then the model code alone ("the 420"). A
//! capitalised word right before a model code (a number of three or four
//! digits, or letters and digits together) is a maker, and the two name a
//! product; later, the code alone names it too. Also a word written in
//! product style, a lower-case letter then a capitalised word ("iWidget").
//! The tagger, trained on news of 1996 and Wikipedia, knows few products.
//!
//! What keeps it precise: years (1990, 2024), ordinals, measures ("500km")
//! and numbers at the start of a sentence ("Some 300 …") are no codes; a
//! numbered thing is no product ("Article 370", "Route 101"), nor a word
//! that opens sentences ("The A210"): `[names] not_makers` in the
//! lexicon; nor is a result ("Essex 343 for 8"), nor in sports news any
//! number after a name.

use super::{Candidate, CandidateSource, Origin};
use crate::document::{Document, EntityType, ParagraphRole, Span};
use crate::ontology::Ontology;

pub struct ProductModels;

/// A whitespace-separated word of a sentence, its edge punctuation and a
/// possessive cut off, with its byte span in the document.
#[derive(Clone, Copy)]
struct Word<'t> {
    text: &'t str,
    span: Span,
    /// Written with "'s": "Veltro's 420" names the product by its code.
    possessive: bool,
}

impl CandidateSource for ProductModels {
    fn candidates(&self, doc: &Document, ontology: &Ontology) -> Vec<Candidate> {
        let not_makers = &ontology.lexicon.names.not_makers;
        // in sports news a number after a name is a result or a distance
        let sports = std::cell::OnceCell::new();
        let sports = || *sports.get_or_init(|| super::sport::is_sports(doc, ontology));
        // only a line with a digit or a styled word can name a product
        let lines: Vec<(Vec<Word>, bool)> = doc
            .sentences
            .iter()
            .chain(&doc.asides)
            .filter(|s| may_name_product(s.span.slice(&doc.text)))
            .map(|s| (words(&doc.text, s.span), doc.paragraphs.get(s.paragraph).is_some_and(|p| p.role == ParagraphRole::Prose)))
            .collect();
        let mut out = Vec::new();
        let mut codes: Vec<&str> = Vec::new();
        for (words, prose) in &lines {
            for (i, w) in words.iter().enumerate() {
                if is_styled_product(w.text) {
                    out.push(product(w.span));
                    continue;
                }
                let Some(maker) = i.checked_sub(1).map(|m| words[m]) else { continue };
                let styled = is_styled_product(maker.text);
                // a styled product's version may be one number ("iWidget 4")
                let version = styled && w.text.len() <= 2 && w.text.bytes().all(|b| b.is_ascii_digit());
                let Some(code) = model_code(w.text).or(version.then_some(w.text)) else { continue };
                let mixed = code.bytes().any(|b| b.is_ascii_alphabetic());
                let is_maker = (is_capitalised(maker.text) || styled)
                    && !not_makers.contains(&maker.text.to_lowercase())
                    && crate::text::month_number(maker.text).is_none()
                    // a sentence's first word is capitalised anyway: then only a code
                    // no count can be ("Some 300 people")
                    && (i > 1 || mixed || styled)
                    && !is_result(&words[i + 1..])
                    && (mixed || !sports());
                let between = if maker.possessive { &["'s ", "\u{2019}s "][..] } else { &[" "][..] };
                if !is_maker || !between.contains(&doc.text.get(maker.span.end..w.span.start).unwrap_or("")) {
                    continue;
                }
                let from = if maker.possessive { w.span } else { maker.span.cover(w.span) };
                out.push(product(with_model_name(&doc.text, words, i, from, *prose)));
                codes.push(code);
            }
        }
        // the code alone, once a maker has named it: "the 420", "two 420s"
        let named = out.len();
        for (words, prose) in lines.iter().filter(|_| !codes.is_empty()) {
            for (i, w) in words.iter().enumerate() {
                let inside_name = out[..named].iter().any(|c| c.span.contains(w.span));
                // a short code ("5G") alone is a technology more than a model
                let known = model_code(w.text).is_some_and(|c| (c.len() >= 3 || c.starts_with(|l: char| l.is_ascii_alphabetic())) && codes.contains(&c));
                if !inside_name && known && !is_result(&words[i + 1..]) {
                    out.push(product(with_model_name(&doc.text, words, i, w.span, *prose)));
                }
            }
        }
        out.sort_by_key(|c| c.span);
        out.dedup_by_key(|c| c.span);
        out
    }
}

/// `span`, ending in the code `words[i]`, with the model's own name after
/// the code ("Veltro 420 Roamer"), in prose only: a headline capitalises
/// every word.
fn with_model_name(text: &str, words: &[Word], i: usize, span: Span, prose: bool) -> Span {
    match words.get(i + 1) {
        Some(next) if prose && !words[i].possessive && is_capitalised(next.text) && crate::text::month_number(next.text).is_none() && !crate::text::is_weekday(next.text) && text.get(words[i].span.end..next.span.start) == Some(" ") => span.cover(next.span),
        _ => span,
    }
}

fn product(span: Span) -> Candidate {
    Candidate { span, class: EntityType::Product, origin: Origin::Product, entry: None }
}

/// The words of `span` split at white space, without the punctuation
/// around them or a possessive.
fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let slice = span.slice(text);
    for raw in slice.split_whitespace() {
        // a piece of `slice`: its offset is where it starts in memory
        let start = raw.as_ptr() as usize - slice.as_ptr() as usize;
        let lead = raw.len() - raw.trim_start_matches(['(', '[', '"', '\'', '\u{201c}', '\u{2018}']).len();
        let mut inner = raw[lead..].trim_end_matches([',', '.', ';', ':', ')', ']', '"', '!', '?', '\u{201d}', '\u{2019}']);
        let mut possessive = false;
        for mark in ["'s", "\u{2019}s"] {
            if let Some(stem) = inner.strip_suffix(mark) {
                inner = stem;
                possessive = true;
            }
        }
        if !inner.is_empty() {
            let from = span.start + start + lead;
            out.push(Word { text: inner, span: Span::new(from, from + inner.len()), possessive });
        }
    }
    out
}

/// Whether a line holds a digit or a lower-case letter before a capital
/// ("iWidget"): the only lines [`ProductModels`] reads word by word.
fn may_name_product(line: &str) -> bool {
    let b = line.as_bytes();
    b.iter().any(u8::is_ascii_digit) || b.windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// A word that opens with a capital and has a lower-case letter or is
/// short (a maker, "Veltro", "KTX"), made of letters.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '&') && word.len() >= 2
}

/// "iWidget": one lower-case letter, then a capitalised word of three or
/// more letters: how makers style products; units ("kWh") and gene names
/// ("mRNA") are not written so.
fn is_styled_product(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 4 && b[0].is_ascii_lowercase() && b[1].is_ascii_uppercase() && b[2..].iter().all(u8::is_ascii_lowercase)
}

/// The model code a word is, without a plural "s": "420", "K9",
/// "A210-300", "420s" → "420". None for a year, an ordinal, a measure
/// ("500km"), a price or anything with other marks.
fn model_code(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('s').filter(|s| s.ends_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase())).unwrap_or(word);
    let b = stem.as_bytes();
    if b.is_empty() || !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') || !b.iter().any(u8::is_ascii_digit) {
        return None;
    }
    // a period of a company's year ("Q3", "H1", "FY2024"), a telephone number
    let period = matches!(stem, "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2") || stem.starts_with("FY");
    if period || b.iter().any(u8::is_ascii_lowercase) || b[b.len() - 1] == b'-' || stem.matches('-').count() > 1 {
        return None;
    }
    let digits_first = b[0].is_ascii_digit();
    let lead_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits_first {
        // a number of three or four digits, not a year, then perhaps a
        // suffix ("777-200LR", not a score's "343-8"); or one or two digits
        // and capitals ("5GX")
        let number: u32 = stem[..lead_digits].parse().ok()?;
        let year = lead_digits == 4 && (1800..=2099).contains(&number);
        let suffix = &stem[lead_digits..];
        let suffix_ok = suffix.is_empty() || suffix.starts_with(|c: char| c.is_ascii_uppercase()) || suffix.len() >= 4;
        let short = lead_digits <= 2 && suffix.starts_with(|c: char| c.is_ascii_uppercase());
        (((3..=4).contains(&lead_digits) && !year && suffix_ok) || short).then_some(stem)
    } else {
        // letters, then digits: "K9", "A210", "XC-90"; at most three letters first
        let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
        let rest = stem[letters..].trim_start_matches('-');
        ((1..=3).contains(&letters) && rest.starts_with(|c: char| c.is_ascii_digit())).then_some(stem)
    }
}

/// Whether the words after a number make it a result or a count: "343 for
/// 8", "343 and 221", "343-8", a following number.
fn is_result(after: &[Word]) -> bool {
    after.first().is_some_and(|w| matches!(w.text, "for" | "and" | "all" | "to" | "-" | "/") || w.text.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_models_table() {
        let cases: &[(&str, &[&str])] = &[
            ("The airline ordered ten Arrowline A210 jets and two Veltro 420s.", &["Arrowline A210", "Veltro 420s"]),
            ("Kestrel K9 phones sold well. The K9 costs less than the old K7.", &["Kestrel K9", "K9"]),
            ("The Veltro 420 Roamer was shown in Oslo.", &["Veltro 420 Roamer"]),
            ("She bought an iWidget and an iWidget Mini.", &["iWidget", "iWidget"]),
            ("The new iWidget 5GX was praised.", &["iWidget", "iWidget 5GX"]),
            ("The iWidget 4 sold out.", &["iWidget", "iWidget 4"]),
            // a maker's possessive: the code names the product, its model name too
            ("Arrowline's A210 Skyrunner flew. The A210 Skyrunner is quiet.", &["A210 Skyrunner", "A210 Skyrunner"]),
            // a sentence's first word is no maker
            ("The A210 landed. This 420 is new.", &[]),
            // a year, a count, a result, a measure, a numbered thing: no product
            ("Veltro 2024 was a good year. Some 300 people came.", &[]),
            ("Essex 343 for 8 declared; Kent 290 and 101; Surrey 301-7.", &[]),
            // in sports news a number after a name is a result
            ("Cricket: Essex 343 (Ana Ruiz 112), Kent 290. The match was drawn.", &[]),
            ("The ship sailed 500km. Article 370 was repealed on Route 101.", &[]),
            ("He was born in March 1980 and met Veltro on Monday.", &[]),
            // units and genes are not styled as products
            ("The plant makes 40 kWh of mRNA vaccine.", &[]),
        ];
        super::super::tests::assert_source_table(&ProductModels, cases);
    }

    #[test]
    fn model_codes() {
        for (word, want) in [("737", Some("737")), ("A210-300", Some("A210-300")), ("420s", Some("420")), ("777-200LR", Some("777-200LR")), ("K9", Some("K9")), ("1990", None), ("42", None), ("3rd", None), ("500km", None), ("ABCD1", None), ("$300", None), ("343-8", None), ("5GX", Some("5GX")), ("5", None), ("Q3", None), ("FY2024", None), ("555-123-4567", None)] {
            assert_eq!(model_code(word), want, "{word}");
        }
    }
}
