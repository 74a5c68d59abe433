//! Travel: "Mayor X headed to Lisbon", "X flew to Y", "X will visit
//! Y", "X and Y will be in Chile next month". The travellers are the people
//! before the verb in its clause; the destination is the place right after.

use super::words::{clause_start, denied, people_between, Words};
use super::Extractor;
use crate::document::{Document, Fact, FactKind};
use crate::ontology::Ontology;

pub struct Travel;

impl Extractor for Travel {
    fn name(&self) -> &'static str {
        "travel"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let lexicon = &ontology.lexicon;
        let mut facts = Vec::new();
        for s in 0..doc.sentences.len() {
            let words = Words::of_sentence(doc, s);
            for trigger in &lexicon.travel.triggers {
                for t in words.find_phrase(trigger) {
                    let after = t + trigger.split(' ').count();
                    let Some(place) = words.mention_at(doc, after).or_else(|| (words.word(after) == "the").then(|| words.mention_at(doc, after + 1)).flatten()) else { continue };
                    if !doc.mentions[place].class.is_place() {
                        continue;
                    }
                    let start = clause_start(&words, lexicon, t);
                    if denied(&words, lexicon, start, t) {
                        continue;
                    }
                    for agent in people_between(doc, &words, start, t) {
                        let evidence = doc.mentions[agent].span.cover(doc.mentions[place].span);
                        facts.push(Fact { kind: FactKind::Travel { agent, destination: place }, evidence, sentence: Some(s), source: self.name() });
                    }
                }
            }
        }
        facts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::assert_binary_facts;

    #[test]
    fn travel_table() {
        assert_binary_facts(
            &Travel,
            &[
                ("Chancellor Olaf Brandt flew to Warsaw on Monday.", &[("travel", "Olaf Brandt", "Warsaw")]),
                ("Dr Ines Berg and Tom Reed will be in Japan next week.", &[("travel", "Ines Berg", "Japan"), ("travel", "Tom Reed", "Japan")]),
                ("Ann Holt will not travel to Kenya.", &[]),
                ("Ann Holt went to Tom Reed for advice.", &[]),
                ("Mayor Ana Ruiz will be in Lisbon on Friday.", &[("travel", "Ana Ruiz", "Lisbon")]),
            ],
        );
    }
}
