//! RDF export following the RDF contract: schema.org terms, NIF spans and
//! PROV provenance, `rdf:Statement` reification for binary facts, IRIs
//! minted from content.
//!
//! In N-Quads and TriG, what an article states lies in a named graph named
//! by the article; entity descriptions lie in the default graph.

use super::Format;
use crate::document::{Number, Span};
use crate::graph::{Evidence, KnowledgeGraph, Node, Relation};
use crate::resolve::iri::fnv1a64;
use crate::vocab::{self, itsrdf, nif, ng, prov, rdf, schema, xsd};
use oxrdf::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use oxrdfio::{RdfFormat, RdfSerializer};
use petgraph::graph::NodeIndex;
use std::io::Write;

fn iri(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

fn typed(value: impl Into<String>, datatype: &str) -> Term {
    Literal::new_typed_literal(value, iri(datatype)).into()
}

fn string(value: impl Into<String>) -> Term {
    Literal::new_simple_literal(value).into()
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

    fn span(&self, article: NodeIndex, span: Span) -> String {
        let (b, e) = self.chars(article, span);
        format!("{}#char={b},{e}", self.article(article))
    }

    fn context(&self, article: NodeIndex) -> String {
        format!("{}/text", self.article(article))
    }

    /// A NIF string node: its class, character offsets, exact text and context.
    fn nif_string(&self, q: &mut Quads, id: &str, class: &str, article: NodeIndex, span: Span, g: &GraphName) {
        let (b, e) = self.chars(article, span);
        q.add(id, rdf::TYPE, iri(class), g);
        q.add(id, nif::BEGIN_INDEX, typed(b.to_string(), xsd::NON_NEGATIVE_INTEGER), g);
        q.add(id, nif::END_INDEX, typed(e.to_string(), xsd::NON_NEGATIVE_INTEGER), g);
        q.add(id, nif::ANCHOR_OF, string(span.slice(&self.graph.article(article).text)), g);
        q.add(id, nif::REFERENCE_CONTEXT, iri(&self.context(article)), g);
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
            Node::Sentence(s) => self.span(s.article, s.span),
            Node::Event(e) => self.fact("event", &e.evidence, &e.name),
            Node::Quotation(q) => self.fact("quotation", &q.evidence, ""),
            Node::Statistic(s) => self.fact("statistic", &Evidence { span: s.statistic.span, ..s.evidence }, ""),
            Node::Travel(t) => self.fact("travel", &t.evidence, &targets()),
        }
    }
}

/// A 128-bit fingerprint of a quad (XXH3-128 of its terms): duplicates are
/// found without a second copy of every quad.
fn fingerprint(quad: &Quad, with_graph: bool) -> u128 {
    use std::hash::Hash;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    quad.subject.hash(&mut h);
    quad.predicate.hash(&mut h);
    quad.object.hash(&mut h);
    if with_graph {
        quad.graph_name.hash(&mut h);
    }
    h.digest128()
}

/// Collects quads once each, in the order first added.
#[derive(Default)]
struct Quads {
    list: Vec<Quad>,
    seen: rustc_hash::FxHashSet<u128>,
}

impl Quads {
    fn add(&mut self, s: &str, p: &str, o: impl Into<Term>, g: &GraphName) {
        let quad = Quad::new(NamedOrBlankNode::from(iri(s)), iri(p), o, g.clone());
        if self.seen.insert(fingerprint(&quad, true)) {
            self.list.push(quad);
        }
    }
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
    }
}

/// A date as the most precise XSD type it fits: 2022, 2022-03, 2022-03-10.
fn date_literal(date: &str) -> Term {
    let datatype = match date.len() {
        4 => xsd::G_YEAR,
        7 => xsd::G_YEAR_MONTH,
        _ => xsd::DATE,
    };
    typed(date, datatype)
}

fn number_literal(n: Number) -> Term {
    match n {
        Number::Integer(i) => typed(i.to_string(), xsd::INTEGER),
        Number::Decimal(d) => {
            let mut s = format!("{d}");
            if !s.contains('.') {
                s.push_str(".0");
            }
            typed(s, xsd::DECIMAL)
        }
    }
}

/// The graph as quads, in a deterministic order.
pub fn quads(graph: &KnowledgeGraph, base: &str) -> Vec<Quad> {
    let offsets = (0..graph.graph.node_count())
        .map(|i| match &graph.graph[NodeIndex::new(i)] {
            Node::Article(a) if !a.text.is_ascii() => Some(CharOffsets::new(&a.text)),
            _ => None,
        })
        .collect();
    let m = Minter { base: base.to_string(), graph, offsets };
    let names: Vec<String> = graph.graph.node_indices().map(|n| m.node(n)).collect();
    let default = GraphName::DefaultGraph;
    let in_article = |a: NodeIndex| GraphName::from(iri(&m.article(a)));
    let mut q = Quads::default();
    let mut statements: Vec<(String, &'static str, Term, Evidence)> = Vec::new();

    // articles, then entities, then facts, then the sentences they came from
    let rank = |n: &NodeIndex| match graph.graph[*n] {
        Node::Article(_) => 0,
        Node::Entity(_) => 1,
        Node::Event(_) | Node::Quotation(_) | Node::Statistic(_) | Node::Travel(_) => 2,
        Node::Sentence(_) => 3,
    };
    let mut order: Vec<NodeIndex> = graph.graph.node_indices().collect();
    order.sort_by_key(|n| (rank(n), n.index()));
    for node in order {
        let me = &names[node.index()];
        match &graph.graph[node] {
            Node::Article(a) => {
                let g = in_article(node);
                q.add(me, rdf::TYPE, iri(schema::NEWS_ARTICLE), &g);
                if let Some(h) = &a.meta.headline {
                    q.add(me, schema::HEADLINE, string(h.clone()), &g);
                }
                if let Some(d) = &a.meta.date {
                    q.add(me, schema::DATE_PUBLISHED, date_literal(d), &g);
                }
                if let Some(u) = &a.meta.url {
                    if let Ok(u) = NamedNode::new(u.clone()) {
                        q.add(me, schema::URL, u, &g);
                    }
                }
                let context = m.context(node);
                q.add(&context, rdf::TYPE, iri(nif::CONTEXT), &g);
                q.add(&context, nif::IS_STRING, string(a.text.clone()), &g);
                q.add(&context, nif::BEGIN_INDEX, typed("0", xsd::NON_NEGATIVE_INTEGER), &g);
                q.add(&context, nif::END_INDEX, typed(a.text.chars().count().to_string(), xsd::NON_NEGATIVE_INTEGER), &g);
                q.add(&context, prov::WAS_DERIVED_FROM, iri(me), &g);
            }
            Node::Entity(e) => {
                q.add(me, rdf::TYPE, iri(&format!("{}{}", vocab::SCHEMA, e.class.schema_name())), &default);
                q.add(me, schema::NAME, string(e.name.clone()), &default);
                q.add(me, rdf::LABEL, string(e.name.clone()), &default);
                for alias in &e.aliases {
                    q.add(me, schema::ALTERNATE_NAME, string(alias.clone()), &default);
                }
                if let Some(qid) = &e.wikidata {
                    q.add(me, rdf::SAME_AS, iri(&format!("{}{qid}", vocab::WD)), &default);
                }
                for (title, ev) in &e.titles {
                    q.add(me, schema::JOB_TITLE, string(title.clone()), &in_article(ev.article));
                    statements.push((me.clone(), schema::JOB_TITLE, string(title.clone()), *ev));
                }
            }
            Node::Sentence(s) => m.nif_string(&mut q, me, nif::SENTENCE, s.article, s.span, &in_article(s.article)),
            Node::Event(e) => {
                let g = in_article(e.evidence.article);
                q.add(me, rdf::TYPE, iri(&format!("{}{}", vocab::SCHEMA, e.class.schema_name())), &g);
                q.add(me, schema::NAME, string(e.name.clone()), &g);
                q.add(me, rdf::LABEL, string(e.name.clone()), &g);
                if let Some(d) = &e.date {
                    q.add(me, schema::START_DATE, date_literal(d), &g);
                }
                q.add(me, prov::WAS_DERIVED_FROM, iri(&names[e.evidence.sentence.index()]), &g);
            }
            Node::Quotation(quote) => {
                let g = in_article(quote.evidence.article);
                q.add(me, rdf::TYPE, iri(schema::QUOTATION), &g);
                q.add(me, schema::TEXT, string(quote.text.clone()), &g);
                q.add(me, schema::IS_PART_OF, iri(&m.article(quote.evidence.article)), &g);
                q.add(me, prov::WAS_DERIVED_FROM, iri(&names[quote.evidence.sentence.index()]), &g);
            }
            Node::Statistic(s) => {
                let g = in_article(s.evidence.article);
                let st = &s.statistic;
                q.add(me, rdf::TYPE, iri(schema::OBSERVATION), &g);
                q.add(me, schema::VALUE, number_literal(st.value), &g);
                q.add(me, schema::DESCRIPTION, string(st.description.clone()), &g);
                if let Some(qual) = &st.qualifier {
                    q.add(me, ng::QUALIFIER, string(qual.clone()), &g);
                }
                if let Some(unit) = &st.unit {
                    q.add(me, schema::UNIT_TEXT, string(unit.clone()), &g);
                }
                if let Some(p) = st.period {
                    q.add(me, schema::TEMPORAL_COVERAGE, string(p.slice(&graph.article(s.evidence.article).text)), &g);
                }
                if let Some(d) = &st.date {
                    q.add(me, schema::OBSERVATION_DATE, date_literal(d), &g);
                }
                q.add(me, prov::WAS_DERIVED_FROM, iri(&names[s.evidence.sentence.index()]), &g);
            }
            Node::Travel(t) => {
                let g = in_article(t.evidence.article);
                q.add(me, rdf::TYPE, iri(schema::TRAVEL_ACTION), &g);
                q.add(me, prov::WAS_DERIVED_FROM, iri(&names[t.evidence.sentence.index()]), &g);
            }
        }
        for (target, edge) in graph.edges_from(node) {
            let p = predicate(edge.relation);
            let o = iri(&names[target.index()]);
            if edge.evidence.is_empty() {
                let g = if let Node::Article(_) = graph.graph[node] { in_article(node) } else { default.clone() };
                q.add(me, p, o.clone(), &g);
            }
            for ev in &edge.evidence {
                q.add(me, p, o.clone(), &in_article(ev.article));
                if edge.relation.is_fact() {
                    statements.push((me.clone(), p, o.clone().into(), *ev));
                }
            }
        }
    }

    // Provenance of binary facts: one rdf:Statement per fact and sentence.
    for (s, p, o, ev) in statements {
        let salt = format!("{s} {p} {o}");
        let local = p.rsplit(['/', '#']).next().unwrap_or("fact");
        let id = m.fact(&format!("statement/{local}"), &ev, &salt);
        let g = in_article(ev.article);
        q.add(&id, rdf::TYPE, iri(rdf::STATEMENT), &g);
        q.add(&id, rdf::SUBJECT, iri(&s), &g);
        q.add(&id, rdf::PREDICATE, iri(p), &g);
        q.add(&id, rdf::OBJECT, o, &g);
        q.add(&id, prov::WAS_DERIVED_FROM, iri(&names[ev.sentence.index()]), &g);
    }

    // Entity mentions: one NIF phrase per mention, pointing at its entity.
    for node in graph.graph.node_indices() {
        let Node::Entity(e) = &graph.graph[node] else { continue };
        for ev in &e.mentions {
            let g = in_article(ev.article);
            let id = m.span(ev.article, ev.span);
            m.nif_string(&mut q, &id, nif::PHRASE, ev.article, ev.span, &g);
            q.add(&id, nif::SENTENCE_OF, iri(&names[ev.sentence.index()]), &g);
            q.add(&id, itsrdf::TA_IDENT_REF, iri(&names[node.index()]), &g);
        }
    }
    q.list
}

/// Writes the graph as RDF in `format` (not DOT); returns the number of
/// statements written.
pub fn write_rdf(graph: &KnowledgeGraph, base: &str, format: Format, out: impl Write) -> std::io::Result<usize> {
    let rdf_format = match format {
        Format::Turtle => RdfFormat::Turtle,
        Format::NTriples => RdfFormat::NTriples,
        Format::NQuads => RdfFormat::NQuads,
        Format::TriG => RdfFormat::TriG,
        Format::RdfXml => RdfFormat::RdfXml,
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
            all.retain(|quad| seen.insert(fingerprint(quad, false)));
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
        all.sort_by_key(|quad| first_seen[&quad.subject]);
    }
    if format == Format::TriG {
        all.sort_by_key(|q| q.graph_name.to_string());
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
        assert_eq!(number_literal(Number::Decimal(67.3)).to_string(), "\"67.3\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
        assert_eq!(number_literal(Number::Decimal(2.0)).to_string(), "\"2.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
        assert_eq!(number_literal(Number::Integer(45000)).to_string(), "\"45000\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    }
}
