//! Word and punctuation tokens: Unicode word boundaries (UAX #29), white
//! space dropped.
//!
//! unicode-segmentation finds the boundaries. It looks every character's
//! class up in a table, which made tokenizing the largest part of
//! segmentation; text made only of the characters most news is written in
//! (ASCII, Latin letters, curly quotes, dashes) takes a fast path applying
//! the same rules. Tests check that the two agree.

use crate::document::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Appends the tokens of `span` of `text` to `out`.
pub fn tokenize(text: &str, span: Span, out: &mut Vec<Span>) {
    let start = out.len();
    if fast_tokens(span.slice(text), span.start, out).is_none() {
        out.truncate(start);
        out.extend(library_tokens(text, span));
    }
}

/// The tokens as unicode-segmentation finds them.
fn library_tokens(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    span.slice(text)
        .split_word_bound_indices()
        .filter(|(_, w)| !w.chars().all(char::is_whitespace))
        .map(move |(i, w)| Span::new(span.start + i, span.start + i + w.len()))
}

/// Word-break classes (UAX #29) of the characters the fast path knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Letter,
    Digit,
    /// "_" (ExtendNumLet)
    Connector,
    /// ":" "·" (MidLetter): joins letters
    MidLetter,
    /// "." "'" "‘" "’" (MidNumLet, Single_Quote): joins letters or digits
    MidNumLet,
    /// "," ";" (MidNum): joins digits
    MidNum,
    Space,
    Other,
}

fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' | 'ª' | 'µ' | 'º' => Class::Letter,
        '\u{C0}'..='\u{24F}' if c != '×' && c != '÷' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::Connector,
        ':' | '·' => Class::MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        ',' | ';' => Class::MidNum,
        ' ' | '\t' | '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{A0}' => Class::Space,
        '!'..='~' | '“' | '”' | '–' | '—' | '…' | '×' | '÷' | '•' | '€' | '£' | '°' => Class::Other,
        _ => return None,
    })
}

/// The tokens of `s` (which starts at byte `base`), or None if `s` holds a
/// character the fast path does not know.
fn fast_tokens(s: &str, base: usize, out: &mut Vec<Span>) -> Option<()> {
    let next = |at: usize| s[at..].chars().next();
    let mut i = 0;
    while let Some(c) = next(i) {
        let kind = class(c)?;
        let mut j = i + c.len_utf8();
        if matches!(kind, Class::Letter | Class::Digit | Class::Connector) {
            let mut last = kind;
            while let Some(n) = next(j) {
                let n_kind = class(n)?;
                match n_kind {
                    // WB5, WB8-10, WB13a-b
                    Class::Letter | Class::Digit | Class::Connector => {
                        j += n.len_utf8();
                        last = n_kind;
                    }
                    // WB6-7, WB11-12: a middle character between two letters or two digits
                    Class::MidLetter | Class::MidNumLet | Class::MidNum => {
                        let Some(after) = next(j + n.len_utf8()) else { break };
                        let after_kind = class(after)?;
                        let joins = matches!(
                            (last, n_kind, after_kind),
                            (Class::Letter, Class::MidLetter | Class::MidNumLet, Class::Letter) | (Class::Digit, Class::MidNum | Class::MidNumLet, Class::Digit)
                        );
                        if !joins {
                            break;
                        }
                        j += n.len_utf8() + after.len_utf8();
                        last = after_kind;
                    }
                    Class::Space | Class::Other => break,
                }
            }
        }
        if kind != Class::Space {
            out.push(Span::new(base + i, base + j));
        }
        i = j;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn both(s: &str) -> (Vec<Span>, Vec<Span>) {
        let span = Span::new(0, s.len());
        let mut fast = Vec::new();
        fast_tokens(s, 0, &mut fast).expect("only known characters");
        (fast, library_tokens(s, span).collect())
    }

    #[test]
    fn every_known_character_in_every_context() {
        let known: Vec<char> = ('\0'..='\u{2FFF}').filter(|&c| class(c).is_some()).collect();
        for &c in &known {
            for s in [format!("{c}"), format!("a{c}b"), format!("1{c}2"), format!("{c}{c}"), format!("a{c}"), format!("{c}a"), format!("_{c}_"), format!("x {c} 9")] {
                let (fast, library) = both(&s);
                assert_eq!(fast, library, "{s:?}");
            }
        }
    }

    #[test]
    fn words_numbers_and_punctuation() {
        let s = "The U.K.’s 1,250.5m-strong army didn't say: “no” — at 10:30.";
        let mut tokens = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut tokens);
        let words: Vec<&str> = tokens.iter().map(|t| t.slice(s)).collect();
        assert_eq!(words, ["The", "U.K", ".", "’", "s", "1,250.5m", "-", "strong", "army", "didn't", "say", ":", "“", "no", "”", "—", "at", "10", ":", "30", "."]);
    }

    #[test]
    fn unknown_characters_take_the_library() {
        let s = "Ça ira, 東京 😀 e\u{301}te";
        let mut tokens = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut tokens);
        assert_eq!(tokens, library_tokens(s, Span::new(0, s.len())).collect::<Vec<_>>());
        assert!(fast_tokens(s, 0, &mut Vec::new()).is_none());
    }

    proptest! {
        #[test]
        fn fast_path_agrees_with_unicode_segmentation(s in "[a-zA-Z0-9_:·.'‘’,; \t\n\r\u{a0}!-/<-@“”–—…éßłŻ\u{301}\u{ad}😀中]{0,40}") {
            let mut tokens = Vec::new();
            tokenize(&s, Span::new(0, s.len()), &mut tokens);
            prop_assert_eq!(tokens, library_tokens(&s, Span::new(0, s.len())).collect::<Vec<_>>());
        }
    }
}
