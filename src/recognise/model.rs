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

/// Whether a name is open after `label` (it is B or I).
pub fn is_open(label: u8) -> bool {
    matches!(split(label), Some((_, Part::Begin | Part::Inside)))
}

/// The label that ends a name at an open label: B becomes U, I becomes L.
pub fn closed(label: u8) -> u8 {
    match split(label) {
        Some((c, Part::Begin)) => self::label(c, Part::Unit),
        Some((c, Part::Inside)) => self::label(c, Part::Last),
        _ => label,
    }
}

/// Whether `next` may follow `prev`, and whether a sequence may end after
/// `next` when `last` is set.
pub fn allowed(prev: u8, next: u8, last: bool) -> bool {
    let open = is_open(prev);
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

/// A trained model, ready to tag: an open-addressing table whose slots
/// hold a feature's hash and its weights together, one cache line each, so
/// that a lookup costs one memory access (the tagger's time is memory).
pub struct Model {
    slots: Vec<Slot>,
    mask: usize,
    scale: f32,
    rows: usize,
    /// One bit per feature's high bits, some 16 bits a row: small enough to
    /// stay in cache, so a feature the model lacks (most of those a token
    /// has) costs no trip to memory for its slot.
    filter: Vec<u64>,
    filter_mask: usize,
}

/// The filter bit of a feature: from its high bits (the slot index takes
/// the low ones).
fn filter_bit(feature: u64, mask: usize) -> usize {
    (feature >> 32) as usize & mask
}

#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    /// The feature; 0 for an empty slot (features are never 0).
    key: u64,
    weights: [i16; LABELS],
}

impl Model {
    fn slot(&self, feature: u64) -> Option<&Slot> {
        let mut i = feature as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.key == feature {
                return Some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl Model {
    /// Adds to `scores` the weights of `features` for each label.
    pub fn add_scores(&self, features: &[u64], scores: &mut [f32; LABELS]) {
        // ask for the slot of every feature the filter lets through first:
        // the misses then overlap instead of queueing
        let mut known = [0u64; 256];
        let mut n = 0;
        for &f in features {
            let bit = filter_bit(f, self.filter_mask);
            if self.filter[bit / 64] & (1 << (bit % 64)) != 0 {
                prefetch(&self.slots[f as usize & self.mask]);
                if n < known.len() {
                    known[n] = f;
                }
                n += 1;
            }
        }
        let known = if n <= known.len() { &known[..n] } else { features };
        let mut sum = [0i32; LABELS];
        for slot in known.iter().filter_map(|&f| self.slot(f)) {
            for (s, &w) in sum.iter_mut().zip(&slot.weights) {
                *s += w as i32;
            }
        }
        for (s, v) in scores.iter_mut().zip(sum) {
            *s += v as f32 * self.scale;
        }
    }
}

/// Asks the processor to bring `slot` into the cache.
#[inline(always)]
fn prefetch(slot: &Slot) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch only hints the cache; it reads nothing and cannot fault
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((slot as *const Slot).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = slot;
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
        let size = (n * 3 / 2).max(2).next_power_of_two();
        let bits = (n * 16).max(64).next_power_of_two();
        let mut model = Model { slots: vec![Slot { key: 0, weights: [0; LABELS] }; size], mask: size - 1, scale, rows: n, filter: vec![0; bits / 64], filter_mask: bits - 1 };
        for chunk in data.chunks_exact(row_len) {
            let key = u64::from_le_bytes(chunk[0..8].try_into().unwrap());
            if key == 0 {
                return Err(ModelError("a feature hash of 0"));
            }
            let mut weights = [0i16; LABELS];
            for (w, b) in weights.iter_mut().zip(chunk[8..].chunks_exact(2)) {
                *w = i16::from_le_bytes([b[0], b[1]]);
            }
            let mut i = key as usize & model.mask;
            while model.slots[i].key != 0 {
                if model.slots[i].key == key {
                    return Err(ModelError("a feature twice"));
                }
                i = (i + 1) & model.mask;
            }
            model.slots[i] = Slot { key, weights };
            let bit = filter_bit(key, model.filter_mask);
            model.filter[bit / 64] |= 1 << (bit % 64);
        }
        Ok(model)
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
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
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
        let bytes = Model::write(&mut [(7, w), (3, [0.5; LABELS])]);
        let model = Model::read(&bytes).unwrap();
        let mut scores = [0f32; LABELS];
        model.add_scores(&[7, 99], &mut scores);
        assert!((scores[3] - 2.0).abs() < 1e-3 && (scores[5] + 1.0).abs() < 1e-3 && scores[0] == 0.0);
        assert!(Model::read(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::read(b"nonsense").is_err());
    }
}
