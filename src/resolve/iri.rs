//! Stable identifiers minted from content, never from counters.

use unicode_normalization::UnicodeNormalization;

/// "Élysée Palace" → "elysee-palace": lower case ASCII letters and digits
/// joined by single hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)) {
        let c = match c {
            'ß' => 's',
            'ø' | 'Ø' => 'o',
            'ł' | 'Ł' => 'l',
            'đ' | 'Đ' => 'd',
            'ı' => 'i',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '\u{2019}' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// FNV-1a, 64 bits: a tiny, fixed hash for naming articles by their text.
/// Stable across platforms and releases, unlike `std`'s hasher.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The identifier of an article: a hash of its text, so the same article
/// gets the same IRI in every run and every corpus.
pub fn article_id(text: &str) -> String {
    format!("{:016x}", fnv1a64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for (name, want) in [
            ("Élysée Palace", "elysee-palace"),
            ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
            ("Tesco's CEO", "tescos-ceo"),
            ("Poznań", "poznan"),
            ("  G-20 ", "g-20"),
            ("!!!", "x"),
        ] {
            assert_eq!(slug(name), want);
        }
    }

    #[test]
    fn article_ids_are_stable() {
        assert_eq!(article_id(""), "cbf29ce484222325");
        assert_eq!(article_id("a"), "af63dc4c8601ec8c");
    }
}
