//! A name that speaks right beside a quotation is someone: `"…," Ruiz
//! said` and `"…," said Ana Ruiz.` make "Ruiz" and "Ana Ruiz" a person
//! (or keep the organisation the tagger saw: `"…," Veltro said`). The
//! tagger misses such names when they are also common words or places
//! ("Perez", "Cruz" read as a place); the attribution says what they are.

use super::Candidate;
use crate::document::{Document, EntityType, Span};
use crate::ontology::Ontology;

/// The most words of a speaker's name beside a quotation.
const NAME_WORDS: usize = 3;

/// The tagger's `found` names with the speakers right beside a quotation
/// added as people, or retyped as people where the tagger read a place or
/// a thing.
pub fn with_attributed_speakers(doc: &Document, mut found: Vec<Candidate>, ontology: &Ontology) -> Vec<Candidate> {
    let quotes = &ontology.lexicon.quotes;
    let word = |i: usize| doc.lower_tokens.get(i);
    let mut speakers = Vec::new();
    // whether the text writes a word in lower case somewhere, by word
    let mut common_words: rustc_hash::FxHashMap<&str, bool> = Default::default();
    for (t, _) in doc.tokens.iter().enumerate() {
        if !is_closing_mark(doc, t) {
            continue;
        }
        // `"…," Ana Ruiz said` (after a sentence's end, "He said" is no
        // name: a first word the text also writes in lower case)
        let run = capitalised_run(doc, t + 1);
        let ends_sentence = doc.text[..doc.tokens[t].start].ends_with(['.', '?', '!']);
        let mut common = |i: usize| *common_words.entry(word(i)).or_insert_with(|| super::written_in_lower_case(doc, word(i)));
        if !run.is_empty() && !(ends_sentence && common(run.start)) && !quotes.pronouns.contains(word(run.start)) && run.end < doc.tokens.len() && quotes.speech_verbs.contains(word(run.end)) {
            speakers.push(doc.tokens[run.start].cover(doc.tokens[run.end - 1]));
        }
        // `"…," said Ana Ruiz.`
        if t + 2 < doc.tokens.len() && quotes.inverted_verbs.contains(word(t + 1)) {
            let run = capitalised_run(doc, t + 2);
            let ends = doc.tokens.get(run.end).is_none_or(|s| matches!(doc.slice(*s), "," | "." | ";") || !doc.same_line(run.end - 1, run.end));
            if !run.is_empty() && ends {
                speakers.push(doc.tokens[run.start].cover(doc.tokens[run.end - 1]));
            }
        }
    }
    found.sort_by_key(|c| c.span);
    let mut added = Vec::new();
    for span in speakers {
        let overlapping = super::overlapping(&found, span);
        let count = overlapping.len();
        match found[overlapping].first_mut() {
            Some(c) if c.span == span && (c.class.is_place() || c.class == EntityType::Thing) => c.class = EntityType::Person,
            // a surname the tagger found without its given name ("said Len Burwell")
            Some(c) if count == 1 && span.contains(c.span) && c.class.is_person() => c.span = span,
            Some(_) => {}
            None => added.push(Candidate { span, class: EntityType::Person, origin: super::Origin::Tagger, entry: None }),
        }
    }
    found.extend(added);
    found.sort_by_key(|c| c.span);
    found.dedup_by_key(|c| c.span);
    found
}

/// Whether token `t` closes a quotation: a closing mark after a comma, a
/// full stop, a question or exclamation mark, or a dash.
fn is_closing_mark(doc: &Document, t: usize) -> bool {
    let token = doc.slice(doc.tokens[t]);
    let closes = matches!(token, "\u{201d}" | "\"" | "''");
    closes && doc.text[..doc.tokens[t].start].ends_with([',', '.', '?', '!', '\u{2014}'])
}

/// Tokens from `t` on that are words with a capital, on one line: at most
/// [`NAME_WORDS`] (an empty range past that, or when none is).
fn capitalised_run(doc: &Document, t: usize) -> std::ops::Range<usize> {
    let is_name_word = |i: usize| doc.tokens.get(i).is_some_and(|s| super::is_name_word(doc.slice(*s)));
    let mut end = t;
    while is_name_word(end) && (end == t || doc.same_line(end - 1, end)) {
        end += 1;
    }
    if end - t > NAME_WORDS || (end > t && !Span::new(doc.tokens[t].start, doc.tokens[end - 1].end).slice(&doc.text).chars().any(char::is_lowercase)) {
        return t..t;
    }
    t..end
}

#[cfg(test)]
mod tests {
    use super::with_attributed_speakers;
    use crate::document::{Document, EntityType, Metadata, Span};
    use crate::ontology::Ontology;
    use crate::recognise::{Candidate, Origin};

    fn speakers(text: &str, found: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let ontology = Ontology::builtin().unwrap();
        let doc = Document::new(text, Metadata::default());
        let found = found
            .iter()
            .map(|&(name, class)| {
                let start = text.find(name).unwrap();
                Candidate { span: Span::new(start, start + name.len()), class, origin: Origin::Tagger, entry: None }
            })
            .collect();
        with_attributed_speakers(&doc, found, &ontology).into_iter().map(|c| (doc.slice(c.span).to_string(), c.class)).collect()
    }

    #[test]
    fn a_name_beside_a_quotation_and_a_speech_verb_is_a_person() {
        let person = EntityType::Person;
        assert_eq!(speakers("\"Prices will fall,\" Perez said.", &[]), [("Perez".to_string(), person)]);
        assert_eq!(speakers("\u{201c}Prices will fall,\u{201d} said Ana Perez.", &[]), [("Ana Perez".to_string(), person)]);
        // a place the tagger saw is retyped; an organisation stays one
        assert_eq!(speakers("\"Prices will fall,\" Cruz told reporters.", &[("Cruz", EntityType::City)]), [("Cruz".to_string(), person)]);
        assert_eq!(speakers("\"Prices will fall,\" Veltro said.", &[("Veltro", EntityType::Corporation)]), [("Veltro".to_string(), EntityType::Corporation)]);
        assert_eq!(speakers("\"Prices will fall,\" said Len Perez, an economist.", &[("Perez", person)]), [("Len Perez".to_string(), person)]);
        // no quotation, no verb, or more than a name: nothing
        assert!(speakers("Perez said prices would fall.", &[]).is_empty());
        assert!(speakers("\"Prices will fall,\" Perez and others said.", &[]).is_empty());
        assert!(speakers("\"Prices will fall.\" He said it twice. \"They will.\" She said so.", &[]).is_empty());
        assert!(speakers("\"Prices,\" The Harlow Daily Ledger Online said.", &[]).is_empty());
    }
}
