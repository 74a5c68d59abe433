//! Graphviz DOT: one node per entity, event, quotation and statistic, shaped
//! and coloured by kind; edges labelled with the relation. Sentences stay
//! out of the picture. Every label passes through [`escape`].

use crate::graph::{KnowledgeGraph, Node, Relation};
use crate::ontology::Kind;
use std::io::Write;

/// A DOT string literal's contents: quotes, backslashes and line breaks escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// The most titles an entity's label lists.
const MAX_TITLES: usize = 3;

/// An entity's label: its name, class and first distinct titles, each
/// bounded (Graphviz refuses labels over 16,384 characters; a corpus can
/// give one person hundreds of titles).
fn entity_label<'t>(name: &str, class: &str, titles: impl Iterator<Item = &'t str>) -> String {
    let mut distinct: Vec<&str> = Vec::new();
    for t in titles {
        if !distinct.contains(&t) {
            distinct.push(t);
        }
    }
    let mut label = format!("{}\n({class})", shorten(name, 60));
    if !distinct.is_empty() {
        let shown: Vec<String> = distinct.iter().take(MAX_TITLES).map(|t| shorten(t, 40)).collect();
        label = format!("{label}\n{}", shown.join(", "));
        if distinct.len() > MAX_TITLES {
            label.push_str(&format!(" +{} more", distinct.len() - MAX_TITLES));
        }
    }
    label
}

fn relation_label(relation: Relation) -> &'static str {
    match relation {
        Relation::Mentions => "mentions",
        Relation::Author => "author",
        Relation::MemberOf => "member of",
        Relation::Affiliation => "affiliation",
        Relation::ContainedIn => "in",
        Relation::Attendee => "attendee",
        Relation::Location => "location",
        Relation::Agent => "traveller",
        Relation::Destination => "to",
        Relation::Creator => "said by",
        Relation::About => "about",
    }
}

/// (shape, fill colour) for each kind of node.
fn style(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Person => ("ellipse", "#fde2b8"),
        Kind::Organization => ("box", "#cfe3f7"),
        Kind::Place => ("house", "#d5efd0"),
        Kind::Event => ("octagon", "#f7d0dc"),
        Kind::Other => ("component", "#e6e0f3"),
    }
}

pub fn write_dot(graph: &KnowledgeGraph, mut out: impl Write) -> std::io::Result<()> {
    writeln!(out, "digraph newsgraph {{")?;
    // disconnected parts packed in a grid rather than one tall column
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false, pack=true, packmode=\"array_c4\"];")?;
    writeln!(out, "  node [style=filled, fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];")?;
    for node in graph.graph.node_indices() {
        let id = node.index();
        let (label, shape, fill) = match &graph.graph[node] {
            Node::Article(a) => {
                let title = a.meta.headline.clone().unwrap_or_else(|| "article".into());
                (format!("Article\n{}", shorten(&title, 40)), "folder", "#eeeeee")
            }
            Node::Entity(e) => {
                let (shape, fill) = style(e.class.kind());
                (entity_label(&e.name, e.class.schema_name(), e.titles.iter().map(|(t, _)| t.as_str())), shape, fill)
            }
            Node::Event(e) => {
                let (shape, fill) = style(Kind::Event);
                let date = e.date.map(|d| format!("\n{d}")).unwrap_or_default();
                (format!("{}{date}", shorten(&e.name, 40)), shape, fill)
            }
            Node::Quotation(q) => (format!("“{}”", shorten(&q.text, 60)), "note", "#fff7c2"),
            Node::Statistic(s) => {
                let st = &s.statistic;
                let value = st.value.to_string();
                let qualifier = st.qualifier.as_deref().map(|q| format!("{q} ")).unwrap_or_default();
                let unit = st.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
                let date = st.date.map(|d| format!(" ({d})")).unwrap_or_default();
                (format!("{qualifier}{value}{unit}{date}\n{}", shorten(&st.description, 40)), "box3d", "#e8f4f2")
            }
            Node::Travel(_) => ("travel".to_string(), "cds", "#f3e6d0"),
            Node::Sentence(_) => continue,
        };
        writeln!(out, "  n{id} [label=\"{}\", shape={shape}, fillcolor=\"{fill}\"];", escape(&label))?;
    }
    for node in graph.graph.node_indices() {
        if matches!(graph.graph[node], Node::Sentence(_)) {
            continue;
        }
        for (target, edge) in graph.edges_from(node) {
            if edge.relation == Relation::Mentions {
                continue; // every entity is mentioned: the picture would drown
            }
            writeln!(out, "  n{} -> n{} [label=\"{}\"];", node.index(), target.index(), escape(relation_label(edge.relation)))?;
        }
    }
    writeln!(out, "}}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped() {
        assert_eq!(escape("say \"hi\"\\\nnow"), "say \\\"hi\\\"\\\\\\nnow");
        assert_eq!(shorten("abcdef", 3), "abc…");
    }

    #[test]
    fn entity_labels_are_bounded() {
        let long = "Ana ".repeat(5000);
        let titles: Vec<String> = (0..500).map(|i| format!("deputy minister number {i}")).collect();
        let label = entity_label(&long, "Person", titles.iter().map(String::as_str));
        assert!(label.chars().count() < 300, "{}", label.len());
        assert!(label.ends_with("+497 more"), "{label}");
        assert_eq!(entity_label("Ana Ruiz", "Person", ["mayor", "mayor"].into_iter()), "Ana Ruiz\n(Person)\nmayor");
    }
}
