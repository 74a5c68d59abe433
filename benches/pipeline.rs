//! Stage benchmarks on news-like text made from the test articles:
//! segmentation, the bare gazetteer scan, whole extraction, and export to
//! N-Triples. `cargo bench` prints throughput in bytes per second.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsgraph::document::{Document, Metadata};
use newsgraph::export::{write_rdf, Format};
use newsgraph::graph::KnowledgeGraph;
use newsgraph::Pipeline;

/// The binary's allocator, so that the stages are timed as they run there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// About 200 kB of article text: the test articles, repeated.
fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut articles: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    articles.sort();
    articles.iter().cycle().take(articles.len() * 8).cloned().collect()
}

fn stages(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(String::len).sum();
    let pipeline = Pipeline::new().unwrap();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(BenchmarkId::new("segment", bytes), |b| {
        b.iter(|| articles.iter().map(|a| Document::new(a.as_str(), Metadata::default()).sentences.len()).sum::<usize>())
    });
    group.bench_function(BenchmarkId::new("gazetteer_scan", bytes), |b| {
        b.iter(|| articles.iter().map(|a| pipeline.ontology.gazetteer.find(a).len()).sum::<usize>())
    });
    group.bench_function(BenchmarkId::new("extract", bytes), |b| {
        b.iter(|| articles.iter().map(|a| pipeline.read(a, Metadata::default()).0.facts.len()).sum::<usize>())
    });
    group.bench_function(BenchmarkId::new("extract_and_ntriples", bytes), |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(bytes * 40);
            for a in &articles {
                let mut graph = KnowledgeGraph::new();
                pipeline.add_article(&mut graph, a, Metadata::default());
                write_rdf(&graph, newsgraph::vocab::DEFAULT_BASE, Format::NTriples, &mut out).unwrap();
            }
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
