//! Bytes to text: a byte-order mark first (UTF-8, UTF-16), then the
//! charset an HTML page declares (`<meta charset>`, `http-equiv`), then
//! UTF-8; bytes that are none of these are decoded in the encoding
//! chardetng guesses from them (windows-1252 for most Western pages).
//! encoding_rs does the decoding, as browsers do.

use encoding_rs::{Encoding, UTF_8};

/// How far into a page its charset declaration is looked for (HTML
/// requires it in the first 1024 bytes; pages stray further).
const DECLARATION_WINDOW: usize = 4096;

/// Text decoded from bytes, and a note when it was not plain UTF-8.
pub struct Decoded {
    pub text: String,
    /// Says how the bytes were read when that was not UTF-8 as is.
    pub note: Option<String>,
}

/// Decodes `bytes`, an HTML page when `html`.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        let note = (encoding != UTF_8 || malformed).then(|| format!("decoded as {} (byte-order mark){}", encoding.name(), if malformed { ", with replacement characters" } else { "" }));
        return Decoded { text: text.into_owned(), note };
    }
    if let Some(encoding) = html.then(|| declared_charset(bytes)).flatten().filter(|&e| e != UTF_8) {
        let (text, malformed) = encoding.decode_without_bom_handling(bytes);
        let note = malformed.then(|| format!("not all {} as the page declares; decoded with replacement characters", encoding.name()));
        return Decoded { text: text.into_owned(), note };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: text.to_string(), note: None },
        Err(e) => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let guess = detector.guess(None, true);
            let (text, _) = guess.decode_without_bom_handling(bytes);
            let at = e.valid_up_to();
            Decoded { text: text.into_owned(), note: Some(format!("not UTF-8 (invalid at byte {at}); decoded as {}, as its bytes suggest", guess.name())) }
        }
    }
}

/// The encoding a page declares in its head: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_WINDOW)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let rest = &head[from + at + b"charset".len()..];
        from += at + 1;
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else { continue };
        let rest = trim_start(rest);
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end = rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace()).unwrap_or(rest.len());
        if let Some(encoding) = Encoding::for_label(&rest[..end]) {
            // a page that says UTF-16 in ASCII bytes is not UTF-16: UTF-8
            return Some(encoding.output_encoding());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_guessed_and_marked_encodings() {
        // a declared charset, either way of declaring it
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Z\xfcrich</p></body></html>";
        assert!(decode(latin, true).text.contains("Z\u{fc}rich"));
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>caf\xe9 \x93quoted\x94</p>";
        assert!(decode(equiv, true).text.contains("caf\u{e9} \u{201c}quoted\u{201d}"));
        let sjis = b"<meta charset=shift_jis><p>\x93\x8c\x8b\x9e</p>";
        assert!(decode(sjis, true).text.contains("\u{6771}\u{4eac}"));
        // UTF-16 by its byte-order mark
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Ana Ruiz".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16, false).text, "Ana Ruiz");
        // nothing declared and not UTF-8: guessed, with a note
        let guessed = decode(b"Caf\xe9 owners met in Z\xfcrich on Monday.", false);
        assert_eq!(guessed.text, "Caf\u{e9} owners met in Z\u{fc}rich on Monday.");
        assert!(guessed.note.unwrap().contains("windows-1252"));
        // UTF-8 as is: no note
        assert!(decode("Zürich".as_bytes(), true).note.is_none());
    }
}
