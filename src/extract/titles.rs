//! Titles, offices and affiliations of the people named.
//!
//! - before the name: "Mayor Ann Holt", "German Chancellor Olaf Brandt"
//!   (Chancellor; Germany), "FIFA President X" (President; FIFA), "Green
//!   Party leader and Deputy Prime Minister X";
//! - in apposition: "The Spanish trade minister, Ana Ruiz", "X, head of
//!   Y", "X, Walmart's chief economist", "X, a spokeswoman for Y";
//! - after the name: "X of the World Bank", "X of Chile", "X and Y, both
//!   from Sweden";
//! - a country before the name: "Peru's X", "Norwegians X and Y", "the
//!   Dutch and Belgian ministers, X and Y, respectively".
//!
//! It reads names only, and the nationality words recognition made
//! ("German", "Norwegians"), which an affiliation then refers to.

use super::words::Words;
use super::Extractor;
use crate::document::{Document, Fact, FactKind, MentionForm, MentionId, Span};
use crate::ontology::{EntityType, Ontology};

pub struct Titles;

/// The most words a title has ("chancellor of the exchequer").
const MAX_TITLE_WORDS: usize = 6;

impl Extractor for Titles {
    fn name(&self) -> &'static str {
        "titles"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let mut facts = Vec::new();
        let mut stated = std::collections::HashSet::new();
        for s in 0..doc.sentences.len() {
            let words = Words::of_sentence(doc, s);
            let people: Vec<MentionId> = doc
                .mentions_in(doc.sentences[s].span)
                .into_iter()
                .filter(|&m| doc.mentions[m].class.is_person() && doc.mentions[m].form == MentionForm::Name)
                .collect();
            let mut found = Vec::new();
            for &person in &people {
                let reader = Reader { doc, ontology, words: &words };
                found.extend(reader.about(person).into_iter().map(|f| (person, f)));
            }
            for (person, finding) in found {
                let (kind, evidence) = match finding {
                    Finding::Title(title, evidence) => (FactKind::JobTitle { person, title }, evidence),
                    Finding::Affiliation(group, evidence) => (FactKind::Affiliation { person, group }, evidence),
                    // the nationality word recognition made (or the name written so)
                    Finding::DemonymAffiliation(span, evidence) => match doc.mention_at(span) {
                        Some(group) => (FactKind::Affiliation { person, group }, evidence),
                        None => continue,
                    },
                };
                let key = match &kind {
                    FactKind::JobTitle { person, title } => (*person, title.clone()),
                    FactKind::Affiliation { person, group } => (*person, format!("{:?}", doc.mentions[*group].span)),
                    _ => continue,
                };
                if stated.insert(key) {
                    facts.push(Fact { kind, evidence, sentence: Some(s), source: self.name() });
                }
            }
        }
        facts
    }
}

enum Finding {
    Title(String, Span),
    Affiliation(MentionId, Span),
    /// A country named by its demonym: (the adjective's span, evidence).
    DemonymAffiliation(Span, Span),
}

struct Reader<'a> {
    doc: &'a Document,
    ontology: &'a Ontology,
    words: &'a Words,
}

impl Reader<'_> {
    /// Token `i` as written; empty past the sentence's end.
    fn raw(&self, i: usize) -> &str {
        self.words.raw(self.doc, i)
    }

    /// The start of the longest title ending right before token `end`.
    fn title_ending_at(&self, end: usize) -> Option<usize> {
        // the longest title first: the earliest start whose title ends here
        (end.saturating_sub(MAX_TITLE_WORDS)..end).find(|&start| {
            // a title never starts inside a name ("Green Party leader" is "leader")
            let at = self.words.spans[start].start;
            let inside_name = self.doc.mentions_overlapping(Span::new(at, at + 1)).iter().any(|&m| self.is_name(m) && self.doc.mentions[m].span.start < at);
            !inside_name && self.ontology.titles_at(|k| self.words.word(k), start).any(|e| e == end)
        })
    }

    /// The end of the longest title starting at token `i`.
    fn title_starting_at(&self, i: usize) -> Option<usize> {
        self.ontology.title_end(|k| self.words.word(k), i)
    }

    /// The mention ending exactly before token `i` (allowing a possessive "'s").
    fn mention_ending_before(&self, i: usize) -> Option<MentionId> {
        let at = self.words.spans.get(i.checked_sub(1)?)?;
        let boundary = at.end;
        [0, 2, 4]
            .into_iter()
            .filter(|&cut| boundary >= cut)
            .flat_map(|cut| self.doc.mentions_ending_at(boundary - cut).iter().copied())
            .find(|&m| {
                let between = self.doc.text.get(self.doc.mentions[m].span.end..boundary).unwrap_or("-");
                self.is_name(m) && (between.is_empty() || between == "'s" || between == "\u{2019}s")
            })
    }

    fn mention_starting_at(&self, i: usize) -> Option<MentionId> {
        self.words.mention_at(self.doc, i)
    }

    fn is_name(&self, m: MentionId) -> bool {
        self.doc.mentions[m].form.is_name()
    }

    fn in_person(&self, k: usize) -> bool {
        self.doc.mentions_overlapping(self.words.spans[k]).iter().any(|&m| self.is_name(m) && self.doc.mentions[m].class.is_person())
    }

    /// "Norwegians A, B and C": walking back over a list of people to a
    /// plural demonym.
    fn list_demonym(&self, first: usize) -> Option<usize> {
        let mut k = first;
        while k > 0 {
            k -= 1;
            if matches!(self.words.word(k), "," | "and") || self.in_person(k) {
                continue;
            }
            return (self.raw(k).ends_with('s') && k + 1 < first).then(|| self.demonym_at(k)).flatten().map(|_| k);
        }
        None
    }

    /// "the Dutch and Belgian ministers, A and B, respectively": the n-th
    /// demonym goes with the n-th person.
    fn respectively(&self, person: MentionId) -> Option<Span> {
        let r = (0..self.words.len()).find(|&k| self.words.word(k) == "respectively")?;
        let last = (0..r).rev().find(|&k| self.demonym_at(k).is_some())?;
        let mut demonyms = Vec::new();
        let mut k = last + 1;
        while k > 0 {
            k -= 1;
            match self.demonym_at(k) {
                Some(_) => demonyms.push(self.words.spans[k]),
                None if matches!(self.words.word(k), "," | "and") => {}
                None => break,
            }
        }
        demonyms.reverse();
        let people: Vec<MentionId> = self
            .doc
            .mentions_in(self.words.span(last + 1, r))
            .into_iter()
            .filter(|&m| self.doc.mentions[m].class.is_person() && self.doc.mentions[m].form == MentionForm::Name)
            .collect();
        let i = people.iter().position(|&m| m == person)?;
        (people.len() == demonyms.len()).then(|| demonyms[i])
    }

    fn affiliable(&self, m: MentionId) -> bool {
        let class = self.doc.mentions[m].class;
        class.is_organization() || class == EntityType::Country || (class.is_place() && class != EntityType::City)
    }

    /// A demonym token at `i` ("Danish", "Norwegians"): its country.
    fn demonym_at(&self, i: usize) -> Option<usize> {
        self.ontology.gazetteer.demonym_or_plural(self.raw(i))
    }

    /// What stands before a title starting at token `t`: a demonym or an
    /// organisation ("German Chancellor", "FIFA President", "Walmart's chief executive").
    fn owner_before(&self, t: usize, evidence: Span, out: &mut Vec<Finding>) {
        let Some(b) = t.checked_sub(1) else { return };
        if self.demonym_at(b).is_some() {
            out.push(Finding::DemonymAffiliation(self.words.spans[b], evidence));
        } else if let Some(m) = self.mention_ending_before(t).filter(|&m| self.affiliable(m)) {
            out.push(Finding::Affiliation(m, evidence));
        }
    }

    /// Organisations and countries after "of"/"for"/"at" at token `i`, up to the next comma.
    fn affiliations_after(&self, i: usize, evidence_start: usize, out: &mut Vec<Finding>) {
        if !matches!(self.words.word(i), "of" | "for" | "at") {
            return;
        }
        let end = (i + 1..self.words.len()).find(|&k| matches!(self.words.word(k), "," | ";" | "(" | ":") || self.words.is_full_stop(self.doc, k)).unwrap_or(self.words.len());
        if end <= i + 1 {
            return;
        }
        let inside = self.doc.mentions_in(self.words.span(i + 1, end));
        let groups: Vec<MentionId> = inside.into_iter().filter(|&m| self.affiliable(m) && self.is_name(m)).collect();
        let orgs: Vec<MentionId> = groups.iter().copied().filter(|&m| self.doc.mentions[m].class.is_organization()).collect();
        // "of" takes organisations and countries; "for" and "at" only organisations
        let chosen = if self.words.word(i) == "of" { groups } else { orgs };
        for m in chosen {
            let evidence = Span::new(evidence_start, self.doc.mentions[m].span.end);
            out.push(Finding::Affiliation(m, evidence));
        }
    }

    fn about(&self, person: MentionId) -> Vec<Finding> {
        let mut out = Vec::new();
        let span = self.doc.mentions[person].span;
        let first = self.words.index_at(span.start);
        let last = self.words.index_at(span.end); // first token after the name
        let title_text = |a: usize, b: usize| self.doc.slice(self.words.span(a, b)).to_string();

        // before the name, possibly several joined by "and"
        let mut end = first;
        if end > 0 && self.words.word(end - 1) == "," {
            end -= 1; // "The Spanish trade minister, Ana Ruiz"
        }
        while let Some(t) = self.title_ending_at(end) {
            let evidence = self.words.spans[t].cover(span);
            out.push(Finding::Title(title_text(t, end), evidence));
            self.owner_before(t, evidence, &mut out);
            // "Green Party leader and Deputy Prime Minister X"
            match t.checked_sub(1) {
                Some(a) if self.words.word(a) == "and" => end = a,
                _ => break,
            }
        }
        // a country before the name: "Peru's X", "Norwegians X"
        if out.is_empty() {
            // and an organisation's: "the Green Party's X"
            if let Some(m) = self.mention_ending_before(first).filter(|&m| self.doc.mentions[m].class == EntityType::Country || (self.doc.mentions[m].class.is_organization() && self.is_name(m))) {
                let between = self.doc.text.get(self.doc.mentions[m].span.end..span.start).unwrap_or("");
                let possessive = between.starts_with('\'') || between.starts_with('\u{2019}');
                if possessive {
                    out.push(Finding::Affiliation(m, self.doc.mentions[m].span.cover(span)));
                }
            }
            let plural = first.checked_sub(1).filter(|&b| self.raw(b).ends_with('s') && self.demonym_at(b).is_some()).or_else(|| self.list_demonym(first));
            if let Some(b) = plural {
                out.push(Finding::DemonymAffiliation(self.words.spans[b], self.words.spans[b].cover(span)));
            }
            if let Some(d) = self.respectively(person) {
                out.push(Finding::DemonymAffiliation(d, d.cover(span)));
            }
            // "Velish skeleton racer Ana Ruiz", "the Irish poet Ana Ruiz": a
            // demonym, a role of lower-case words, the name
            let role = |b: usize| (b + 1..first).all(|k| self.raw(k).chars().all(|c| c.is_lowercase() || c == '-'));
            if let Some(b) = (first.saturating_sub(4)..first.saturating_sub(1)).rev().find(|&b| self.demonym_at(b).is_some() && role(b)) {
                out.push(Finding::DemonymAffiliation(self.words.spans[b], self.words.spans[b].cover(span)));
            }
        }

        // apposition after the name: ", [the|a] [Y's] TITLE [of|for|at Y]"
        if self.words.word(last) == "," {
            let mut i = last + 1;
            if matches!(self.words.word(i), "the" | "a" | "an" | "its" | "our") {
                i += 1;
            }
            let owner = self.mention_starting_at(i).filter(|&m| self.affiliable(m));
            if let Some(m) = owner {
                let after = self.words.index_at(self.doc.mentions[m].span.end);
                if matches!(self.words.word(after), "'s") || self.words.word(after.saturating_sub(1)).ends_with("'s") {
                    i = after + usize::from(matches!(self.words.word(after), "'s" | "\u{2019}s"));
                }
            }
            let demonym = self.demonym_at(i).map(|_| i);
            if demonym.is_some() {
                i += 1;
            }
            if let Some(t_end) = self.title_starting_at(i) {
                let evidence = span.cover(self.words.spans[t_end - 1]);
                out.push(Finding::Title(title_text(i, t_end), evidence));
                if let Some(m) = owner {
                    out.push(Finding::Affiliation(m, evidence));
                }
                if let Some(d) = demonym {
                    out.push(Finding::DemonymAffiliation(self.words.spans[d], evidence));
                }
                self.affiliations_after(t_end, span.start, &mut out);
            } else if let Some(d) = demonym.filter(|&d| matches!(self.words.word(d - 1), "a" | "an")) {
                // "X, a Norwegian skeleton racer,": the country, whatever the noun
                out.push(Finding::DemonymAffiliation(self.words.spans[d], span.cover(self.words.spans[d])));
            }
        }
        // "X is a Danish economist", "X (born 1960 in Y) was an Irish poet":
        // the country of the demonym, whatever the noun after it
        if let Some(d) = self.words.after_is_a(&self.ontology.lexicon.clause.copulas, last).filter(|&d| self.demonym_at(d).is_some()) {
            out.push(Finding::DemonymAffiliation(self.words.spans[d], span.cover(self.words.spans[d])));
        }
        // "X, who heads the World Bank"
        if self.words.word(last) == "," && self.words.word(last + 1) == "who" && self.ontology.lexicon.affiliation.lead_verbs.contains(self.words.word(last + 2)) {
            let i = last + 3 + usize::from(matches!(self.words.word(last + 3), "the" | "a" | "an"));
            if let Some(m) = self.mention_starting_at(i).filter(|&m| self.affiliable(m) && self.doc.mentions[m].class.is_organization()) {
                out.push(Finding::Affiliation(m, span.cover(self.doc.mentions[m].span)));
            }
        }
        // "X of the World Bank", "X of Chile"
        self.affiliations_after(last, span.start, &mut out);
        // "X and Y, both from Sweden", "X, also from Chile"
        let window = last..(last + 12).min(self.words.len());
        if let Some(f) = window.clone().find(|&k| self.words.word(k) == "from") {
            let between_ok = (last..f).all(|k| {
                matches!(self.words.word(k), "," | "and" | "both" | "also" | "all") || self.in_person(k)
            });
            if let Some(m) = self.mention_starting_at(f + 1).filter(|&m| self.doc.mentions[m].class == EntityType::Country) {
                if between_ok {
                    out.push(Finding::Affiliation(m, span.cover(self.doc.mentions[m].span)));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::{assert_binary_facts, BinaryCase};

    #[test]
    fn titles_table() {
        let cases: &[BinaryCase] = &[
            ("Danish skeleton racer Ana Ruiz won.", &[("affiliation", "Ana Ruiz", "Danish")]),
            ("It starred the Irish stage actor Ana Ruiz.", &[("affiliation", "Ana Ruiz", "Irish")]),
            (
                "German Chancellor Olaf Brandt arrived.",
                &[("jobTitle", "Olaf Brandt", "Chancellor"), ("affiliation", "Olaf Brandt", "German")],
            ),
            (
                "Dana Kim, chief executive of Walmart, resigned.",
                &[("jobTitle", "Dana Kim", "chief executive"), ("affiliation", "Dana Kim", "Walmart")],
            ),
            ("The Spanish foreign minister, Ana Ruiz, spoke.", &[("jobTitle", "Ana Ruiz", "foreign minister"), ("affiliation", "Ana Ruiz", "Spanish")]),
            ("Omar Said of the World Bank disagreed.", &[("affiliation", "Omar Said", "World Bank")]),
            ("Chile's Rosa Vega and Tom Ek, both from Sweden, ran.", &[("affiliation", "Rosa Vega", "Chile"), ("affiliation", "Rosa Vega", "Sweden"), ("affiliation", "Tom Ek", "Sweden")]),
            ("The record of Lena Holm, also from Chile, stands.", &[("affiliation", "Lena Holm", "Chile")]),
            ("Lena Holm returned from Chile.", &[]),
            // "is a" and a demonym: the country, whatever the noun
            ("Ana Ruiz is a Spanish economist who studies ports.", &[("affiliation", "Ana Ruiz", "Spanish")]),
            ("Ben Ode (born 1960 in Tromsø) was a Norwegian skeleton racer.", &[("affiliation", "Ben Ode", "Norwegian")]),
            ("Ben Ode (born June 8, 1959), is a Norwegian former skier.", &[("affiliation", "Ben Ode", "Norwegian")]),
            ("Ana Ruiz is not a Spanish economist.", &[]),
            ("Ben Ode, a Norwegian skeleton racer, won.", &[("affiliation", "Ben Ode", "Norwegian")]),
            // a party's member word, as the gazetteer gives it
            ("Ana Ruiz, a Democrat, voted no.", &[("affiliation", "Ana Ruiz", "Democrat")]),
            // "who heads", and an organisation's possessive
            ("Dana Kim, who heads the Harbour Authority, resigned.", &[("affiliation", "Dana Kim", "Harbour Authority")]),
            ("Dana Kim, who no longer heads the Harbour Authority, resigned.", &[]),
            ("The Green Party's Ed Hale spoke.", &[("affiliation", "Ed Hale", "Green Party")]),
            // a plural demonym before a list of people
            (
                "Norwegians Kari Nilsen and Ola Hansen came first and second.",
                &[("affiliation", "Kari Nilsen", "Norwegians"), ("affiliation", "Ola Hansen", "Norwegians")],
            ),
            // "respectively": the n-th demonym with the n-th person
            (
                "The Dutch and Belgian ministers, Anke Vos and Luc Peeters, respectively, signed.",
                &[("affiliation", "Anke Vos", "Dutch"), ("affiliation", "Luc Peeters", "Belgian")],
            ),
            (
                "Green Party leader and Deputy Prime Minister Ed Hale spoke.",
                &[("jobTitle", "Ed Hale", "Deputy Prime Minister"), ("jobTitle", "Ed Hale", "leader"), ("affiliation", "Ed Hale", "Green Party")],
            ),
        ];
        assert_binary_facts(&Titles, cases);
    }
}
