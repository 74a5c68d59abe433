//! Readers for the annotated training corpora (filled in next).
