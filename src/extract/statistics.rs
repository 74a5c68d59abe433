//! Statistics: every number that measures something, with its qualifier
//! ("more than"), unit ("GBP", "percent"), what it counts and its time
//! ("last year" → 2022 for an article of 2023).
//!
//! Not statistics: years, dates ("June 3"), times of day ("6 p.m.",
//! "2:03:11"), ordinals ("45th"), decades ("1980s"), identifiers
//! ("resolution 1441", "G7", "XR7"), fiscal years ("2021/22"), ages and
//! spans used as adjectives ("45-year-old", "24-hour").

use super::words::Words;
use super::Extractor;
use crate::date;
use crate::document::{Document, Fact, FactKind, Number, ParagraphRole, Statistic};
use crate::ontology::{Ontology, StatisticWords};

pub struct Statistics;

impl Extractor for Statistics {
    fn name(&self) -> &'static str {
        "statistics"
    }

    fn extract(&self, doc: &Document, ontology: &Ontology) -> Vec<Fact> {
        let lex = &ontology.lexicon.statistics;
        let mut all = Vec::new();
        for s in 0..doc.sentences.len() {
            if doc.paragraphs[doc.sentences[s].paragraph].role != ParagraphRole::Prose {
                continue;
            }
            let words = Words::of_sentence(doc, s);
            let reader = Reader { doc, lex, words: &words };
            let numbers: Vec<Found> = (0..words.len()).filter_map(|i| reader.number_at(i)).collect();
            let times = reader.time_expressions();
            let mut facts = Vec::new();
            for (k, n) in numbers.iter().enumerate() {
                // the time in this number's stretch: between its neighbours
                let lo = if k == 0 { 0 } else { numbers[k - 1].end };
                let hi = numbers.get(k + 1).map_or(words.len(), |next| next.start);
                let time = times
                    .iter()
                    .filter(|(a, b)| *a >= lo && *b <= hi && (*b <= n.start || *a >= n.end))
                    .min_by_key(|(a, _)| if *a >= n.end { a - n.end } else { n.start - a })
                    .map(|&(a, b)| words.span(a, b));
                let date = time.and_then(|t| date::normalise(doc.slice(t), doc.meta.date));
                // "down from roughly 900 in 2015": the same thing as the number before
                let mut description = reader.description_after(n.end, &times);
                if description.is_empty() {
                    if let Some(FactKind::Statistic(previous)) = facts.last().map(|f: &Fact| &f.kind) {
                        description = previous.description.clone();
                    }
                }
                let statistic = Statistic {
                    value: n.value,
                    span: words.span(n.start, n.end),
                    qualifier: reader.qualifier_before(n.start),
                    unit: n.unit.clone(),
                    description,
                    period: time,
                    date,
                };
                facts.push(Fact { evidence: statistic.span, kind: FactKind::Statistic(statistic), sentence: Some(s), source: self.name() });
            }
            all.extend(facts);
        }
        all
    }
}

/// The power of ten a scale word stands for (1000000 for "million": 6).
fn power_of_ten(scale: f64) -> Option<i32> {
    let power = scale.log10().round() as i32;
    (10f64.powi(power) == scale).then_some(power)
}

/// A scaled number without the zeros its decimal places leave ("2.50
/// million": 2500000, an integer).
fn trimmed(mut n: Number) -> Number {
    while n.exponent < 0 && n.mantissa % 10 == 0 {
        n = Number { mantissa: n.mantissa / 10, exponent: n.exponent + 1 };
    }
    n
}

struct Found {
    value: Number,
    unit: Option<String>,
    /// Token range of the number with its symbol, scale and unit words.
    start: usize,
    end: usize,
}

struct Reader<'a> {
    doc: &'a Document,
    lex: &'a StatisticWords,
    words: &'a Words,
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

impl Reader<'_> {
    fn raw(&self, i: usize) -> &str {
        self.words.raw(self.doc, i)
    }

    fn touching(&self, a: usize, b: usize) -> bool {
        b < self.words.len() && self.words.spans[a].end == self.words.spans[b].start
    }

    fn is_month(&self, i: usize) -> bool {
        crate::text::month_number(self.raw(i)).is_some() && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The digits of token `i` as a number and the power of ten of its
    /// scale suffix ("35bn": 35 and 9).
    fn digits(&self, i: usize) -> Option<(Number, i32)> {
        let t = self.raw(i);
        if !t.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let numeric_end = t.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(t.len());
        let (num, suffix) = t.split_at(numeric_end);
        let num = num.trim_end_matches(['.', ',']);
        let scale = match suffix.to_lowercase().as_str() {
            "" => 0,
            s => power_of_ten(*self.lex.scales.get(s)?)?,
        };
        // "1,234" groups of three only; otherwise the comma is punctuation
        if num.contains(',') && !num.split(',').skip(1).all(|g| g.len() == 3 || g.starts_with(|c: char| c.is_ascii_digit()) && g.contains('.') && g.find('.') == Some(3)) {
            return None;
        }
        let clean: String = num.chars().filter(|c| *c != ',').collect();
        Some((Number::parse(&clean)?, scale))
    }

    fn number_at(&self, i: usize) -> Option<Found> {
        let w = |k: usize| self.words.word(k);
        let (mut value, mut scale, mut end) = match self.digits(i) {
            Some((v, s)) => (v, s, i + 1),
            None => {
                // spelled out, only with a scale: "two million"
                let n = *self.lex.number_words.get(w(i))?;
                let scale = power_of_ten(*self.lex.scales.get(w(i + 1))?)?;
                if w(i + 1).len() < 4 {
                    return None; // "a m"
                }
                (Number { mantissa: i128::from(n), exponent: 0 }, scale, i + 2)
            }
        };
        // not a time, a date, a fraction of a year, a hyphenated code
        if i > 0 && matches!(self.raw(i - 1), ":" | "/" | "-" | "\u{2013}" | ".") && self.touching(i - 1, i) {
            return None;
        }
        if matches!(self.raw(i + 1), ":" | "/") && self.touching(i, i + 1) {
            return None;
        }
        if self.lex.clock_words.contains(w(i + 1)) || (i > 0 && self.is_month(i - 1)) || self.is_month(i + 1) {
            return None;
        }
        if i > 0 && self.lex.identifier_words.contains(w(i - 1)) {
            return None;
        }
        // a capitalised word right before: "Channel 4", "Resolution 1441"
        if i > 1 && self.raw(i - 1).chars().next().is_some_and(char::is_uppercase) && !matches!(w(i - 1), "more" | "over" | "about" | "around" | "some" | "nearly" | "almost" | "roughly" | "just" | "only") {
            return None;
        }
        // an age or a span of time used as an adjective: "45-year-old", "24-hour"
        if matches!(self.raw(i + 1), "-" | "\u{2010}") && self.touching(i, i + 1) && self.lex.durations.contains(w(i + 2)) {
            return None;
        }
        // an age in brackets after a name: "Ann Holt (45)"
        if i > 0 && self.raw(i - 1) == "(" && self.raw(i + 1) == ")" && i >= 2 && self.raw(i - 2).chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        if let Some(s) = self.lex.scales.get(w(end)).filter(|_| w(end).len() >= 4).and_then(|&s| power_of_ten(s)) {
            scale += s;
            end += 1;
        }
        // "2.5 million" is the integer 2500000; "2.0" stays a decimal
        value = value.scaled(scale);
        if scale > 0 {
            value = trimmed(value);
        }
        let qualified = self.qualifier_before(i).is_some();
        let mut unit = None;
        if i > 0 {
            if let Some(code) = self.lex.currencies.get(self.raw(i - 1)) {
                unit = Some(code.clone());
            }
        }
        let start = if unit.is_some() { i - 1 } else { i };
        if matches!(self.raw(end), "%") || w(end) == "percent" {
            unit = Some("percent".into());
            end += 1;
        } else if w(end) == "per" && w(end + 1) == "cent" {
            unit = Some("percent".into());
            end += 2;
        } else if let Some(code) = self.lex.currencies.get(w(end)) {
            unit = Some(code.clone());
            end += 1;
        }
        // a year: four digits, not qualified, not followed by a unit or a plural noun
        let year_like = value.exponent == 0 && scale == 0 && (1000..=2100).contains(&value.mantissa) && self.raw(i).len() == 4;
        if year_like && !qualified && unit.is_none() && !self.counts_something(end) {
            return None;
        }
        Some(Found { value, unit, start, end })
    }

    /// Whether a lower-case plural noun follows: "1500 stores".
    fn counts_something(&self, i: usize) -> bool {
        let r = self.raw(i);
        r.len() > 2 && r.ends_with('s') && r.chars().all(|c| c.is_lowercase())
    }

    fn qualifier_before(&self, start: usize) -> Option<String> {
        let mut i = start;
        if i > 0 && self.lex.currencies.contains_key(self.raw(i - 1)) {
            i -= 1;
        }
        self.words.phrase_ending(i, &self.lex.qualifiers).map(String::from)
    }

    /// The words after the number, up to the end of the phrase or a time expression.
    fn description_after(&self, end: usize, times: &[(usize, usize)]) -> String {
        let stop = (end..self.words.len().min(end + 8))
            .find(|&i| matches!(self.raw(i), "," | "." | ";" | ":" | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}" | "\u{2014}") || times.iter().any(|&(a, _)| a == i))
            .unwrap_or(self.words.len().min(end + 8));
        if stop <= end {
            return String::new();
        }
        self.doc.slice(self.words.span(end, stop)).to_string()
    }

    /// Time expressions as token ranges: "last year", "in 2016", "on Friday", "yesterday".
    fn time_expressions(&self) -> Vec<(usize, usize)> {
        let w = |k: usize| self.words.word(k);
        let mut out = Vec::new();
        for i in 0..self.words.len() {
            let relative = matches!(w(i), "last" | "this" | "next" | "previous") && matches!(w(i + 1), "year" | "month" | "week");
            let year = matches!(w(i), "in" | "since" | "during") && self.raw(i + 1).len() == 4 && self.raw(i + 1).chars().all(|c| c.is_ascii_digit());
            if relative || year {
                out.push((i, i + 2));
            } else if matches!(w(i), "yesterday" | "today" | "currently") {
                out.push((i, i + 1));
            } else if WEEKDAYS.contains(&w(i)) {
                let start = if i > 0 && matches!(w(i - 1), "on" | "late" | "early") { i - 1 } else { i };
                out.push((start, i + 1));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Metadata;
    use crate::extract::testing::ONTOLOGY;

    /// (value, qualifier, unit, date) of each statistic.
    type Seen = (String, Option<String>, Option<String>, Option<String>);

    fn stats(text: &str) -> Vec<Seen> {
        let meta = Metadata { date: "2024-06-14".parse().ok(), ..Metadata::default() };
        let doc = Document::new(text, meta);
        Statistics
            .extract(&doc, &ONTOLOGY)
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::Statistic(s) => Some((
                    s.value.to_string(),
                    s.qualifier.clone(),
                    s.unit.clone(),
                    s.date.map(|d| d.to_string()),
                )),
                _ => None,
            })
            .collect()
    }

    fn v(value: &str, q: Option<&str>, unit: Option<&str>, date: Option<&str>) -> Seen {
        (value.into(), q.map(Into::into), unit.map(Into::into), date.map(Into::into))
    }

    #[test]
    fn statistics_table() {
        let cases = [
            (
                "Last year more than 12,500 cyclists rode the route, against about 800 in 2019.",
                vec![v("12500", Some("more than"), None, Some("2023")), v("800", Some("about"), None, Some("2019"))],
            ),
            ("The plan costs £35bn and 2.5 million barrels a day.", vec![v("35000000000", None, Some("GBP"), None), v("2500000", None, None, None)]),
            ("Turnout rose 4.5% to 61.2 per cent.", vec![v("4.5", None, Some("percent"), None), v("61.2", None, Some("percent"), None)]),
            ("Two million people voted on Tuesday.", vec![v("2000000", None, None, Some("2024-06-11"))]),
            ("In 2015 the 3rd team met at 6 p.m. on June 4 at 10:30 and ran 2:03:11.", vec![]),
            ("Resolution 2242 names the G20 and the 1990s boom of XR7 in 2021/22.", vec![]),
            // a duration is a quantity, whatever the preposition before it
            ("Talks lasted for 12 days; rebels must leave within 30 days.", vec![v("12", None, None, None), v("30", None, None, None)]),
            ("It sold roughly 1500 shops and 1200 stores.", vec![v("1500", Some("roughly"), None, None), v("1200", None, None, None)]),
            ("A 45-year-old man, Ann Holt (61) and a 24-hour strike.", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(stats(text), want, "in {text:?}");
        }
    }
}
