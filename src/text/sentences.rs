//! Sentence splitting inside one paragraph.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotation marks or
//! brackets after it) followed by white space and a capital, a digit or an
//! opening quotation mark. It does not end after an abbreviation ("Mr.",
//! "U.S.", "a.m.", "No. 10"), nor inside a quotation that closes later in the
//! same paragraph, so a quoted passage of several sentences stays whole.

use crate::document::Span;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../ontology/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\u{201d}' | '\u{2019}' | '\'' | ')' | ']')
}

/// Quotations that close within the paragraph, as (byte offset of the
/// opening mark, byte offset of the closing mark), relative to the
/// paragraph. Straight quotes pair up in order; an unmatched one opens nothing.
pub(crate) fn closed_quotations(paragraph: &str) -> Vec<(usize, usize)> {
    let mut regions = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in paragraph.char_indices() {
        match (open, c) {
            (None, '"') => open = Some((i, '"')),
            (None, '\u{201c}') => open = Some((i, '\u{201d}')),
            (Some((start, '"')), '"') | (Some((start, '\u{201d}')), '\u{201d}') => {
                regions.push((start, i));
                open = None;
            }
            // a curly quotation closed with a straight mark, as careless text does
            (Some((start, '\u{201d}')), '"') if prev.is_some_and(|p| !p.is_whitespace()) => {
                regions.push((start, i));
                open = None;
            }
            _ => {}
        }
        prev = Some(c);
    }
    regions
}

/// Splits the paragraph at `span` into sentence spans that tile it (up to
/// the white space between them).
pub fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let paragraph = span.slice(text);
    let quotes = closed_quotations(paragraph);
    // inside a quotation, unless only terminators stand between here and its close
    let inside_quote = |i: usize| {
        // quotations do not overlap: only the last one opening before `i` can hold it
        let k = quotes.partition_point(|&(open, _)| open < i);
        k > 0 && {
            let (_, close) = quotes[k - 1];
            i < close && !paragraph[i..close].trim_start_matches(['.', '!', '?']).is_empty()
        }
    };
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if matches!(c, '.' | '!' | '?') && !inside_quote(i) {
            // swallow repeated terminators and closing marks: `?!`, `."`, `.)`
            let mut end_k = k + 1;
            while end_k < chars.len() && (matches!(chars[end_k].1, '.' | '!' | '?') || is_closer(chars[end_k].1)) {
                end_k += 1;
            }
            let end = chars.get(end_k).map_or(paragraph.len(), |&(j, _)| j);
            let mut next_k = end_k;
            while next_k < chars.len() && chars[next_k].1.is_whitespace() {
                next_k += 1;
            }
            let spaced = next_k > end_k;
            let next = chars.get(next_k).map(|&(_, c)| c);
            let starts_sentence = next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opening_quote(n) || n == '(');
            if spaced && starts_sentence && !(c == '.' && is_abbreviation(&paragraph[start..i], next)) {
                sentences.push(Span::new(span.start + start, span.start + end));
                start = chars[next_k].0;
                k = next_k;
                continue;
            }
            k = end_k;
            continue;
        }
        k += 1;
    }
    let rest = paragraph[start..].trim_end();
    if !rest.is_empty() {
        sentences.push(Span::new(span.start + start, span.start + start + rest.len()));
    }
    sentences
}

/// Whether a full stop right after `word` belongs to it: an initial ("J"),
/// a dotted abbreviation ("U.S", "a.m") or a listed short form ("Ltd", "Sen").
pub fn is_abbreviation_word(word: &str) -> bool {
    let single = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    single || (word.contains('.') && word.chars().any(char::is_alphabetic)) || ABBREVIATIONS.contains(word)
}

/// Whether the full stop after `before` belongs to an abbreviation.
fn is_abbreviation(before: &str, next: Option<char>) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(' || is_opening_quote(c)).next().unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    // initials and dotted abbreviations: "J.", "U.S.", "a.m."
    if last.chars().count() == 1 && last.chars().all(char::is_alphabetic) {
        return true;
    }
    if last == "No" || last == "Nos" {
        return next.is_some_and(|c| c.is_ascii_digit());
    }
    ABBREVIATIONS.contains(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text, Span::new(0, text.len())).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One thing. Another thing.", &["One thing.", "Another thing."]),
            ("Mr Jones left. Dr. Smith stayed.", &["Mr Jones left.", "Dr. Smith stayed."]),
            ("Talks with Mr. Smith ended.", &["Talks with Mr. Smith ended."]),
            ("The U.S. Senate voted. It passed.", &["The U.S. Senate voted.", "It passed."]),
            ("He met J. K. Rowling.", &["He met J. K. Rowling."]),
            ("It opened at 9 a.m. Monday.", &["It opened at 9 a.m. Monday."]),
            ("He lives at No. 10 Main Street.", &["He lives at No. 10 Main Street."]),
            ("He said no. Then he left.", &["He said no.", "Then he left."]),
            ("Rates rose 2.5 percent. Prices fell.", &["Rates rose 2.5 percent.", "Prices fell."]),
            (
                "\"I was late. I am sorry,\" she said. Nobody answered.",
                &["\"I was late. I am sorry,\" she said.", "Nobody answered."],
            ),
            ("She said: \u{201c}It works. Truly.\u{201d} Then silence.", &["She said: \u{201c}It works. Truly.\u{201d}", "Then silence."]),
            ("Is it over? \"Yes.\" Good!", &["Is it over?", "\"Yes.\"", "Good!"]),
            ("Wait... what happened", &["Wait... what happened"]),
            ("They won 3-1. 20 fans came.", &["They won 3-1.", "20 fans came."]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "splitting {text:?}");
        }
    }

    #[test]
    fn unclosed_quotation_does_not_stop_splitting() {
        assert_eq!(split("He said: \"We go. They stay."), vec!["He said: \"We go.", "They stay."]);
    }
}
