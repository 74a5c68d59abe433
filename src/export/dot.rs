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
                let titles: Vec<&str> = e.titles.iter().map(|(t, _)| t.as_str()).collect();
                let mut label = format!("{}\n({})", e.name, e.class.schema_name());
                if !titles.is_empty() {
                    label = format!("{label}\n{}", titles.join(", "));
                }
                (label, shape, fill)
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
}
