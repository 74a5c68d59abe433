//! Training the tagger: an averaged perceptron (Collins 2002), learning
//! from its own greedy decisions so that training sees what tagging will.
//!
//! Deterministic: documents are shuffled by a seeded generator, weights are
//! kept in insertion order and written sorted, so the same corpora and
//! settings give the same model bytes.

use super::clusters::Clusters;
use super::lists::NameLists;
use super::corpora::TrainDoc;
use super::features::DocFeatures;
use super::model::{Model, LABELS};
use super::tagger::{decode, labels_of, spans, Learner};
use crate::document::{Document, Metadata, Span};
use super::NerClass;
use rustc_hash::FxHashMap;

/// A training document, segmented and featurised once.
pub struct Example {
    features: DocFeatures,
    gold: Vec<u8>,
    tokens: Vec<Span>,
    names: Vec<(Span, NerClass)>,
}

impl Example {
    pub fn new(doc: &TrainDoc, clusters: &Clusters, lists: &NameLists) -> Example {
        let document = Document::new(doc.text.as_str(), Metadata::default());
        let features = DocFeatures::new(&document, clusters, lists);
        let tokens = features.spans.clone();
        let gold = labels_of(&doc.entities, &tokens, &features.sequences);
        // the names the tokens can express: what tagging is scored against
        let names = spans(&gold, &tokens);
        Example { features, gold, tokens, names }
    }
}

#[derive(Clone, Debug)]
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// How many models, each from its own seed (`seed`, `seed + 1`, …), are
    /// trained and averaged into one: the average varies less from seed to
    /// seed than any one of them.
    pub runs: usize,
    /// Rows whose largest averaged weight is below this are dropped.
    pub prune: f32,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { epochs: 10, seed: 2009, runs: 16, prune: 1.0 }
    }
}

/// Perceptron weights with the sums that averaging needs.
#[derive(Default)]
struct Perceptron {
    rows: FxHashMap<u64, u32>,
    keys: Vec<u64>,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    /// Decisions made so far: the averaging clock.
    clock: u32,
    gold: Vec<u8>,
}

impl Perceptron {
    fn row(&mut self, feature: u64) -> usize {
        let next = self.keys.len() as u32;
        let r = *self.rows.entry(feature).or_insert(next);
        if r == next {
            self.keys.push(feature);
            self.weights.extend([0.0; LABELS]);
            self.totals.extend([0.0; LABELS]);
            self.stamps.extend([0; LABELS]);
        }
        r as usize
    }

    fn update(&mut self, feature: u64, label: u8, delta: f32) {
        let k = self.row(feature) * LABELS + label as usize;
        self.totals[k] += (self.clock - self.stamps[k]) as f64 * self.weights[k] as f64;
        self.stamps[k] = self.clock;
        self.weights[k] += delta;
    }

    /// The averaged weights of every row that has any.
    fn averaged(&self) -> Vec<(u64, [f32; LABELS])> {
        let clock = self.clock.max(1) as f64;
        let mut out = Vec::with_capacity(self.keys.len());
        for (r, &key) in self.keys.iter().enumerate() {
            let mut row = [0f32; LABELS];
            for (l, w) in row.iter_mut().enumerate() {
                let k = r * LABELS + l;
                *w = ((self.totals[k] + (self.clock - self.stamps[k]) as f64 * self.weights[k] as f64) / clock) as f32;
            }
            if row.iter().any(|&w| w != 0.0) {
                out.push((key, row));
            }
        }
        out
    }
}

impl Learner for Perceptron {
    fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        for f in features {
            if let Some(&r) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.weights[r as usize * LABELS..]) {
                    *s += w;
                }
            }
        }
    }

    fn learning(&self) -> bool {
        true
    }

    fn learn(&mut self, token: usize, features: &[u64], predicted: u8) {
        self.clock += 1;
        let gold = self.gold[token];
        if predicted != gold {
            for &f in features {
                self.update(f, gold, 1.0);
                self.update(f, predicted, -1.0);
            }
        }
    }
}

/// Precision, recall and F1 of exact typed spans.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Score {
    pub fn f1(&self) -> f64 {
        let p = self.correct as f64 / self.predicted.max(1) as f64;
        let r = self.correct as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Tags `examples` with `model` and scores exact typed spans.
pub fn evaluate(model: &Model, examples: &mut [Example]) -> Score {
    let mut score = Score::default();
    for ex in examples.iter_mut() {
        ex.features.forget();
        let mut labels = vec![0u8; ex.tokens.len()];
        decode(&mut &*model, &mut ex.features, &mut labels);
        let got = spans(&labels, &ex.tokens);
        score.predicted += got.len();
        score.gold += ex.names.len();
        score.correct += got.iter().filter(|g| ex.names.binary_search(g).is_ok()).count();
    }
    score
}

/// Trains a model; `progress` hears after each epoch of each run (run,
/// epoch, the model of that run so far).
pub fn train(examples: &mut [Example], settings: &Settings, mut progress: impl FnMut(usize, usize, &Model)) -> Vec<u8> {
    let runs = settings.runs.max(1);
    let mut sum: FxHashMap<u64, [f32; LABELS]> = FxHashMap::default();
    let mut keys: Vec<u64> = Vec::new();
    for run in 0..runs {
        let seed = settings.seed.wrapping_add(run as u64);
        for (key, row) in train_one(examples, settings.epochs, seed, |epoch, model| progress(run + 1, epoch, model)) {
            let total = sum.entry(key).or_insert_with(|| {
                keys.push(key);
                [0.0; LABELS]
            });
            for (t, w) in total.iter_mut().zip(row) {
                *t += w / runs as f32;
            }
        }
    }
    let mut rows: Vec<(u64, [f32; LABELS])> = keys.into_iter().map(|k| (k, sum[&k])).filter(|(_, row)| row.iter().any(|w| w.abs() > settings.prune)).collect();
    Model::write(&mut rows)
}

/// One averaged perceptron from one seed: its rows, unpruned.
fn train_one(examples: &mut [Example], epochs: usize, seed: u64, mut progress: impl FnMut(usize, &Model)) -> Vec<(u64, [f32; LABELS])> {
    let mut perceptron = Perceptron::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed;
    for epoch in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &e in &order {
            let ex = &mut examples[e];
            ex.features.forget();
            perceptron.gold = std::mem::take(&mut ex.gold);
            let mut labels = vec![0u8; ex.tokens.len()];
            decode(&mut perceptron, &mut ex.features, &mut labels);
            ex.gold = std::mem::take(&mut perceptron.gold);
        }
        if epoch + 1 == epochs {
            let model = Model::read(&Model::write(&mut perceptron.averaged())).expect("a model just written reads back");
            progress(epoch + 1, &model);
        }
    }
    perceptron.averaged()
}

/// Fisher-Yates with splitmix64: the same seed, the same order.
fn shuffle(items: &mut [usize], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        items.swap(i, (z % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, names: &[(&str, NerClass)]) -> TrainDoc {
        let entities = names
            .iter()
            .map(|(n, c)| {
                let at = text.find(n).unwrap();
                (Span::new(at, at + n.len()), *c)
            })
            .collect();
        TrainDoc { corpus: "test", text: text.to_string(), entities }
    }

    fn corpus() -> Vec<TrainDoc> {
        let mut docs = Vec::new();
        for (person, place) in [("Anna Berg", "Oslo"), ("Tom Hale", "Lima"), ("Ida Moss", "Kyiv"), ("Leo Park", "Quito")] {
            docs.push(doc(&format!("{person} arrived in {place} on Monday."), &[(person, NerClass::Per), (place, NerClass::Loc)]));
            docs.push(doc(&format!("Officials in {place} said {person} would stay."), &[(place, NerClass::Loc), (person, NerClass::Per)]));
        }
        docs
    }

    #[test]
    fn training_learns_a_toy_corpus_and_is_deterministic() {
        let clusters = Clusters::from_tsv("");
        let lists = NameLists::from_lists(&[]);
        let mut examples: Vec<Example> = corpus().iter().map(|d| Example::new(d, &clusters, &lists)).collect();
        let settings = Settings { epochs: 5, prune: 0.0, runs: 2, ..Settings::default() };
        let first = train(&mut examples, &settings, |_, _, _| {});
        let second = train(&mut examples, &settings, |_, _, _| {});
        assert_eq!(first, second, "same data, same bytes");
        let model = Model::read(&first).unwrap();
        let score = evaluate(&model, &mut examples);
        assert_eq!(score.correct, score.gold, "{score:?}");
        let tagger = super::super::tagger::Tagger::new(model, clusters, lists);
        let test = Document::new("Officials in Lima said Ida Moss would stay.", Metadata::default());
        let got: Vec<(&str, NerClass)> = tagger.tag(&test).into_iter().map(|(s, c)| (test.slice(s), c)).collect();
        assert_eq!(got, [("Lima", NerClass::Loc), ("Ida Moss", NerClass::Per)]);
    }
}
