//! Places within places, as the text states them:
//! "Lyon, France"; "the villages of A, B and C in Peru"; "the Ohio city of
//! Dayton"; "Scandinavia, comprising A, B and C". The inner place must be of
//! a smaller kind than the outer one (a city in a region in a country in a
//! continent), so a plain list of countries says nothing.

use super::Extractor;
use crate::document::{Document, Fact, FactKind, MentionForm, MentionId};
use crate::ontology::{EntityType, Ontology};

pub struct Places;

/// How large a kind of place is; None for what is no place.
fn rank(class: EntityType) -> Option<u8> {
    use EntityType::*;
    Some(match class {
        City | LandmarksOrHistoricalBuildings | GovernmentBuilding => 1,
        Landform | LakeBodyOfWater | RiverBodyOfWater => 1,
        AdministrativeArea | State => 2,
        Country => 3,
        Place | SeaBodyOfWater => 4,
        Continent | OceanBodyOfWater => 5,
        _ => return None,
    })
}

impl Extractor for Places {
    fn name(&self) -> &'static str {
        "places"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let comprising = &ontology.lexicon.places.comprising;
        let mut facts = Vec::new();
        let mut stated = std::collections::HashSet::new();
        for s in 0..doc.sentences.len() {
            let places: Vec<MentionId> = doc
                .mentions_in(doc.sentences[s].span)
                .into_iter()
                .filter(|&m| doc.mentions[m].form == MentionForm::Name && rank(doc.mentions[m].class).is_some())
                .collect();
            let mut pairs: Vec<(MentionId, MentionId)> = Vec::new();
            // pairs stated as "A, B": of two places of unknown kind, the first lies in the second
            let mut comma_pairs: Vec<(MentionId, MentionId)> = Vec::new();
            let gap = |a: MentionId, b: MentionId| doc.text.get(doc.mentions[a].span.end..doc.mentions[b].span.start).unwrap_or("-").trim().to_lowercase();
            for k in 0..places.len() {
                let (a, next) = (places[k], places.get(k + 1).copied());
                let Some(b) = next else { break };
                let g = gap(a, b);
                // "Lyon, France" (not a list: "Lyon, France and Spain"), and a
                // chain of ever larger places: "Lyon, Rhône, France"
                let rank_of = |m: MentionId| rank(doc.mentions[m].class);
                let chain = places.get(k + 2).filter(|&&c| gap(b, c) == "," && rank_of(a) < rank_of(b) && rank_of(b) < rank_of(c) && rank_of(a).is_some());
                if g == "," && (chain.is_some() || !matches!(places.get(k + 2).map(|&c| gap(b, c)), Some(x) if x == "," || x == "and" || x == ", and")) {
                    pairs.push((a, b));
                    comma_pairs.push((a, b));
                    if let Some(&c) = chain {
                        pairs.push((a, c));
                    }
                }
                // "the Ohio city of Dayton"
                if matches!(g.as_str(), "city of" | "town of" | "state of" | "region of" | "province of" | "capital" | "capital,") {
                    pairs.push((b, a));
                }
                // "A, B and C in D": every item of the list before "in"
                // ("in the", "in northern")
                let in_part = g.trim_start_matches(", ").strip_prefix("in ").is_some_and(|rest| rest.split(' ').all(|w| w == "the" || ontology.lexicon.places.parts.contains(w)));
                if g == "in" || g == ", in" || in_part {
                    let mut i = k;
                    pairs.push((a, b));
                    while i > 0 && matches!(gap(places[i - 1], places[i]).as_str(), "," | "and" | ", and" | "or") {
                        i -= 1;
                        pairs.push((places[i], b));
                    }
                }
                // "X is a village in Y", "X, a port city in northern Y", "X is located in Y"
                if states_inside(&g, &ontology.lexicon.places) {
                    pairs.push((a, b));
                }
                // "Scandinavia, comprising A, B and C"
                if comprising.iter().any(|c| g == format!(", {c}") || g == *c) {
                    let mut i = k + 1;
                    pairs.push((places[i], a));
                    while i + 1 < places.len() && matches!(gap(places[i], places[i + 1]).as_str(), "," | "and" | ", and") {
                        i += 1;
                        pairs.push((places[i], a));
                    }
                }
            }
            // what lies in a place lies in what holds it, as one sentence
            // says ("Harlan, Ohio, in the northern United States")
            let mut k = 0;
            while k < pairs.len() {
                let (inner, middle) = pairs[k];
                let further: Vec<MentionId> = pairs.iter().filter(|&&(i, _)| i == middle).map(|&(_, o)| o).collect();
                for outer in further {
                    if outer != inner && !pairs.contains(&(inner, outer)) {
                        pairs.push((inner, outer));
                    }
                }
                k += 1;
            }
            for (inner, outer) in pairs {
                // a place of unknown kind is smaller than the known kind of place the text puts it in
                let generic = |m: MentionId| doc.mentions[m].class == EntityType::Place;
                let both_unknown_after_comma = generic(inner) && generic(outer) && comma_pairs.contains(&(inner, outer));
                let ri = if (generic(inner) && !generic(outer)) || both_unknown_after_comma { Some(0) } else { rank(doc.mentions[inner].class) };
                let ro = rank(doc.mentions[outer].class);
                if ri >= ro || doc.mentions[inner].span == doc.mentions[outer].span {
                    continue;
                }
                if stated.insert((inner, outer)) {
                    let evidence = doc.mentions[inner].span.cover(doc.mentions[outer].span);
                    facts.push(Fact { kind: FactKind::ContainedIn { inner, outer }, evidence, sentence: Some(s), source: self.name() });
                }
            }
        }
        facts
    }
}

/// Whether the words between two places say the first lies in the second:
/// "is a village in", ", a port city in northern", "is located in the".
/// A kind of place must be named (or "located"), nothing but articles and
/// lower-case words stand before it, and "in" (then "the" or a part such as
/// "northern") ends the gap.
fn states_inside(gap: &str, words: &crate::ontology::PlaceWords) -> bool {
    let mut tokens: Vec<&str> = gap.split_whitespace().collect();
    while tokens.last().is_some_and(|w| *w == "the" || words.parts.contains(w)) {
        tokens.pop();
    }
    if tokens.pop() != Some("in") || tokens.is_empty() || tokens.len() > 7 {
        return false;
    }
    let start = usize::from(tokens[0] == ",");
    let body = &tokens[start..];
    let kind = body.iter().any(|w| words.nouns.contains(w) || words.located.contains(w));
    let plain = body.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
    kind && plain && !body.contains(&"and") && !body.contains(&"not")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::assert_binary_facts;

    #[test]
    fn places_table() {
        assert_binary_facts(
            &Places,
            &[
                ("Floods hit Munich, Germany on Monday.", &[("containedIn", "Munich", "Germany")]),
                (
                    "Aid reached the cities of Kraków, Gdańsk and Wrocław in Poland.",
                    &[("containedIn", "Kraków", "Poland"), ("containedIn", "Gdańsk", "Poland"), ("containedIn", "Wrocław", "Poland")],
                ),
                ("The plant is in the Ohio city of Dayton.", &[("containedIn", "Dayton", "Ohio")]),
                (
                    "Scandinavia, comprising Denmark, Norway and Sweden, agreed.",
                    &[("containedIn", "Denmark", "Scandinavia"), ("containedIn", "Norway", "Scandinavia"), ("containedIn", "Sweden", "Scandinavia")],
                ),
                ("The Baltic region, comprising Estonia, Latvia and Lithuania, grew.", &[]),
                ("Talks in France, Germany and Italy ended.", &[]),
                ("Floods hit Munich, Bavaria, Germany on Monday.", &[("containedIn", "Munich", "Bavaria"), ("containedIn", "Munich", "Germany"), ("containedIn", "Bavaria", "Germany")]),
                ("Pemberly is a small town in Ontario.", &[("containedIn", "Pemberly", "Ontario")]),
                ("They met in Lyon, a city in eastern France, last year.", &[("containedIn", "Lyon", "France")]),
                ("The lake is located in the Canadian province of Ontario.", &[]),
                ("Ontario is not in France.", &[]),
                ("It was held in the Japanese city of Osaka.", &[]),
                // two places of unknown kind: "A, B" puts the first in the second
                ("He was born in Tavelby, Nordmark, in 1950.", &[("containedIn", "Tavelby", "Nordmark")]),
                // "in northern", and what one sentence chains
                ("Floods hit Dayton in southern Ohio.", &[("containedIn", "Dayton", "Ohio")]),
                (
                    "He farmed near Harlan, Ohio, in the northern United States.",
                    &[("containedIn", "Harlan", "Ohio"), ("containedIn", "Ohio", "United States"), ("containedIn", "Harlan", "United States")],
                ),
            ],
        );
    }
}
