//! Quotations and who said them.
//!
//! A quotation is a stretch in quotation marks (straight or curly) that
//! someone says: `X said: "…"`, `"…," X said`, `"…," said X`, `X told
//! reporters: "…"`, a partial quote after a speech verb (`the union said the
//! offer was "an insult"`), or a quotation opening a sentence with no attribution,
//! which continues the speaker before it (also across paragraphs, when a
//! quotation is left open at the end of one). Marks with no speech verb near
//! them are scare quotes and say nothing.
//!
//! The speaker is the mention the text gives: a name, a title phrase ("the
//! minister said"), an unnamed speaker ("a senior Danish diplomat", a
//! mention recognition made) or a pronoun ("he said"). Who a title phrase
//! or a pronoun stands for is decided in `crate::resolve`.

use super::words::{mentions_between, Words};
use super::Extractor;
use crate::document::{Document, Fact, FactKind, MentionForm, MentionId, ParagraphRole, Span};
use crate::ontology::Ontology;
use crate::recognise::descriptions::unnamed_speaker_before;

pub struct Quotations;

/// A quotation's marks: the opening mark's offset and the quoted words.
#[derive(Clone, Copy, Debug)]
struct Marks {
    open: usize,
    inside: Span,
    /// Offset just past the closing mark (the paragraph's end when left open).
    after: usize,
}

/// Quotations in one paragraph; one left open runs to the paragraph's end.
fn marks(text: &str, paragraph: Span) -> Vec<Marks> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in paragraph.slice(text).char_indices() {
        let at = paragraph.start + i;
        match (open, c) {
            (None, '"' | '\u{201c}') => open = Some(at),
            (Some(o), '"' | '\u{201d}') => {
                found.push(Marks { open: o, inside: Span::new(o + text[o..].chars().next().map_or(1, char::len_utf8), at), after: at + c.len_utf8() });
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        let start = o + text[o..].chars().next().map_or(1, char::len_utf8);
        if start < paragraph.end {
            found.push(Marks { open: o, inside: Span::new(start, paragraph.end), after: paragraph.end });
        }
    }
    found.retain(|m| !m.inside.slice(text).trim().is_empty());
    found
}

impl Extractor for Quotations {
    fn name(&self) -> &'static str {
        "quotes"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let mut facts = Vec::new();
        let mut previous: Option<(usize, Option<MentionId>)> = None; // (paragraph, speaker)
        let prose: Vec<(usize, Span)> = doc
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == ParagraphRole::Prose)
            .map(|(i, p)| (i, p.span))
            .collect();
        for (p, paragraph) in prose {
            let found = marks(&doc.text, paragraph);
            for (k, m) in found.iter().enumerate() {
                let Some(s) = doc.sentence_at(m.open) else { continue };
                let words = Words::of_sentence(doc, s);
                let sentence = doc.sentences[s].span;
                // the stretch before this quotation and after it, within the sentence
                let pre_start = k.checked_sub(1).map(|p| found[p].after).filter(|&a| a > sentence.start).unwrap_or(sentence.start);
                let post_end = found.get(k + 1).filter(|n| n.open < sentence.end).map_or(sentence.end, |n| n.open);
                let io = words.index_at(m.open);
                let pre = (words.index_at(pre_start), io);
                let post = (words.index_at(m.after.min(sentence.end)), words.index_at(post_end).max(words.index_at(m.after.min(sentence.end))));
                let opens_sentence = doc.text[sentence.start..m.open].trim().is_empty();
                let attribution = Attribution { doc, ontology, words: &words, sentence: s };
                let speaker = attribution.after_quote(post).or_else(|| attribution.before_quote(pre));
                let joined_to_previous = k > 0 && doc.sentence_at(found[k - 1].open) == Some(s);
                let speaker = match speaker {
                    found @ Some(_) => found,
                    // `called the plan "reckless" and "unfunded"`: the same speaker
                    None if joined_to_previous => previous.and_then(|(_, sp)| sp),
                    None if opens_sentence => match previous {
                        Some((pp, sp)) if p - pp <= 2 => sp,
                        _ => None,
                    },
                    None => None,
                };
                if let Some(id) = speaker {
                    facts.push(Fact {
                        kind: FactKind::Quotation { speaker: Some(id), text: m.inside },
                        evidence: m.inside,
                        sentence: Some(s),
                        source: self.name(),
                    });
                    previous = Some((p, Some(id)));
                }
            }
        }
        facts
    }
}

struct Attribution<'a> {
    doc: &'a Document,
    ontology: &'a Ontology,
    words: &'a Words,
    sentence: usize,
}

impl Attribution<'_> {
    fn is_speech_verb(&self, i: usize) -> bool {
        self.ontology.lexicon.quotes.speech_verbs.contains(self.words.word(i))
    }

    fn is_pronoun(&self, i: usize) -> bool {
        self.ontology.lexicon.quotes.pronouns.contains(self.words.word(i))
    }

    /// A person or organisation (a name or a title phrase) lying in tokens
    /// `from..to`, nearest to `to` (or to `from` when `forward`); persons
    /// first. Pronouns and unnamed speakers are read apart
    /// ([`Attribution::subject_before`]).
    fn mention_in(&self, from: usize, to: usize, forward: bool) -> Option<MentionId> {
        let mut ids: Vec<MentionId> = mentions_between(self.doc, self.words, from, to);
        ids.retain(|&m| self.doc.mentions[m].class.is_person() || self.doc.mentions[m].class.is_organization());
        if !forward {
            ids.reverse();
        }
        ids.iter().copied().find(|&m| self.doc.mentions[m].class.is_person()).or_else(|| ids.first().copied())
    }

    /// The pronoun mention at token `i`, which stands for someone named before.
    fn pronoun(&self, i: usize) -> Option<MentionId> {
        self.doc.mention_at(self.words.spans[i]).filter(|&m| self.doc.mentions[m].form == MentionForm::Pronoun)
    }

    /// "a senior Danish diplomat", ending right before token `v`: the
    /// unnamed speaker recognition made there.
    fn description_before(&self, v: usize) -> Option<MentionId> {
        let token = self.doc.sentences[self.sentence].tokens.start + v;
        unnamed_speaker_before(self.doc, self.sentence, self.ontology, token).and_then(|d| self.doc.mention_at(d))
    }

    /// The subject of the speech verb at `v`, looking back to `from`.
    fn subject_before(&self, from: usize, v: usize) -> Option<MentionId> {
        let just_before = v.checked_sub(1).filter(|&b| b >= from)?;
        if self.is_pronoun(just_before) {
            return self.pronoun(just_before);
        }
        if let Some(d) = self.description_before(v) {
            return Some(d);
        }
        // the nearer of a pronoun and a mention
        let pronoun = (from..v).rev().find(|&i| self.is_pronoun(i));
        let mention = self.mention_in(from, v, false);
        match (pronoun, mention) {
            (Some(p), Some(m)) if self.words.spans[p].start > self.doc.mentions[m].span.start => self.pronoun(p),
            (Some(p), None) => self.pronoun(p),
            (_, m) => m,
        }
    }

    /// `"…," the spokeswoman added.` / `"…", said Okafor.` / `"…", he said.`
    fn after_quote(&self, (from, to): (usize, usize)) -> Option<MentionId> {
        let mut k = from;
        while k < to && matches!(self.words.word(k), "," | "." | "\u{2014}" | "-") {
            k += 1;
        }
        if k >= to {
            return None;
        }
        if self.ontology.lexicon.quotes.inverted_verbs.contains(self.words.word(k)) {
            let end = (k + 1..to.min(k + 12)).find(|&i| matches!(self.words.word(i), "," | "." | ";" | ":")).unwrap_or(to.min(k + 12));
            return self.mention_in(k + 1, end, true);
        }
        if self.is_speech_verb(k) {
            return None; // `"…", saying …`: a participle, not an attribution
        }
        // subject then verb, close after the quotation
        let v = (k..to.min(k + 10)).find(|&i| self.is_speech_verb(i))?;
        if (k..v).any(|i| matches!(self.words.word(i), "." | ";" | ":")) {
            return None;
        }
        self.subject_before(k, v)
    }

    /// `X said: "…"` / `X told reporters the vote was close: "…"` /
    /// `the union said the offer was "an insult"` / `described by X as a "…"`.
    fn before_quote(&self, (from, to): (usize, usize)) -> Option<MentionId> {
        let v = (from..to).rev().find(|&i| self.is_speech_verb(i))?;
        if self.words.word(v + 1) == "by" {
            return self.mention_in(v + 2, to, true);
        }
        // the subject after the previous quotation, else anywhere before the verb
        self.subject_before(from, v).or_else(|| self.subject_before(0, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::run;

    fn quotes(text: &str) -> Vec<(String, String)> {
        let doc = run(text, &[&Quotations]);
        doc.facts
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::Quotation { speaker: Some(s), text } => Some((doc.slice(doc.mentions[*s].span).to_string(), doc.slice(*text).to_string())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn quotation_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Mayor Ann Holt said: \"We will rebuild.\"", &[("Ann Holt", "We will rebuild.")]),
            ("\u{201c}Prices will fall,\u{201d} said Ben Ode.", &[("Ben Ode", "Prices will fall,")]),
            ("\"It is over,\" a senior police source said.", &[("a senior police source", "It is over,")]),
            (
                "Coach Lena Park said: \"We trained hard.\n\"We deserved it.\"\n\"Next season looks bright.\"",
                &[("Lena Park", "We trained hard."), ("Lena Park", "We deserved it."), ("Lena Park", "Next season looks bright.")],
            ),
            ("The Green Party said the budget was a \"missed chance\".", &[("Green Party", "missed chance")]),
            // the speaker is the pronoun; who "he" is, resolution decides
            ("Tom Price won. \"I am thrilled,\" he said.", &[("he", "I am thrilled,")]),
            // an unnamed speaker (a mention recognition made)
            ("\"The port stays shut,\" the harbour master's spokeswoman told reporters.", &[("the harbour master's spokeswoman", "The port stays shut,")]),
            ("Critics call it a \"safe haven\" for fraud.", &[]),
            ("The deal was described by Eva Morales as a \"turning point\".", &[("Eva Morales", "turning point")]),
            ("Ana Ruiz underlined: \"Our ports stay open.\"", &[("Ana Ruiz", "Our ports stay open.")]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want.iter().map(|(s, q)| (s.to_string(), q.to_string())).collect();
            assert_eq!(quotes(text), want, "in {text:?}");
        }
    }
}
