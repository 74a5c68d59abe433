//! Names no gazetteer knows, recognised from context.
//!
//! A name is a run of capitalised words ("Jean-Yves Le Drian", "Institut
//! National de Recherche Biomédicale"). Its type comes from cues: a title or
//! honorific before it, a common given name, "X said" (a person); an
//! organisation head ("… Council", "… Group") or cue ("retailer X", "owned
//! by X"); a place head ("… County") or cue ("in X"); a named-thing cue
//! ("the X trial"). Evidence found anywhere in the article types every
//! mention of the same words, and a lone surname takes the type of the full
//! name. A capitalised word that only ever opens a sentence ("Officials",
//! "Speaking") is never a name.

use super::words::Words;
use super::Extractor;
use crate::document::{Document, Mention, MentionForm, Span};
use crate::ontology::{EntityType, Kind, NameWords, Ontology};
use std::collections::{HashMap, HashSet};

pub struct Names;

#[derive(Clone, Debug)]
struct Candidate {
    span: Span,
    sentence: usize,
    class: EntityType,
    /// Typed by a cue, not by default.
    strong: bool,
    /// A single word opening its sentence: a name only if confirmed elsewhere.
    initial: bool,
    /// Gazetteer mentions inside it that it replaces ("Atlantic" in "Atlantic Council").
    replaces: Vec<Span>,
}

impl Extractor for Names {
    fn name(&self) -> &'static str {
        "names"
    }

    fn extract(&self, doc: &mut Document, ontology: &Ontology) {
        let mut candidates = Vec::new();
        let mut common_abbreviations = HashSet::new();
        for s in 0..doc.sentences.len() {
            if is_title_case_headline(doc, s) {
                continue; // every word capitalised: capitals say nothing there
            }
            let reader = SentenceReader { doc, ontology, words: Words::of_sentence(doc, s), sentence: s };
            candidates.extend(reader.candidates());
            candidates.extend(reader.acronym_expansions(&mut common_abbreviations));
        }
        // "exclusive economic zone (EEZ)": the abbreviation of common words is no name anywhere
        candidates.retain(|c| !common_abbreviations.contains(doc.slice(c.span)));
        candidates = without_overlaps(candidates);
        type_across_document(doc, ontology, &mut candidates);
        let replaced: HashSet<Span> = candidates.iter().flat_map(|c| c.replaces.iter().copied()).collect();
        if !replaced.is_empty() {
            doc.remove_mentions(|m| replaced.contains(&m.span));
        }
        for c in candidates {
            let id = doc.add_mention(Mention {
                span: c.span,
                sentence: Some(c.sentence),
                class: c.class,
                form: MentionForm::Name,
                entry: None,
                alias_of: None,
                source: self.name(),
            });
            add_parenthesised_acronym(doc, id);
        }
    }
}

/// Of overlapping candidates, the typed one wins, then the longer; the
/// result is in text order.
fn without_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by_key(|c| (std::cmp::Reverse(c.strong), std::cmp::Reverse(c.span.len()), c.span));
    // kept spans are disjoint: only the last one starting before a span's end can overlap it
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Candidate> = Vec::new();
    for c in candidates {
        let clash = taken.range(..c.span.end.max(c.span.start + 1)).next_back().is_some_and(|(_, &end)| end > c.span.start);
        if !clash {
            taken.insert(c.span.start, c.span.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.span);
    kept
}

/// A headline in Title Case ("Storm Hits Coast As Thousands Flee"): after
/// its first word, a short function word is capitalised.
fn is_title_case_headline(doc: &Document, s: usize) -> bool {
    let sentence = &doc.sentences[s];
    if doc.paragraphs[sentence.paragraph].role != crate::document::ParagraphRole::Headline {
        return false;
    }
    doc.sentence_tokens(s).iter().skip(1).any(|t| matches!(doc.slice(*t), "As" | "Of" | "To" | "In" | "On" | "At" | "For" | "And" | "With" | "After" | "Over" | "Is" | "Are" | "Be"))
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

/// `span` without a possessive ending ("Tesco's" → "Tesco").
fn without_possessive(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let cut = if s.ends_with("'s") { 2 } else if s.ends_with("\u{2019}s") { 4 } else { 0 };
    Span::new(span.start, span.end - cut)
}

/// "National Institute of … (NIAID)": the acronym names the same entity.
fn add_parenthesised_acronym(doc: &mut Document, id: usize) {
    let m = doc.mentions[id].clone();
    let after = &doc.text[m.span.end..];
    let Some(inner) = after.strip_prefix(" (").and_then(|r| r.split_once(')')).map(|(a, _)| a) else { return };
    let is_acronym = (2..=8).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase() || c == '.') ;
    if !is_acronym {
        return;
    }
    let start = m.span.end + 2;
    let span = Span::new(start, start + inner.len());
    if doc.mention_at(span).is_none() {
        doc.add_mention(Mention { span, alias_of: Some(id), source: "names", ..m });
    }
}

struct SentenceReader<'d> {
    doc: &'d Document,
    ontology: &'d Ontology,
    words: Words,
    sentence: usize,
}

impl SentenceReader<'_> {
    fn lexicon(&self) -> &NameWords {
        &self.ontology.lexicon.names
    }

    /// Token `i` as written; empty past the sentence's end.
    fn raw(&self, i: usize) -> &str {
        self.words.raw(self.doc, i)
    }

    /// Whether only spaces (no line break) separate tokens `i` and `i + 1`.
    fn spaced(&self, i: usize) -> bool {
        let gap = &self.doc.text[self.words.spans[i].end..self.words.spans[i + 1].start];
        !gap.is_empty() && gap.chars().all(|c| c == ' ')
    }

    fn touching(&self, i: usize) -> bool {
        self.words.spans[i].end == self.words.spans[i + 1].start
    }

    fn is_never(&self, i: usize) -> bool {
        self.lexicon().never.contains(self.raw(i))
    }

    /// A capitalised word, an acronym, or a mixed-case coinage ("mAb114").
    fn is_cap(&self, i: usize) -> bool {
        let w = self.raw(i);
        let mut chars = w.chars();
        let first = chars.next();
        match first {
            Some(c) if c.is_uppercase() => true,
            Some(c) if c.is_lowercase() => w.len() >= 3 && w.chars().skip(1).any(char::is_uppercase),
            _ => false,
        }
    }

    fn is_acronym(&self, i: usize) -> bool {
        let w = self.raw(i);
        w.chars().filter(|c| c.is_uppercase()).count() >= 2 || (w.chars().any(char::is_uppercase) && w.chars().any(|c| c.is_ascii_digit()))
    }

    /// The first word token of the sentence (after any opening quotation mark or bracket).
    fn first_word(&self) -> usize {
        (0..self.words.len()).find(|&i| self.raw(i).chars().any(char::is_alphanumeric)).unwrap_or(0)
    }

    /// Whether token `i` opens a sentence or a quoted or bracketed stretch.
    fn opens_clause(&self, i: usize) -> bool {
        i == self.first_word() || (i > 0 && matches!(self.raw(i - 1), "\"" | "\u{201c}" | "]" | "?" | "!" | ":" | "(" | "[" | "\u{2014}"))
    }

    /// Maximal runs of capitalised words, as token ranges, with the positions
    /// of connectors ("of", "and") inside them.
    fn runs(&self) -> Vec<(usize, usize, Vec<usize>)> {
        let n = self.words.len();
        let lex = self.lexicon();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.is_cap(i) || self.is_never(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut connectors = Vec::new();
            loop {
                if is_possessive(self.raw(j - 1)) {
                    break; // "WHO's Monitored …": the owner is a name of its own
                }
                if j < n && self.spaced(j - 1) && self.is_cap(j) && !self.is_never(j) {
                    j += 1;
                } else if j + 1 < n && matches!(self.raw(j), "-" | "\u{2011}") && self.touching(j - 1) && self.touching(j) && self.is_cap(j + 1) {
                    j += 2;
                } else if j + 1 < n
                    && self.spaced(j - 1)
                    && self.spaced(j)
                    && (lex.particles.contains(self.raw(j)) || lex.connectors.contains(self.raw(j)))
                    && self.is_cap(j + 1)
                    && !self.is_never(j + 1)
                {
                    if lex.connectors.contains(self.raw(j)) && !lex.particles.contains(self.raw(j)) {
                        connectors.push(j);
                    }
                    j += 2;
                } else if j < n && self.raw(j) == "." && self.touching(j - 1) && self.raw(j - 1).chars().count() == 1 && self.raw(j - 1).chars().all(char::is_uppercase) {
                    j += 1; // an initial: "J."
                } else {
                    break;
                }
            }
            runs.push((i, j, connectors));
            i = j;
        }
        runs
    }

    /// Title phrases within tokens `from..to`, as (start, end) token ranges.
    fn titles_in(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut i = from;
        while i < to {
            match self.title_at(i, to) {
                Some(end) => {
                    found.push((i, end));
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The end of the longest title starting at token `i` (not past `limit`).
    fn title_at(&self, i: usize, limit: usize) -> Option<usize> {
        self.ontology.title_end(&self.words, i).filter(|&end| end <= limit)
    }

    /// A title phrase ends right before token `i` (allowing a demonym or
    /// organisation between: "French President X", "the Egyptian foreign minister X").
    fn title_before(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i).any(|start| self.title_at(start, i) == Some(i))
    }

    fn is_honorific(&self, i: usize) -> bool {
        self.lexicon().honorifics.contains(self.raw(i).trim_end_matches('.'))
    }

    fn is_demonym(&self, i: usize) -> bool {
        self.ontology.gazetteer.demonym_or_plural(self.raw(i)).is_some()
    }

    /// Gazetteer mentions already found in tokens `from..to`.
    fn known_in(&self, from: usize, to: usize) -> Vec<(usize, usize, EntityType)> {
        let span = self.words.span(from, to);
        self.doc
            .mentions_in(span)
            .into_iter()
            .map(|m| &self.doc.mentions[m])
            .map(|m| (self.words.index_at(m.span.start), self.words.index_at(m.span.end), m.class))
            .collect()
    }

    fn candidates(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (from, to, connectors) in self.runs() {
            // a hyphenated adjective of demonyms ("Anglo-French", "Turkish-Libyan") names nothing
            let text = self.doc.slice(self.words.span(from, to));
            if text.contains(['-', '\u{2013}']) && text.rsplit(['-', '\u{2013}']).next().is_some_and(|p| self.ontology.gazetteer.demonym(p).is_some()) {
                continue;
            }
            for (a, b) in self.pieces(from, to, &connectors) {
                if let Some(c) = self.classify(a, b) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// Splits a run at titles, connectors (unless it names an organisation
    /// or a thing) and known gazetteer names.
    fn pieces(&self, from: usize, to: usize, connectors: &[usize]) -> Vec<(usize, usize)> {
        let lex = self.lexicon();
        let org_headed = lex.org_heads.contains(self.raw(to - 1))
            || (from..to).any(|i| lex.org_heads.contains(self.raw(i)) && (i + 1 == to || connectors.contains(&(i + 1)) || i == from))
            || self.misc_cue_after(to).is_some();
        let mut to = to;
        if let Some(&(a, _)) = self.titles_in(from, to).iter().find(|&&(_, b)| b == to) {
            to = a; // "Labour Member of Parliament"
        }
        if from >= to {
            return Vec::new();
        }
        let mut ranges = vec![(from, to)];
        if !org_headed {
            // split at connectors and titles
            let mut cuts: Vec<(usize, usize)> = connectors.iter().map(|&c| (c, c + 1)).collect();
            cuts.extend(self.titles_in(from, to));
            cuts.sort();
            ranges.clear();
            let mut start = from;
            for (a, b) in cuts {
                if a > start {
                    ranges.push((start, a));
                }
                start = start.max(b);
            }
            if start < to {
                ranges.push((start, to));
            }
        }
        // strip leading demonyms ("French"), leading sentence words before a given name
        let mut stripped = Vec::new();
        for (mut a, b) in ranges {
            while a < b && self.is_demonym(a) && !org_headed {
                a += 1;
            }
            if b - a >= 3 && self.opens_clause(a) && !self.ontology.given_names.contains(self.raw(a)) && self.ontology.given_names.contains(self.raw(a + 1)) {
                a += 1;
            }
            // "Retailer Brovik said": a capitalised cue word opening the sentence
            if b - a >= 2 && self.opens_clause(a) && (lex.org_cues.contains(self.words.word(a)) || self.title_at(a, a + 1).is_some()) {
                a += 1;
            }
            if a < b {
                stripped.push((a, b));
            }
        }
        // cut around gazetteer names inside, unless the whole names an organisation or place
        let mut out = Vec::new();
        for (a, b) in stripped {
            let known = self.known_in(a, b);
            if known.is_empty() || org_headed || self.place_head(b).is_some() || self.extends_known_org(a, b, &known) || self.directed_place(a, b, &known) {
                out.push((a, b));
                continue;
            }
            let mut start = a;
            for (ka, kb, _) in known {
                if ka > start {
                    out.push((start, ka));
                }
                start = start.max(kb);
            }
            if start < b {
                out.push((start, b));
            }
        }
        out
    }

    /// "Tesco Polska": a known organisation followed by more capitalised words.
    fn extends_known_org(&self, a: usize, b: usize, known: &[(usize, usize, EntityType)]) -> bool {
        matches!(known, [(ka, kb, class)] if *ka == a && *kb < b && class.is_organization())
    }

    /// "Southern Poland": direction words before a known place.
    fn directed_place(&self, a: usize, b: usize, known: &[(usize, usize, EntityType)]) -> bool {
        matches!(known, [(ka, kb, class)] if *kb == b && *ka > a && class.is_place())
            && (a..known[0].0).all(|i| self.lexicon().directions.contains(self.raw(i)))
    }

    /// The type a place's last word gives it ("… County": an administrative area).
    fn place_head(&self, end: usize) -> Option<EntityType> {
        self.lexicon().place_heads.get(self.raw(end - 1)).copied()
    }

    /// The misc cue right after token `end` ("trial", "framework"), if any.
    fn misc_cue_after(&self, end: usize) -> Option<usize> {
        self.words.phrase_starting(end, &self.lexicon().misc_cues_after).map(|c| end + c.split(' ').count())
    }

    /// "Notes from Poland (NFP)": the words before a bracketed acronym whose
    /// initials spell it name an organisation. An acronym of lower-case words
    /// ("exclusive economic zone (EEZ)") is recorded as no name.
    fn acronym_expansions(&self, common: &mut HashSet<String>) -> Vec<Candidate> {
        let mut out = Vec::new();
        for k in 1..self.words.len().saturating_sub(1) {
            if self.raw(k - 1) != "(" || self.raw(k + 1) != ")" || !self.is_acronym(k) {
                continue;
            }
            let letters: Vec<char> = self.raw(k).chars().filter(|c| c.is_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
            let end = k - 1; // the bracket
            let mut i = end;
            let mut matched = letters.len();
            while i > 0 && matched > 0 {
                i -= 1;
                let w = self.words.word(i);
                let initial = w.chars().next().map(|c| c.to_ascii_lowercase());
                if initial == Some(letters[matched - 1]) {
                    matched -= 1;
                } else if !matches!(w, "of" | "from" | "for" | "and" | "the" | "de" | "on" | "&") {
                    break;
                }
            }
            if matched != 0 || i >= end {
                continue;
            }
            if !self.is_cap(i) {
                common.insert(self.raw(k).to_string());
                continue;
            }
            let span = without_possessive(&self.doc.text, self.words.span(i, end));
            let overlapping = self.doc.mentions_overlapping(span);
            if overlapping.iter().any(|&m| self.doc.mentions[m].span == span || !span.contains(self.doc.mentions[m].span)) {
                continue;
            }
            let replaces = overlapping.iter().map(|&m| self.doc.mentions[m].span).collect();
            out.push(Candidate { span, sentence: self.sentence, class: EntityType::Organization, strong: true, initial: false, replaces });
        }
        out
    }

    /// "UOKiK, the Polish anti-monopoly agency": an apposition ending in an
    /// organisation noun.
    fn apposition_names_org(&self, b: usize) -> bool {
        if self.words.word(b) != "," || !matches!(self.words.word(b + 1), "the" | "a" | "an") {
            return false;
        }
        let end = (b + 2..self.words.len().min(b + 8)).find(|&i| matches!(self.words.word(i), "," | "." | ";")).unwrap_or(self.words.len());
        end > b + 2 && self.lexicon().org_cues.contains(self.words.word(end - 1))
    }

    fn classify(&self, a: usize, b: usize) -> Option<Candidate> {
        let lex = self.lexicon();
        let span = self.words.span(a, b);
        if self.doc.mention_at(span).is_some() || self.known_in(a, b).iter().any(|&(ka, kb, _)| ka == a && kb == b) {
            return None;
        }
        // a run inside a known name ("Security" of "UN Security Council")
        if self.doc.mentions_overlapping(span).iter().any(|&m| self.doc.mentions[m].span.contains(span)) {
            return None;
        }
        let n = b - a;
        if n == 1 && self.raw(a).chars().count() == 1 {
            return None; // a lone letter
        }
        let span = without_possessive(&self.doc.text, span);
        let before = a.checked_sub(1).map(|i| self.words.word(i).to_string()).unwrap_or_default();
        let after = self.words.word(b).to_string();
        let after2 = self.words.word(b + 1).to_string();
        let single_initial = n == 1 && self.opens_clause(a) && !self.is_acronym(a);
        let known = self.known_in(a, b);
        let replaces: Vec<Span> = self.doc.mentions_in(self.words.span(a, b)).into_iter().map(|m| self.doc.mentions[m].span).collect();
        let candidate = |class: EntityType, strong: bool| Candidate {
            span,
            sentence: self.sentence,
            class,
            strong,
            initial: single_initial && !strong,
            replaces: replaces.clone(),
        };
        let org_cue_before = lex.org_cues.contains(&before) || self.words.phrase_ending(a, &lex.org_cues_phrases).is_some();
        let org_cue_after = self.words.phrase_starting(b, &lex.org_cues_after).is_some();
        let last = self.raw(b - 1);
        // a lone head word opening a sentence ("News in brief") names nothing
        let org_head = (lex.org_heads.contains(last) && !single_initial)
            || (n > 1 && (a..b).any(|i| lex.org_heads.contains(self.raw(i)) && (i == a || self.words.word(i + 1) == "of" || self.words.word(i + 1) == "for")));
        if org_head || org_cue_before || org_cue_after || self.extends_known_org(a, b, &known) {
            let class = match last {
                "Party" => EntityType::PoliticalParty,
                "University" | "College" | "School" | "Academy" => EntityType::EducationalOrganization,
                "Ministry" | "Department" | "Agency" | "Authority" | "Commission" | "Parliament" | "Assembly" | "Senate" | "Congress" | "Government" | "Police" | "Army" | "Navy" | "Guard" | "Court" | "Tribunal" => EntityType::GovernmentOrganization,
                _ if (a..b).any(|i| matches!(self.raw(i), "Ministry" | "Department" | "House" | "Court")) => EntityType::GovernmentOrganization,
                _ => EntityType::Organization,
            };
            return Some(candidate(class, true));
        }
        let honorific = a > 0 && self.is_honorific(a - 1);
        if honorific || self.title_before(a) {
            let span = if honorific { self.words.span(a - 1, b) } else { span };
            return Some(Candidate { span, ..candidate(EntityType::Person, true) });
        }
        if let Some(place) = self.place_head(b).filter(|_| n > 1) {
            return Some(candidate(place, true));
        }
        if self.directed_place(a, b, &known) {
            return Some(candidate(EntityType::AdministrativeArea, true));
        }
        if self.misc_cue_after(b).is_some() {
            return Some(candidate(EntityType::Thing, true));
        }
        if self.apposition_names_org(b) {
            return Some(candidate(EntityType::Organization, true));
        }
        let given = n >= 2 && self.ontology.given_names.contains(self.raw(a));
        let speaks = n <= 3 && !single_initial && (lex.speech_verbs.contains(&after) || (after == "," && lex.speech_verbs.contains(&after2)));
        let spoken_of = before == "said" || before == "says" || before == "according";
        if given || (speaks && !self.is_acronym(a)) || (spoken_of && n >= 2) {
            return Some(candidate(EntityType::Person, true));
        }
        let place_cue = self.words.phrase_ending(a, &lex.place_cues);
        if let Some(cue) = place_cue.filter(|_| !self.is_acronym(a)) {
            // "the towns of X": a settlement; "in X": some place
            let settlement = ["town", "towns", "city", "cities", "village", "villages"].iter().any(|w| cue.starts_with(w));
            return Some(candidate(if settlement { EntityType::City } else { EntityType::Place }, false));
        }
        let plain = (a..b).all(|i| !self.is_acronym(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase));
        if (2..=3).contains(&n) && plain {
            return Some(candidate(EntityType::Person, false));
        }
        Some(candidate(EntityType::Thing, false))
    }
}

/// Evidence anywhere in the article types every mention of the same words;
/// a lone surname takes the type of the full name; a word that only ever
/// opens a sentence is dropped.
fn type_across_document(doc: &Document, ontology: &Ontology, candidates: &mut Vec<Candidate>) {
    let text = |c: &Candidate| crate::resolve::bare_name(doc.slice(c.span)).to_string();
    let mut strong: HashMap<String, EntityType> = HashMap::new();
    let mut surnames: HashSet<String> = HashSet::new();
    let mut org_first_words: HashSet<String> = HashSet::new();
    for c in candidates.iter().filter(|c| c.strong) {
        let t = text(c);
        strong.entry(t.clone()).or_insert(c.class);
        if c.class.is_organization() && t.contains(' ') {
            org_first_words.insert(t.split(' ').next().unwrap_or_default().to_string());
        }
    }
    for c in candidates.iter().filter(|c| c.class.is_person()) {
        let t = text(c);
        if t.contains(' ') {
            // the surname, and the given name ("Brigid was running")
            surnames.insert(t.rsplit(' ').next().unwrap_or_default().to_string());
            surnames.insert(t.split(' ').next().unwrap_or_default().to_string());
        }
    }
    for m in doc.mentions.iter().filter(|m| m.class.is_person()) {
        let t = crate::resolve::bare_name(doc.slice(m.span));
        if let Some((_, last)) = t.rsplit_once(' ') {
            surnames.insert(last.to_string());
        }
    }
    let seen_inside: HashSet<String> = candidates.iter().filter(|c| !c.initial).map(text).collect();
    for c in candidates.iter_mut() {
        let t = text(c);
        if let Some(&class) = strong.get(&t) {
            c.class = class;
            c.strong = true;
        } else if surnames.contains(&t) {
            c.class = EntityType::Person;
            c.strong = true;
        } else if org_first_words.contains(&t) {
            c.class = EntityType::Organization;
            c.strong = true;
        }
    }
    // list items share the type of the first: "the towns of Beni, Butembo and Katwa"
    for i in 1..candidates.len() {
        let (prev, cur) = (&candidates[i - 1], &candidates[i]);
        let gap = doc.text.get(prev.span.end..cur.span.start).unwrap_or("").trim();
        if prev.sentence == cur.sentence && !cur.strong && matches!(gap, "," | ", and" | "and" | ", or" | "or") && prev.class.is_place() {
            candidates[i].class = candidates[i - 1].class;
        }
    }
    let words_of_known: HashSet<&str> = doc.mentions.iter().flat_map(|m| doc.slice(m.span).split(' ')).collect();
    candidates.retain(|c| {
        let t = text(c);
        let unconfirmed_opener = c.initial && !c.strong && !seen_inside.contains(&t);
        let part_of_known_name = c.class.kind() == Kind::Other && !c.strong && words_of_known.contains(t.as_str());
        !unconfirmed_opener && !part_of_known_name
            && ontology.gazetteer.demonym(&t).is_none()
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::run;

    fn names(text: &str) -> Vec<(String, &'static str)> {
        let doc = run(text, &[&Names]);
        let mut out: Vec<(String, &'static str)> = doc
            .mentions
            .iter()
            .filter(|m| m.source == "names")
            .map(|m| (doc.slice(m.span).to_string(), m.class.schema_name()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn names_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Finance minister Olav Hansen met Dr Ines Berg.", &[("Dr Ines Berg", "Person"), ("Olav Hansen", "Person")]),
            ("Officials said the plan works. Speaking later, Tom Reed agreed.", &[("Tom Reed", "Person")]),
            ("The firm was bought by Kestrel Holdings and the Vantor Institute of Physics.", &[("Kestrel Holdings", "Organization"), ("Vantor Institute of Physics", "Organization")]),
            ("Boats sank near Marlow Island in Hobart County.", &[("Hobart County", "AdministrativeArea"), ("Marlow Island", "Landform")]),
            ("Retailer Brovik said sales rose, Brovik added.", &[("Brovik", "Organization"), ("Brovik", "Organization")]),
            ("Analysts at Deltaware Group praised Deltaware.", &[("Deltaware", "Organization"), ("Deltaware Group", "Organization")]),
            ("The Anglo-French talks and Irish interests ended.", &[]),
            ("The drug Zentavir failed in the KOBALT trial.", &[("KOBALT", "Thing"), ("Zentavir", "Thing")]),
            ("Yesterday Ana Lopes of Portugal won. Lopes was happy.", &[("Ana Lopes", "Person"), ("Lopes", "Person")]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, &str)> = want.iter().map(|(n, c)| (n.to_string(), *c)).collect();
            assert_eq!(names(text), want, "in {text:?}");
        }
    }

    #[test]
    fn title_case_headlines_name_nothing_by_their_capitals() {
        let doc = run("Storm Hits Coast As Thousands Flee In Norway\nThe storm reached Bergen on Friday, officials said.\n", &[&Names]);
        let names: Vec<&str> = doc.mentions.iter().filter(|m| m.source == "names").map(|m| doc.slice(m.span)).collect();
        assert_eq!(names, vec!["Bergen"]);
        assert!(doc.mentions.iter().any(|m| doc.slice(m.span) == "Norway"), "the gazetteer still reads the headline");
    }

    #[test]
    fn acronyms_in_brackets_are_aliases() {
        let doc = run("The Norland Safety Agency (NSA) met. The NSA agreed.", &[&Names]);
        let acronym = doc.mentions.iter().position(|m| doc.slice(m.span) == "NSA").unwrap();
        assert!(doc.mentions[acronym].alias_of.is_some());
    }
}
