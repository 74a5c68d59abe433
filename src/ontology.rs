//! Language data loaded from `ontology/`: entity types, gazetteers, word lists.
//!
//! Every list lives as a plain file in `ontology/` and is compiled into the
//! binary, so newsgraph runs offline from any directory. Loading is the only
//! step of the pipeline that can fail.

pub use crate::document::{EntityType, Kind};
use crate::error::Error;
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// One gazetteer row: a known entity and the ways it is written.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub class: EntityType,
    pub wikidata: Option<String>,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    /// Index of the entry this one lies in (a city's country).
    pub part_of: Option<usize>,
}

/// A gazetteer hit in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// Known entities, matched leftmost-longest on word boundaries.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
    by_demonym: HashMap<String, usize>,
    matcher: AhoCorasick,
    /// Pattern index to entry index.
    pattern_entry: Vec<usize>,
}

/// The gazetteer files, compiled in. Order matters only for ids, which are unique.
const GAZETTEER_FILES: &[(&str, &str)] = &[
    ("countries.tsv", include_str!("../ontology/gazetteer/countries.tsv")),
    ("places.tsv", include_str!("../ontology/gazetteer/places.tsv")),
    ("organisations.tsv", include_str!("../ontology/gazetteer/organisations.tsv")),
    ("people.tsv", include_str!("../ontology/gazetteer/people.tsv")),
    ("misc.tsv", include_str!("../ontology/gazetteer/misc.tsv")),
];

impl Gazetteer {
    pub fn builtin() -> Result<Gazetteer, Error> {
        Gazetteer::from_tsv(GAZETTEER_FILES)
    }

    /// Builds a gazetteer from `(file name, TSV text)` pairs.
    pub fn from_tsv(files: &[(&str, &str)]) -> Result<Gazetteer, Error> {
        let mut entries = Vec::new();
        let mut parents = Vec::new();
        for (file, text) in files {
            for (line_no, line) in data_lines(text) {
                let bad = |message: String| Error::Ontology { file: file.to_string(), line: line_no, message };
                let cols: Vec<&str> = line.split('\t').collect();
                if cols[0] == "id" {
                    continue; // header
                }
                if cols.len() != 7 {
                    return Err(bad(format!("expected 7 tab-separated columns, found {}", cols.len())));
                }
                let list = |s: &str| s.split('|').filter(|a| !a.is_empty()).map(String::from).collect::<Vec<_>>();
                entries.push(Entry {
                    id: cols[0].to_string(),
                    class: cols[1].parse().map_err(bad)?,
                    wikidata: (!cols[2].is_empty()).then(|| cols[2].to_string()),
                    name: cols[3].to_string(),
                    aliases: list(cols[4]),
                    demonyms: list(cols[5]),
                    part_of: None,
                });
                parents.push((file.to_string(), line_no, cols[6].to_string()));
            }
        }
        let mut by_id = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            if by_id.insert(e.id.clone(), i).is_some() {
                return Err(Error::Ontology { file: "gazetteer".into(), line: 0, message: format!("duplicate id {:?}", e.id) });
            }
        }
        for (i, (file, line, parent)) in parents.into_iter().enumerate() {
            if parent.is_empty() {
                continue;
            }
            let p = *by_id.get(&parent).ok_or_else(|| Error::Ontology { file, line, message: format!("unknown part_of id {parent:?}") })?;
            entries[i].part_of = Some(p);
        }
        let mut patterns = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut by_demonym = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            for form in std::iter::once(&e.name).chain(&e.aliases) {
                patterns.push(form.clone());
                pattern_entry.push(i);
            }
            for d in &e.demonyms {
                by_demonym.entry(d.clone()).or_insert(i);
            }
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| Error::Ontology { file: "gazetteer".into(), line: 0, message: e.to_string() })?;
        Ok(Gazetteer { entries, by_id, by_demonym, matcher, pattern_entry })
    }

    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The country (or place) a demonym names: "French" → France.
    pub fn demonym(&self, word: &str) -> Option<usize> {
        self.by_demonym.get(word).copied()
    }

    /// The country a demonym or its plural names: "French", "Ethiopians".
    pub fn demonym_or_plural(&self, word: &str) -> Option<usize> {
        self.demonym(word).or_else(|| self.demonym(word.strip_suffix('s')?))
    }

    /// The entry with this id ("democratic-party").
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Whether any entry is written exactly so.
    pub fn lookup(&self, form: &str) -> Option<usize> {
        self.matcher
            .find_overlapping_iter(form)
            .find(|m| m.start() == 0 && m.end() == form.len())
            .map(|m| self.pattern_entry[m.pattern().as_usize()])
    }

    /// All hits in `text`, leftmost-longest, each on word boundaries: "United
    /// Nations Security Council" beats "United Nations".
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut candidates: Vec<Hit> = self
            .matcher
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| Hit { start: m.start(), end: m.end(), entry: self.pattern_entry[m.pattern().as_usize()] })
            .collect();
        candidates.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.entry));
        let mut hits: Vec<Hit> = Vec::new();
        for h in candidates {
            if hits.last().is_none_or(|last| h.start >= last.end) {
                hits.push(h);
            }
        }
        hits
    }
}

/// Whether `text[start..end]` neither begins nor ends inside a word.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let inner_first = text[start..].chars().next();
    let inner_last = text[..end].chars().next_back();
    let joins = |outside: Option<char>, inside: Option<char>| {
        matches!((outside, inside), (Some(o), Some(i)) if o.is_alphanumeric() && i.is_alphanumeric())
    };
    !joins(before, inner_first) && !joins(after, inner_last)
}

/// Non-comment, non-blank lines with their 1-based numbers.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// A list of words or phrases from the lexicon: kept in its order (rules
/// that try each in turn), with a hash set for membership, since rules ask
/// "is this token one of them?" for nearly every token.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(from = "Vec<String>")]
pub struct WordList {
    items: Vec<String>,
    set: HashSet<String>,
    /// The first and the last words of the items (phrases are space-separated).
    firsts: HashSet<String>,
    lasts: HashSet<String>,
}

impl From<Vec<String>> for WordList {
    fn from(items: Vec<String>) -> WordList {
        let word = |item: &String, last: bool| {
            let mut words = item.split(' ');
            (if last { words.next_back() } else { words.next() }).unwrap_or_default().to_string()
        };
        WordList {
            set: items.iter().cloned().collect(),
            firsts: items.iter().map(|i| word(i, false)).collect(),
            lasts: items.iter().map(|i| word(i, true)).collect(),
            items,
        }
    }
}

impl WordList {
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }

    /// Whether some item starts with `word`.
    pub fn starts_with_word(&self, word: &str) -> bool {
        self.firsts.contains(word)
    }

    /// Whether some item ends with `word`.
    pub fn ends_with_word(&self, word: &str) -> bool {
        self.lasts.contains(word)
    }
}

impl<'a> IntoIterator for &'a WordList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl std::ops::Deref for WordList {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.items
    }
}

/// Trigger words and function words (`ontology/lexicon.toml`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub clause: ClauseWords,
    pub names: NameWords,
    pub byline: BylineWords,
    pub sport: SportWords,
    pub affiliation: AffiliationWords,
    pub negation: NegationWords,
    pub membership: MembershipWords,
    pub quotes: QuoteWords,
    pub statistics: StatisticWords,
    pub travel: TravelWords,
    pub events: EventWords,
    pub places: PlaceWords,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TravelWords {
    pub triggers: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventWords {
    pub meeting_verbs: WordList,
    pub nouns: WordList,
    pub join_verbs: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceWords {
    /// The last word of a name that makes it a place of a class ("Creek").
    pub heads: HashMap<String, EntityType>,
    /// Kinds of place: "a village in Y".
    pub nouns: WordList,
    /// "located in", "situated in".
    pub located: WordList,
    /// "northern", "central": a part of the place after them.
    pub parts: WordList,
    pub comprising: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatisticWords {
    pub qualifiers: WordList,
    pub scales: HashMap<String, f64>,
    pub number_words: HashMap<String, u32>,
    pub currencies: HashMap<String, String>,
    pub clock_words: WordList,
    pub identifier_words: WordList,
    pub durations: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteWords {
    /// Headings in capitals before a colon that name no speaker ("UPDATE").
    pub not_speakers: WordList,
    /// Words after a person that speak ("X said").
    pub speech_verbs: WordList,
    pub speaker_nouns: WordList,
    pub inverted_verbs: WordList,
    pub pronouns: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseWords {
    pub openers: WordList,
    pub copulas: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BylineWords {
    /// What a credit's names did that makes them authors ("reporting").
    pub authoring: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AffiliationWords {
    /// "X, who heads Y".
    pub lead_verbs: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SportWords {
    /// The names of sports: strong words of sports news.
    pub sports: WordList,
    /// Other words of sports news.
    pub cues: WordList,
    /// Words after which a place name is the place, not its team.
    pub locatives: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameWords {
    /// Legal forms that end a company's name ("Inc", "plc").
    pub legal_forms: WordList,
    /// Nouns that end only an organisation's name ("University", "Society").
    pub organisation_heads: WordList,
    /// Capitalised words before a number that name no maker ("Route 101").
    pub not_makers: WordList,
    /// "Sen.", "Lt. Gen.": abbreviated titles before a name.
    pub title_abbreviations: WordList,
    /// "Orsk coach Ana Ruiz": the place's name is a team's.
    pub team_leaders: WordList,
    /// "Veltro founder Ana Ruiz": the name is a company's.
    pub company_leaders: WordList,
    /// Party letters after a politician's name, "(D-Calif.)", by the
    /// gazetteer id of the party.
    pub party_letters: HashMap<String, String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NegationWords {
    pub cues: WordList,
    pub phrases: WordList,
    pub modality: WordList,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipWords {
    pub triggers: WordList,
    pub join_verbs: WordList,
    /// "Kestrel City striker X".
    pub team_roles: WordList,
    /// "politician", "member": a person's role in a party.
    pub party_roles: WordList,
}

impl Lexicon {
    pub fn from_toml(file: &str, text: &str) -> Result<Lexicon, Error> {
        toml::from_str(text).map_err(|e| Error::Ontology {
            file: file.to_string(),
            line: e.span().map_or(0, |s| text[..s.start].lines().count().max(1)),
            message: e.message().to_string(),
        })
    }
}

/// Everything the extractors know about the language and the world.
pub struct Ontology {
    pub gazetteer: Gazetteer,
    pub lexicon: Lexicon,
    /// Titles and offices, lower case, longest first.
    pub titles: Vec<String>,
    /// The titles by their first word, longest first.
    titles_by_first_word: HashMap<String, Vec<Vec<String>>>,
    pub given_names: HashSet<String>,
}

impl Ontology {
    /// The end of the longest title starting at token `i`; `word(k)` is
    /// token `k` in lower case, empty past the sentence's end.
    pub fn title_end<'w>(&self, word: impl Fn(usize) -> &'w str, i: usize) -> Option<usize> {
        self.titles_at(word, i).next()
    }

    /// The ends of every title starting at token `i`, longest first; `word(k)`
    /// is token `k` in lower case, empty past the sentence's end.
    pub fn titles_at<'a, 'w>(&'a self, word: impl Fn(usize) -> &'w str + 'a, i: usize) -> impl Iterator<Item = usize> + 'a {
        self.titles_by_first_word
            .get(word(i))
            .into_iter()
            .flatten()
            .filter(move |t| t.iter().enumerate().all(|(k, w)| word(i + k) == w))
            .map(move |t| i + t.len())
    }
}

/// One entry per data line.
fn word_list(text: &str) -> Vec<String> {
    data_lines(text).map(|(_, l)| l.trim().to_string()).collect()
}

impl Ontology {
    /// The ontology compiled into the binary from `ontology/`.
    pub fn builtin() -> Result<Ontology, Error> {
        let mut titles = word_list(include_str!("../ontology/titles.txt"));
        titles.sort_by_key(|t| std::cmp::Reverse(t.split(' ').count()));
        let mut titles_by_first_word: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for t in &titles {
            let words: Vec<String> = t.split(' ').map(String::from).collect();
            titles_by_first_word.entry(words[0].clone()).or_default().push(words);
        }
        Ok(Ontology {
            titles_by_first_word,
            gazetteer: Gazetteer::builtin()?,
            lexicon: Lexicon::from_toml("lexicon.toml", include_str!("../ontology/lexicon.toml"))?,
            titles,
            given_names: word_list(include_str!("../ontology/given_names.txt")).into_iter().chain(word_list(include_str!("../ontology/ner/given-names-census.txt"))).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Gazetteer {
        let tsv = "id\ttype\twikidata\tname\taliases\tdemonyms\tpart_of\n\
                   un\tOrganization\t\tUnited Nations\tUN\t\t\n\
                   unsc\tGovernmentOrganization\t\tUnited Nations Security Council\tSecurity Council\t\tun\n\
                   fr\tCountry\t\tFrance\t\tFrench\t\n";
        Gazetteer::from_tsv(&[("t.tsv", tsv)]).unwrap()
    }

    #[test]
    fn leftmost_longest_on_word_boundaries() {
        let g = small();
        let text = "The United Nations Security Council and the UN met in France; UNICEF and Frances did not.";
        let found: Vec<(&str, &str)> =
            g.find(text).iter().map(|h| (&text[h.start..h.end], g.entries[h.entry].id.as_str())).collect();
        assert_eq!(found, vec![("United Nations Security Council", "unsc"), ("UN", "un"), ("France", "fr")]);
    }

    #[test]
    fn demonyms_and_parents() {
        let g = small();
        assert_eq!(g.demonym("French"), g.get("fr"));
        assert_eq!(g.entries[g.get("unsc").unwrap()].part_of, g.get("un"));
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let err = Gazetteer::from_tsv(&[("x.tsv", "# c\nfr\tNation\t\tFrance\t\t\t\n")]).err().unwrap();
        assert_eq!(err.to_string(), "ontology file x.tsv line 2: unknown schema.org type \"Nation\"");
    }

    #[test]
    fn builtin_gazetteer_loads_and_knows_the_uk() {
        let g = Gazetteer::builtin().unwrap();
        let uk = g.lookup("Britain").unwrap();
        assert_eq!(g.entries[uk].wikidata.as_deref(), Some("Q145"));
        assert_eq!(g.demonym("British"), Some(uk));
    }
}
