//! Quotations and who said them.
//!
//! A quotation is a stretch in quotation marks (straight or curly) that
//! someone says: `X said: "…"`, `"…," X said`, `"…," said X`, `X told
//! reporters: "…"`, a partial quote after a speech verb (`the union said the
//! offer was "an insult"`), or a quotation opening a sentence with no attribution,
//! which continues the speaker before it (also across paragraphs, when a
//! quotation is left open at the end of one), unless someone else is named
//! in between. The attribution may follow in the next sentence when the
//! quotation ends its own (`"… We will wait." Ana Ruiz said.`), or come as
//! `according to X` or `X: "…"`. Quoted words with no speaker found are a
//! quotation with no speaker when they are long enough to be speech (six
//! words or more); shorter ones are scare quotes or names and say nothing.
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
        // the last quotation's paragraph, speaker and end
        let mut previous: Option<(usize, Option<MentionId>, usize)> = None;
        let prose: Vec<(usize, Span)> = doc
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.role == ParagraphRole::Prose)
            .map(|(i, p)| (i, p.span))
            .collect();
        let mut before: Option<Span> = None;
        for (p, paragraph) in prose {
            let introduced = before.and_then(|b| introducer(doc, ontology, b));
            before = Some(paragraph);
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
                // a quotation that ends its sentence ("…,” Ana said." split
                // after the mark, or several sentences quoted): the
                // attribution is in the sentence that follows the mark
                let label = labelled(doc, m.inside);
                let speaker = match after_mark(doc, m.after, paragraph).filter(|&n| n != s) {
                    // a transcript's turn names its speaker first: `"RUIZ: …"`
                    _ if label.is_some() => label,
                    // first what its own sentence says; then a short
                    // attribution opening the next ("Ana Ruiz said.")
                    Some(n) => attribution.before_quote(pre).or_else(|| {
                        let w = Words::of_sentence(doc, n);
                        let end = found.get(k + 1).map_or(doc.sentences[n].span.end, |q| q.open.min(doc.sentences[n].span.end));
                        let after = Attribution { doc, ontology, words: &w, sentence: n };
                        after.after_quote((w.index_at(m.after), w.index_at(end)), NEXT_SENTENCE_REACH)
                    }),
                    // a quotation inside its sentence: what stands right after
                    // a comma closing it (`the plan is "reckless," Ana said`),
                    // else the speech verb before it (`Ana said the plan
                    // "goes too far" for Ben, who called …`)
                    None if opens_sentence || closes_with_comma(doc, m) => attribution.after_quote(post, REACH).or_else(|| attribution.before_quote(pre)),
                    None => attribution.before_quote(pre).or_else(|| attribution.after_quote(post, REACH)),
                };
                let joined_to_previous = k > 0 && doc.sentence_at(found[k - 1].open) == Some(s);
                let opens_paragraph = doc.text[paragraph.start..m.open].trim().is_empty();
                let speaker = match speaker {
                    found @ Some(_) => found,
                    // `The Daily Ledger reports:` closing the paragraph before
                    None if opens_paragraph && introduced.is_some() => introduced,
                    // `called the plan "reckless" and "unfunded"`: the same speaker
                    None if joined_to_previous => previous.and_then(|(_, sp, _)| sp),
                    // a quoted title says nothing of who speaks
                    None if looks_like_title(doc.slice(m.inside)) => None,
                    // `"…," Ana said. "…"`: the speaker goes on, unless
                    // someone else is named in between, outside her attribution
                    None => match previous {
                        Some((pp, Some(sp), end)) if p - pp <= 2 && opens_sentence && !other_named(doc, sp, end, m.open) => Some(sp),
                        _ => None,
                    },
                };
                // no speaker found: still a quotation when it reads as speech
                if speaker.is_some() || reads_as_speech(doc.slice(m.inside)) {
                    facts.push(Fact {
                        kind: FactKind::Quotation { speaker, text: m.inside },
                        evidence: m.inside,
                        sentence: Some(s),
                        source: self.name(),
                    });
                    previous = Some((p, speaker, m.after));
                }
            }
        }
        facts
    }
}

/// Whether a comma closes the quoted words, inside the marks or right
/// after them: an attribution follows.
fn closes_with_comma(doc: &Document, m: &Marks) -> bool {
    doc.slice(m.inside).trim_end().ends_with(',') || doc.text[m.after..].trim_start().starts_with(',')
}

/// The speaker a transcript's label names at the start of the quoted
/// words, `"RUIZ: We stay."`: a mention right before a colon there.
fn labelled(doc: &Document, inside: Span) -> Option<MentionId> {
    let text = doc.slice(inside);
    let start = inside.start + (text.len() - text.trim_start().len());
    let m = doc.mentions_in(inside).into_iter().find(|&m| doc.mentions[m].span.start == start && doc.mentions[m].form.is_name())?;
    doc.text[doc.mentions[m].span.end..].starts_with(": ").then_some(m)
}

/// The speaker a paragraph ending in a colon introduces for the quotation
/// that opens the next one: `Ana Ruiz continued:`, `The Daily Ledger
/// reports:`, `Ana Ruiz:`.
fn introducer(doc: &Document, ontology: &Ontology, paragraph: Span) -> Option<MentionId> {
    if !doc.slice(paragraph).trim_end().ends_with(':') {
        return None;
    }
    let s = doc.sentence_at(doc.slice(paragraph).trim_end().len() + paragraph.start - 1)?;
    let words = Words::of_sentence(doc, s);
    let attribution = Attribution { doc, ontology, words: &words, sentence: s };
    attribution.before_quote((0, words.len())).or_else(|| attribution.before_colon((0, words.len())))
}

/// Whether a person is named between `from` and `to` outside the sentence
/// that names `speaker` (her attribution may name others: "Ana told Ben").
fn other_named(doc: &Document, speaker: MentionId, from: usize, to: usize) -> bool {
    let own = doc.mentions[speaker].sentence;
    doc.mentions.iter().any(|m| m.form == MentionForm::Name && m.class.is_person() && m.span.start >= from && m.span.end <= to && m.sentence != own)
}

/// A title in quotation marks ("Two Roads Home" was written by …) is no
/// one's speech going on: every word of four letters or more capitalised.
fn looks_like_title(quoted: &str) -> bool {
    let long: Vec<&str> = quoted.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    !long.is_empty() && long.iter().all(|w| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase)) && !quoted.trim_end().ends_with(['.', '!', '?', ','])
}

/// The sentence of the first word after a closing mark, in its paragraph.
fn after_mark(doc: &Document, after: usize, paragraph: Span) -> Option<usize> {
    let rest = doc.text.get(after..paragraph.end)?;
    let skip = rest.len() - rest.trim_start().len();
    (after + skip < paragraph.end).then(|| doc.sentence_at(after + skip)).flatten()
}

/// How far after a quotation its speech verb may stand, in tokens: far
/// enough for a name with its apposition ("Ana Ruiz, head of the port
/// authority, said"); in the sentence after a quotation that ends its own,
/// only a short attribution ("Ana Ruiz said.", "said the minister.").
const REACH: usize = 25;
const NEXT_SENTENCE_REACH: usize = 8;

/// Words in quotation marks with no one named as saying them are speech
/// when they are long enough to be a clause and read as a sentence (a
/// capital first, or a sentence's mark last): "a safe haven" is a scare
/// quote, a title is a name, and a phrase woven into the writer's own
/// sentence is theirs unless a speaker is named.
fn reads_as_speech(quoted: &str) -> bool {
    let sentence_like = quoted.chars().next().is_some_and(char::is_uppercase) || quoted.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}']).ends_with(['.', ',', '!', '?', '\u{2026}']);
    sentence_like && quoted.split_whitespace().count() >= SPEECH_WORDS
}

/// The fewest words of a quotation with no speaker named.
const SPEECH_WORDS: usize = 6;

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

    /// Whether token `i` ends a clause: ";", ":", or a full stop that is
    /// no abbreviation's ("Mr.", "Rep.").
    fn ends_clause(&self, i: usize) -> bool {
        self.words.is_full_stop(self.doc, i) || matches!(self.words.word(i), ";" | ":")
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

    /// A person's or organisation's name ending with token `i`.
    fn name_ending_at(&self, i: usize) -> Option<MentionId> {
        self.doc.mentions_ending_at(self.words.spans[i].end).iter().copied().find(|&m| {
            let c = self.doc.mentions[m].class;
            self.doc.mentions[m].form.is_name() && (c.is_person() || c.is_organization())
        })
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
        // "Ana Ruiz, who advised the mayor, said": the name before the
        // apposition speaks, not one inside it; the first name a comma
        // follows ("Ana Ruiz, head of the Orsk Board, which runs the port,
        // said")
        if self.words.word(just_before) == "," {
            let named = (from + 1..just_before).filter(|&i| self.words.word(i) == ",").find_map(|o| self.name_ending_at(o - 1));
            if named.is_some() {
                return named;
            }
        }
        // "Ana Ruiz criticised Ben Ode, saying …", "… and said …": a
        // participle's or a second verb's subject is the clause's
        let word = self.words.word(v);
        if (word.ends_with("ing") && self.words.word(just_before) == ",") || self.words.word(just_before) == "and" {
            // (the clause's first name, after its title: "Attorney General Ana Ruiz")
            let opens_clause = |m: MentionId| (from..self.words.index_at(self.doc.mentions[m].span.start)).all(|i| self.words.raw(self.doc, i).starts_with(char::is_uppercase));
            let subject = (from..just_before).find_map(|i| self.name_ending_at(i)).filter(|&m| opens_clause(m));
            if subject.is_some() {
                return subject;
            }
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
    fn after_quote(&self, (from, to): (usize, usize), reach: usize) -> Option<MentionId> {
        let mut k = from;
        let mut dashed = false;
        while k < to && matches!(self.words.word(k), "," | "." | "\u{2014}" | "\u{2015}" | "\u{2013}" | "-") {
            dashed |= self.words.word(k) != "," && self.words.word(k) != ".";
            k += 1;
        }
        if k >= to {
            return None;
        }
        // `"…" ― Ana Ruiz`: a name signed after a dash, nothing after it
        if dashed {
            let signed = self.mention_in(k, to, true).filter(|&m| {
                let span = self.doc.mentions[m].span;
                let rest = self.words.index_at(span.end);
                span.start == self.words.spans[k].start && self.doc.mentions[m].class.is_person() && (rest >= to || matches!(self.words.word(rest), "." | "," | ";"))
            });
            if signed.is_some() {
                return signed;
            }
        }
        // `"…," according to X.`
        if self.words.word(k) == "according" && self.words.word(k + 1) == "to" {
            return self.named_after_according(k, to);
        }
        if self.ontology.lexicon.quotes.inverted_verbs.contains(self.words.word(k)) {
            return self.inverted_subject(k + 1, to);
        }
        if self.is_speech_verb(k) {
            return None; // `"…", saying …`: a participle, not an attribution
        }
        // subject then verb, close after the quotation (a name with its
        // apposition: "Ana Ruiz, head of the port authority, said")
        let v = (k..to.min(k + reach)).find(|&i| self.is_speech_verb(i))?;
        // (a bracket's insides end nothing: "Ben Ode (D-Wis.) said")
        let mut depth = 0i32;
        let mut ended = false;
        for i in k..v {
            match self.words.word(i) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => ended |= depth <= 0 && self.ends_clause(i),
            }
        }
        if ended {
            return None;
        }
        // `"…" in May, said Ana Ruiz.`: the verb comes first, the name after
        // it, when no one is named before it
        let inverted = self.ontology.lexicon.quotes.inverted_verbs.contains(self.words.word(v));
        if v > k && self.words.word(v - 1) == "," && inverted && self.mention_in(k, v, true).is_none() {
            let end = (v + 1..to.min(v + 12)).find(|&i| self.ends_clause(i) || self.words.word(i) == ",").unwrap_or(to.min(v + 12));
            if let Some(m) = self.mention_in(v + 1, end, true) {
                return Some(m);
            }
        }
        // a name right after the quotation is the subject ("…," Ana sang to
        // Ben before asking …), whoever is named nearer the verb
        let first = self.mention_in(k, v, true).filter(|&m| self.doc.mentions[m].span.start == self.words.spans[k].start);
        // … unless a role joins it to a person right before the verb: that
        // person is the head ("…," Orsk port spokeswoman Ana Ruiz said)
        let headed = first.and_then(|_| self.role_holder_before(k, v));
        headed.or(first).or_else(|| self.subject_before(k, v))
    }

    /// A person named right before token `v` after a role that follows a
    /// name at token `from`: a title ("Orsk campaign manager Ana Ruiz") or
    /// a few lower-case words that join nothing ("Ruiz lawyer Ben Ode",
    /// not "Ruiz and Ben Ode").
    fn role_holder_before(&self, from: usize, v: usize) -> Option<MentionId> {
        let person = self.mention_in(from, v, false).filter(|&m| self.doc.mentions[m].class.is_person() && self.doc.mentions[m].span.end == self.words.spans[v - 1].end)?;
        let start = self.words.index_at(self.doc.mentions[person].span.start);
        let titled = (from + 1..start).any(|j| self.ontology.titles_at(|x| self.words.word(x), j).any(|end| end == start));
        let first_end = mentions_between(self.doc, self.words, from, start).first().map(|&m| self.words.index_at(self.doc.mentions[m].span.end))?;
        let role = (first_end..start).map(|i| (self.words.raw(self.doc, i), self.words.word(i))).collect::<Vec<_>>();
        let plain = (1..=4).contains(&role.len())
            && role.iter().all(|(raw, w)| raw.chars().all(|c| c.is_lowercase()) && !matches!(*w, "and" | "or" | "to" | "with" | "for" | "of" | "from" | "at" | "by" | "in" | "on" | "as"));
        (titled || plain).then_some(person)
    }

    /// The subject after an inverted speech verb, from token `from`: the
    /// last person of the phrase, its head ("said Orsk port spokeswoman Ana
    /// Ruiz", not the name before the role), before a preposition after a
    /// person ("said Ana Ruiz of Orsk", "said economist Ana Ruiz of Ben
    /// Ode's plan"); with no person, the first organisation ("said the
    /// Harbour Board of Orsk").
    fn inverted_subject(&self, from: usize, to: usize) -> Option<MentionId> {
        let end = (from..to.min(from + 11)).find(|&i| self.ends_clause(i) || self.words.word(i) == ",").unwrap_or(to.min(from + 11));
        let people: Vec<MentionId> = mentions_between(self.doc, self.words, from, end).into_iter().filter(|&m| self.doc.mentions[m].class.is_person()).collect();
        let after_first = people.first().map_or(end, |&p| self.words.index_at(self.doc.mentions[p].span.end));
        let cut = (after_first..end).find(|&i| matches!(self.words.word(i), "of" | "for" | "at" | "about" | "on" | "to" | "with" | "in")).unwrap_or(end);
        let head = people.iter().copied().filter(|&p| self.doc.mentions[p].span.end <= self.words.spans.get(cut).map_or(usize::MAX, |s| s.start)).last();
        head.or_else(|| self.mention_in(from, end, true))
    }

    /// `Ana Ruiz: "…"`, `Ana Ruiz objected: "…"`: a person or organisation
    /// named right before the colon that opens the quotation, or before a
    /// verb in the past before it.
    fn before_colon(&self, (from, to): (usize, usize)) -> Option<MentionId> {
        let colon = to.checked_sub(1).filter(|&c| c > from && self.words.word(c) == ":")?;
        let m = self.mention_in(from, colon, false)?;
        let end = self.doc.mentions[m].span.end;
        // right before the colon, or before one verb: `Ana Ruiz replied: "…"`,
        // `Stated Ana Ruiz: "…"`
        let verb = colon.checked_sub(1).filter(|&w| w > from && self.words.spans[w - 1].end == end && self.words.word(w).ends_with("ed"));
        (end == self.words.spans[colon - 1].end || verb.is_some()).then_some(m)
    }

    /// `According to the Orsk Ledger, "…"`: the name after "according to"
    /// before the quotation.
    fn according_to(&self, (from, to): (usize, usize)) -> Option<MentionId> {
        let k = (from..to.saturating_sub(1)).rev().find(|&i| self.words.word(i) == "according" && self.words.word(i + 1) == "to")?;
        self.named_after_according(k, to)
    }

    /// The person or organisation named after "according to" at token `k`,
    /// up to the clause's end or a comma.
    fn named_after_according(&self, k: usize, to: usize) -> Option<MentionId> {
        let end = (k + 2..to).find(|&i| self.ends_clause(i) || self.words.word(i) == ",").unwrap_or(to);
        self.mention_in(k + 2, end, true)
    }

    /// `X said: "…"` / `X told reporters the vote was close: "…"` /
    /// `the union said the offer was "an insult"` / `described by X as a "…"`.
    fn before_quote(&self, (from, to): (usize, usize)) -> Option<MentionId> {
        let Some(v) = (from..to).rev().find(|&i| self.is_speech_verb(i)) else { return self.before_colon((from, to)).or_else(|| self.according_to((from, to))) };
        if self.words.word(v + 1) == "by" {
            return self.mention_in(v + 2, to, true);
        }
        // `"…," said Ana Ruiz, R-Ore. "…"`: the name after an inverted verb
        // (right after the quotation before: `"…," told` after an apposition is none)
        let opens = (from..v).all(|i| self.words.word(i).chars().all(|c| c.is_ascii_punctuation() || "\u{201c}\u{201d}\u{2014}".contains(c)));
        if opens && self.ontology.lexicon.quotes.inverted_verbs.contains(self.words.word(v)) {
            let named = self.inverted_subject(v + 1, to).filter(|&m| self.words.index_at(self.doc.mentions[m].span.start) <= v + 4);
            if named.is_some() {
                return named;
            }
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
            // the verb first, then the name, after words about the quotation
            ("Prices \"rose faster than wages\" in May, said harbour economist Ana Ruiz.", &[("Ana Ruiz", "rose faster than wages")]),
            ("The port was shut.\n\nInstead, Ana Ruiz told Radio Orsk, her plan would merely be \u{201c}to close the port\u{201d} if she wins.", &[("Ana Ruiz", "to close the port")]),
            ("According to the Orsk Ledger, \u{201c}the port will close in May.\u{201d}", &[("Orsk Ledger", "the port will close in May.")]),
            // the name before an apposition speaks, not one inside it
            ("Ben Ode, who advised Ana Ruiz for years, said: \"She will win.\"", &[("Ben Ode", "She will win.")]),
            // a name signed after a dash
            ("Readers wrote to us.\n\n\u{201c}The ports must stay open all winter.\u{201d} \u{2015} Ana Ruiz\n\n\u{201c}We need the jobs here.\u{201d} \u{2014} Ben Ode.", &[("Ana Ruiz", "The ports must stay open all winter."), ("Ben Ode", "We need the jobs here.")]),
            // a transcript's turns
            ("The interview:\n\n\"RUIZ: We will stay in the port.\n\n\"ODE: Will you?\"", &[("RUIZ", "RUIZ: We will stay in the port."), ("ODE", "ODE: Will you?")]),
            // an honorific's full stop ends no clause
            ("\"Prices will fall,\" Mr. Ode said.", &[("Ode", "Prices will fall,")]),
            ("\"Prices will fall,\" said Rep. Ben Ode of Maine.", &[("Ben Ode", "Prices will fall,")]),
            ("\"Prices will fall,\" said Ana Ruiz campaign spokesman Ben Ode.", &[("Ben Ode", "Prices will fall,")]),
            ("\"Prices will fall,\" said harbour economist Ben Ode of Ana Ruiz, who left.", &[("Ben Ode", "Prices will fall,")]),
            ("Ana Ruiz spoke.\n\n\"Prices will fall,\" said Sen. Ben Ode, R-Maine. \"I get that.\"", &[("Ben Ode", "Prices will fall,"), ("Ben Ode", "I get that.")]),
            ("\"Prices will fall,\" Rep. Ben Ode (D-Maine.) said Friday.", &[("Ben Ode", "Prices will fall,")]),
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
            // the name right after the quotation is the subject
            ("\"We stay,\" Ana Ruiz told Ben Ode before adding that the port was safe.", &[("Ana Ruiz", "We stay,")]),
            // … unless a role makes the one before the verb its head
            ("\"We stay,\" Ruiz campaign manager Ben Ode said.", &[("Ben Ode", "We stay,")]),
            ("\"We stay,\" Ruiz lawyer Ben Ode said.", &[("Ben Ode", "We stay,")]),
            // a participle's or a second verb's subject is the clause's
            ("Ben Ode attacked Ana Ruiz over the port, saying, \"She is reckless.\"", &[("Ben Ode", "She is reckless.")]),
            ("Ben Ode, a former mayor, mocked Ana Ruiz after the debate, tweeting, \"She had no answers.\"", &[("Ben Ode", "She had no answers.")]),
            ("Mayor Ben Ode (D), Ruiz's rival, called for calm, saying that openness \"breaks down walls.\"", &[("Ben Ode", "breaks down walls.")]),
            // the name the first comma follows, not one in the apposition
            ("Ben Ode, head of the Orsk Board of Pilots, which runs the port, said the plan \"goes too far.\"", &[("Ben Ode", "goes too far.")]),
            // a title does not go on with the speaker before it
            ("Ana Ruiz said: \"We stay.\"\n\"Harbour Lights Forever\" was her first song.", &[("Ana Ruiz", "We stay.")]),
            // several sentences quoted, then the attribution
            ("\"The ports stay open. Ships sail at dawn.\" Ana Ruiz said.", &[("Ana Ruiz", "The ports stay open. Ships sail at dawn.")]),
            // a name and a colon; "according to"
            ("Harbour chief Ana Ruiz: \"Our ports stay open.\"", &[("Ana Ruiz", "Our ports stay open.")]),
            ("\"The ports stay open,\" according to Ana Ruiz.", &[("Ana Ruiz", "The ports stay open,")]),
            // more speech verbs: "vowed", a participle
            ("Ben Ode vowed that \"no port will close\" this year.", &[("Ben Ode", "no port will close")]),
            ("Ben Ode spoke on radio, warning: \"Storms are coming.\"", &[("Ben Ode", "Storms are coming.")]),
            ("Ana Ruiz objected: \"The port must stay open.\"", &[("Ana Ruiz", "The port must stay open.")]),
            ("The vote was close.\n\nStated Ana Ruiz:\n\n\"The port must stay open.\"", &[("Ana Ruiz", "The port must stay open.")]),
            // a paragraph ending in a colon introduces the quotation that opens the next
            ("The Daily Ledger reports:\n\n\"Rents rose for the ninth month in a row.\"", &[("Daily Ledger", "Rents rose for the ninth month in a row.")]),
            ("Ana Ruiz continued:\n\n\"The ports stay open all winter.\"", &[("Ana Ruiz", "The ports stay open all winter.")]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want.iter().map(|(s, q)| (s.to_string(), q.to_string())).collect();
            assert_eq!(quotes(text), want, "in {text:?}");
        }
    }

    #[test]
    fn quotations_with_no_speaker_named_are_kept_when_they_read_as_speech() {
        let text = "The crowd grew. Banners read \"We will not leave this square tonight\" and \"no cuts\". The plan is \"to close every road into the old town\" by May.";
        let doc = run(text, &[&Quotations]);
        let found: Vec<(Option<MentionId>, &str)> = doc
            .facts
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::Quotation { speaker, text } => Some((*speaker, doc.slice(*text))),
                _ => None,
            })
            .collect();
        assert_eq!(found, vec![(None, "We will not leave this square tonight")]);
    }
}
