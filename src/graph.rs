//! The knowledge graph: articles, entities, events, quotations, statistics,
//! travel and sentences as nodes; relations as edges. Every node and edge
//! keeps the spans it came from.
//!
//! Entities are keyed by their stable key, so adding several articles gives
//! one node per real-world entity. Nodes and edges are only ever added, in
//! document order, which makes every export deterministic.

use crate::date::PartialDate;
use crate::document::{Document, FactKind, Metadata, Span, Statistic};
use crate::ontology::EntityType;
use crate::resolve::{iri, Resolution};
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// Where something was said: an article, the exact words, and the node of
/// the sentence (or byline line) they stand in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub article: NodeIndex,
    pub span: Span,
    pub sentence: NodeIndex,
}

#[derive(Clone, Debug)]
pub struct ArticleNode {
    /// Hash of the text: the article's identity.
    pub id: String,
    pub text: String,
    pub meta: Metadata,
}

#[derive(Clone, Debug)]
pub struct EntityNode {
    pub key: String,
    pub name: String,
    pub class: EntityType,
    pub wikidata: Option<String>,
    pub aliases: BTreeSet<String>,
    pub titles: Vec<(String, Evidence)>,
    pub mentions: Vec<Evidence>,
}

#[derive(Clone, Debug)]
pub struct SentenceNode {
    pub article: NodeIndex,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct EventNode {
    pub name: String,
    pub class: EntityType,
    pub date: Option<PartialDate>,
    pub evidence: Evidence,
}

#[derive(Clone, Debug)]
pub struct QuotationNode {
    pub text: String,
    pub evidence: Evidence,
}

#[derive(Clone, Debug)]
pub struct StatisticNode {
    pub statistic: Statistic,
    pub evidence: Evidence,
}

#[derive(Clone, Debug)]
pub struct TravelNode {
    pub evidence: Evidence,
}

#[derive(Clone, Debug)]
pub enum Node {
    Article(ArticleNode),
    Entity(EntityNode),
    Sentence(SentenceNode),
    Event(EventNode),
    Quotation(QuotationNode),
    Statistic(StatisticNode),
    Travel(TravelNode),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Relation {
    /// article → entity
    Mentions,
    /// article → person
    Author,
    MemberOf,
    Affiliation,
    ContainedIn,
    /// event → participant
    Attendee,
    /// event → place
    Location,
    /// travel → traveller
    Agent,
    /// travel → destination
    Destination,
    /// quotation → speaker
    Creator,
    /// quotation → an entity named inside it
    About,
}

impl Relation {
    /// Relations that are facts of the text (and so carry reified provenance).
    pub fn is_fact(self) -> bool {
        matches!(self, Relation::Author | Relation::MemberOf | Relation::Affiliation | Relation::ContainedIn)
    }
}

#[derive(Clone, Debug)]
pub struct Edge {
    pub relation: Relation,
    pub evidence: Vec<Evidence>,
}

#[derive(Default)]
pub struct KnowledgeGraph {
    pub graph: DiGraph<Node, Edge>,
    entities: HashMap<String, NodeIndex>,
    sentences: HashMap<(NodeIndex, Span), NodeIndex>,
    edges: HashMap<(NodeIndex, NodeIndex, Relation), EdgeIndex>,
    pub articles: Vec<NodeIndex>,
}

impl KnowledgeGraph {
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// Adds one article with its resolved entities and facts.
    pub fn add_document(&mut self, doc: &Document, resolution: &Resolution) -> NodeIndex {
        let article = self.graph.add_node(Node::Article(ArticleNode {
            id: iri::article_id(&doc.text),
            text: doc.text.clone(),
            meta: doc.meta.clone(),
        }));
        self.articles.push(article);

        let mut entity_nodes = Vec::with_capacity(resolution.entities.len());
        for entity in &resolution.entities {
            let node = self.entity_node(entity);
            for &m in &entity.mentions {
                let evidence = self.evidence(doc, article, doc.mentions[m].span, doc.mentions[m].sentence);
                if let Node::Entity(e) = &mut self.graph[node] {
                    e.mentions.push(evidence);
                    e.aliases.extend(entity.aliases.iter().filter(|a| **a != e.name).cloned());
                }
            }
            self.relate(article, node, Relation::Mentions, None);
            entity_nodes.push(node);
        }
        let node_of = |m: usize| resolution.entity_of[m].map(|e| entity_nodes[e]);

        for fact in &doc.facts {
            let evidence = self.evidence(doc, article, fact.evidence, fact.sentence);
            match &fact.kind {
                FactKind::MemberOf { member, group } => self.relate_mentions(node_of(*member), node_of(*group), Relation::MemberOf, evidence),
                FactKind::Affiliation { person, group } => self.relate_mentions(node_of(*person), node_of(*group), Relation::Affiliation, evidence),
                FactKind::ContainedIn { inner, outer } => self.relate_mentions(node_of(*inner), node_of(*outer), Relation::ContainedIn, evidence),
                FactKind::Author { person } => self.relate_mentions(Some(article), node_of(*person), Relation::Author, evidence),
                FactKind::JobTitle { person, title } => {
                    if let Some(Node::Entity(e)) = node_of(*person).map(|n| &mut self.graph[n]) {
                        if !e.titles.iter().any(|(t, ev)| t == title && ev.article == article) {
                            e.titles.push((title.clone(), evidence));
                        }
                    }
                }
                FactKind::Travel { agent, destination } => {
                    if let (Some(a), Some(d)) = (node_of(*agent), node_of(*destination)) {
                        let travel = self.graph.add_node(Node::Travel(TravelNode { evidence }));
                        self.relate(travel, a, Relation::Agent, Some(evidence));
                        self.relate(travel, d, Relation::Destination, Some(evidence));
                    }
                }
                FactKind::Quotation { speaker, text } => {
                    let quote = self.graph.add_node(Node::Quotation(QuotationNode {
                        text: doc.slice(*text).to_string(),
                        evidence: Evidence { span: *text, ..evidence },
                    }));
                    if let Some(s) = speaker.and_then(node_of) {
                        self.relate(quote, s, Relation::Creator, Some(evidence));
                    }
                    // what it is about: the entities named inside it
                    let inside: Vec<NodeIndex> = doc.mentions_in(*text).into_iter().filter(|&m| doc.mentions[m].form.is_name()).filter_map(node_of).collect();
                    for entity in inside {
                        if !self.graph.edges_connecting(quote, entity).any(|e| e.weight().relation == Relation::About) {
                            self.relate(quote, entity, Relation::About, Some(evidence));
                        }
                    }
                }
                FactKind::Statistic(statistic) => {
                    self.graph.add_node(Node::Statistic(StatisticNode { statistic: statistic.clone(), evidence }));
                }
                FactKind::Event(event) => {
                    let node = self.graph.add_node(Node::Event(EventNode {
                        name: event.name.map_or_else(|| "meeting".to_string(), |n| doc.slice(n).to_string()),
                        class: event.class,
                        date: event.date,
                        evidence,
                    }));
                    for a in event.attendees.iter().filter_map(|&a| node_of(a)) {
                        self.relate(node, a, Relation::Attendee, Some(evidence));
                    }
                    if let Some(l) = event.location.and_then(node_of) {
                        self.relate(node, l, Relation::Location, Some(evidence));
                    }
                }
            }
        }
        article
    }

    fn entity_node(&mut self, entity: &crate::resolve::Entity) -> NodeIndex {
        if let Some(&node) = self.entities.get(&entity.key) {
            return node;
        }
        let node = self.graph.add_node(Node::Entity(EntityNode {
            key: entity.key.clone(),
            name: entity.name.clone(),
            class: entity.class,
            wikidata: entity.wikidata.clone(),
            aliases: BTreeSet::new(),
            titles: Vec::new(),
            mentions: Vec::new(),
        }));
        self.entities.insert(entity.key.clone(), node);
        node
    }

    /// The node of the sentence holding `span` (or of its line when it lies
    /// outside any sentence, as a byline does).
    fn evidence(&mut self, doc: &Document, article: NodeIndex, span: Span, sentence: Option<usize>) -> Evidence {
        let line = || doc.paragraphs.iter().map(|p| p.span).find(|p| p.contains(span)).unwrap_or(span);
        let context = sentence.map_or_else(line, |s| doc.sentences[s].span);
        let node = *self
            .sentences
            .entry((article, context))
            .or_insert_with(|| self.graph.add_node(Node::Sentence(SentenceNode { article, span: context })));
        Evidence { article, span, sentence: node }
    }

    fn relate_mentions(&mut self, from: Option<NodeIndex>, to: Option<NodeIndex>, relation: Relation, evidence: Evidence) {
        if let (Some(a), Some(b)) = (from, to) {
            if a != b {
                self.relate(a, b, relation, Some(evidence));
            }
        }
    }

    /// Adds the edge, or the evidence to the edge that exists.
    fn relate(&mut self, from: NodeIndex, to: NodeIndex, relation: Relation, evidence: Option<Evidence>) -> EdgeIndex {
        let graph = &mut self.graph;
        let edge = *self.edges.entry((from, to, relation)).or_insert_with(|| graph.add_edge(from, to, Edge { relation, evidence: Vec::new() }));
        if let Some(ev) = evidence {
            let list = &mut self.graph[edge].evidence;
            if !list.contains(&ev) {
                list.push(ev);
            }
        }
        edge
    }

    /// Outgoing edges of `node` in the order they were added.
    pub fn edges_from(&self, node: NodeIndex) -> Vec<(NodeIndex, &Edge)> {
        let mut edges: Vec<_> = self.graph.edges(node).map(|e| (e.id(), e.target(), e.weight())).collect();
        edges.sort_by_key(|(id, _, _)| *id);
        edges.into_iter().map(|(_, t, w)| (t, w)).collect()
    }

    pub fn article(&self, node: NodeIndex) -> &ArticleNode {
        match &self.graph[node] {
            Node::Article(a) => a,
            _ => panic!("node {node:?} is not an article"),
        }
    }

    /// The stable keys of every entity, for counting across documents.
    pub fn entity_keys(&self) -> Vec<String> {
        self.graph.node_weights().filter_map(|n| if let Node::Entity(e) = n { Some(e.key.clone()) } else { None }).collect()
    }

    /// Counts for the summary line: (entities, facts).
    pub fn counts(&self) -> (usize, usize) {
        let entities = self.graph.node_weights().filter(|n| matches!(n, Node::Entity(_))).count();
        let facts = self.graph.edge_weights().filter(|e| e.relation.is_fact()).map(|e| e.evidence.len()).sum::<usize>()
            + self.graph.node_weights().filter(|n| matches!(n, Node::Event(_) | Node::Quotation(_) | Node::Statistic(_) | Node::Travel(_))).count()
            + self.graph.node_weights().map(|n| if let Node::Entity(e) = n { e.titles.len() } else { 0 }).sum::<usize>();
        (entities, facts)
    }
}
