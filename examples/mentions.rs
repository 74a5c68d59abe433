//! Prints the paragraphs' roles and the names newsgraph recognises in a text
//! file, one per line: a tool for looking at what the recogniser does.
//!
//! `cargo run --release --example mentions -- FILE`

fn main() {
    let path = std::env::args().nth(1).expect("give a text file");
    let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
    let pipeline = newsgraph::Pipeline::new().expect("the built-in data loads");
    let (doc, resolution) = pipeline.read(&text, newsgraph::document::Metadata::default());
    for p in &doc.paragraphs {
        let line = doc.slice(p.span);
        println!("[{:?}] {}", p.role, line.chars().take(70).collect::<String>());
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        let entity = resolution.entity(i).map_or("-", |e| e.key.as_str());
        println!("{:>6} {:<28} {:<12} {:?} {}", m.span.start, doc.slice(m.span), m.source, m.class, entity);
    }
}
