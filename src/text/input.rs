//! Reading inputs: text files, standard input, directories (walked
//! recursively, in name order), JSON Lines (one article per line) and HTML
//! pages. Documents come out one at a time, so a corpus of any size streams.
//!
//! Odd input is a warning, not an error, and names the file (and line):
//! invalid UTF-8 is decoded lossily, binary files and broken JSON lines are
//! skipped, a publication date that is no real day is ignored. With
//! `strict`, the first warning is an error instead.

use crate::date::{Date, DateError};
use crate::document::Metadata;
use crate::error::Error;
use serde_json::Value;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One document to extract.
#[derive(Clone, Debug)]
pub struct Source {
    /// Where it came from: a path, `path:line` in JSON Lines, or `-`.
    pub origin: String,
    pub text: String,
    pub meta: Metadata,
}

/// The JSON Lines field names to read.
#[derive(Clone, Debug)]
pub struct JsonFields {
    /// Tried in order: the first present holds the article text.
    pub text: Vec<String>,
    pub id: String,
    pub title: String,
    pub date: String,
    pub url: String,
    pub author: String,
}

impl Default for JsonFields {
    fn default() -> JsonFields {
        JsonFields {
            text: vec!["text".into(), "body".into()],
            id: "id".into(),
            title: "title".into(),
            date: "date".into(),
            url: "url".into(),
            author: "author".into(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct InputOptions {
    /// Publication date for documents that give none.
    pub date: Option<Date>,
    pub strict: bool,
    pub fields: JsonFields,
    /// Standard input holds JSON Lines rather than one plain-text article
    /// (also assumed when it starts with `{`).
    pub stdin_jsonl: bool,
    /// The largest document read, in bytes; a larger one is skipped with a
    /// warning, and no more of it is read (a device that never ends).
    pub max_document_size: usize,
}

/// The default `max_document_size`: 16 MiB, far beyond any article.
pub const MAX_DOCUMENT_SIZE: usize = 16 << 20;

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions { date: None, strict: false, fields: JsonFields::default(), stdin_jsonl: false, max_document_size: MAX_DOCUMENT_SIZE }
    }
}

/// The kind of a file, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Html,
    JsonLines,
}

impl FileKind {
    pub fn of(path: &Path) -> FileKind {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm" | "xhtml") => FileKind::Html,
            Some("jsonl" | "ndjson") => FileKind::JsonLines,
            _ => FileKind::Text,
        }
    }
}

/// Every file the inputs name: directories walked recursively (only `.txt`,
/// `.html`, `.htm` and `.jsonl` inside them), in name order, each real
/// directory once; `-` is standard input.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for input in inputs {
        if input == Path::new("-") {
            files.push(input.clone());
        } else if input.is_dir() {
            walk(input, &mut files, &mut visited)?;
        } else if input.exists() {
            files.push(input.clone());
        } else {
            return Err(Error::Read { path: input.clone(), source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory") });
        }
    }
    Ok(files)
}

/// Walks `dir` and the directories under it, each real directory once
/// (`visited` holds their canonical paths): symbolic links that loop, or
/// lead to a directory walked already, add nothing.
fn walk(dir: &Path, files: &mut Vec<PathBuf>, visited: &mut std::collections::HashSet<PathBuf>) -> Result<(), Error> {
    let read = |source| Error::Read { path: dir.to_path_buf(), source };
    if !visited.insert(std::fs::canonicalize(dir).map_err(read)?) {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).map_err(read)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>().map_err(read)?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, files, visited)?;
        } else if matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("txt" | "html" | "htm" | "jsonl")) {
            files.push(path);
        }
    }
    Ok(())
}

/// How many first bytes of a file are sniffed for NUL bytes.
const SNIFFED: usize = 8192;

type JsonLines = std::io::Lines<BufReader<Box<dyn Read>>>;

/// Documents from a list of files, one at a time.
pub struct Sources {
    files: VecDeque<PathBuf>,
    options: InputOptions,
    /// An open JSON Lines file: its path, its lines, the last line number read.
    lines: Option<(PathBuf, JsonLines, usize)>,
    /// Warnings so far, each naming the file; taken by the caller.
    pub warnings: Vec<String>,
}

impl Sources {
    pub fn new(files: Vec<PathBuf>, options: InputOptions) -> Sources {
        Sources { files: files.into(), options, lines: None, warnings: Vec::new() }
    }

    fn open(path: &Path) -> Result<Box<dyn Read>, Error> {
        if path == Path::new("-") {
            Ok(Box::new(std::io::stdin()))
        } else {
            let file = std::fs::File::open(path).map_err(|source| Error::Read { path: path.into(), source })?;
            Ok(Box::new(file))
        }
    }

    /// A warning, or with `strict` an error.
    fn warn(&mut self, path: &Path, message: String) -> Result<(), Error> {
        if self.options.strict {
            return Err(Error::Strict { path: path.into(), message });
        }
        self.warnings.push(format!("{}: {message}", path.display()));
        Ok(())
    }

    /// Decodes bytes ([`super::encoding::decode`]), with a warning when
    /// they were not UTF-8 as is.
    fn decode(&mut self, path: &Path, bytes: Vec<u8>, html: bool) -> Result<String, Error> {
        let decoded = super::encoding::decode(&bytes, html);
        if let Some(note) = decoded.note {
            self.warn(path, note)?;
        }
        Ok(decoded.text)
    }

    fn meta(&self, origin: &str) -> Metadata {
        Metadata { date: self.options.date, origin: origin.to_string(), ..Metadata::default() }
    }

    /// The next document from an open JSON Lines file, if any is left.
    fn next_json_line(&mut self) -> Option<Result<Source, Error>> {
        loop {
            let (path, lines, number) = self.lines.as_mut()?;
            let path = path.clone();
            *number += 1;
            let n = *number;
            let line = match lines.next() {
                None => {
                    self.lines = None;
                    return None;
                }
                Some(Err(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                    if let Err(e) = self.warn(&path, format!("line {n}: invalid UTF-8; line skipped")) {
                        return Some(Err(e));
                    }
                    continue;
                }
                Some(Err(source)) => return Some(Err(Error::Read { path, source })),
                Some(Ok(line)) => line,
            };
            if line.trim().is_empty() {
                continue;
            }
            if line.len() > self.options.max_document_size {
                let limit = self.options.max_document_size;
                if let Err(e) = self.warn(&path, format!("line {n}: larger than --max-document-size ({limit} bytes); skipped")) {
                    return Some(Err(e));
                }
                continue;
            }
            let origin = format!("{}:{n}", path.display());
            match serde_json::from_str::<Value>(&line) {
                Ok(value) => match self.document_of(&value, &origin) {
                    Some((source, bad_date)) => {
                        if let Some(e) = bad_date {
                            if let Err(e) = self.warn(&path, format!("line {n}: {e}; date ignored")) {
                                return Some(Err(e));
                            }
                        }
                        return Some(self.sanitised(source));
                    }
                    None => {
                        let fields = self.options.fields.text.join(" or ");
                        if let Err(e) = self.warn(&path, format!("line {n}: no text field ({fields}); line skipped")) {
                            return Some(Err(e));
                        }
                    }
                },
                Err(e) => {
                    if let Err(e) = self.warn(&path, format!("line {n}: invalid JSON ({e}); line skipped")) {
                        return Some(Err(e));
                    }
                }
            }
        }
    }

    /// The document of a JSON line, and its date field if that is no date.
    fn document_of(&self, value: &Value, origin: &str) -> Option<(Source, Option<DateError>)> {
        let f = &self.options.fields;
        let field = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
        let body = f.text.iter().find_map(|name| field(name))?;
        let mut meta = self.meta(origin);
        meta.headline = field(&f.title);
        meta.url = field(&f.url);
        let mut bad_date = None;
        match field(&f.date).map(|d| Date::parse_prefix(&d)) {
            Some(Ok(date)) => meta.date = Some(date),
            Some(Err(e)) => bad_date = Some(e),
            None => {}
        }
        let origin = field(&f.id).map_or_else(|| origin.to_string(), |id| format!("{origin} ({id})"));
        meta.origin = origin.clone();
        // the headline and byline lead the text, as on a page
        let mut text = String::new();
        if let Some(h) = &meta.headline {
            text.push_str(h);
            text.push('\n');
        }
        if let Some(a) = field(&f.author) {
            text.push_str(&format!("By {a}\n"));
        }
        text.push_str(&body);
        Some((Source { origin, text, meta }, bad_date))
    }

    /// The next whole-file document, or opens a JSON Lines file.
    fn next_file(&mut self, path: PathBuf) -> Result<Option<Source>, Error> {
        let mut reader = BufReader::new(Sources::open(&path)?);
        // no article starts with "{": standard input that does is JSON Lines
        let stdin = path == Path::new("-");
        let looks_like_json = stdin && {
            let head = reader.fill_buf().map_err(|source| Error::Read { path: path.clone(), source })?;
            head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        };
        if FileKind::of(&path) == FileKind::JsonLines || (stdin && (self.options.stdin_jsonl || looks_like_json)) {
            self.lines = Some((path, reader.lines(), 0));
            return Ok(None);
        }
        // the first bytes say whether it is binary (UTF-16 has NUL bytes,
        // and a byte-order mark), before more is read: /dev/zero never ends
        let read_error = |source| Error::Read { path: path.clone(), source };
        let mut bytes = Vec::new();
        reader.by_ref().take(SNIFFED as u64).read_to_end(&mut bytes).map_err(read_error)?;
        if encoding_rs::Encoding::for_bom(&bytes).is_none() && bytes.contains(&0) {
            self.warn(&path, "binary file (NUL bytes); skipped".into())?;
            return Ok(None);
        }
        let limit = self.options.max_document_size;
        reader.by_ref().take((limit + 1).saturating_sub(bytes.len()) as u64).read_to_end(&mut bytes).map_err(read_error)?;
        if bytes.len() > limit {
            self.warn(&path, format!("larger than --max-document-size ({limit} bytes); skipped"))?;
            return Ok(None);
        }
        let text = self.decode(&path, bytes, FileKind::of(&path) == FileKind::Html)?;
        let origin = path.display().to_string();
        if FileKind::of(&path) == FileKind::Html {
            let page = super::html::read_page(&text);
            if page.paragraphs.is_empty() {
                self.warn(&path, "no article text found in the page".into())?;
            }
            if let Some(e) = &page.invalid_date {
                self.warn(&path, format!("{e}; date ignored"))?;
            }
            let mut meta = self.meta(&origin);
            meta.date = page.date.or(meta.date);
            meta.headline = page.headline.clone();
            meta.url = page.url.clone();
            return Ok(Some(Source { origin, text: page.to_text(), meta }));
        }
        Ok(Some(Source { meta: self.meta(&origin), origin, text }))
    }
}

impl Iterator for Sources {
    type Item = Result<Source, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.lines.is_some() {
                if let Some(item) = self.next_json_line() {
                    return Some(item);
                }
                continue;
            }
            let path = self.files.pop_front()?;
            match self.next_file(path) {
                Ok(Some(source)) => return Some(self.sanitised(source)),
                Ok(None) => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Sources {
    /// The source, with a warning when its text holds characters no RDF
    /// format can carry (XML 1.0 forbids C0 controls but tab and line ends,
    /// U+FFFE and U+FFFF, even escaped), which `Document::new` replaces by
    /// U+FFFD. A url that is no http(s) address is dropped.
    fn sanitised(&mut self, mut source: Source) -> Result<Source, Error> {
        let count = source.text.chars().filter(|&c| !super::is_xml_char(c)).count();
        if count > 0 {
            let path = PathBuf::from(source.origin.clone());
            self.warn(&path, format!("{count} control character(s) no XML can carry replaced with U+FFFD"))?;
        }
        // a page's address is a web address: no "javascript:" or "file:"
        if let Some(url) = source.meta.url.take() {
            let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
            if matches!(scheme.as_deref(), Some("http" | "https")) {
                source.meta.url = Some(url);
            } else {
                let path = PathBuf::from(source.origin.clone());
                self.warn(&path, format!("url {:?} is no http(s) address; dropped", crate::text::shown_safely(&url)))?;
            }
        }
        Ok(source)
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(files: Vec<PathBuf>, strict: bool) -> (Vec<Result<Source, Error>>, Vec<String>) {
        let mut sources = Sources::new(files, InputOptions { strict, ..InputOptions::default() });
        let docs: Vec<_> = sources.by_ref().collect();
        (docs, sources.warnings)
    }

    #[test]
    fn json_lines_give_one_document_each_and_report_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(&path, "{\"id\": \"x1\", \"title\": \"T\", \"date\": \"2024-01-02T10:00:00Z\", \"body\": \"Hello.\"}\n{broken\n\n{\"text\": \"Second.\"}\n{\"other\": 1}\n").unwrap();
        let (docs, warnings) = read_all(vec![path.clone()], false);
        let docs: Vec<Source> = docs.into_iter().map(Result::unwrap).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "T\nHello.");
        assert_eq!(docs[0].meta.date.map(|d| d.to_string()).as_deref(), Some("2024-01-02"));
        assert!(docs[0].origin.ends_with("a.jsonl:1 (x1)"));
        assert!(warnings[0].ends_with("a.jsonl: line 2: invalid JSON (key must be a string at line 1 column 2); line skipped"), "{warnings:?}");
        assert!(warnings[1].contains("line 5: no text field"));
        let (strict, _) = read_all(vec![path], true);
        assert!(strict.iter().any(|r| r.as_ref().is_err_and(|e| e.to_string().contains("line 2: invalid JSON"))));
    }

    #[test]
    fn dates_that_are_no_real_days_are_ignored_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        let lines: String = ["2023-02-30", "0000-00-00", "2023-13-45", "2023-03-10T09:00:00Z"].iter().map(|d| format!("{{\"date\": \"{d}\", \"text\": \"Hello.\"}}\n")).collect();
        std::fs::write(&path, lines).unwrap();
        let fallback: Date = "2020-01-01".parse().unwrap();
        let mut sources = Sources::new(vec![path.clone()], InputOptions { date: Some(fallback), ..InputOptions::default() });
        let dates: Vec<String> = sources.by_ref().map(|s| s.unwrap().meta.date.unwrap().to_string()).collect();
        assert_eq!(dates, ["2020-01-01", "2020-01-01", "2020-01-01", "2023-03-10"]);
        assert_eq!(sources.warnings.len(), 3, "{:?}", sources.warnings);
        assert!(sources.warnings[0].ends_with("d.jsonl: line 1: \"2023-02-30\" is not a date (expected YYYY-MM-DD); date ignored"), "{:?}", sources.warnings);
        assert!(sources.warnings[2].contains("line 3: \"2023-13-45\""));
        let (strict, _) = read_all(vec![path], true);
        assert!(strict[0].as_ref().is_err_and(|e| e.to_string().contains("line 1: \"2023-02-30\" is not a date")));

        let page = dir.path().join("p.html");
        std::fs::write(&page, "<html><head><meta property=\"article:published_time\" content=\"2023-02-30T08:00:00Z\"></head><body><p>A storm hit the coast on Friday and closed three roads.</p></body></html>").unwrap();
        let (docs, warnings) = read_all(vec![page], false);
        assert_eq!(docs[0].as_ref().unwrap().meta.date, None);
        assert!(warnings[0].ends_with("p.html: \"2023-02-30T08:00:00Z\" is not a date (expected YYYY-MM-DD); date ignored"), "{warnings:?}");
    }

    #[test]
    fn binary_and_invalid_utf8_files_warn() {
        let dir = tempfile::tempdir().unwrap();
        let binary = dir.path().join("image.txt");
        let latin = dir.path().join("latin.txt");
        std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
        std::fs::write(&latin, b"Caf\xe9 owners met.").unwrap();
        let (docs, warnings) = read_all(vec![binary, latin], false);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].as_ref().unwrap().text, "Caf\u{e9} owners met.");
        assert!(warnings[0].contains("image.txt: binary file"));
        assert!(warnings[1].contains("latin.txt: not UTF-8 (invalid at byte 3); decoded as windows-1252"), "{warnings:?}");
    }

    #[test]
    fn directories_are_walked_in_name_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.html", "sub/c.jsonl", "notes.md"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let files = expand(&[dir.path().to_path_buf()]).unwrap();
        let names: Vec<String> = files.iter().map(|f| f.strip_prefix(dir.path()).unwrap().display().to_string()).collect();
        assert_eq!(names, vec!["a.html", "b.txt", "sub/c.jsonl"]);
    }
}
