//! In sports news a country's or a city's name most often stands for its
//! team ("Veldania beat Orsk 2-1"): linking it to the place would merge the
//! team into the country in every graph. In a sports article such a name
//! is left unlinked unless the text places something there ("in Orsk",
//! "from Marrow"), it follows an athlete in brackets ("Ana Ruiz (Orsk)") or
//! it opens a dateline ("ORSK 1999-05-01").

use crate::document::{Document, Mention};
use crate::ontology::{EntityType, Ontology};
pub use crate::recognise::sport::is_sports;

/// Whether a place name in a sports article may be a team: a country, city
/// or region neither after a word that places something nor opening a
/// dateline.
pub fn may_be_team(doc: &Document, mention: &Mention, ontology: &Ontology) -> bool {
    use EntityType::*;
    if !matches!(mention.class, Place | Country | City | State | AdministrativeArea) {
        return false;
    }
    if starts_line(doc, mention) {
        return !is_dateline(doc, mention);
    }
    let before = doc.text[..mention.span.start].trim_end_matches([' ', '\t']);
    // "Ana Ruiz (Veldania)": an athlete's country
    if before.ends_with('(') {
        return false;
    }
    let word = before.rsplit([' ', '\n', '\t', '(']).next().unwrap_or("").to_lowercase();
    !ontology.lexicon.sport.locatives.contains(&word)
}

fn starts_line(doc: &Document, mention: &Mention) -> bool {
    let before = doc.text[..mention.span.start].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
}

/// "LONDON 1996-08-30", "OSLO, Norway 1996-08-30", "PARIS, May 3": a place
/// that opens a line whose rest is a date.
pub fn is_dateline(doc: &Document, mention: &Mention) -> bool {
    if !starts_line(doc, mention) {
        return false;
    }
    let line = doc.text[mention.span.end..].split('\n').next().unwrap_or("");
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).take(4).collect();
    words.iter().any(|w| {
        let iso = w.len() == 10 && w.as_bytes()[4] == b'-' && w[..4].chars().all(|c| c.is_ascii_digit());
        let month = crate::text::month_number(w).is_some();
        iso || month
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Metadata, MentionForm, Span};

    fn team(text: &str, name: &str) -> bool {
        let ontology = Ontology::builtin().unwrap();
        let doc = Document::new(text, Metadata::default());
        let at = text.rfind(name).unwrap();
        let m = Mention { span: Span::new(at, at + name.len()), sentence: Some(0), class: EntityType::Country, form: MentionForm::Name, entry: None, qid: None, source: "test" };
        is_sports(&doc, &ontology) && may_be_team(&doc, &m, &ontology)
    }

    #[test]
    fn country_names_in_sports_news_are_teams_unless_placed() {
        let match_report = "Veldania beat Orsk 2-1 in the cup final. The striker scored twice and the goalkeeper saved a penalty.";
        assert!(team(match_report, "Veldania"));
        assert!(team(match_report, "Orsk"));
        assert!(!team("The striker scored twice in the cup final and the goalkeeper saved a penalty in Veldania.", "Veldania"));
        assert!(!team("Ana Ruiz (Veldania) scored twice in the cup final and the goalkeeper saved a penalty.", "Veldania"));
        assert!(!team("VELDANIA 1999-05-01\nThe striker scored twice in the cup final and the goalkeeper saved a penalty.", "VELDANIA"));
        // not sports news: a country is a country
        assert!(!team("Veldania raised taxes on fuel, the finance ministry said.", "Veldania"));
    }
}
