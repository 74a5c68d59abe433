//! Mentions that are no names, made once, after the names and before any
//! relation extractor reads the document:
//!
//! - nationality words ([`MentionForm::Demonym`]): "Danish" in "the Danish
//!   foreign minister", "Norwegians" before a list of people; each links
//!   to its country;
//! - title phrases ([`MentionForm::Title`]): "the chancellor", "the prime
//!   minister", when no name or possessive follows ("the mayor's aide" and
//!   "the President Ada Ruiz" are none);
//! - unnamed speakers ([`MentionForm::Description`]): "a senior police
//!   source", "the ministry's spokeswoman" right before a speech verb;
//! - pronouns ([`MentionForm::Pronoun`]): "he", "she".
//!
//! Who these are is not decided here: resolution joins a title phrase to the
//! person who last held the title, a pronoun to the person it stands for,
//! and keeps a nationality word or an unnamed speaker only when a fact
//! refers to it. These forms never go through [`super::merge`]: they are
//! not names, and a nationality word may stand inside one.

use crate::document::{Document, Mention, MentionForm, Span};
use crate::ontology::{EntityType, Ontology};

/// The most words an unnamed speaker's description has before its head
/// ("a senior Danish foreign ministry source").
const MAX_DESCRIPTION_WORDS: usize = 7;

/// Adds the mentions that are no names to `doc`, whose names are made.
pub fn describe(doc: &mut Document, ontology: &Ontology) {
    let mut found: Vec<Mention> = Vec::new();
    for s in 0..doc.sentences.len() {
        let view = Tokens::of_sentence(doc, s);
        for i in view.range() {
            if let Some(entry) = ontology.gazetteer.demonym_or_plural(view.raw(i)) {
                found.push(mention(view.span(i, i + 1), s, ontology.gazetteer.entries[entry].class, MentionForm::Demonym, Some(entry)));
            }
        }
        for i in view.range() {
            if let Some(span) = title_phrase_at(doc, &view, ontology, i) {
                found.push(mention(span, s, EntityType::Person, MentionForm::Title, None));
            }
        }
        for v in view.range() {
            if let Some(span) = unnamed_speaker_before(doc, s, ontology, v) {
                found.push(mention(span, s, EntityType::Person, MentionForm::Description, None));
            }
        }
        for i in view.range() {
            if ontology.lexicon.quotes.pronouns.contains(view.word(i)) {
                found.push(mention(view.span(i, i + 1), s, EntityType::Person, MentionForm::Pronoun, None));
            }
        }
    }
    // a span that is already a mention keeps it (a name, or a title phrase
    // that is also an unnamed speaker: "the spokesman said")
    for m in found {
        doc.add_mention(m);
    }
}

fn mention(span: Span, sentence: usize, class: EntityType, form: MentionForm, entry: Option<usize>) -> Mention {
    Mention { span, sentence: Some(sentence), class, form, entry, qid: None, source: "descriptions" }
}

/// "the" and a title at token `i`, with no name or possessive after it and
/// no name inside it: "the chancellor", "The prime minister".
fn title_phrase_at(doc: &Document, view: &Tokens, ontology: &Ontology, i: usize) -> Option<Span> {
    if view.word(i) != "the" {
        return None;
    }
    let end = ontology.title_end(|k| view.word(k), i + 1)?;
    // "the mayor's aide", "the President Joe Biden": not the phrase alone
    let next = view.raw(end);
    if next.starts_with(['\'', '\u{2019}']) || view.word(end) == "'s" || next.starts_with(char::is_uppercase) {
        return None;
    }
    let span = view.span(i, end);
    let inside_name = doc.mentions_overlapping(span).into_iter().any(|m| doc.mentions[m].form == MentionForm::Name);
    (!inside_name).then_some(span)
}

/// An unnamed speaker ending right before the speech verb at token `v` of
/// sentence `s` (a document token index): an article, then lower-case
/// words, nationality words or possessives, then a speaker noun ("a senior
/// Danish diplomat", "the agency's spokeswoman"). Quotation attribution
/// reads the same rule to find the mention this module made.
pub fn unnamed_speaker_before(doc: &Document, s: usize, ontology: &Ontology, v: usize) -> Option<Span> {
    let quotes = &ontology.lexicon.quotes;
    let view = Tokens::of_sentence(doc, s);
    if !quotes.speech_verbs.contains(view.word(v)) {
        return None;
    }
    let head = v.checked_sub(1).filter(|&h| h >= view.first)?;
    if !quotes.speaker_nouns.contains(view.word(head)) {
        return None;
    }
    let mut i = head;
    while i > view.first && head - i < MAX_DESCRIPTION_WORDS {
        i -= 1;
        let w = view.word(i);
        if matches!(w, "the" | "a" | "an") {
            return Some(view.span(i, v));
        }
        let raw = view.raw(i);
        let lower_or_demonym = raw.chars().next().is_some_and(char::is_lowercase) || ontology.gazetteer.demonym(raw).is_some();
        if !(lower_or_demonym || w == "'s") || quotes.speech_verbs.contains(w) {
            return None;
        }
    }
    None
}

/// The tokens of one sentence, by document token index.
struct Tokens<'d> {
    doc: &'d Document,
    first: usize,
    end: usize,
}

impl<'d> Tokens<'d> {
    fn of_sentence(doc: &'d Document, s: usize) -> Tokens<'d> {
        let range = doc.sentences[s].tokens.clone();
        Tokens { doc, first: range.start, end: range.end }
    }

    fn range(&self) -> std::ops::Range<usize> {
        self.first..self.end
    }

    /// Token `k` in lower case; empty outside the sentence.
    fn word(&self, k: usize) -> &'d str {
        if (self.first..self.end).contains(&k) {
            self.doc.lower_tokens.get(k)
        } else {
            ""
        }
    }

    /// Token `k` as written; empty outside the sentence.
    fn raw(&self, k: usize) -> &'d str {
        if (self.first..self.end).contains(&k) {
            self.doc.slice(self.doc.tokens[k])
        } else {
            ""
        }
    }

    /// The span of tokens `from..to` (within the sentence).
    fn span(&self, from: usize, to: usize) -> Span {
        let to = to.min(self.end).max(from + 1);
        self.doc.tokens[from].cover(self.doc.tokens[to - 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;
    use std::sync::LazyLock;

    static ONTOLOGY: LazyLock<Ontology> = LazyLock::new(|| Ontology::builtin().unwrap());

    /// The mentions of each form other than names, as (form, text).
    fn described(text: &str) -> Vec<(MentionForm, String)> {
        let mut doc = Document::new(text, Metadata::default());
        super::super::Recogniser::builtin().unwrap().recognise(&mut doc, &ONTOLOGY);
        let mut got: Vec<(Span, MentionForm, String)> =
            doc.mentions.iter().filter(|m| m.form != MentionForm::Name).map(|m| (m.span, m.form, doc.slice(m.span).to_string())).collect();
        got.sort();
        got.into_iter().map(|(_, f, t)| (f, t)).collect()
    }

    #[test]
    fn descriptions_table() {
        use MentionForm::*;
        let cases: &[(&str, &[(MentionForm, &str)])] = &[
            ("The Danish foreign minister arrived.", &[(Demonym, "Danish")]),
            ("Norwegians Kari Nilsen and Ola Hansen won.", &[(Demonym, "Norwegians")]),
            ("Later the chancellor left for the airport.", &[(Title, "the chancellor")]),
            ("The prime minister's aide resigned.", &[]),
            ("\"It is over,\" a senior police source said.", &[(Description, "a senior police source")]),
            // a title phrase that is also an unnamed speaker is one mention
            ("\"We disagree,\" the spokeswoman said.", &[(Title, "the spokeswoman")]),
            ("She said he had left.", &[(Pronoun, "She"), (Pronoun, "he")]),
            ("The harbour reopened on Monday.", &[]),
        ];
        for (text, want) in cases {
            let want: Vec<(MentionForm, String)> = want.iter().map(|(f, t)| (*f, t.to_string())).collect();
            assert_eq!(described(text), want, "in {text:?}");
        }
    }
}
