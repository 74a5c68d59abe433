//! RDF export following the RDF contract: schema.org terms, NIF spans and
//! PROV provenance, `rdf:Statement` reification for binary facts, IRIs
//! minted from content.
//!
//! In N-Quads and TriG, what an article states lies in a named graph named
//! by the article; entity descriptions lie in the default graph.

use super::Format;
use crate::date::PartialDate;
use crate::document::{Number, Span};
use crate::graph::{Evidence, KnowledgeGraph, Node, Relation};
use crate::resolve::iri::fnv1a64;
use crate::vocab::{self, itsrdf, nif, ng, prov, rdf, schema, xsd};
use oxrdf::{GraphName, GraphNameRef, LiteralRef, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, QuadRef, Term, TermRef, TripleRef};
use oxrdfio::{RdfFormat, RdfSerializer};
use petgraph::graph::NodeIndex;
use std::io::Write;

fn iri(s: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(s)
}

fn typed<'a>(value: &'a str, datatype: &'a str) -> TermRef<'a> {
    LiteralRef::new_typed_literal(value, iri(datatype)).into()
}

fn string(value: &str) -> TermRef<'_> {
    LiteralRef::new_simple_literal(value).into()
}

fn graph_of(article_iri: &str) -> GraphNameRef<'_> {
    GraphNameRef::NamedNode(iri(article_iri))
}

/// Byte offsets to character offsets, for one text. NIF counts Unicode
/// code points; spans are bytes.
struct CharOffsets {
    /// (byte offset of a multi-byte char, extra bytes up to and including it)
    extra: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str) -> CharOffsets {
        let mut extra = Vec::new();
        let mut total = 0;
        for (i, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
            total += c.len_utf8() - 1;
            extra.push((i, total));
        }
        CharOffsets { extra }
    }

    fn char_of(&self, byte: usize) -> usize {
        let k = self.extra.partition_point(|&(b, _)| b < byte);
        byte - if k == 0 { 0 } else { self.extra[k - 1].1 }
    }
}

/// Mints every IRI of one export.
struct Minter<'g> {
    base: String,
    graph: &'g KnowledgeGraph,
    offsets: Vec<Option<CharOffsets>>,
}

impl<'g> Minter<'g> {
    fn article(&self, node: NodeIndex) -> String {
        format!("{}article/{}", self.base, self.graph.article(node).id)
    }

    fn chars(&self, article: NodeIndex, span: Span) -> (usize, usize) {
        match &self.offsets[article.index()] {
            Some(o) => (o.char_of(span.start), o.char_of(span.end)),
            None => (span.start, span.end),
        }
    }

    /// The IRI of a span of an article, written into `out` (reused, so a
    /// mention costs no allocation).
    fn span_into(&self, out: &mut String, article_iri: &str, article: NodeIndex, span: Span) {
        use std::fmt::Write;
        let (b, e) = self.chars(article, span);
        out.clear();
        let _ = write!(out, "{article_iri}#char={b},{e}");
    }

    /// A node made from an article's span, named by its kind and contents.
    fn fact(&self, kind: &str, evidence: &Evidence, salt: &str) -> String {
        let (b, e) = self.chars(evidence.article, evidence.span);
        let tag = if salt.is_empty() { String::new() } else { format!("-{:08x}", fnv1a64(salt.as_bytes()) as u32) };
        format!("{}/{kind}/{b}-{e}{tag}", self.article(evidence.article))
    }

    fn node(&self, node: NodeIndex) -> String {
        let key_of = |n: NodeIndex| match &self.graph.graph[n] {
            Node::Entity(e) => e.key.clone(),
            _ => n.index().to_string(),
        };
        let targets = || self.graph.edges_from(node).iter().map(|(t, _)| key_of(*t)).collect::<Vec<_>>().join(" ");
        match &self.graph.graph[node] {
            Node::Article(_) => self.article(node),
            Node::Entity(e) => format!("{}entity/{}", self.base, e.key),
            Node::Sentence(s) => {
                let mut iri = String::new();
                self.span_into(&mut iri, &self.article(s.article), s.article, s.span);
                iri
            }
            Node::Event(e) => self.fact("event", &e.evidence, &e.name),
            Node::Quotation(q) => self.fact("quotation", &q.evidence, ""),
            Node::Statistic(s) => self.fact("statistic", &Evidence { span: s.statistic.span, ..s.evidence }, ""),
            Node::Travel(t) => self.fact("travel", &t.evidence, &targets()),
        }
    }
}

/// Where minted quads go. Quads are lent, not given: a sink that writes
/// them out copies nothing.
trait Sink {
    fn add(&mut self, quad: QuadRef<'_>);
}

/// A 128-bit fingerprint (XXH3) of a quad or triple: duplicates are found
/// without a second copy of each.
fn fingerprint(value: impl std::hash::Hash) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    value.hash(&mut h);
    h.digest128()
}

/// Keeps each quad once, in the order first added, for the formats that
/// need the whole graph.
#[derive(Default)]
struct Collect {
    list: Vec<Quad>,
    seen: rustc_hash::FxHashSet<u128>,
}

impl Sink for Collect {
    fn add(&mut self, quad: QuadRef<'_>) {
        if self.seen.insert(fingerprint(quad)) {
            self.list.push(quad.into_owned());
        }
    }
}

/// Writes N-Triples or N-Quads lines straight into a buffer, each line
/// once: a 128-bit fingerprint (XXH3) of the line finds duplicates without
/// a second copy. In N-Triples the graph is dropped, so a triple stated in
/// two articles is written once. The lines are those oxttl writes (tested).
struct Lines<'w> {
    out: Vec<u8>,
    seen: rustc_hash::FxHashSet<u128>,
    with_graphs: bool,
    written: usize,
    /// Where full buffers go as they fill, when the lines are not kept
    /// (a large document's are written as they are minted), and the first
    /// error writing there.
    spill: Option<(&'w mut dyn std::io::Write, Option<std::io::Error>)>,
    spill_bytes: usize,
}

/// How many bytes of lines are buffered before they are written out.
const SPILL_BYTES: usize = 1 << 20;

impl Lines<'_> {
    fn term(&mut self, term: TermRef<'_>) {
        match term {
            TermRef::NamedNode(n) => self.iri(n.as_str()),
            TermRef::BlankNode(b) => {
                self.out.extend_from_slice(b"_:");
                self.out.extend_from_slice(b.as_str().as_bytes());
            }
            TermRef::Literal(l) => {
                quoted(&mut self.out, l.value());
                if let Some(language) = l.language() {
                    self.out.push(b'@');
                    self.out.extend_from_slice(language.as_bytes());
                } else if l.datatype() != oxrdf::vocab::xsd::STRING {
                    self.out.extend_from_slice(b"^^");
                    self.iri(l.datatype().as_str());
                }
            }
            #[allow(unreachable_patterns)]
            other => {
                use std::io::Write;
                let _ = write!(self.out, "{other}");
            }
        }
    }

    fn iri(&mut self, iri: &str) {
        self.out.push(b'<');
        self.out.extend_from_slice(iri.as_bytes());
        self.out.push(b'>');
    }
}

impl Sink for Lines<'_> {
    fn add(&mut self, quad: QuadRef<'_>) {
        if self.out.len() >= self.spill_bytes {
            if let Some((writer, error)) = &mut self.spill {
                if error.is_none() {
                    *error = writer.write_all(&self.out).err();
                }
                self.out.clear();
            }
        }
        let start = self.out.len();
        self.term(quad.subject.into());
        self.out.push(b' ');
        self.iri(quad.predicate.as_str());
        self.out.push(b' ');
        self.term(quad.object);
        if self.with_graphs {
            if let GraphNameRef::NamedNode(g) = quad.graph_name {
                self.out.push(b' ');
                self.iri(g.as_str());
            }
        }
        self.out.extend_from_slice(b" .\n");
        if self.seen.insert(xxhash_rust::xxh3::xxh3_128(&self.out[start..])) {
            self.written += 1;
        } else {
            self.out.truncate(start);
        }
    }
}

/// A string literal as N-Triples writes it: the escapes of oxrdf's
/// `print_quoted_str`, with runs of plain bytes copied at once.
fn quoted(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    let bytes = value.as_bytes();
    let mut plain = 0;
    for (i, &b) in bytes.iter().enumerate() {
        // only ASCII controls, '"', '\\' and U+FFFE/U+FFFF (EF BF BE/BF) need escapes
        if !(b < 0x20 || b == b'"' || b == b'\\' || b == 0x7F || b == 0xEF) {
            continue;
        }
        let escape: &[u8] = match b {
            0x08 => b"\\b",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            0x0C => b"\\f",
            b'\r' => b"\\r",
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0xEF if bytes[i..].starts_with(&[0xEF, 0xBF, 0xBE]) => b"\\uFFFE",
            0xEF if bytes[i..].starts_with(&[0xEF, 0xBF, 0xBF]) => b"\\uFFFF",
            0xEF => continue,
            _ => b"",
        };
        out.extend_from_slice(&bytes[plain..i]);
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{:04X}", b).as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        plain = i + if b == 0xEF { 3 } else { 1 };
    }
    out.extend_from_slice(&bytes[plain..]);
    out.push(b'"');
}

fn predicate(relation: Relation) -> &'static str {
    match relation {
        Relation::Mentions => schema::MENTIONS,
        Relation::Author => schema::AUTHOR,
        Relation::MemberOf => schema::MEMBER_OF,
        Relation::Affiliation => schema::AFFILIATION,
        Relation::ContainedIn => schema::CONTAINED_IN_PLACE,
        Relation::Attendee => schema::ATTENDEE,
        Relation::Location => schema::LOCATION,
        Relation::Agent => schema::AGENT,
        Relation::Destination => schema::TO_LOCATION,
        Relation::Creator => schema::CREATOR,
        Relation::About => schema::ABOUT,
    }
}

/// The XSD type a date fits most precisely: 2022, 2022-03, 2022-03-10.
fn date_type(date: PartialDate) -> &'static str {
    match date {
        PartialDate::Year(_) => xsd::G_YEAR,
        PartialDate::Month(..) => xsd::G_YEAR_MONTH,
        PartialDate::Day(_) => xsd::DATE,
    }
}

/// A number's lexical form and XSD type.
fn number_lexical(n: Number) -> (String, &'static str) {
    (n.to_string(), if n.is_integer() { xsd::INTEGER } else { xsd::DECIMAL })
}

/// A graph name's bytes as N-Quads writes it ("<iri>", "_:id", "DEFAULT"),
/// without allocating: TriG orders its graphs by them.
fn written(graph: &GraphName) -> impl Iterator<Item = u8> + '_ {
    let (open, name, close): (&[u8], &str, &[u8]) = match graph {
        GraphName::NamedNode(n) => (b"<", n.as_str(), b">"),
        GraphName::BlankNode(b) => (b"_:", b.as_str(), b""),
        GraphName::DefaultGraph => (b"", "DEFAULT", b""),
    };
    open.iter().chain(name.as_bytes()).chain(close).copied()
}

/// The graph as quads, each once, in a deterministic order.
pub fn quads(graph: &KnowledgeGraph, base: &str) -> Vec<Quad> {
    let mut sink = Collect::default();
    emit(graph, base, &mut sink);
    sink.list
}

/// Mints the graph's quads into `q`, in a deterministic order: articles,
/// then entities, then facts, then the sentences they came from, then
/// statements, then mentions.
fn emit(graph: &KnowledgeGraph, base: &str, q: &mut impl Sink) {
    let offsets = (0..graph.graph.node_count())
        .map(|i| match &graph.graph[NodeIndex::new(i)] {
            Node::Article(a) if !a.text.is_ascii() => Some(CharOffsets::new(&a.text)),
            _ => None,
        })
        .collect();
    let m = Minter { base: base.to_string(), graph, offsets };
    let names: Vec<String> = graph.graph.node_indices().map(|n| m.node(n)).collect();
    // each article's text node, by node index (empty for other nodes)
    let contexts: Vec<String> = graph
        .graph
        .node_indices()
        .map(|n| if let Node::Article(_) = graph.graph[n] { format!("{}/text", names[n.index()]) } else { String::new() })
        .collect();
    let default = GraphNameRef::DefaultGraph;
    let in_article = |a: NodeIndex| graph_of(&names[a.index()]);
    let mut add = |s: &str, p: &str, o: TermRef<'_>, g: GraphNameRef<'_>| {
        q.add(QuadRef::new(NamedOrBlankNodeRef::NamedNode(iri(s)), iri(p), o, g));
    };
    let mut numbers = (itoa::Buffer::new(), itoa::Buffer::new());
    // A NIF string node: its class, character offsets, exact text and context.
    let mut nif_string = |add: &mut dyn FnMut(&str, &str, TermRef<'_>, GraphNameRef<'_>), id: &str, class: &str, article: NodeIndex, span: Span| {
        let (b, e) = m.chars(article, span);
        let g = in_article(article);
        add(id, rdf::TYPE, iri(class).into(), g);
        add(id, nif::BEGIN_INDEX, typed(numbers.0.format(b), xsd::NON_NEGATIVE_INTEGER), g);
        add(id, nif::END_INDEX, typed(numbers.1.format(e), xsd::NON_NEGATIVE_INTEGER), g);
        add(id, nif::ANCHOR_OF, string(span.slice(&graph.article(article).text)), g);
        add(id, nif::REFERENCE_CONTEXT, iri(&contexts[article.index()]).into(), g);
    };
    let mut statements: Vec<(NodeIndex, &'static str, Term, Evidence)> = Vec::new();

    let rank = |n: &NodeIndex| match graph.graph[*n] {
        Node::Article(_) => 0,
        Node::Entity(_) => 1,
        Node::Event(_) | Node::Quotation(_) | Node::Statistic(_) | Node::Travel(_) => 2,
        Node::Sentence(_) => 3,
    };
    let mut order: Vec<NodeIndex> = graph.graph.node_indices().collect();
    order.sort_by_key(|n| (rank(n), n.index()));
    let class_iri = |name: &str| format!("{}{name}", vocab::SCHEMA);
    for node in order {
        let me = names[node.index()].as_str();
        match &graph.graph[node] {
            Node::Article(a) => {
                let g = in_article(node);
                add(me, rdf::TYPE, iri(schema::NEWS_ARTICLE).into(), g);
                if let Some(h) = &a.meta.headline {
                    add(me, schema::HEADLINE, string(h), g);
                }
                if let Some(d) = a.meta.date {
                    add(me, schema::DATE_PUBLISHED, typed(&d.to_string(), xsd::DATE), g);
                }
                if let Some(u) = a.meta.url.as_deref().and_then(|u| NamedNodeRef::new(u).ok()) {
                    add(me, schema::URL, u.into(), g);
                }
                let context = contexts[node.index()].as_str();
                let length = a.text.chars().count().to_string();
                add(context, rdf::TYPE, iri(nif::CONTEXT).into(), g);
                add(context, nif::IS_STRING, string(&a.text), g);
                add(context, nif::BEGIN_INDEX, typed("0", xsd::NON_NEGATIVE_INTEGER), g);
                add(context, nif::END_INDEX, typed(&length, xsd::NON_NEGATIVE_INTEGER), g);
                add(context, prov::WAS_DERIVED_FROM, iri(me).into(), g);
            }
            Node::Entity(e) => {
                add(me, rdf::TYPE, iri(&class_iri(e.class.schema_name())).into(), default);
                add(me, schema::NAME, string(&e.name), default);
                add(me, rdf::LABEL, string(&e.name), default);
                for alias in &e.aliases {
                    add(me, schema::ALTERNATE_NAME, string(alias), default);
                }
                if let Some(qid) = &e.wikidata {
                    add(me, rdf::SAME_AS, iri(&format!("{}{qid}", vocab::WD)).into(), default);
                }
                for (title, ev) in &e.titles {
                    add(me, schema::JOB_TITLE, string(title), in_article(ev.article));
                    statements.push((node, schema::JOB_TITLE, string(title).into_owned(), *ev));
                }
            }
            Node::Sentence(s) => nif_string(&mut add, me, nif::SENTENCE, s.article, s.span),
            Node::Event(e) => {
                let g = in_article(e.evidence.article);
                add(me, rdf::TYPE, iri(&class_iri(e.class.schema_name())).into(), g);
                add(me, schema::NAME, string(&e.name), g);
                add(me, rdf::LABEL, string(&e.name), g);
                if let Some(d) = e.date {
                    add(me, schema::START_DATE, typed(&d.to_string(), date_type(d)), g);
                }
                add(me, prov::WAS_DERIVED_FROM, iri(&names[e.evidence.sentence.index()]).into(), g);
            }
            Node::Quotation(quote) => {
                let g = in_article(quote.evidence.article);
                add(me, rdf::TYPE, iri(schema::QUOTATION).into(), g);
                add(me, schema::TEXT, string(&quote.text), g);
                add(me, schema::IS_PART_OF, iri(&names[quote.evidence.article.index()]).into(), g);
                add(me, prov::WAS_DERIVED_FROM, iri(&names[quote.evidence.sentence.index()]).into(), g);
            }
            Node::Statistic(s) => {
                let g = in_article(s.evidence.article);
                let st = &s.statistic;
                let (value, datatype) = number_lexical(st.value);
                add(me, rdf::TYPE, iri(schema::OBSERVATION).into(), g);
                add(me, schema::VALUE, typed(&value, datatype), g);
                add(me, schema::DESCRIPTION, string(&st.description), g);
                if let Some(qual) = &st.qualifier {
                    add(me, ng::QUALIFIER, string(qual), g);
                }
                if let Some(unit) = &st.unit {
                    add(me, schema::UNIT_TEXT, string(unit), g);
                }
                if let Some(p) = st.period {
                    add(me, schema::TEMPORAL_COVERAGE, string(p.slice(&graph.article(s.evidence.article).text)), g);
                }
                if let Some(d) = st.date {
                    add(me, schema::OBSERVATION_DATE, typed(&d.to_string(), date_type(d)), g);
                }
                add(me, prov::WAS_DERIVED_FROM, iri(&names[s.evidence.sentence.index()]).into(), g);
            }
            Node::Travel(t) => {
                let g = in_article(t.evidence.article);
                add(me, rdf::TYPE, iri(schema::TRAVEL_ACTION).into(), g);
                add(me, prov::WAS_DERIVED_FROM, iri(&names[t.evidence.sentence.index()]).into(), g);
            }
        }
        for (target, edge) in graph.edges_from(node) {
            let p = predicate(edge.relation);
            let o = iri(&names[target.index()]);
            if edge.evidence.is_empty() {
                let g = if let Node::Article(_) = graph.graph[node] { in_article(node) } else { default };
                add(me, p, o.into(), g);
            }
            for ev in &edge.evidence {
                add(me, p, o.into(), in_article(ev.article));
                if edge.relation.is_fact() {
                    statements.push((node, p, o.into_owned().into(), *ev));
                }
            }
        }
    }

    // Provenance of binary facts: one rdf:Statement per fact and sentence.
    for (s, p, o, ev) in statements {
        let s = names[s.index()].as_str();
        let salt = format!("{s} {p} {o}");
        let local = p.rsplit(['/', '#']).next().unwrap_or("fact");
        let id = m.fact(&format!("statement/{local}"), &ev, &salt);
        let g = in_article(ev.article);
        add(&id, rdf::TYPE, iri(rdf::STATEMENT).into(), g);
        add(&id, rdf::SUBJECT, iri(s).into(), g);
        add(&id, rdf::PREDICATE, iri(p).into(), g);
        add(&id, rdf::OBJECT, o.as_ref(), g);
        add(&id, prov::WAS_DERIVED_FROM, iri(&names[ev.sentence.index()]).into(), g);
    }

    // Entity mentions: one NIF phrase per mention, pointing at its entity.
    let mut id = String::new();
    for node in graph.graph.node_indices() {
        let Node::Entity(e) = &graph.graph[node] else { continue };
        for ev in &e.mentions {
            let g = in_article(ev.article);
            m.span_into(&mut id, &names[ev.article.index()], ev.article, ev.span);
            nif_string(&mut add, &id, nif::PHRASE, ev.article, ev.span);
            add(&id, nif::SENTENCE_OF, iri(&names[ev.sentence.index()]).into(), g);
            add(&id, itsrdf::TA_IDENT_REF, iri(&names[node.index()]).into(), g);
        }
    }
}

/// Appends the graph to `buffer` as N-Quads (`with_graphs`) or N-Triples,
/// each line as it is minted; returns the number of statements written.
pub fn append_lines(graph: &KnowledgeGraph, base: &str, with_graphs: bool, buffer: &mut Vec<u8>) -> usize {
    let mut lines = Lines { out: std::mem::take(buffer), seen: Default::default(), with_graphs, written: 0, spill: None, spill_bytes: SPILL_BYTES };
    emit(graph, base, &mut lines);
    *buffer = lines.out;
    lines.written
}

/// The graph as N-Triples or N-Quads lines written to `out` as they are
/// minted, a megabyte at a time: memory stays flat however large the graph.
pub fn write_lines(graph: &KnowledgeGraph, base: &str, with_graphs: bool, out: &mut dyn std::io::Write) -> std::io::Result<usize> {
    write_lines_spilling(graph, base, with_graphs, out, SPILL_BYTES)
}

fn write_lines_spilling(graph: &KnowledgeGraph, base: &str, with_graphs: bool, out: &mut dyn std::io::Write, spill_bytes: usize) -> std::io::Result<usize> {
    let mut lines = Lines { out: Vec::with_capacity(spill_bytes), seen: Default::default(), with_graphs, written: 0, spill: Some((out, None)), spill_bytes };
    emit(graph, base, &mut lines);
    let Lines { out: rest, written, spill, .. } = lines;
    let (out, error) = spill.expect("set above");
    if let Some(e) = error {
        return Err(e);
    }
    out.write_all(&rest)?;
    Ok(written)
}

/// Writes the graph as RDF in `format` (not DOT); returns the number of
/// statements written.
pub fn write_rdf(graph: &KnowledgeGraph, base: &str, format: Format, mut out: impl Write) -> std::io::Result<usize> {
    let rdf_format = match format {
        Format::Turtle => RdfFormat::Turtle,
        Format::TriG => RdfFormat::TriG,
        Format::RdfXml => RdfFormat::RdfXml,
        // line formats: written as minted, nothing kept
        Format::NTriples | Format::NQuads => return write_lines(graph, base, format.has_graphs(), &mut out),
        Format::JsonLd => RdfFormat::NTriples, // written by jsonld.rs below
        Format::Dot => return Err(std::io::Error::other("DOT is not an RDF format")),
    };
    let mut all = quads(graph, base);
    if !format.has_graphs() {
        // Triple formats: the union of all graphs, each triple once. With one
        // article no triple stands in two graphs (entity descriptions are in
        // the default graph only, the rest in the article's), so there is
        // nothing to merge.
        if graph.articles.len() > 1 {
            let mut seen = rustc_hash::FxHashSet::default();
            all.retain(|quad| seen.insert(fingerprint(TripleRef::from(quad.as_ref()))));
        }
        for quad in &mut all {
            quad.graph_name = GraphName::DefaultGraph;
        }
    }
    if matches!(format, Format::Turtle | Format::RdfXml | Format::JsonLd) {
        // group each subject's triples together for readable output
        let mut first_seen: rustc_hash::FxHashMap<NamedOrBlankNode, usize> = rustc_hash::FxHashMap::default();
        for (i, quad) in all.iter().enumerate() {
            first_seen.entry(quad.subject.clone()).or_insert(i);
        }
        all.sort_by_cached_key(|quad| first_seen[&quad.subject]);
    }
    if format == Format::TriG {
        all.sort_by(|a, b| written(&a.graph_name).cmp(written(&b.graph_name)));
    }
    if format == Format::JsonLd {
        super::jsonld::write_jsonld(&all, out)?;
        return Ok(all.len());
    }
    let mut serializer = RdfSerializer::from_format(rdf_format);
    if matches!(format, Format::Turtle | Format::TriG | Format::RdfXml) {
        serializer = with_prefixes(serializer)?;
    }
    let mut writer = serializer.for_writer(out);
    for quad in &all {
        writer.serialize_quad(quad)?;
    }
    writer.finish()?;
    Ok(all.len())
}

/// The serializer with newsgraph's prefixes declared.
pub(super) fn with_prefixes(mut serializer: RdfSerializer) -> std::io::Result<RdfSerializer> {
    for (prefix, ns) in vocab::PREFIXES {
        serializer = serializer.with_prefix(*prefix, *ns).map_err(std::io::Error::other)?;
    }
    Ok(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "Élysée and Paris";
        let o = CharOffsets::new(text);
        let paris = text.find("Paris").unwrap();
        assert_eq!(o.char_of(paris), text[..paris].chars().count());
        assert_eq!(o.char_of(0), 0);
        assert_eq!(o.char_of(text.len()), text.chars().count());
    }

    #[test]
    fn decimals_are_valid_xsd() {
        let n = |s: &str| Number::parse(s).unwrap();
        assert_eq!(number_lexical(n("58.4")), ("58.4".to_string(), xsd::DECIMAL));
        assert_eq!(number_lexical(n("2.0")), ("2.0".to_string(), xsd::DECIMAL));
        assert_eq!(number_lexical(n("0.05")), ("0.05".to_string(), xsd::DECIMAL));
        assert_eq!(number_lexical(n("12500")), ("12500".to_string(), xsd::INTEGER));
        // exact beyond 2^53, and scaled without rounding
        assert_eq!(number_lexical(n("123456789012345678901")), ("123456789012345678901".to_string(), xsd::INTEGER));
        assert_eq!(number_lexical(n("2.5").scaled(6)), ("2500000".to_string(), xsd::INTEGER));
        assert_eq!(number_lexical(n("1.2345678").scaled(3)), ("1234.5678".to_string(), xsd::DECIMAL));
    }

    /// Two articles with quotation marks, backslashes, control characters
    /// and non-ASCII text, sharing entities.
    fn awkward_graph() -> KnowledgeGraph {
        let pipeline = crate::Pipeline::new().unwrap();
        let mut graph = KnowledgeGraph::new();
        let texts = [
            "Olaf Scholz met Angela Merkel in Berlin.\t\"We agree,\" said Mr Scholz \\ \u{1}\u{7f}\u{fffe} on Friday.\r\n",
            "Angela Merkel visited Zürich. Japan is a member of the G7.\u{c}\u{8}",
        ];
        for text in texts {
            pipeline.add_article(&mut graph, text, Default::default());
        }
        graph
    }

    #[test]
    fn lines_written_as_minted_are_the_buffered_lines() {
        let graph = awkward_graph();
        for with_graphs in [false, true] {
            let mut buffered = Vec::new();
            let n = append_lines(&graph, vocab::DEFAULT_BASE, with_graphs, &mut buffered);
            // a tiny spill: the buffer is written out after almost every line
            let mut spilled = Vec::new();
            let m = write_lines_spilling(&graph, vocab::DEFAULT_BASE, with_graphs, &mut spilled, 64).unwrap();
            assert_eq!((n, &spilled), (m, &buffered));
        }
    }

    #[test]
    fn line_formats_match_oxttl() {
        let graph = awkward_graph();
        for (format, rdf_format) in [(Format::NTriples, RdfFormat::NTriples), (Format::NQuads, RdfFormat::NQuads)] {
            let mut ours = Vec::new();
            let written = write_rdf(&graph, vocab::DEFAULT_BASE, format, &mut ours).unwrap();
            let mut reference = RdfSerializer::from_format(rdf_format).for_writer(Vec::new());
            let mut seen = rustc_hash::FxHashSet::default();
            let mut count = 0;
            for quad in quads(&graph, vocab::DEFAULT_BASE) {
                let quad = if format.has_graphs() { quad } else { Quad { graph_name: GraphName::DefaultGraph, ..quad } };
                if seen.insert(quad.clone()) {
                    reference.serialize_quad(&quad).unwrap();
                    count += 1;
                }
            }
            let reference = reference.finish().unwrap();
            let text = String::from_utf8(ours.clone()).unwrap();
            // (characters XML cannot hold are U+FFFD in every format; DEL it can)
            assert!(text.contains(r#"\t\"We agree,\" said"#) && text.contains("\\\\ \u{fffd}\\u007F\u{fffd}") && text.contains("Zürich"), "{text}");
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(reference).unwrap(), "{format:?}");
            assert_eq!(written, count);
            assert!(count > 100);
        }
    }
}
