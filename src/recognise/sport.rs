//! Whether an article is sports news, from its words: there a place's name
//! most often stands for a team (linking reads this) and a number after a
//! name is a result, not a model (products read this).

use crate::document::Document;
use crate::ontology::Ontology;

/// Fewer tokens than this make a brief: one sports word marks it.
const BRIEF_TOKENS: usize = 80;

/// Whether the article is sports news: enough distinct sports words (a
/// sport's name counts twice), or scores ("2-1") with at least one, or in
/// a brief one.
pub fn is_sports(doc: &Document, ontology: &Ontology) -> bool {
    let words = &ontology.lexicon.sport;
    let lower = &doc.lower_tokens;
    let all = 0..lower.len();
    let found = |w: &String| lower.positions(w, all.clone()).iter().any(|&i| lower.get(i as usize) == w);
    let mut points = 2 * words.sports.iter().filter(|w| found(w)).count() + words.cues.iter().filter(|w| found(w)).count();
    // "BASEBALL-STANDINGS": the parts of hyphenated words; "2-1": scores
    let mut scores = 0;
    let mut last = usize::MAX;
    for (at, _) in doc.text.match_indices('-') {
        let i = doc.tokens.partition_point(|t| t.end <= at);
        if i == last || i >= doc.tokens.len() || doc.tokens[i].start > at {
            continue;
        }
        last = i;
        let word = lower.get(i);
        if is_score(word) {
            scores += 1;
            continue;
        }
        for part in word.split('-') {
            points += if words.sports.contains(part) { 2 } else { words.cues.contains(part) as usize };
        }
    }
    // a brief (a sentence or two) has room for one sports word only
    let brief = doc.tokens.len() < BRIEF_TOKENS;
    points >= 3 || (scores >= 2 && points > 0) || (brief && points > 0)
}

/// "2-1", "6-4", "21-17": a result, not a range of years.
fn is_score(word: &str) -> bool {
    let Some((a, b)) = word.split_once('-') else { return false };
    let small = |s: &str| (1..=3).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
    small(a) && small(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;

    #[test]
    fn sports_news_by_its_words() {
        let ontology = Ontology::builtin().unwrap();
        let sports = |text: &str| is_sports(&Document::new(text, Metadata::default()), &ontology);
        assert!(sports("The striker scored twice as the club won the league title."));
        // a brief has room for one sports word
        assert!(sports("Orsk coach Ana Ruiz praised the defence on Sunday."));
        let long = format!("{} The coach of the debate team spoke.", "The council met on Tuesday to discuss the budget for roads and schools. ".repeat(8));
        assert!(!sports(&long));
        assert!(!sports("The council approved the budget on Tuesday."));
    }
}
