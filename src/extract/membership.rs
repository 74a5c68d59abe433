//! Membership: "Germany and Italy are both founding members of the EU,
//! the G20 and Nato", "Poland, a member of the EU, …", "Croatia joined
//! the EU", "Ana Ruiz plays for Kestrel City FC", "Kestrel City striker
//! Ana Ruiz", "Ann Holt (D-Calif.)".
//!
//! Coordinated subjects and objects multiply: every subject before the
//! copula is a member of every organisation after the trigger.

use super::words::{clause_start, denied, mentions_between, opens_clause, Words};
use super::Extractor;
use crate::document::{Document, Fact, FactKind, MentionId, Span};
use crate::ontology::{EntityType, Kind, Lexicon, Ontology};

pub struct Membership;

impl Extractor for Membership {
    fn name(&self) -> &'static str {
        "membership"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let lexicon = &ontology.lexicon;
        let mut out = Vec::new();
        let mut stated = std::collections::HashSet::new();
        for s in 0..doc.sentences.len() {
            let words = Words::of_sentence(doc, s);
            let mut facts = Vec::new();
            for trigger in &lexicon.membership.triggers {
                for t in words.find_phrase(trigger) {
                    let after = t + trigger.split(' ').count();
                    let groups = groups_after(doc, &words, lexicon, after);
                    let members = members_before(doc, &words, lexicon, t);
                    facts.extend(pairs(doc, &members, &groups));
                }
            }
            for verb in &lexicon.membership.join_verbs {
                for v in words.find_phrase(verb) {
                    let Some(member) = joiner(doc, &words, v) else { continue };
                    let mut o = v + verb.split(' ').count();
                    if words.word(o) == "the" {
                        o += 1;
                    }
                    let groups = listed_organisations(doc, &words, o);
                    if !groups.is_empty() && !denied(&words, lexicon, words.index_at(doc.mentions[member].span.start), v) {
                        facts.extend(pairs(doc, &[member], &groups));
                    }
                }
            }
            // "Kestrel City striker Ana Ruiz": a team, a role, a player
            for (k, word) in (0..words.len()).map(|k| (k, words.word(k))) {
                if k == 0 || !lexicon.membership.team_roles.contains(word) {
                    continue;
                }
                let team = mentions_between(doc, &words, 0, k).last().copied().filter(|&t| words.index_at(doc.mentions[t].span.end) == k && doc.mentions[t].class.is_organization());
                let player = mentions_between(doc, &words, k + 1, words.len()).first().copied().filter(|&p| words.index_at(doc.mentions[p].span.start) == k + 1 && doc.mentions[p].class.is_person());
                if let (Some(team), Some(player)) = (team, player) {
                    facts.push((player, team, doc.mentions[team].span.cover(doc.mentions[player].span)));
                }
            }
            // "Ann Holt (D-Calif.)": the party letter after a person's name
            for g in mentions_between(doc, &words, 0, words.len()) {
                let party = &doc.mentions[g];
                if !is_party(doc, g) || !doc.text[..party.span.start].ends_with(" (") {
                    continue;
                }
                let before = party.span.start - 2;
                if let Some(&p) = mentions_between(doc, &words, 0, words.index_at(before)).last().filter(|&&p| doc.mentions[p].span.end == before && doc.mentions[p].class.is_person()) {
                    facts.push((p, g, doc.mentions[p].span.cover(party.span)));
                }
            }
            // "Ana Ruiz is a Velish politician for the Harbour Party", "Ana
            // Ruiz was an Irish Harbour Party politician": a party and a
            // party role in the phrase after the copula
            for p in mentions_between(doc, &words, 0, words.len()).into_iter().filter(|&p| doc.mentions[p].class.is_person()) {
                let Some(from) = words.after_is_a(&lexicon.clause.copulas, words.index_at(doc.mentions[p].span.end)) else { continue };
                let end = (from..words.len().min(from + 12)).find(|&k| matches!(words.word(k), "," | "." | ";" | "who" | "and" | "but")).unwrap_or(words.len().min(from + 12));
                let has_role = (from..end).any(|k| lexicon.membership.party_roles.contains(words.word(k)));
                let party = mentions_between(doc, &words, from, end).into_iter().find(|&g| is_party(doc, g));
                if let (true, Some(g)) = (has_role, party) {
                    facts.push((p, g, doc.mentions[p].span.cover(doc.mentions[g].span)));
                }
            }
            for (member, group, evidence) in facts {
                if stated.insert((member, group)) {
                    out.push(Fact { kind: FactKind::MemberOf { member, group }, evidence, sentence: Some(s), source: self.name() });
                }
            }
        }
        out
    }
}

/// Who joins, or plays for, by the verb at token `v`: the name right
/// before it ("Ana Ruiz joined"), the person a "who" stands for ("Ana Ruiz
/// is a striker who plays for"), or the person who opens the clause of a
/// participle ("Ana Ruiz scored twice before joining").
fn joiner(doc: &Document, words: &Words, v: usize) -> Option<MentionId> {
    let before = mentions_between(doc, words, 0, v);
    let last = before.last().copied().filter(|&m| words.index_at(doc.mentions[m].span.end) == v && is_member_kind(doc, m));
    if last.is_some() {
        return last;
    }
    let person = |m: &&MentionId| doc.mentions[**m].class.is_person() && doc.mentions[**m].form.is_name();
    match words.word(v.checked_sub(1)?) {
        "who" => before.iter().rev().find(person).copied(),
        "before" | "after" | "since" | "while" => before.iter().find(person).copied().filter(|&m| words.index_at(doc.mentions[m].span.start) == 0),
        _ => None,
    }
}

/// The organisations named at token `from` and listed after it ("Orsk
/// United and Harlow Rovers", "A, B and C").
fn listed_organisations(doc: &Document, words: &Words, from: usize) -> Vec<MentionId> {
    let mut out: Vec<MentionId> = Vec::new();
    let mut at = from;
    for g in mentions_between(doc, words, from, words.len()) {
        let start = words.index_at(doc.mentions[g].span.start);
        let joined = start == at || (!out.is_empty() && (at..start).all(|k| matches!(words.word(k), "," | "and" | "the")));
        if !joined || !doc.mentions[g].class.is_organization() {
            break;
        }
        out.push(g);
        at = words.index_at(doc.mentions[g].span.end);
    }
    out
}

/// Every member with every group; the evidence runs from the member to the group.
fn pairs(doc: &Document, members: &[MentionId], groups: &[MentionId]) -> Vec<(MentionId, MentionId, Span)> {
    let mut out = Vec::new();
    for &m in members {
        for &g in groups.iter().filter(|&&g| g != m) {
            out.push((m, g, doc.mentions[m].span.cover(doc.mentions[g].span)));
        }
    }
    out
}

/// A political party: so classed, or an organisation whose name says it
/// ("Harbour Party", "Party of Work").
fn is_party(doc: &Document, m: MentionId) -> bool {
    let mention = &doc.mentions[m];
    let name = doc.slice(mention.span);
    mention.class == EntityType::PoliticalParty || (mention.class.is_organization() && (name.ends_with(" Party") || name.starts_with("Party of ")))
}

fn is_member_kind(doc: &Document, m: MentionId) -> bool {
    matches!(doc.mentions[m].class.kind(), Kind::Place | Kind::Organization | Kind::Person)
}

/// The organisations listed after a trigger, up to the end of the clause.
fn groups_after(doc: &Document, words: &Words, lexicon: &Lexicon, from: usize) -> Vec<MentionId> {
    let end = (from..words.len())
        .find(|&i| opens_clause(words, lexicon, i) || words.word(i) == ".")
        .unwrap_or(words.len());
    mentions_between(doc, words, from, end).into_iter().filter(|&m| doc.mentions[m].class.is_organization()).collect()
}

/// The members named before the trigger: the subjects of the copula in the
/// same clause, or the noun an apposition (", a member of") describes.
fn members_before(doc: &Document, words: &Words, lexicon: &Lexicon, trigger: usize) -> Vec<MentionId> {
    let clause_start = clause_start(words, lexicon, trigger);
    let copula = (clause_start..trigger).rev().find(|&i| lexicon.clause.copulas.contains(words.word(i)));
    let members: Vec<MentionId> = match copula {
        Some(c) => {
            if denied(words, lexicon, c, trigger) {
                return Vec::new();
            }
            mentions_between(doc, words, clause_start, c)
        }
        None => {
            // apposition: "Poland, a member of the EU"
            let article = trigger.checked_sub(1).filter(|&i| matches!(words.word(i), "a" | "an"));
            match article.and_then(|a| a.checked_sub(1)).filter(|&c| words.word(c) == ",") {
                Some(comma) => mentions_between(doc, words, clause_start, comma).into_iter().last().into_iter().collect(),
                None => Vec::new(),
            }
        }
    };
    members.into_iter().filter(|&m| is_member_kind(doc, m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::assert_binary_facts;

    #[test]
    fn membership_table() {
        assert_binary_facts(
            &Membership,
            &[
                ("Ana Ruiz is a Velish politician for the Harbour Party.", &[("memberOf", "Ana Ruiz", "Harbour Party")]),
                ("Ana Ruiz was a Harbour Party politician from Dunmore.", &[("memberOf", "Ana Ruiz", "Harbour Party")]),
                ("The mayor is Ana Ruiz (Harbour Party).", &[("memberOf", "Ana Ruiz", "Harbour Party")]),
                // a critic is no member
                ("Ana Ruiz is a fierce critic of the Harbour Party.", &[]),
                (
                    "Analysts note that Germany and Italy are founding members of the EU and Nato.",
                    &[("memberOf", "Germany", "EU"), ("memberOf", "Germany", "Nato"), ("memberOf", "Italy", "EU"), ("memberOf", "Italy", "Nato")],
                ),
                ("Japan is a member of the G7, OPEC and the WTO.", &[("memberOf", "Japan", "G7"), ("memberOf", "Japan", "OPEC"), ("memberOf", "Japan", "WTO")]),
                ("Norway, a member of Nato, sent ships.", &[("memberOf", "Norway", "Nato")]),
                ("Croatia joined the EU in 2013.", &[("memberOf", "Croatia", "EU")]),
                ("Ukraine is not a member of Nato.", &[]),
                ("Switzerland is no longer a member of the EU.", &[]),
                ("Finland's members of parliament met UN staff.", &[]),
                // a team, a role, a player; playing for a team
                ("Kestrel City striker Ana Ruiz scored twice.", &[("memberOf", "Ana Ruiz", "Kestrel City")]),
                ("Ana Ruiz played for Kestrel City FC until 2019.", &[("memberOf", "Ana Ruiz", "Kestrel City FC")]),
                ("Ana Ruiz never played for Kestrel City FC.", &[]),
                // "who" stands for the player; a participle's subject opens the clause
                ("Ana Ruiz is a Velish footballer who plays for Kestrel City FC.", &[("memberOf", "Ana Ruiz", "Kestrel City FC")]),
                ("Ana Ruiz scored often before joining Kestrel City FC in 2019.", &[("memberOf", "Ana Ruiz", "Kestrel City FC")]),
                ("Ana Ruiz played for Kestrel City FC and Dunmore Rovers FC.", &[("memberOf", "Ana Ruiz", "Kestrel City FC"), ("memberOf", "Ana Ruiz", "Dunmore Rovers FC")]),
                ("Senator Ann Holt (D-Calif.) voted no.", &[("memberOf", "Ann Holt", "D")]),
            ],
        );
    }
}
