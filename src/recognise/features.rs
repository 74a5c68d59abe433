//! The tagger's features: what it looks at for each token.
//!
//! Training and tagging call the same code, so a model always sees the
//! features it was trained on. A feature is a 64-bit hash of a template
//! number and values (FNV-1a for words, a multiply-rotate mix to combine
//! them), written here so that the hashes, and with them the model file,
//! never change with a crate version.
//!
//! The templates follow Ratinov & Roth (2009): the word and its neighbours,
//! shapes, affixes, word clusters, the previous two labels, and two views of
//! the whole document: how the same word is written elsewhere in it, and
//! what it was tagged earlier on ("prediction history").

use super::clusters::Clusters;
use super::lists::NameLists;
use crate::document::{Document, Span};
use rustc_hash::FxHashMap;

pub(crate) use super::frozen::{fnv, hash_str, FNV_START};

/// Combines a template number with one or more value hashes: a multiply
/// and a rotation per value, since hashing every feature byte by byte was
/// most of the tagger's time.
fn feature(template: u8, values: &[u64]) -> u64 {
    let mut h = (template as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &v in values {
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(31);
    }
    (h ^ (h >> 29)) | 1 // never 0: the model's table keeps 0 for an empty slot
}

/// The hash of a token's shape with repeats collapsed: "Xx" for "London",
/// "X.X." for "U.S.", "d,d" for "1,200", "x-x" for "well-known".
fn shape_hash(word: &str) -> u64 {
    let mut h = FNV_START;
    let mut last = None;
    let mut buf = [0u8; 4];
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if last != Some(s) {
            h = fnv(h, s.encode_utf8(&mut buf).as_bytes());
            last = Some(s);
        }
    }
    h
}

/// FNV-1a of `text` in lower case, continued from `h`: the hash of
/// [`lower_into`]'s output, without writing it.
fn fnv_lower(mut h: u64, text: &str) -> u64 {
    if text.is_ascii() {
        for b in text.bytes() {
            h = fnv(h, &[b.to_ascii_lowercase()]);
        }
        return h;
    }
    let mut buf = [0u8; 4];
    for c in text.chars().flat_map(char::to_lowercase) {
        h = fnv(h, c.encode_utf8(&mut buf).as_bytes());
    }
    h
}

/// Writes `word` in lower case into `out`.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Hashes of the first and last 1-4 characters of `word` (0 where it is shorter).
fn affixes(word: &str) -> [u64; 8] {
    let mut out = [0u64; 8];
    for (k, (i, c)) in word.char_indices().take(4).enumerate() {
        out[k] = hash_str(&word[..i + c.len_utf8()]);
    }
    for (k, (i, _)) in word.char_indices().rev().take(4).enumerate() {
        out[4 + k] = hash_str(&word[i..]);
    }
    out
}

/// What a word's letters say, the same wherever it stands.
#[derive(Clone, Copy, Debug, Default)]
struct WordInfo {
    lower: u64,
    shape: u64,
    /// Prefixes and suffixes of the lower-case word, 1 to 4 characters.
    affixes: [u64; 8],
    /// The word cluster's bit path, and how many bits it has (0: none).
    cluster: (u16, u8),
    /// Starts with a capital letter.
    capital: bool,
    /// A lower-case word or mark that may stand inside a name ("of", "&").
    connector: bool,
    /// Has a capital, a digit or a letter without case ("Oslo", "iPhone",
    /// "747"): a name may begin here.
    may_open: bool,
}

/// What the tagger knows of one token before it looks at its neighbours.
#[derive(Clone, Debug, Default)]
struct TokenInfo {
    word: u64,
    /// What its letters say; `connector` false for a dash set apart.
    letters: WordInfo,
    /// Index of the token's lower-case word among the document's words.
    word_id: u32,
    /// The lower-case last word of the run of capitalised words and
    /// connectors that starts here ("university" for "West" in "West
    /// Lake State University"): the head that types a name; 0 when none.
    run_head: u64,
    /// For each listed kind, where the token lies in a listed name: bits
    /// 0-3 begin, inside, last, unit.
    listed: [u8; super::lists::KINDS],
}

/// Gives each capitalised token the last word of the run of capitalised
/// words and connectors it starts (at most eight tokens), when the run has
/// more than one word.
fn mark_run_heads(sequences: &[std::ops::Range<usize>], tokens: &mut [TokenInfo]) {
    for seq in sequences {
        for i in seq.clone() {
            if !tokens[i].letters.may_open {
                continue;
            }
            let mut head = None;
            for t in &tokens[i + 1..seq.end.min(i + 8)] {
                if t.letters.may_open {
                    head = Some(t.letters.lower);
                } else if !t.letters.connector {
                    break;
                }
            }
            if let Some(h) = head {
                tokens[i].run_head = h;
            }
        }
    }
}

/// Marks the tokens that lie in a listed name. A name starts with a
/// capitalised word (or any word in a line of capitals) and is looked up
/// with the document's own spacing, in lower case.
fn mark_listed_names(doc: &Document, spans: &[Span], sequences: &[std::ops::Range<usize>], lists: &NameLists, tokens: &mut [TokenInfo]) {
    if lists.is_empty() {
        return;
    }
    for seq in sequences {
        for i in seq.clone() {
            if !tokens[i].letters.capital {
                continue;
            }
            // the hash of the lower-case name so far, extended token by token
            let mut hash = FNV_START;
            for j in i..seq.end.min(i + super::lists::LONGEST) {
                // listed names are capitalised words and connectors ("Bay of Biscay")
                if !(tokens[j].letters.may_open || tokens[j].letters.connector) {
                    break;
                }
                let from = if j == i { spans[i].start } else { spans[j - 1].end };
                hash = fnv_lower(hash, &doc.text[from..spans[j].end]);
                let kinds = lists.kinds_hashed(hash);
                for (kind, listed) in (0..super::lists::KINDS).map(|k| (k, kinds & (1 << k) != 0)) {
                    if !listed {
                        continue;
                    }
                    if i == j {
                        tokens[i].listed[kind] |= 8;
                    } else {
                        tokens[i].listed[kind] |= 1;
                        for t in &mut tokens[i + 1..j] {
                            t.listed[kind] |= 2;
                        }
                        tokens[j].listed[kind] |= 4;
                    }
                }
            }
        }
    }
}

/// The tagging tokens of `doc` (see [`DocFeatures::spans`]), and for each
/// document token (and one past the last) the tagging token its start lies in.
fn tagging_tokens(doc: &Document) -> (Vec<Span>, Vec<usize>) {
    let mut spans: Vec<Span> = Vec::with_capacity(doc.tokens.len());
    let mut first = Vec::with_capacity(doc.tokens.len() + 1);
    let mut hyphen_open = false;
    for (i, span) in doc.tokens.iter().enumerate() {
        first.push(spans.len());
        let word = doc.slice(*span);
        let touches_last = spans.last().is_some_and(|p: &Span| p.end == span.start);
        // "Ltd." and "U.S." are one token, as the corpora cut them
        let stop_joins = word == "." && touches_last && crate::text::is_abbreviation_word(doc.slice(*spans.last().unwrap()));
        // and so is "Mattek-Sands": a hyphen between two words, unspaced
        let hyphen_joins = word == "-"
            && touches_last
            && doc.tokens.get(i + 1).is_some_and(|next| next.start == span.end && doc.slice(*next).chars().next().is_some_and(char::is_alphanumeric))
            && doc.slice(*spans.last().unwrap()).chars().last().is_some_and(char::is_alphanumeric);
        if stop_joins || hyphen_joins || (hyphen_open && touches_last) {
            let p = spans.len() - 1;
            first.pop();
            first.push(p);
            let mut parts = split_possessive(word, *span);
            spans[p].end = parts.next().map_or(span.end, |part| part.end);
            spans.extend(parts);
            hyphen_open = hyphen_joins;
            continue;
        }
        hyphen_open = false;
        spans.extend(split_possessive(word, *span));
    }
    first.push(spans.len());
    (spans, first)
}

/// A token ending in a possessive "'s", cut in two.
fn split_possessive(word: &str, span: Span) -> impl Iterator<Item = Span> {
    let cut = ["'s", "\u{2019}s", "'S", "\u{2019}S"].iter().find(|p| word.len() > p.len() && word.ends_with(*p)).map(|p| span.end - p.len());
    match cut {
        Some(c) => [Some(Span::new(span.start, c)), Some(Span::new(c, span.end))],
        None => [Some(span), None],
    }
    .into_iter()
    .flatten()
}

/// The word with typographic quotes and dashes made plain, as in the
/// training corpora ("“" is "\"", "’" is "'", "—" is "-").
fn plain(word: &str) -> std::borrow::Cow<'_, str> {
    if word.is_ascii() {
        return word.into();
    }
    word.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Whether sentences are in ALL CAPS or Title Case: then capitals say little.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Casing {
    Normal,
    AllCaps,
    TitleCase,
}

/// Per-document facts about how each word is written.
#[derive(Default)]
struct WordStats {
    /// Seen capitalised somewhere other than a sentence's first word.
    capital_inside: bool,
    /// Seen in lower case.
    lower: bool,
}

/// The features of every token of a document, given the labels before it.
pub struct DocFeatures {
    tokens: Vec<TokenInfo>,
    /// The tagging tokens, cut as the training corpora cut theirs: the
    /// document's tokens, with a possessive "'s" apart ("Oslo's" is "Oslo"
    /// and "'s"), an abbreviation's full stop kept ("Ltd.") and an unspaced
    /// hyphenated word whole ("Mattek-Sands").
    pub spans: Vec<Span>,
    /// Token ranges that are tagged as one sequence: sentences, cut at line breaks.
    pub sequences: Vec<std::ops::Range<usize>>,
    casing: Vec<Casing>,
    words: Vec<WordStats>,
    /// For each distinct word: how often each class was predicted on it so far.
    history: Vec<[u16; super::model::CLASSES + 1]>,
}

/// What stands for a neighbour before a sequence's start or after its end.
const BOS: u64 = 0x0b05;
const EOS: u64 = 0x0e05;

impl DocFeatures {
    pub fn new(doc: &Document, clusters: &Clusters, lists: &NameLists) -> DocFeatures {
        let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
        let mut tokens = Vec::with_capacity(doc.tokens.len());
        let (spans, first) = tagging_tokens(doc);
        let mut words: Vec<WordStats> = Vec::new();
        let mut lower = String::new();
        // what a word's letters say, worked out once per distinct word: words repeat
        let mut seen: FxHashMap<u64, WordInfo> = FxHashMap::default();
        for &part in &spans {
            let word = plain(doc.slice(part));
            let word_hash = hash_str(&word);
            let info = *seen.entry(word_hash).or_insert_with(|| {
                lower_into(&word, &mut lower);
                let lower_hash = hash_str(&lower);
                WordInfo {
                    lower: lower_hash,
                    shape: shape_hash(&word),
                    affixes: affixes(&lower),
                    cluster: clusters.get_hashed(word_hash).or_else(|| clusters.get_hashed(lower_hash)).unwrap_or((0, 0)),
                    capital: word.chars().next().is_some_and(char::is_uppercase),
                    connector: lists.is_connector(&lower),
                    may_open: word.chars().any(|c| c.is_uppercase() || c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase())),
                }
            });
            let next_id = ids.len() as u32;
            let word_id = *ids.entry(info.lower).or_insert(next_id);
            if word_id as usize == words.len() {
                words.push(WordStats::default());
            }
            tokens.push(TokenInfo {
                word: word_hash,
                // a dash set apart ("Oslo — Reuters") joins no name, though it reads as "-"
                letters: WordInfo { connector: info.connector && !matches!(doc.slice(part), "\u{2013}" | "\u{2014}"), ..info },
                word_id,
                listed: [0; super::lists::KINDS],
                run_head: 0,
            });
        }
        let mut sequences = Vec::new();
        let mut casing = Vec::new();
        let mut units: Vec<std::ops::Range<usize>> = doc.sentences.iter().chain(&doc.asides).map(|s| s.tokens.clone()).collect();
        units.sort_by_key(|r| r.start);
        for range in units {
            let range = first[range.start]..first[range.end];
            let mut from = range.start;
            for i in range.clone() {
                let breaks_line = i > from && doc.text[spans[i - 1].end..spans[i].start].contains('\n');
                if breaks_line {
                    sequences.push(from..i);
                    from = i;
                }
            }
            if from < range.end {
                sequences.push(from..range.end);
            }
        }
        for seq in &sequences {
            let c = sequence_casing(doc, &spans[seq.clone()]);
            casing.push(c);
            for i in seq.clone() {
                let t = &tokens[i];
                let stats = &mut words[t.word_id as usize];
                if c == Casing::Normal && t.letters.capital && i > seq.start {
                    stats.capital_inside = true;
                }
                let word = doc.slice(spans[i]);
                if word.chars().next().is_some_and(char::is_lowercase) {
                    stats.lower = true;
                }
            }
        }
        mark_listed_names(doc, &spans, &sequences, lists, &mut tokens);
        mark_run_heads(&sequences, &mut tokens);
        let history = vec![[0; super::model::CLASSES + 1]; words.len()];
        DocFeatures { tokens, spans, sequences, casing, words, history }
    }

    /// Feature hashes of token `i` of sequence `seq`, whose previous two
    /// labels are `prev` (label indices, 0 for none or O), into `out`.
    pub fn features(&self, seq: usize, i: usize, prev: [u8; 2], out: &mut Vec<u64>) {
        out.clear();
        let range = &self.sequences[seq];
        let t = &self.tokens[i];
        let at = |k: isize| -> Option<&TokenInfo> {
            let j = i as isize + k;
            (j >= range.start as isize && j < range.end as isize).then(|| &self.tokens[j as usize])
        };
        let edge = |k: isize| if k < 0 { BOS } else { EOS };
        let lower = |k: isize| at(k).map_or(edge(k), |t| t.letters.lower);
        let shape = |k: isize| at(k).map_or(edge(k), |t| t.letters.shape);
        let casing = self.casing[seq] as u64;
        let first = (i == range.start) as u64;
        out.push(feature(0, &[]));
        out.push(feature(1, &[t.word]));
        out.push(feature(2, &[t.letters.lower]));
        out.push(feature(3, &[lower(-1)]));
        out.push(feature(4, &[lower(1)]));
        out.push(feature(5, &[lower(-2)]));
        out.push(feature(6, &[lower(2)]));
        out.push(feature(7, &[t.letters.shape]));
        out.push(feature(8, &[shape(-1)]));
        out.push(feature(9, &[shape(1)]));
        out.push(feature(10, &[shape(-1), t.letters.shape]));
        out.push(feature(11, &[t.letters.shape, shape(1)]));
        out.push(feature(12, &[lower(-1), t.letters.lower]));
        out.push(feature(13, &[t.letters.lower, lower(1)]));
        for (k, &a) in t.letters.affixes.iter().enumerate() {
            if a != 0 {
                out.push(feature(14 + k as u8, &[a]));
            }
        }
        out.push(feature(22, &[prev[0] as u64]));
        out.push(feature(23, &[prev[0] as u64, prev[1] as u64]));
        out.push(feature(24, &[prev[0] as u64, t.letters.lower]));
        out.push(feature(25, &[prev[0] as u64, t.letters.shape]));
        out.push(feature(26, &[casing, t.letters.shape, first]));
        out.push(feature(27, &[casing, t.letters.lower]));
        for (k, bits) in [4u8, 8, 12].into_iter().enumerate() {
            if let Some(c) = cluster_prefix(t.letters.cluster, bits) {
                out.push(feature(28 + k as u8, &[c]));
            }
        }
        for (k, offset) in [-1isize, 1].into_iter().enumerate() {
            if let Some(c) = at(offset).and_then(|n| cluster_prefix(n.letters.cluster, 8)) {
                out.push(feature(31 + k as u8, &[c]));
            }
        }
        let word = |k: isize| at(k).map_or(edge(k), |t| t.word);
        out.push(feature(36, &[word(-1)]));
        out.push(feature(37, &[word(1)]));
        out.push(feature(38, &[shape(-1), t.letters.shape, shape(1)]));
        out.push(feature(39, &[lower(-1), t.letters.shape]));
        out.push(feature(40, &[t.letters.shape, lower(1)]));
        out.push(feature(41, &[prev[0] as u64, lower(-1)]));
        out.push(feature(42, &[prev[0] as u64, shape(1)]));
        for (k, offset) in [-2isize, 2].into_iter().enumerate() {
            if let Some(c) = at(offset).and_then(|n| cluster_prefix(n.letters.cluster, 8)) {
                out.push(feature(43 + k as u8, &[c]));
            }
        }
        for (k, offset) in [-1isize, 1].into_iter().enumerate() {
            if let Some(c) = at(offset).and_then(|n| cluster_prefix(n.letters.cluster, 12)) {
                out.push(feature(45 + k as u8, &[c]));
            }
        }
        out.push(feature(47, &[lower(-2), lower(-1)]));
        out.push(feature(48, &[lower(1), lower(2)]));
        out.push(feature(49, &[prev[0] as u64, prev[1] as u64, t.letters.shape]));
        for (kind, &at) in t.listed.iter().enumerate() {
            if at != 0 {
                out.push(feature(50, &[kind as u64, at as u64]));
                out.push(feature(51, &[kind as u64, at as u64, t.letters.shape]));
            }
        }
        if t.run_head != 0 {
            out.push(feature(55, &[t.run_head]));
            out.push(feature(56, &[t.run_head, first]));
        }
        // how the same word is written elsewhere in the document
        let stats = &self.words[t.word_id as usize];
        out.push(feature(33, &[t.letters.shape, stats.capital_inside as u64, stats.lower as u64, first]));
        // what the same word was tagged earlier in the document
        let history = &self.history[t.word_id as usize];
        if let Some((class, _)) = history.iter().enumerate().filter(|(_, &n)| n > 0).max_by_key(|(c, &n)| (n, std::cmp::Reverse(*c))) {
            out.push(feature(34, &[class as u64]));
            out.push(feature(35, &[class as u64, t.letters.shape]));
        }
    }

    /// Whether a name may begin at token `i`.
    pub fn may_open_name(&self, i: usize) -> bool {
        self.tokens[i].letters.may_open
    }

    /// Whether token `i` may stand inside a name: a word with a capital or
    /// digit, or a connector ("of", "&").
    pub fn may_continue_name(&self, i: usize) -> bool {
        self.tokens[i].letters.may_open || self.tokens[i].letters.connector
    }

    /// Whether token `i` is a connector ("of", "&"): no name ends on one.
    pub fn is_connector(&self, i: usize) -> bool {
        self.tokens[i].letters.connector
    }

    /// Forgets what was tagged: the document is tagged afresh.
    pub fn forget(&mut self) {
        self.history.iter_mut().for_each(|h| *h = [0; super::model::CLASSES + 1]);
    }

    /// Records that token `i` was tagged with class `class` (0 for O).
    pub fn remember(&mut self, i: usize, class: usize) {
        let t = &self.tokens[i];
        if t.letters.capital || class != 0 {
            let h = &mut self.history[t.word_id as usize][class];
            *h = h.saturating_add(1);
        }
    }
}

/// The first `bits` bits of a cluster path, with its length, as one value.
fn cluster_prefix((path, len): (u16, u8), bits: u8) -> Option<u64> {
    if len == 0 {
        return None;
    }
    let n = bits.min(len);
    Some(((path >> (16 - n)) as u64) << 8 | n as u64)
}

/// ALL CAPS when most letters are capitals; Title Case when every word of
/// four or more letters is capitalised and there are several such words.
fn sequence_casing(doc: &Document, tokens: &[Span]) -> Casing {
    let (mut upper, mut letters, mut long, mut long_capital) = (0, 0, 0, 0);
    for t in tokens {
        let w = doc.slice(*t);
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += c.is_uppercase() as usize;
        }
        if w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) {
            long += 1;
            long_capital += w.chars().next().is_some_and(char::is_uppercase) as usize;
        }
    }
    if letters >= 6 && upper * 10 >= letters * 8 {
        Casing::AllCaps
    } else if long >= 3 && long_capital == long {
        Casing::TitleCase
    } else {
        Casing::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_of_lower_case_is_built_piece_by_piece() {
        for text in ["Bay of Biscay", "ÉLYSÉE Palace", "St. Gallen"] {
            let mut lower = String::new();
            lower_into(text, &mut lower);
            let (a, b) = text.split_at(text.find(' ').unwrap());
            assert_eq!(fnv_lower(fnv_lower(FNV_START, a), b), hash_str(&lower), "{text}");
        }
    }

    #[test]
    fn shapes_collapse_repeats() {
        for (word, want) in [("London", "Xx"), ("U.S.", "X.X."), ("1,200", "d,d"), ("well-known", "x-x"), ("iPhone", "xXx"), ("NATO", "X")] {
            assert_eq!(shape_hash(word), hash_str(want), "{word}");
        }
    }

    #[test]
    fn affixes_are_whole_characters() {
        let a = affixes("éte");
        assert_eq!(a[0], hash_str("é"));
        assert_eq!(a[2], hash_str("éte"));
        assert_eq!(a[3], 0, "three letters have no four-letter prefix");
        assert_eq!(a[4], hash_str("e"));
        assert_eq!(a[6], hash_str("éte"));
    }

    #[test]
    fn cluster_prefixes_keep_the_first_bits() {
        // path 1011 (4 bits) stored left-aligned in 16 bits
        let c = (0b1011_0000_0000_0000u16, 4u8);
        assert_eq!(cluster_prefix(c, 2), Some(0b10 << 8 | 2));
        assert_eq!(cluster_prefix(c, 8), Some(0b1011 << 8 | 4));
        assert_eq!(cluster_prefix((0, 0), 4), None);
    }
}
