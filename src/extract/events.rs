//! Events: meetings, summits and talks with their attendees, location and
//! date. "A and B met in Oslo on Tuesday for the yearly Nordic-Baltic
//! summit" gives a summit attended by A and B in Oslo; "C attended the
//! meeting" in a later sentence adds C to the event just named.

use super::words::{clause_start, denied, people_between, Words};
use super::Extractor;
use crate::date;
use crate::document::{Document, EventFact, Fact, FactKind, Span};
use crate::ontology::{EntityType, Ontology};

pub struct Events;

impl Extractor for Events {
    fn name(&self) -> &'static str {
        "events"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let lexicon = &ontology.lexicon;
        let words_of_events = &lexicon.events;
        let mut facts: Vec<Fact> = Vec::new();
        let mut latest: Option<usize> = None; // the last event this extractor found
        for s in 0..doc.sentences.len() {
            let words = Words::of_sentence(doc, s);
            // "C attended the meeting": C attends the latest event
            for verb in &words_of_events.join_verbs {
                for v in words.find_phrase(verb) {
                    let names_event = words_of_events.nouns.iter().any(|n| words.phrase_at(v + 1, &format!("the {n}")));
                    if let (true, Some(latest)) = (names_event, latest) {
                        let start = clause_start(&words, lexicon, v);
                        let people = people_between(doc, &words, start, v);
                        if let FactKind::Event(event) = &mut facts[latest].kind {
                            for p in people {
                                if !event.attendees.contains(&p) {
                                    event.attendees.push(p);
                                }
                            }
                        }
                    }
                }
            }
            for verb in &words_of_events.meeting_verbs {
                for v in words.find_phrase(verb) {
                    let start = clause_start(&words, lexicon, v);
                    if denied(&words, lexicon, start, v) {
                        continue;
                    }
                    let attendees = people_between(doc, &words, start, v);
                    if attendees.is_empty() {
                        continue;
                    }
                    let after = v + verb.split(' ').count();
                    let location = (after..words.len().min(after + 4))
                        .filter(|&i| matches!(words.word(i), "at" | "in"))
                        .find_map(|i| words.mention_at(doc, i + 1).or_else(|| (words.word(i + 1) == "the").then(|| words.mention_at(doc, i + 2)).flatten()))
                        .filter(|&m| doc.mentions[m].class.is_place());
                    let name = event_name(doc, &words, &words_of_events.nouns);
                    let date = weekday_in(doc, &words).and_then(|w| date::normalise(doc.slice(w), doc.meta.date));
                    let evidence = doc.mentions[attendees[0]].span.cover(location.map_or(words.spans[v], |l| doc.mentions[l].span));
                    latest = Some(facts.len());
                    facts.push(Fact {
                        kind: FactKind::Event(EventFact { name, class: EntityType::Event, attendees, location, date }),
                        evidence,
                        sentence: Some(s),
                        source: self.name(),
                    });
                }
            }
        }
        facts
    }
}

/// "the yearly Nordic-Baltic summit on trade" → "Nordic-Baltic summit":
/// an event noun with the capitalised words before it.
fn event_name(doc: &Document, words: &Words, nouns: &[String]) -> Option<Span> {
    let (i, n) = nouns.iter().rev().find_map(|n| words.find_phrase(n).first().map(|&i| (i, n)))?;
    let end = i + n.split(' ').count();
    let mut start = i;
    let capitalised = |k: usize| doc.slice(words.spans[k]).chars().next().is_some_and(char::is_uppercase);
    let hyphen = |k: usize| k > 0 && matches!(words.word(k), "-" | "\u{2013}") && words.spans[k - 1].end == words.spans[k].start;
    while start > 0 && (capitalised(start - 1) || (hyphen(start - 1) && capitalised(start - 2))) && !matches!(words.word(start - 1), "the" | "a") {
        start -= 1;
    }
    Some(words.span(start, end))
}

fn weekday_in(doc: &Document, words: &Words) -> Option<Span> {
    (0..words.len())
        .find(|&i| matches!(words.word(i), "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday") && doc.slice(words.spans[i]).starts_with(char::is_uppercase))
        .map(|i| words.spans[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;
    use crate::extract::testing::{recognise, ONTOLOGY};
    use crate::extract::Extractor;

    /// (name, attendees, location, date) of each event.
    type Seen = (String, Vec<String>, Option<String>, Option<String>);

    fn events(text: &str) -> Vec<Seen> {
        let mut doc = Document::new(text, Metadata { date: "2024-06-14".parse().ok(), ..Metadata::default() });
        recognise(&mut doc);
        let facts = Events.extract(&doc, &ONTOLOGY);
        facts
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::Event(e) => Some((
                    e.name.map_or("meeting", |n| doc.slice(n)).to_string(),
                    e.attendees.iter().map(|&a| doc.slice(doc.mentions[a].span).to_string()).collect(),
                    e.location.map(|l| doc.slice(doc.mentions[l].span).to_string()),
                    e.date.map(|d| d.to_string()),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn events_table() {
        let got = events("Chancellor Olaf Brandt and Dr Ines Berg met in Vienna on Tuesday for the annual Austro-Alpine summit. Tom Reed joined the summit.");
        assert_eq!(
            got,
            vec![(
                "Austro-Alpine summit".to_string(),
                vec!["Olaf Brandt".to_string(), "Ines Berg".to_string(), "Tom Reed".to_string()],
                Some("Vienna".to_string()),
                Some("2024-06-11".to_string())
            )]
        );
        // a later sentence adds a person to the event just named
        let got = events("Ana Ruiz and Omar Said met in Lima on Monday. Later that day Eva Morales attended the talks.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, vec!["Ana Ruiz".to_string(), "Omar Said".to_string(), "Eva Morales".to_string()]);
        assert!(events("Spain and Chile will meet again.").is_empty(), "countries are not attendees");
        assert!(events("Olaf Brandt did not meet Ines Berg in Oslo.").is_empty(), "a denied meeting");
    }
}
