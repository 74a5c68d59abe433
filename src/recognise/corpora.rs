//! Readers for the annotated training corpora in the `ner-train` folder
//! (see its README.md for sources and licences).
//!
//! Every reader returns [`TrainDoc`]s: the text with one sentence per line and
//! the named entities as byte spans into it. The texts themselves are never
//! copied into the project; only a model trained on them is.
//!
//! # Text
//!
//! Column files (CoNLL-2003, WNUT-17, BTC, Wikigold): a sentence's tokens are
//! joined with single spaces. Whitespace inside a token (BTC has a few, such as
//! `ke s`) is collapsed to one space, and tokens that are empty or only
//! whitespace are skipped. Documents are split at `-DOCSTART-` lines; a file
//! without any such line (WNUT-17, BTC: one tweet per sentence) gives one
//! document per sentence.
//!
//! GUM: the natural text is rebuilt from the CoNLL-U words, with a space after
//! each word except where `SpaceAfter=No` says otherwise. The words of a
//! multiword token (`3-4  don't`) are glued together and the range line's
//! `SpaceAfter` applies after the last of them; empty nodes (`3.1`) are
//! skipped. One document per file.
//!
//! # Tag mapping (for the model card)
//!
//! | corpus | corpus type | class |
//! |---|---|---|
//! | CoNLL-2003, Wikigold, BTC | `PER` / `ORG` / `LOC` / `MISC` | Per / Org / Loc / Misc |
//! | WNUT-17 | `person` | Per |
//! | WNUT-17 | `location` | Loc |
//! | WNUT-17 | `corporation`, `group` | Org |
//! | WNUT-17 | `creative-work`, `product` | Misc |
//! | GUM | `person` | Per (Misc when the head is a plural proper noun: "Canadians", "the Normans") |
//! | GUM | `place` | Loc |
//! | GUM | `organization` | Org |
//! | GUM | `event` | Event |
//! | GUM | `object`, `abstract` (named only: works, products, laws, languages) | Misc |
//! | GUM | `time`, `substance`, `animal`, `plant`, others | not an entity |
//!
//! Column tags may be IOBES (`S-`, `B-`, `I-`, `E-`, also `U-`/`L-`), IOB1,
//! IOB2 or IO, all read the same way: an entity begins at `B-`/`S-`/`U-`, when
//! the type changes, or after `O`, `E-`, `S-`, `L-` or `U-`. So in IO data
//! (Wikigold) a run of `I-` tags of one type is one entity. An empty tag
//! (a line `token<TAB>`) is read as `O`.
//!
//! # GUM mentions
//!
//! GUM marks every mention, named or not, in the MISC column:
//! `Entity=(4-organization-new-...-Harlow_Academy(5-place-...-Harlow)`
//! opens mention 4 and opens and closes mention 5 on one word; `4)` closes
//! mention 4 on a later word. The attribute order comes from the file's
//! `# global.Entity = GRP-etype-infstat-...` line (id first, type second).
//!
//! A mention is kept when it is named: its syntactic head (the rightmost
//! non-punctuation word whose HEAD lies outside the mention) is a PROPN, or
//! all its words are PROPN, punctuation or determiners with at least one
//! PROPN. GUM mentions are whole noun phrases, so each kept one is cut down to
//! the name, as CoNLL annotates it:
//! * a coordination ("Norway and Chile": a conjunct depends on the head) is
//!   dropped; its conjuncts are mentions of their own;
//! * the phrase is split at a comma, semicolon, opening bracket, spaced dash,
//!   relative pronoun, lower-case verb ("published in"), the prepositions
//!   "as", "at" and, except for works, "in" ("Harlow Academy in Kent"), and
//!   for persons at a conjunction ("the painter and poet Ada Lorn"); the
//!   piece holding the head is kept;
//! * leading "the"/"The", punctuation, particles, prepositions and
//!   conjunctions, leading lower-case words ("many Canadians"), and for
//!   persons leading titles (`nmod:desc`: "Mr.", "General") are dropped;
//! * a leading possessor that is its own mention is dropped ("Mira Holt's
//!   Silver Road" gives the work "Silver Road"; the person is kept as its
//!   own entity);
//! * trailing punctuation, possessive `'s`, determiners, prepositions,
//!   conjunctions and `X` words ("et al.") are dropped.
//!
//! Dropped altogether: mentions holding a link, e-mail address or IPA, Misc
//! candidates that look like citations (a year, "al.") and references to
//! parts of a text ("Figure 1", "Wave 4" of a survey).
//! Of nested or overlapping candidates the outermost is kept ("University of
//! Texas" over "Texas").
//!
//! Every corpus: an entity whose span would cross a `'\n'` is dropped, and the
//! entities of a document are sorted and disjoint.

use std::collections::HashSet;
use std::path::Path;

use super::NerClass;
use crate::document::Span;

/// One annotated document: its text, one sentence per line ('\n' between sentences), and its named entities.
pub struct TrainDoc {
    /// "conll2003", "gum", "wnut17", "btc", "wikigold".
    pub corpus: &'static str,
    pub text: String,
    /// Byte spans into `text`, sorted, disjoint, never crossing a '\n'.
    pub entities: Vec<(Span, NerClass)>,
}

/// Training splits only of every corpus found under `dir` (the ner-train folder):
/// CoNLL-2003 eng.train, all GUM files, WNUT-17 wnut17train.conll, all BTC sections, wikigold.
/// A corpus whose folder is missing is skipped; a malformed file is an Err naming file and line.
pub fn read_training(dir: &Path) -> Result<Vec<TrainDoc>, String> {
    let mut docs = Vec::new();
    if dir.join("conll2003").is_dir() {
        docs.extend(read_conll(&dir.join("conll2003/eng.train"), "conll2003")?);
    }
    if dir.join("gum").is_dir() {
        docs.extend(read_gum(&dir.join("gum"))?);
    }
    if dir.join("wnut17").is_dir() {
        docs.extend(read_conll(&dir.join("wnut17/wnut17train.conll"), "wnut17")?);
    }
    if dir.join("btc").is_dir() {
        for path in files_ending(&dir.join("btc"), ".conll")? {
            docs.extend(read_conll(&path, "btc")?);
        }
    }
    if dir.join("wikigold").is_dir() {
        docs.extend(read_conll(&dir.join("wikigold/wikigold.conll.txt"), "wikigold")?);
    }
    Ok(docs)
}

/// CoNLL-2003 eng.testa (the development split), for choosing settings.
pub fn read_conll_dev(dir: &Path) -> Result<Vec<TrainDoc>, String> {
    read_conll(&dir.join("conll2003/eng.testa"), "conll2003")
}

/// The files in `dir` whose names end in `suffix`, sorted by name so that
/// the document order (and so training) is reproducible.
fn files_ending(dir: &Path, suffix: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(suffix)) {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

fn read_text(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    // A byte-order mark would otherwise become part of the first token.
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// Adds one entity unless it would cross a sentence break; every reader goes
/// through here so the "never crossing a '\n'" promise holds in one place.
fn push_entity(text: &str, entities: &mut Vec<(Span, NerClass)>, span: Span, class: NerClass) {
    if !span.is_empty() && !text[span.start..span.end].contains('\n') {
        entities.push((span, class));
    }
}

/// Checks the promises [`TrainDoc`] makes; a failure is a bug in this module.
fn check_doc(doc: &TrainDoc) {
    for pair in doc.entities.windows(2) {
        assert!(pair[0].0.end <= pair[1].0.start, "{}: entities overlap or are unsorted", doc.corpus);
    }
    for (span, _) in &doc.entities {
        let surface = &doc.text[span.start..span.end];
        assert!(!surface.is_empty() && !surface.contains('\n'), "{}: bad entity span {span:?}", doc.corpus);
        assert_eq!(surface, surface.trim(), "{}: entity with outer whitespace", doc.corpus);
    }
}

// ---------------------------------------------------------------------------
// Column files: CoNLL-2003, WNUT-17, BTC, Wikigold
// ---------------------------------------------------------------------------

/// How a column tag places its token in an entity.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prefix {
    /// `B-`, `S-`, `U-`: always starts an entity.
    Begin,
    /// `I-`, `E-`, `L-`, or a bare type: continues an open entity of the same type.
    Inside,
}

/// One column tag: `None` is `O`; otherwise the prefix, the class, and whether
/// the entity ends with this token (`E-`, `S-`, `L-`, `U-`).
type Tag = Option<(Prefix, NerClass, bool)>;

/// One line of a column file.
enum ColumnLine {
    /// Blank (or only tabs and spaces): ends a sentence.
    Break,
    DocStart,
    Token(String, Tag),
    /// A token that is empty or whitespace only (BTC has a few): skipped.
    Nothing,
}

/// CoNLL-style columns: token first column, tag last column; IOBES/BIO/IO all accepted.
pub fn read_conll(path: &Path, corpus: &'static str) -> Result<Vec<TrainDoc>, String> {
    let content = read_text(path)?;
    let lines: Vec<&str> = content.lines().collect();
    // Files without document markers (tweets) make one document per sentence.
    let has_docstart = lines.iter().any(|l| l.split_whitespace().next() == Some("-DOCSTART-"));

    let mut docs = Vec::new();
    let mut doc: Vec<Vec<(String, Tag)>> = Vec::new();
    let mut sentence: Vec<(String, Tag)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let parsed = parse_column_line(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
        match parsed {
            ColumnLine::Token(token, tag) => sentence.push((token, tag)),
            ColumnLine::Nothing => {}
            ColumnLine::Break | ColumnLine::DocStart => {
                if !sentence.is_empty() {
                    doc.push(std::mem::take(&mut sentence));
                }
                let doc_ends = matches!(parsed, ColumnLine::DocStart) || !has_docstart;
                if doc_ends && !doc.is_empty() {
                    docs.push(column_doc(corpus, &std::mem::take(&mut doc)));
                }
            }
        }
    }
    if !sentence.is_empty() {
        doc.push(sentence);
    }
    if !doc.is_empty() {
        docs.push(column_doc(corpus, &doc));
    }
    Ok(docs)
}

fn parse_column_line(line: &str) -> Result<ColumnLine, String> {
    // Tab-separated files (WNUT-17, BTC) may have spaces inside a token, so
    // split on tabs when there are any, else on whitespace (CoNLL, Wikigold).
    let fields: Vec<&str> =
        if line.contains('\t') { line.split('\t').map(str::trim).collect() } else { line.split_whitespace().collect() };
    if fields.iter().all(|f| f.is_empty()) {
        return Ok(ColumnLine::Break);
    }
    if fields[0] == "-DOCSTART-" {
        return Ok(ColumnLine::DocStart);
    }
    if fields.len() < 2 {
        return Err(format!("expected a token and a tag, found {line:?}"));
    }
    let tag = parse_tag(fields[fields.len() - 1])?;
    let token = fields[0].split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(if token.is_empty() { ColumnLine::Nothing } else { ColumnLine::Token(token, tag) })
}

fn parse_tag(tag: &str) -> Result<Tag, String> {
    if tag.is_empty() || tag == "O" {
        return Ok(None);
    }
    let (prefix, ends, ty) = match tag.split_once('-') {
        Some(("B", ty)) => (Prefix::Begin, false, ty),
        Some(("S" | "U", ty)) => (Prefix::Begin, true, ty),
        Some(("I", ty)) => (Prefix::Inside, false, ty),
        Some(("E" | "L", ty)) => (Prefix::Inside, true, ty),
        // A bare type such as `PER` (or `creative-work` without a prefix).
        _ => (Prefix::Inside, false, tag),
    };
    let class = column_class(ty).ok_or_else(|| format!("unknown tag {tag:?}"))?;
    Ok(Some((prefix, class, ends)))
}

/// The entity types of all column corpora; see the table in the module doc.
fn column_class(ty: &str) -> Option<NerClass> {
    Some(match ty.to_ascii_lowercase().as_str() {
        "per" | "person" => NerClass::Per,
        "org" | "corporation" | "group" => NerClass::Org,
        "loc" | "location" => NerClass::Loc,
        "misc" | "creative-work" | "product" => NerClass::Misc,
        _ => return None,
    })
}

/// Joins tokens with spaces and sentences with '\n', decoding the tags into spans.
fn column_doc(corpus: &'static str, sentences: &[Vec<(String, Tag)>]) -> TrainDoc {
    let mut text = String::new();
    let mut entities = Vec::new();
    for sentence in sentences {
        if !text.is_empty() {
            text.push('\n');
        }
        // The entity being built: its span, class, and whether the next token may extend it.
        let mut open: Option<(Span, NerClass, bool)> = None;
        for (i, (token, tag)) in sentence.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let span = Span::new(text.len(), text.len() + token.len());
            text.push_str(token);
            let Some((prefix, class, ends)) = *tag else {
                if let Some((s, c, _)) = open.take() {
                    push_entity(&text, &mut entities, s, c);
                }
                continue;
            };
            match open {
                Some((s, c, true)) if c == class && prefix == Prefix::Inside => open = Some((s.cover(span), c, !ends)),
                _ => {
                    if let Some((s, c, _)) = open.take() {
                        push_entity(&text, &mut entities, s, c);
                    }
                    open = Some((span, class, !ends));
                }
            }
        }
        if let Some((s, c, _)) = open {
            push_entity(&text, &mut entities, s, c);
        }
    }
    let doc = TrainDoc { corpus, text, entities };
    check_doc(&doc);
    doc
}

// ---------------------------------------------------------------------------
// GUM (CoNLL-U with entity brackets)
// ---------------------------------------------------------------------------

/// All GUM `.conllu` files in `dir`, one document per file.
pub fn read_gum(dir: &Path) -> Result<Vec<TrainDoc>, String> {
    files_ending(dir, ".conllu")?.iter().map(|path| read_gum_file(path)).collect()
}

/// A word of a GUM document, with what the mention rules need.
struct GumWord {
    form: String,
    upos: String,
    xpos: String,
    feats: String,
    deprel: String,
    /// Document-level index of the syntactic head; `None` for the root.
    head: Option<usize>,
    /// Where the form sits in the rebuilt text.
    span: Span,
    space_after: bool,
    /// The `Entity=` value of the MISC column, if any.
    entity: Option<String>,
    /// 1-based line in the file, for error messages.
    line: usize,
}

/// A GUM mention: first and last word (document-level indices) and its type.
struct Mention {
    first: usize,
    last: usize,
    etype: String,
}

fn read_gum_file(path: &Path) -> Result<TrainDoc, String> {
    let content = read_text(path)?;
    let at = |line: usize, msg: String| format!("{}:{line}: {msg}", path.display());

    // Attribute positions inside a bracket, from the header when there is one.
    let mut id_field = 0;
    let mut type_field = 1;
    let mut text = String::new();
    let mut words: Vec<GumWord> = Vec::new();
    // The ids and HEAD values of the current sentence's words, resolved at its end.
    let mut sentence_ids: Vec<usize> = Vec::new();
    let mut sentence_heads: Vec<usize> = Vec::new();
    // The multiword token being read: last word id and SpaceAfter of the range line.
    let mut range: Option<(usize, bool)> = None;

    let lines: Vec<&str> = content.lines().collect();
    for (i, line) in lines.iter().enumerate().map(|(i, l)| (i + 1, l)) {
        if let Some(spec) = line.strip_prefix("# global.Entity =") {
            let fields: Vec<&str> = spec.trim().split('-').collect();
            id_field = fields.iter().position(|f| *f == "GRP" || *f == "eid").unwrap_or(0);
            type_field = fields.iter().position(|f| *f == "etype").unwrap_or(1);
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            finish_gum_sentence(&mut words, &mut sentence_ids, &mut sentence_heads).map_err(|e| at(i, e))?;
            range = None;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(at(i, format!("expected 10 columns, found {}", cols.len())));
        }
        let misc_has = |key: &str| cols[9].split('|').any(|m| m == key);
        if let Some((_, last)) = cols[0].split_once('-') {
            let last = last.parse().map_err(|_| at(i, format!("bad word range {:?}", cols[0])))?;
            range = Some((last, !misc_has("SpaceAfter=No")));
            continue;
        }
        if cols[0].contains('.') {
            continue; // empty node of the enhanced graph: no surface form
        }
        let id: usize = cols[0].parse().map_err(|_| at(i, format!("bad word id {:?}", cols[0])))?;
        let head: usize = cols[6].parse().map_err(|_| at(i, format!("bad head {:?}", cols[6])))?;
        // Words inside a multiword token are glued; after its last word the range line decides.
        let space_after = match range {
            Some((last, _)) if id < last => false,
            Some((last, space)) if id == last => {
                range = None;
                space
            }
            _ => !misc_has("SpaceAfter=No"),
        };
        // One sentence per line; within a sentence the previous word decides.
        if sentence_ids.is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
        } else if words.last().is_some_and(|w| w.space_after) {
            text.push(' ');
        }
        let span = Span::new(text.len(), text.len() + cols[1].len());
        text.push_str(cols[1]);
        let entity = cols[9].split('|').find_map(|m| m.strip_prefix("Entity=")).map(str::to_string);
        sentence_ids.push(id);
        sentence_heads.push(head);
        words.push(GumWord {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            deprel: cols[7].to_string(),
            head: None,
            span,
            space_after,
            entity,
            line: i,
        });
    }
    finish_gum_sentence(&mut words, &mut sentence_ids, &mut sentence_heads).map_err(|e| at(lines.len(), e))?;

    let mentions = gum_mentions(&words, id_field, type_field).map_err(|(line, e)| at(line, e))?;
    let entities = gum_entities(&text, &words, &mentions);
    let doc = TrainDoc { corpus: "gum", text, entities };
    check_doc(&doc);
    Ok(doc)
}

/// Resolves the sentence-local HEAD ids of the sentence just read into
/// document-level word indices.
fn finish_gum_sentence(words: &mut [GumWord], ids: &mut Vec<usize>, heads: &mut Vec<usize>) -> Result<(), String> {
    let first = words.len() - ids.len();
    for (k, &id) in ids.iter().enumerate() {
        if id != k + 1 {
            return Err(format!("word ids not 1, 2, 3, ...: found {id} at position {}", k + 1));
        }
    }
    for (k, &head) in heads.iter().enumerate() {
        if head > ids.len() {
            return Err(format!("head {head} outside the sentence"));
        }
        words[first + k].head = (head > 0).then(|| first + head - 1);
    }
    ids.clear();
    heads.clear();
    Ok(())
}

/// Parses the `Entity=` brackets of a document into mentions. Brackets may
/// nest and may close several at once (`4)1)`); a closing `id)` matches the
/// innermost open mention with that id. Errors carry the line number.
fn gum_mentions(words: &[GumWord], id_field: usize, type_field: usize) -> Result<Vec<Mention>, (usize, String)> {
    // Open mentions: id, type, first word.
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut mentions = Vec::new();
    for (w, word) in words.iter().enumerate() {
        let Some(mut rest) = word.entity.as_deref() else { continue };
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('(') {
                // `(id-type-...-identity` up to the next bracket; `)` right after closes it at once.
                let end = r.find(['(', ')']).unwrap_or(r.len());
                let attrs: Vec<&str> = r[..end].split('-').collect();
                let (Some(id), Some(etype)) = (attrs.get(id_field), attrs.get(type_field)) else {
                    return Err((word.line, format!("bad entity bracket {:?}", &r[..end])));
                };
                if r[end..].starts_with(')') {
                    mentions.push(Mention { first: w, last: w, etype: etype.to_string() });
                    rest = &r[end + 1..];
                } else {
                    open.push((id.to_string(), etype.to_string(), w));
                    rest = &r[end..];
                }
            } else {
                let end = rest.find(')').ok_or_else(|| (word.line, format!("bad entity value {rest:?}")))?;
                // A discontinuous part (`5[1/2])` in CorefUD) closes like the whole.
                let id = rest[..end].split('[').next().unwrap_or("");
                let pos = open
                    .iter()
                    .rposition(|(open_id, _, _)| open_id == id)
                    .ok_or_else(|| (word.line, format!("entity {id:?} closed but not open")))?;
                let (_, etype, first) = open.remove(pos);
                mentions.push(Mention { first, last: w, etype });
                rest = &rest[end + 1..];
            }
        }
    }
    if let Some((id, _, first)) = open.first() {
        return Err((words[*first].line, format!("entity {id:?} never closed")));
    }
    Ok(mentions)
}

/// Picks the named mentions of kept classes, trims each to its name, and
/// keeps the outermost of overlapping ones.
fn gum_entities(text: &str, words: &[GumWord], mentions: &[Mention]) -> Vec<(Span, NerClass)> {
    let mention_spans: HashSet<(usize, usize)> = mentions.iter().map(|m| (m.first, m.last)).collect();
    // (trimmed span, class, words in the untrimmed mention)
    let mut candidates: Vec<(Span, NerClass, usize)> = Vec::new();
    for m in mentions {
        if let Some((first, last, class)) = gum_entity(words, m, &mention_spans) {
            candidates.push((words[first].span.cover(words[last].span), class, m.last - m.first));
        }
    }
    // Outermost first: by start, longer first. When trimming left two
    // mentions on the same words, the tighter original mention is the more
    // direct annotation of the name and wins.
    candidates.sort_by_key(|(s, _, size)| (s.start, std::cmp::Reverse(s.end), *size));
    let mut entities: Vec<(Span, NerClass)> = Vec::new();
    for (span, class, _) in candidates {
        if text[span.start..span.end].contains('\n') {
            continue;
        }
        if entities.last().is_none_or(|(kept, _)| kept.end <= span.start) {
            push_entity(text, &mut entities, span, class);
        }
    }
    entities
}

/// Words that, followed by a number, make a mention a pointer into the text
/// itself ("Figure 1", "Wave 4" of a survey) rather than a name.
const REFERENCE_WORDS: [&str; 9] =
    ["Figure", "Fig.", "Table", "Appendix", "Section", "Chapter", "Example", "Wave", "Page"];

/// One mention as a training entity: first and last word and class, or
/// `None` when it is not a named mention of a kept class.
fn gum_entity(
    words: &[GumWord],
    m: &Mention,
    mention_spans: &HashSet<(usize, usize)>,
) -> Option<(usize, usize, NerClass)> {
    let span = &words[m.first..=m.last];
    let head = mention_head(words, m.first, m.last)?;
    let named = words[head].upos == "PROPN"
        || (span.iter().all(|w| matches!(w.upos.as_str(), "PROPN" | "PUNCT" | "DET"))
            && span.iter().any(|w| w.upos == "PROPN"));
    if !named {
        return None;
    }
    let class = match m.etype.as_str() {
        // "Canadians", "the Normans": CoNLL tags nationalities and groups MISC.
        "person" if words[head].xpos == "NNPS" => NerClass::Misc,
        "person" => NerClass::Per,
        "place" => NerClass::Loc,
        "organization" => NerClass::Org,
        "event" => NerClass::Event,
        "object" | "abstract" => NerClass::Misc,
        _ => return None,
    };
    // Links and phonetic transcriptions (bios give "(/ˈmɑːrə/)") are not
    // names; academic citations ("Smith (1999)", "Smith et al.") are
    // annotated as abstract mentions but are not names of works.
    if span.iter().any(|w| looks_like_url(&w.form) || looks_like_ipa(&w.form)) {
        return None;
    }
    if class == NerClass::Misc && span.iter().any(|w| is_year(&w.form) || w.form == "al.") {
        return None;
    }
    let (first, last) = trim_to_name(words, (m.first, m.last), head, class, mention_spans)?;
    let reference = REFERENCE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(&words[first].form));
    if reference && first < last && words[first + 1].form.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((first, last, class))
}

/// The mention's syntactic head: the rightmost non-punctuation word whose
/// HEAD lies outside the mention (rightmost, because in "Bell Harbour Bridge"
/// both words of the inner mention "Bell Harbour" attach to "Bridge").
fn mention_head(words: &[GumWord], first: usize, last: usize) -> Option<usize> {
    (first..=last).rfind(|&i| words[i].upos != "PUNCT" && words[i].head.is_none_or(|h| h < first || h > last))
}

/// Cuts a GUM noun phrase down to the name CoNLL would tag; see the module
/// doc for the rules. `None` if no proper noun is left.
fn trim_to_name(
    words: &[GumWord],
    (mut first, mut last): (usize, usize),
    head: usize,
    class: NerClass,
    mention_spans: &HashSet<(usize, usize)>,
) -> Option<(usize, usize)> {
    // A coordination ("Norway and Chile") is not one name; GUM marks each
    // conjunct as a mention of its own, and those are kept instead.
    if (first..=last).any(|j| words[j].head == Some(head) && words[j].deprel.starts_with("conj")) {
        return None;
    }
    // Modifier boundaries split the phrase; keep the stretch holding the head.
    for k in first + 1..=last {
        if starts_modifier(words, k, class) {
            match k.cmp(&head) {
                std::cmp::Ordering::Less => first = k + 1,
                std::cmp::Ordering::Equal => return None,
                std::cmp::Ordering::Greater => {
                    last = k - 1;
                    break;
                }
            }
        }
    }
    // Leading words that are not part of the name.
    while first <= last {
        let w = &words[first];
        let drop = matches!(w.upos.as_str(), "PUNCT" | "PART" | "ADP" | "CCONJ" | "SCONJ" | "AUX" | "PRON")
            || w.form == "the"
            || w.form == "The"
            || (w.upos != "PROPN" && starts_lower(&w.form))
            || (class == NerClass::Per && w.deprel == "nmod:desc");
        if drop {
            first += 1;
            continue;
        }
        // A possessor that is its own mention ("Mira Holt 's" + work).
        let possessive = (first..last).find(|&k| words[k].xpos == "POS");
        match possessive {
            Some(k)
                if mention_spans.contains(&(first, k)) || (k > first && mention_spans.contains(&(first, k - 1))) =>
            {
                first = k + 1
            }
            _ => break,
        }
    }
    // Trailing words that are not part of the name: punctuation, possessive,
    // "et al.", lower-case words ("Vell for short").
    while first <= last && is_trailing_extra(&words[last]) {
        if last == first {
            return None;
        }
        last -= 1;
    }
    (first <= last && words[first..=last].iter().any(|w| w.upos == "PROPN")).then_some((first, last))
}

/// Whether a word at the end of a trimmed mention is not part of the name.
fn is_trailing_extra(w: &GumWord) -> bool {
    matches!(w.upos.as_str(), "PUNCT" | "PART" | "X" | "DET" | "ADP" | "CCONJ" | "SCONJ")
        || (w.upos != "PROPN" && starts_lower(&w.form))
}

/// Whether word `k` is a boundary between a name and the rest of a GUM noun
/// phrase: ", who ...", "(1999)", "published in ...", "... in Kent",
/// "the painter and poet Ada Lorn".
fn starts_modifier(words: &[GumWord], k: usize, class: NerClass) -> bool {
    let w = &words[k];
    // Dashes and prepositions only when spaced, so "Oslo–Bergen"
    // and "Commander-in-Chief" stay whole.
    let spaced = words[k - 1].space_after;
    let preposition = match w.form.as_str() {
        "as" | "at" => true,
        // Titles of works keep it: "A Summer in the Hills".
        "in" => class != NerClass::Misc,
        _ => false,
    };
    matches!(w.form.as_str(), "," | ";" | "(" | "[")
        || (spaced && matches!(w.form.as_str(), "—" | "–" | "--"))
        || w.feats.split('|').any(|f| f == "PronType=Rel")
        || (matches!(w.upos.as_str(), "VERB" | "AUX") && starts_lower(&w.form))
        || (spaced && w.upos == "ADP" && preposition)
        // Names of people hold no "and": "Ames and Brook" are two.
        || (class == NerClass::Per && w.upos == "CCONJ")
}

/// IPA letters (U+0250..U+02AF) or stress and length marks, which names in
/// ordinary spelling do not use (unlike the okina of "Hawaiʻi", U+02BB).
fn looks_like_ipa(form: &str) -> bool {
    form.chars().any(|c| matches!(c, '\u{250}'..='\u{2af}' | 'ˈ' | 'ˌ' | 'ː' | 'ˑ'))
}

fn starts_lower(form: &str) -> bool {
    form.starts_with(char::is_lowercase)
}

fn is_year(form: &str) -> bool {
    form.len() == 4 && form.bytes().all(|b| b.is_ascii_digit()) && matches!(form.as_bytes()[0], b'1' | b'2')
}

/// A link or an e-mail address: `http://...`, `www.x.org`, `x.org/path`, `a@b.org`
/// (but not "U.S./Canada": a domain ends in a lower-case top-level part).
fn looks_like_url(form: &str) -> bool {
    let domain_like = |host: &str| {
        host.rsplit_once('.').is_some_and(|(_, tld)| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_lowercase()))
    };
    form.contains("://")
        || form.starts_with("www.")
        || form.split_once('/').is_some_and(|(host, _)| domain_like(host))
        || form.split_once('@').is_some_and(|(_, domain)| domain_like(domain))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, content: &str) -> std::path::PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, content).unwrap();
        path
    }

    /// The entities of a document as (surface, class) pairs.
    fn surfaces(doc: &TrainDoc) -> Vec<(&str, NerClass)> {
        doc.entities.iter().map(|(s, c)| (&doc.text[s.start..s.end], *c)).collect()
    }

    #[test]
    fn iobes_with_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "iobes.txt",
            "-DOCSTART- O\n\nMaria S-PER\nvon B-PER\nHolt E-PER\nvisited O\nNorthby S-LOC\n. O\n\n\
             Quill B-ORG\nand I-ORG\nFeather E-ORG\nagreed O\n\n-DOCSTART- O\n\nAlso O\nin O\nBrenwick S-LOC\n",
        );
        let docs = read_conll(&path, "conll2003").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "Maria von Holt visited Northby .\nQuill and Feather agreed");
        use NerClass::*;
        // S- then B- of the same type are two entities.
        assert_eq!(
            surfaces(&docs[0]),
            vec![("Maria", Per), ("von Holt", Per), ("Northby", Loc), ("Quill and Feather", Org)]
        );
        assert_eq!(surfaces(&docs[1]), vec![("Brenwick", Loc)]);
    }

    #[test]
    fn bio_tweets_with_odd_lines() {
        let dir = tempfile::tempdir().unwrap();
        // A whitespace-only token, a tab-only separator line, a token with a space
        // inside, an empty tag, and a type change without B-.
        let path = write(
            dir.path(),
            "tweets.conll",
            "Saw\tO\nLina\tB-person\nTorres\tI-person\n \tO\nat\tO\nMossgate\tB-location\nMall\tI-location\nlol\t\n\t\n\
             new\tO\nGlimmer\tB-product\nPhone\tI-corporation\nke s\tO\n\n\tO\n\nBye\tO\n",
        );
        let docs = read_conll(&path, "wnut17").unwrap();
        assert_eq!(docs.len(), 3, "one document per tweet; the empty tweet is skipped");
        assert_eq!(docs[0].text, "Saw Lina Torres at Mossgate Mall lol");
        use NerClass::*;
        assert_eq!(surfaces(&docs[0]), vec![("Lina Torres", Per), ("Mossgate Mall", Loc)]);
        assert_eq!(docs[1].text, "new Glimmer Phone ke s");
        assert_eq!(surfaces(&docs[1]), vec![("Glimmer", Misc), ("Phone", Org)]);
        assert!(docs[2].entities.is_empty());
    }

    #[test]
    fn io_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "io.txt",
            "-DOCSTART- O\n\nThe I-ORG\nBlue I-ORG\nKettles I-ORG\nplayed O\nin O\nOsterfeld I-LOC\nRiver I-LOC\nValley I-MISC\nFest I-MISC\n. O\n",
        );
        let docs = read_conll(&path, "wikigold").unwrap();
        use NerClass::*;
        assert_eq!(
            surfaces(&docs[0]),
            vec![("The Blue Kettles", Org), ("Osterfeld River", Loc), ("Valley Fest", Misc)]
        );
    }

    #[test]
    fn malformed_column_line_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "bad.txt", "Hello O\nworld\n");
        let err = read_conll(&path, "conll2003").err().unwrap();
        assert!(err.contains("bad.txt:2:"), "{err}");
        let path = write(dir.path(), "bad2.txt", "Hello B-ANIMAL\n");
        let err = read_conll(&path, "conll2003").err().unwrap();
        assert!(err.contains("bad2.txt:1:") && err.contains("ANIMAL"), "{err}");
    }

    /// A tiny GUM-style file: a named organisation with a nested place, a
    /// non-named place, a time, a multiword token, an empty node, SpaceAfter=No,
    /// and a person with a title and a possessive.
    const GUM_SAMPLE: &str = "\
# newdoc id = GUM_test_sample
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
# sent_id = GUM_test_sample-1
# text = She studied at the Halden Institute of Marlow in May.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t2:nsubj\tEntity=(1-person-new-nnnnn-cf1-1-coref)
2\tstudied\tstudy\tVERB\tVBD\t_\t0\troot\t0:root\t_
3\tat\tat\tADP\tIN\t_\t5\tcase\t5:case\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t5:det\tEntity=(2-organization-new-nnnnn-cf2-2-coref-Halden_Institute
5\tHalden\tHalden\tPROPN\tNNP\t_\t6\tcompound\t6:compound\t_
6\tInstitute\tInstitute\tPROPN\tNNP\t_\t2\tobl\t2:obl:at\t_
7\tof\tof\tADP\tIN\t_\t8\tcase\t8:case\t_
8\tMarlow\tMarlow\tPROPN\tNNP\t_\t6\tnmod\t6:nmod:of\tEntity=(3-place-new-nnnnn-cf3-1-sgl-Marlow)2)
9\tin\tin\tADP\tIN\t_\t10\tcase\t10:case\t_
10\tMay\tMay\tPROPN\tNNP\t_\t2\tobl\t2:obl:in\tEntity=(4-time-new-nnnnn-cf4-1-sgl)|SpaceAfter=No
11\t.\t.\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_

# sent_id = GUM_test_sample-2
# text = Dr. Tova Brinn's old harbour wasn't quiet.
1\tDr.\tDr.\tPROPN\tNNP\t_\t3\tnmod:desc\t3:nmod:desc\tEntity=(5-place-new-nnnnn-cf5-3-coref(6-person-new-nnnnn-cf6-1,2,3-sgl-Tova_Brinn
2\tTova\tTova\tPROPN\tNNP\t_\t6\tnmod:poss\t6:nmod:poss\t_
3-4\tBrinn's\t_\t_\t_\t_\t_\t_\t_\t_
3\tBrinn\tBrinn\tPROPN\tNNP\t_\t2\tflat\t2:flat\t_
4\t's\t's\tPART\tPOS\t_\t2\tcase\t2:case\tEntity=6)
5\told\told\tADJ\tJJ\t_\t6\tamod\t6:amod\t_
6\tharbour\tharbour\tNOUN\tNN\t_\t9\tnsubj\t9:nsubj\tEntity=5)
6.1\tbe\tbe\tAUX\t_\t_\t_\t_\t9:cop\tCopyOf=7
7-8\twasn't\t_\t_\t_\t_\t_\t_\t_\t_
7\twas\tbe\tAUX\tVBD\t_\t9\tcop\t9:cop\t_
8\tn't\tnot\tPART\tRB\t_\t9\tadvmod\t9:advmod\t_
9\tquiet\tquiet\tADJ\tJJ\t_\t0\troot\t0:root\tSpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t9\tpunct\t9:punct\t_
";

    #[test]
    fn gum_sample() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "GUM_test_sample.conllu", GUM_SAMPLE);
        write(dir.path(), "LICENSE.txt", "not a corpus file");
        let docs = read_gum(dir.path()).unwrap();
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(
            doc.text,
            "She studied at the Halden Institute of Marlow in May.\nDr. Tova Brinn's old harbour wasn't quiet."
        );
        use NerClass::*;
        // "the" dropped, outer organisation kept over the nested place; "She",
        // "May" (time) and "old harbour" (not named) dropped; title and 's trimmed.
        assert_eq!(surfaces(doc), vec![("Halden Institute of Marlow", Org), ("Tova Brinn", Per)]);
    }

    #[test]
    fn gum_possessor_and_modifiers() {
        let dir = tempfile::tempdir().unwrap();
        let sample = "\
# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity
1\tOrla\tOrla\tPROPN\tNNP\t_\t2\tnmod:poss\t_\tEntity=(1-abstract-new-x-cf1-1-coref(2-person-new-x-cf2-1-sgl
2\tVance\tVance\tPROPN\tNNP\t_\t5\tnmod:poss\t_\tSpaceAfter=No
3\t's\t's\tPART\tPOS\t_\t2\tcase\t_\tEntity=2)
4\tGrey\tGrey\tPROPN\tNNP\t_\t5\tcompound\t_\t_
5\tTides\tTides\tPROPN\tNNPS\t_\t0\troot\t_\tEntity=1)
6\tcame\tcome\tVERB\tVBD\t_\t5\tacl\t_\t_
7\tfrom\tfrom\tADP\tIN\t_\t8\tcase\t_\t_
8\tPellow\tPellow\tPROPN\tNNP\t_\t6\tobl\t_\tEntity=(3-place-new-x-cf3-1-sgl
9\tin\tin\tADP\tIN\t_\t10\tcase\t_\t_
10\tKerrin\tKerrin\tPROPN\tNNP\t_\t8\tnmod\t_\tEntity=(4-place-new-x-cf4-1-sgl)
11\t,\t,\tPUNCT\t,\t_\t12\tpunct\t_\t_
12\twhich\twhich\tPRON\tWDT\tPronType=Rel\t13\tnsubj\t_\t_
13\tthrives\tthrive\tVERB\tVBZ\t_\t8\tacl:relcl\t_\tEntity=3)

1\tBoth\tboth\tCCONJ\tCC\t_\t2\tcc:preconj\t_\tEntity=(5-person-new-x-cf1-1-coref(6-person-new-x-cf2-1-sgl
2\tInes\tInes\tPROPN\tNNP\t_\t7\tnsubj\t_\t_
3\tMarr\tMarr\tPROPN\tNNP\t_\t2\tflat\t_\tEntity=6)
4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_
5\tTomas\tTomas\tPROPN\tNNP\t_\t2\tconj\t_\tEntity=(7-person-new-x-cf3-1-sgl
6\tVell\tVell\tPROPN\tNNP\t_\t5\tflat\t_\tEntity=7)5)
7\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
8\tthe\tthe\tDET\tDT\t_\t12\tdet\t_\tEntity=(8-person-new-x-cf4-1-sgl
9\tsculptor\tsculptor\tNOUN\tNN\t_\t12\tcompound\t_\t_
10\tand\tand\tCCONJ\tCC\t_\t11\tcc\t_\t_
11\tpoet\tpoet\tNOUN\tNN\t_\t9\tconj\t_\t_
12\tKai\tKai\tPROPN\tNNP\t_\t7\tobj\t_\t_
13\tDunmore\tDunmore\tPROPN\tNNP\t_\t12\tflat\t_\tEntity=8)

1\tSee\tsee\tVERB\tVB\t_\t0\troot\t_\t_
2\tLund\tLund\tPROPN\tNNP\t_\t1\tobj\t_\tEntity=(9-abstract-new-x-cf1-1-coref(10-person-new-x-cf2-1-sgl)
3\t(\t(\tPUNCT\t-LRB-\t_\t4\tpunct\t_\tSpaceAfter=No
4\t2001\t2001\tNUM\tCD\t_\t2\tnmod\t_\tSpaceAfter=No
5\t)\t)\tPUNCT\t-RRB-\t_\t4\tpunct\t_\tEntity=9)
";
        write(dir.path(), "GUM_test_two.conllu", sample);
        let docs = read_gum(dir.path()).unwrap();
        use NerClass::*;
        assert_eq!(
            surfaces(&docs[0]),
            vec![
                // Possessor split off the work; the place cut before "in" and ", which".
                ("Orla Vance", Per),
                ("Grey Tides", Misc),
                ("Pellow", Loc),
                ("Kerrin", Loc),
                // The coordination gives way to its conjuncts; the descriptive
                // "sculptor and poet" is cut off; the citation is dropped, its person kept.
                ("Ines Marr", Per),
                ("Tomas Vell", Per),
                ("Kai Dunmore", Per),
                ("Lund", Per),
            ]
        );
        assert_eq!(docs[0].text.lines().nth(2), Some("See Lund (2001)"));
    }

    #[test]
    fn gum_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "GUM_bad.conllu", "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tEntity=7)\n");
        let err = read_gum(dir.path()).err().unwrap();
        assert!(err.contains("GUM_bad.conllu:1:"), "{err}");
        write(dir.path(), "GUM_bad.conllu", "1\tHi\thi\tINTJ\n");
        let err = read_gum(dir.path()).err().unwrap();
        assert!(err.contains("GUM_bad.conllu:1:") && err.contains("10 columns"), "{err}");
    }

    #[test]
    fn missing_corpora_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "wikigold/wikigold.conll.txt", "-DOCSTART- O\n\nKetter I-PER\nsang O\n");
        let docs = read_training(dir.path()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].corpus, "wikigold");
    }

    /// Reads the real corpora when present and prints counts for the model card.
    #[test]
    fn real_data_counts() {
        let dir = Path::new("/work/shared/data/ner-train");
        if !dir.is_dir() {
            return;
        }
        let mut docs = read_training(dir).unwrap();
        let dev = read_conll_dev(dir).unwrap();
        for d in &dev {
            check_doc(d);
        }
        // Print the development split under its own name.
        let dev_start = docs.len();
        docs.extend(dev);
        println!(
            "{:<14} {:>6} {:>7} {:>8} {:>7} {:>7} {:>7} {:>7} {:>7}",
            "corpus", "docs", "sents", "tokens", "PER", "ORG", "LOC", "EVENT", "MISC"
        );
        let names = ["conll2003", "gum", "wnut17", "btc", "wikigold", "conll-dev"];
        for name in names {
            let chosen: Vec<&TrainDoc> = docs
                .iter()
                .enumerate()
                .filter(|(i, d)| if name == "conll-dev" { *i >= dev_start } else { *i < dev_start && d.corpus == name })
                .map(|(_, d)| d)
                .collect();
            let sentences: usize = chosen.iter().map(|d| d.text.lines().count()).sum();
            let tokens: usize = chosen.iter().map(|d| d.text.split_whitespace().count()).sum();
            let per_class = NerClass::ALL
                .map(|c| chosen.iter().map(|d| d.entities.iter().filter(|(_, k)| *k == c).count()).sum::<usize>());
            println!(
                "{name:<14} {:>6} {sentences:>7} {tokens:>8} {:>7} {:>7} {:>7} {:>7} {:>7}",
                chosen.len(),
                per_class[0],
                per_class[1],
                per_class[2],
                per_class[3],
                per_class[4]
            );
        }
        // The rebuilt GUM text must equal each sentence's `# text =` line.
        let mut gum_docs = docs.iter().filter(|d| d.corpus == "gum");
        let mut mismatches = 0;
        let mut gum_words = 0;
        for path in files_ending(&dir.join("gum"), ".conllu").unwrap() {
            let content = std::fs::read_to_string(&path).unwrap();
            let expected: Vec<&str> = content.lines().filter_map(|l| l.strip_prefix("# text = ")).collect();
            gum_words +=
                content.lines().filter(|l| l.split('\t').next().is_some_and(|id| id.parse::<usize>().is_ok())).count();
            let doc = gum_docs.next().unwrap();
            let got: Vec<&str> = doc.text.lines().collect();
            assert_eq!(got.len(), expected.len(), "{}", path.display());
            for (g, e) in got.iter().zip(&expected) {
                if g != e {
                    mismatches += 1;
                    println!("text differs in {}:\n  rebuilt {g:?}\n  # text  {e:?}", path.display());
                }
            }
        }
        println!("(tokens: whitespace-separated in the text; GUM has {gum_words} CoNLL-U words)");
        println!("GUM sentences whose rebuilt text differs from `# text`: {mismatches}");
    }
}
