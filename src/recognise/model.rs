//! The tagger's model: a linear score for each label from each feature, and
//! the greedy left-to-right decoder that training and tagging share.
//!
//! Labels are BILOU over five classes: 0 is O (outside), then for each class
//! B (begins), I (inside), L (last) and U (a one-token name). Ratinov & Roth
//! found BILOU better than BIO for greedy decoding.
//!
//! File format (little-endian): the magic `NGNER002`, the number of rows
//! (u32), the weight scale (f32), then per row, sorted by feature hash, the
//! hash (u64) and one i16 per label (weight = value × scale). Rows are
//! sorted so that the same weights give the same bytes.

use super::NerClass;
use rustc_hash::FxHashMap;

pub const CLASSES: usize = NerClass::ALL.len();
pub const LABELS: usize = 1 + 4 * CLASSES;
const MAGIC: &[u8; 8] = b"NGNER002";

/// The parts of a BILOU label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

pub fn label(class: usize, part: Part) -> u8 {
    (1 + class * 4 + part as usize) as u8
}

/// The class (0-based) and part of a label; None for O.
pub fn split(label: u8) -> Option<(usize, Part)> {
    let l = label.checked_sub(1)? as usize;
    let part = [Part::Begin, Part::Inside, Part::Last, Part::Unit][l % 4];
    Some((l / 4, part))
}

/// Whether `next` may follow `prev`, and whether a sequence may end after
/// `next` when `last` is set.
pub fn allowed(prev: u8, next: u8, last: bool) -> bool {
    let open = matches!(split(prev), Some((_, Part::Begin | Part::Inside)));
    let ok = match (split(prev), split(next)) {
        (Some((c, Part::Begin | Part::Inside)), Some((d, Part::Inside | Part::Last))) => c == d,
        _ if open => false,
        (_, None | Some((_, Part::Begin | Part::Unit))) => true,
        _ => false,
    };
    ok && !(last && matches!(split(next), Some((_, Part::Begin | Part::Inside))))
}

/// The highest-scoring label allowed after `prev`.
pub fn best(scores: &[f32; LABELS], prev: u8, last: bool) -> u8 {
    let mut best = 0u8;
    let mut best_score = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if s > best_score && allowed(prev, l as u8, last) {
            best = l as u8;
            best_score = s;
        }
    }
    best
}

/// Anything that scores labels from features: the model being trained, or
/// the one loaded for tagging.
pub trait Scorer {
    fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]);
}

/// A trained model, ready to tag.
pub struct Model {
    rows: FxHashMap<u64, u32>,
    weights: Vec<f32>,
}

impl Scorer for Model {
    fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        for f in features {
            if let Some(&r) = self.rows.get(f) {
                let row = &self.weights[r as usize * LABELS..(r as usize + 1) * LABELS];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the entity model is damaged: {0}")]
pub struct ModelError(&'static str);

impl Model {
    /// Reads a model written by [`Model::write`].
    pub fn read(bytes: &[u8]) -> Result<Model, ModelError> {
        let body = bytes.strip_prefix(MAGIC).ok_or(ModelError("wrong magic number"))?;
        if body.len() < 8 {
            return Err(ModelError("truncated header"));
        }
        let n = u32::from_le_bytes(body[0..4].try_into().unwrap()) as usize;
        let scale = f32::from_le_bytes(body[4..8].try_into().unwrap());
        let row_len = 8 + 2 * LABELS;
        let data = &body[8..];
        if data.len() != n * row_len {
            return Err(ModelError("wrong length"));
        }
        let mut rows = FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut weights = Vec::with_capacity(n * LABELS);
        for (r, chunk) in data.chunks_exact(row_len).enumerate() {
            rows.insert(u64::from_le_bytes(chunk[0..8].try_into().unwrap()), r as u32);
            weights.extend(chunk[8..].chunks_exact(2).map(|w| i16::from_le_bytes([w[0], w[1]]) as f32 * scale));
        }
        Ok(Model { rows, weights })
    }

    /// Writes `(feature, weights)` rows, quantised to i16.
    pub fn write(rows: &mut [(u64, [f32; LABELS])]) -> Vec<u8> {
        rows.sort_by_key(|r| r.0);
        let max = rows.iter().flat_map(|r| r.1).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let mut out = Vec::with_capacity(16 + rows.len() * (8 + 2 * LABELS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for (f, w) in rows.iter() {
            out.extend_from_slice(&f.to_le_bytes());
            for x in w {
                out.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_transitions() {
        let b = label(1, Part::Begin);
        let i = label(1, Part::Inside);
        let l = label(1, Part::Last);
        let u = label(2, Part::Unit);
        let other_i = label(2, Part::Inside);
        assert!(allowed(0, b, false) && allowed(b, i, false) && allowed(i, l, false) && allowed(l, u, false));
        assert!(!allowed(0, i, false), "I after O");
        assert!(!allowed(b, 0, false), "O after B");
        assert!(!allowed(b, other_i, false), "I of another class");
        assert!(!allowed(0, b, true), "a sequence cannot end on B");
        assert!(allowed(b, l, true));
    }

    #[test]
    fn models_round_trip_through_bytes() {
        let mut w = [0f32; LABELS];
        w[3] = 2.0;
        w[5] = -1.0;
        let bytes = Model::write(&mut vec![(7, w), (3, [0.5; LABELS])]);
        let model = Model::read(&bytes).unwrap();
        let mut scores = [0f32; LABELS];
        model.add_scores(&[7, 99], &mut scores);
        assert!((scores[3] - 2.0).abs() < 1e-3 && (scores[5] + 1.0).abs() < 1e-3 && scores[0] == 0.0);
        assert!(Model::read(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::read(b"nonsense").is_err());
    }
}
