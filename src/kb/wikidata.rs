//! A knowledge base from the official Wikidata JSON dump
//! (`latest-all.json.gz`, `.bz2` or uncompressed: one JSON array, `[` on the
//! first line, then one entity per line followed by `,` except the last,
//! then `]`).
//!
//! Two passes over the file, in bounded memory:
//!
//! 1. the subclass-of (P279) links of every item, as pairs of numbers (only
//!    lines that contain `"P279"` are parsed); the classes below the root
//!    classes of the class list (`ontology/wikidata-classes.tsv`, or
//!    `--classes`) are computed from them;
//! 2. every item that is an instance (P31) of one of those classes and has
//!    an English label is kept: its label as name, its English aliases,
//!    its class, a prior from its sitelink count, its country (P17) and the
//!    region it lies in (P131).
//!
//! Standard input (or a pipe) cannot be read twice: it is read in one pass,
//! keeping the instances of the root classes themselves (no subclasses).
//!
//! Rules:
//! - class: each root has a schema.org class. An item's P31 values (not the
//!   deprecated ones) reach some roots through P279; of these, a root with
//!   another of them below it (a subclass, not one of a cycle) is dropped,
//!   and of the rest the root listed first in the class list wins.
//! - prior = min(100, round(40 × log10(sitelinks + 1))): 0 sitelinks give 0,
//!   9 give 40, 99 give 80, 315 or more give 100.
//! - country and region: the first preferred value of P17 (P131), else the
//!   first normal one; deprecated values and "no value"/"some value" are
//!   not read.
//!
//! The dump is read by one thread (decompression is sequential) in chunks of
//! whole lines (buffers are reused); batches of chunks are parsed in
//! parallel (rayon) and merged in input order, so the output is the same for
//! any number of threads. Lines are parsed with serde, borrowing the strings
//! and skipping every field but the few that are read. Most lines are not
//! parsed whole: the first pass parses only lines containing `"P279"`, the
//! second first reads only the line's `"P31":` statements and skips the
//! line when they name no class to keep. A line parsed whole that is no
//! JSON entity is counted and reported as a warning with its line number,
//! never an error (a line that is no `{…}` object is always parsed whole,
//! so truncated and stray lines are reported; damage inside a line of an
//! item skipped by its P31 may go unnoticed).
//!
//! Memory: the subclass links (8 bytes each), the classes below the roots,
//! the chunks in flight (about 4 × threads × 2 MB, at most 256 MB), and the
//! kept entities: a 28-byte record each, their names and aliases in 64 MB
//! blocks. Writing the file (`write::write`) takes several times more.

use super::write::{self, Entry, CLASSES};
use crate::error::Error;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Instant;

/// The built-in class list.
pub const BUILTIN_CLASSES: &str = include_str!("../../ontology/wikidata-classes.tsv");

/// Bytes of whole lines handed to a worker at a time.
const CHUNK: usize = 2 << 20;
/// A line longer than this is skipped as a bad line (the longest entities
/// of the dump are a few megabytes).
const MAX_LINE: usize = 256 << 20;
/// Bad lines reported one by one; the rest are counted.
const WARNINGS: usize = 10;
/// Kept names are stored in blocks of this size.
const BLOCK: usize = 64 << 20;
/// At most this many root classes (a bit each).
const MAX_ROOTS: usize = 128;

/// One root class: its instances, and those of its subclasses, are kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Root {
    pub qid: u32,
    /// Index into [`CLASSES`].
    pub class: u8,
    pub label: String,
}

/// The root classes, in the order of the list (earlier wins a tie).
#[derive(Clone, Debug, PartialEq)]
pub struct ClassList {
    pub roots: Vec<Root>,
}

impl ClassList {
    /// `ontology/wikidata-classes.tsv`, compiled in.
    pub fn builtin() -> ClassList {
        ClassList::parse(BUILTIN_CLASSES).expect("ontology/wikidata-classes.tsv is well formed (tested)")
    }

    /// A class list file.
    pub fn read(path: &Path) -> Result<ClassList, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        ClassList::parse(&text).map_err(|message| Error::Input { path: path.to_path_buf(), message })
    }

    /// Tab-separated rows: Q-number, schema.org class, label, source; `#`
    /// starts a comment line. An error names the line.
    pub fn parse(text: &str) -> Result<ClassList, String> {
        let mut roots: Vec<Root> = Vec::new();
        for (i, row) in text.lines().enumerate() {
            let line = i + 1;
            let row = row.trim_end_matches('\r');
            if row.trim().is_empty() || row.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = row.split('\t').collect();
            if cols.len() < 2 {
                return Err(format!("line {line}: expected Q-number, class, label, source separated by tabs"));
            }
            let qid = cols[0].strip_prefix('Q').and_then(|n| n.parse::<u32>().ok()).filter(|n| *n > 0);
            let qid = qid.ok_or_else(|| format!("line {line}: {:?} is no Q-number", cols[0]))?;
            let class = write::class_code(cols[1])
                .ok_or_else(|| format!("line {line}: unknown class {:?} (expected one of: {})", cols[1], CLASSES.join(", ")))?;
            if roots.iter().any(|r| r.qid == qid) {
                return Err(format!("line {line}: Q{qid} is listed twice"));
            }
            roots.push(Root { qid, class, label: cols.get(2).unwrap_or(&"").to_string() });
        }
        if roots.is_empty() {
            return Err("no class listed".into());
        }
        if roots.len() > MAX_ROOTS {
            return Err(format!("{} classes listed; at most {MAX_ROOTS}", roots.len()));
        }
        Ok(ClassList { roots })
    }
}

/// How to build.
pub struct Options {
    pub threads: usize,
    pub classes: ClassList,
}

/// Hears about a build as it goes.
pub trait Observer {
    /// A new phase; `total` bytes of input will be read in it, when known.
    fn phase(&mut self, name: &str, total: Option<u64>);
    /// `bytes` of the input (as stored, compressed or not) and `json`
    /// bytes of the dump (decompressed) read so far in this phase.
    fn progress(&mut self, bytes: u64, json: u64);
    /// A bad line, skipped.
    fn warning(&mut self, message: &str);
}

/// An observer that ignores everything.
pub struct Silent;

impl Observer for Silent {
    fn phase(&mut self, _: &str, _: Option<u64>) {}
    fn progress(&mut self, _: u64, _: u64) {}
    fn warning(&mut self, _: &str) {}
}

/// What a build did, for the summary line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Passes over the input: 2, or 1 for standard input or a pipe.
    pub passes: u32,
    /// Entity lines (items, properties, lexemes…), bad ones included.
    pub entities: u64,
    pub kept: u64,
    pub bad_lines: u64,
    /// The root classes and their subclasses found in the dump.
    pub classes: usize,
    /// Bytes the kept entities took while held (records and names).
    pub held_bytes: u64,
    /// Bytes of the knowledge base.
    pub output_bytes: u64,
    /// Seconds of the first pass (0 for standard input), the second, and
    /// of making the knowledge base's bytes.
    pub phase_seconds: [f64; 3],
    pub seconds: f64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per = self.held_bytes.checked_div(self.kept).unwrap_or(0);
        write!(
            f,
            "{} entities read, {} kept, {} bad lines, {} classes, {} passes, {:.2} s (classes {:.2} s, entities {:.2} s, writing {:.2} s), {} bytes written, {} bytes held per kept entity",
            self.entities,
            self.kept,
            self.bad_lines,
            self.classes,
            self.passes,
            self.seconds,
            self.phase_seconds[0],
            self.phase_seconds[1],
            self.phase_seconds[2],
            self.output_bytes,
            per
        )
    }
}

/// Reads the dump at `input` (`-`: standard input) and returns the bytes of
/// the knowledge base of the items it keeps.
pub fn build(input: &Path, options: &Options, observer: &mut dyn Observer) -> Result<(Vec<u8>, Summary), Error> {
    let started = Instant::now();
    let stdin = input == Path::new("-");
    let metadata = match stdin {
        true => None,
        false => Some(std::fs::metadata(input).map_err(|source| Error::Read { path: input.to_path_buf(), source })?),
    };
    if metadata.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(Error::Read { path: input.to_path_buf(), source: io::Error::new(io::ErrorKind::IsADirectory, "is a directory") });
    }
    // standard input, a pipe or a device cannot be read twice
    let stream = !metadata.as_ref().is_some_and(|m| m.is_file());
    let total = metadata.filter(|m| m.is_file()).map(|m| m.len());
    let pool = rayon::ThreadPoolBuilder::new().num_threads(options.threads.max(1)).build().map_err(|e| Error::Io(io::Error::other(e)))?;
    let roots = &options.classes.roots;
    let mut summary = Summary { passes: if stream { 1 } else { 2 }, ..Summary::default() };

    // pass 1: subclass-of links, then the classes below each root
    let mut edges: Vec<(u32, u32)> = Vec::new();
    if !stream {
        observer.phase("pass 1/2: classes", total);
        let dump = Dump::open(input)?;
        dump.run(&pool, options.threads, observer, subclass_links, |links, _| edges.extend(links))?;
    }
    let classes = Classes::new(roots, edges);
    summary.classes = classes.mask.len();
    summary.phase_seconds[0] = started.elapsed().as_secs_f64();

    // pass 2: the items to keep
    observer.phase(if stream { "one pass (a stream): instances of the listed classes only" } else { "pass 2/2: entities" }, total);
    let dump = Dump::open(input)?;
    let mut kept = Kept::default();
    let mut line = 0u64;
    let mut shown = 0;
    dump.run(&pool, options.threads, observer, |chunk| keep(chunk, &classes, roots), |out: ChunkOut, observer| {
        summary.entities += out.entities;
        summary.bad_lines += out.bad.len() as u64;
        for (at, why) in &out.bad {
            if shown < WARNINGS {
                observer.warning(&format!("{} line {}: {why}; skipped", if stdin { "standard input".into() } else { input.display().to_string() }, line + at + 1));
                shown += 1;
            }
        }
        line += out.lines;
        kept.add(out);
    })?;
    if summary.bad_lines > shown as u64 {
        observer.warning(&format!("{} line(s) more skipped as bad lines", summary.bad_lines - shown as u64));
    }
    summary.kept = kept.records.len() as u64;
    summary.held_bytes = kept.held_bytes();
    summary.phase_seconds[1] = started.elapsed().as_secs_f64() - summary.phase_seconds[0];

    observer.phase("writing", None);
    let bytes = write::write(kept.into_entries());
    summary.output_bytes = bytes.len() as u64;
    summary.seconds = started.elapsed().as_secs_f64();
    summary.phase_seconds[2] = summary.seconds - summary.phase_seconds[0] - summary.phase_seconds[1];
    Ok((bytes, summary))
}

// ---------------------------------------------------------------- reading

/// A reader that counts the bytes read through it.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// What the reading thread hands over.
enum Chunk {
    /// Whole lines.
    Lines(Buffer),
    /// One line longer than [`MAX_LINE`], dropped.
    Overlong,
}

/// An open dump: its decompressed bytes, and how much of the stored file
/// has been read.
struct Dump {
    path: PathBuf,
    reader: Box<dyn Read + Send>,
    count: Arc<AtomicU64>,
}

impl Dump {
    /// Opens the file (or standard input), telling gzip, bzip2 and plain
    /// text apart by their first bytes.
    fn open(path: &Path) -> Result<Dump, Error> {
        let fail = |source| Error::Read { path: path.to_path_buf(), source };
        let count = Arc::new(AtomicU64::new(0));
        let raw: Box<dyn Read + Send> = if path == Path::new("-") { Box::new(io::stdin()) } else { Box::new(std::fs::File::open(path).map_err(fail)?) };
        let mut buffered = BufReader::with_capacity(1 << 20, Counting { inner: raw, count: count.clone() });
        let head = buffered.fill_buf().map_err(fail)?;
        let reader: Box<dyn Read + Send> = if head.starts_with(&[0x1f, 0x8b]) {
            Box::new(flate2::bufread::MultiGzDecoder::new(buffered))
        } else if head.starts_with(b"BZh") {
            Box::new(bzip2::bufread::MultiBzDecoder::new(buffered))
        } else {
            Box::new(buffered)
        };
        Ok(Dump { path: path.to_path_buf(), reader, count })
    }

    /// Reads the dump on a thread of its own, maps each chunk of lines
    /// with `work` on the pool, and hands the results to `merge` in input
    /// order.
    fn run<T: Send>(
        self,
        pool: &rayon::ThreadPool,
        threads: usize,
        observer: &mut dyn Observer,
        work: impl Fn(&Chunk) -> T + Sync,
        mut merge: impl FnMut(T, &mut dyn Observer),
    ) -> Result<(), Error> {
        // chunks handed out at a time (and as many more read ahead): enough
        // for every thread, a bounded number whatever --threads says
        let batch = (2 * threads).clamp(2, 64);
        let (send, receive) = mpsc::sync_channel::<io::Result<Chunk>>(batch);
        let Dump { path, reader, count } = self;
        let (give_back, recycled) = mpsc::channel::<Buffer>();
        let reading = std::thread::spawn(move || read_chunks(reader, &send, &recycled));
        let mut json = 0u64;
        let mut failed = None;
        let mut chunks = Vec::with_capacity(batch);
        let mut done = false;
        while !done {
            while chunks.len() < batch {
                match receive.recv() {
                    Ok(Ok(chunk)) => chunks.push(chunk),
                    Ok(Err(e)) => {
                        failed = Some(e);
                        done = true;
                        break;
                    }
                    Err(_) => {
                        done = true;
                        break;
                    }
                }
            }
            if failed.is_some() {
                break;
            }
            let results: Vec<T> = pool.install(|| chunks.par_iter().map(&work).collect());
            for r in results {
                merge(r, observer);
            }
            for chunk in chunks.drain(..) {
                if let Chunk::Lines(b) = chunk {
                    json += b.len() as u64;
                    let _ = give_back.send(b);
                }
            }
            observer.progress(count.load(Ordering::Relaxed), json);
        }
        drop(receive);
        let _ = reading.join();
        match failed {
            Some(source) => Err(Error::Read { path, source }),
            None => Ok(()),
        }
    }
}

/// Whole lines: the first `len` bytes of `bytes`. The rest of `bytes` is
/// kept (initialised) when the buffer is given back, so that reusing it
/// costs nothing.
struct Buffer {
    bytes: Vec<u8>,
    len: usize,
}

impl std::ops::Deref for Buffer {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The reading thread: whole lines in chunks of about [`CHUNK`] bytes, in
/// buffers given back by the workers when they can.
fn read_chunks(mut reader: Box<dyn Read + Send>, send: &mpsc::SyncSender<io::Result<Chunk>>, recycled: &mpsc::Receiver<Buffer>) {
    let mut carry: Vec<u8> = Vec::new();
    let mut skipping = false;
    loop {
        let mut buf = recycled.try_recv().ok().filter(|b| b.bytes.len() <= 4 * CHUNK).unwrap_or(Buffer { bytes: Vec::new(), len: 0 });
        let want = CHUNK.saturating_sub(carry.len()).max(1 << 16);
        let need = carry.len() + want;
        if buf.bytes.len() < need {
            buf.bytes.resize(need, 0);
        }
        buf.bytes[..carry.len()].copy_from_slice(&carry);
        let read = match fill(&mut reader, &mut buf.bytes[carry.len()..need]) {
            Ok(n) => n,
            Err(e) => {
                let _ = send.send(Err(e));
                return;
            }
        };
        buf.len = carry.len() + read;
        carry.clear();
        if read == 0 {
            // the end: a last line without a newline
            if buf.len > 0 && !skipping {
                let _ = send.send(Ok(Chunk::Lines(buf)));
            }
            return;
        }
        if skipping {
            // dropping the rest of an overlong line
            if let Some(i) = memchr::memchr(b'\n', &buf) {
                skipping = false;
                carry.extend_from_slice(&buf[i + 1..]);
            }
            continue;
        }
        match memchr::memrchr(b'\n', &buf) {
            Some(i) => {
                carry.extend_from_slice(&buf[i + 1..]);
                buf.len = i + 1;
                if send.send(Ok(Chunk::Lines(buf))).is_err() {
                    return;
                }
            }
            None if buf.len > MAX_LINE => {
                skipping = true;
                if send.send(Ok(Chunk::Overlong)).is_err() {
                    return;
                }
            }
            None => carry.extend_from_slice(&buf),
        }
    }
}

/// Fills `buf` from `reader`, short only at the end of the input; the
/// number of bytes read.
fn fill(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// The entity on a line of the dump, without the comma after it; `None`
/// for the array's brackets and blank lines. Tolerates CRLF, and a bracket
/// on the same line as the first or last entity.
fn entity_bytes(line: &[u8]) -> Option<&[u8]> {
    let mut line = line.trim_ascii();
    if let Some(rest) = line.strip_suffix(b",") {
        line = rest.trim_ascii_end();
    }
    if let Some(rest) = line.strip_prefix(b"[") {
        line = rest.trim_ascii_start();
    }
    if line.ends_with(b"]") && line.starts_with(b"{") {
        let rest = line[..line.len() - 1].trim_ascii_end();
        if rest.ends_with(b"}") {
            line = rest;
        }
    }
    (!line.is_empty() && line != b"]").then_some(line)
}

/// The lines of a chunk (a last line may lack its newline).
fn lines(chunk: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = chunk;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest).unwrap_or(rest.len());
        let line = &rest[..end];
        rest = rest.get(end + 1..).unwrap_or(&[]);
        Some(line)
    })
}

// ---------------------------------------------------------------- pass 1

/// The subclass-of links (class, superclass) of the items of a chunk.
fn subclass_links(chunk: &Chunk) -> Vec<(u32, u32)> {
    let Chunk::Lines(bytes) = chunk else { return Vec::new() };
    let finder = memchr::memmem::Finder::new(b"\"P279\"");
    let mut links = Vec::new();
    for line in lines(bytes) {
        let Some(entity) = entity_bytes(line) else { continue };
        if finder.find(entity).is_none() {
            continue;
        }
        // bad lines are reported by the second pass
        let Ok(e) = serde_json::from_slice::<Entity>(entity) else { continue };
        if let Some(qid) = e.item_qid() {
            links.extend(e.claims.p279.iter().map(|&c| (qid, c)));
        }
    }
    links
}

/// The root classes and the classes below them.
struct Classes {
    /// For each class, the roots it is (under).
    mask: FxHashMap<u32, u128>,
    /// For each root, the roots strictly below it.
    below: Vec<u128>,
}

impl Classes {
    fn new(roots: &[Root], mut edges: Vec<(u32, u32)>) -> Classes {
        // superclass → subclasses, sorted for lookup
        for e in edges.iter_mut() {
            *e = (e.1, e.0);
        }
        edges.sort_unstable();
        edges.dedup();
        let children = |class: u32| {
            let start = edges.partition_point(|e| e.0 < class);
            edges[start..].iter().take_while(move |e| e.0 == class).map(|e| e.1)
        };
        let mut mask: FxHashMap<u32, u128> = FxHashMap::default();
        for (r, root) in roots.iter().enumerate() {
            let bit = 1u128 << r;
            let mut stack = vec![root.qid];
            while let Some(class) = stack.pop() {
                let m = mask.entry(class).or_insert(0);
                if *m & bit != 0 {
                    continue;
                }
                *m |= bit;
                stack.extend(children(class));
            }
        }
        let under = |r: usize| mask.get(&roots[r].qid).copied().unwrap_or(0);
        let below = (0..roots.len())
            .map(|r| {
                let mut m = 0u128;
                for s in 0..roots.len() {
                    // s is below r when it is under r and r is not under s
                    if s != r && under(s) & (1 << r) != 0 && under(r) & (1 << s) == 0 {
                        m |= 1 << s;
                    }
                }
                m
            })
            .collect();
        Classes { mask, below }
    }

    /// The root deciding the class of an item whose P31 values reach the
    /// roots of `mask`: the first listed of those with none of the others
    /// below it.
    fn choose(&self, mask: u128) -> Option<usize> {
        (0..self.below.len()).find(|&r| mask & (1 << r) != 0 && mask & self.below[r] == 0)
    }
}

// ---------------------------------------------------------------- pass 2

/// One kept entity; its name and aliases are in the name blocks.
#[derive(Clone, Copy)]
struct Record {
    qid: u32,
    country: u32,
    parent: u32,
    block: u32,
    at: u32,
    len: u32,
    class: u8,
    prior: u8,
}

/// A chunk's results.
#[derive(Default)]
struct ChunkOut {
    lines: u64,
    entities: u64,
    /// Bad lines: index within the chunk, why.
    bad: Vec<(u64, String)>,
    /// Records with `at` into `names` (`block` unused).
    records: Vec<Record>,
    /// Name, then each alias, each followed by [`SEP`].
    names: String,
}

/// Ends each name in the name blocks.
const SEP: char = '\u{1f}';

fn keep(chunk: &Chunk, classes: &Classes, roots: &[Root]) -> ChunkOut {
    let mut out = ChunkOut::default();
    let bytes = match chunk {
        Chunk::Lines(b) => b,
        Chunk::Overlong => {
            out.lines = 1;
            out.entities = 1;
            out.bad.push((0, format!("longer than {} MB", MAX_LINE >> 20)));
            return out;
        }
    };
    let p31 = memchr::memmem::Finder::new(b"\"P31\":");
    for (i, line) in lines(bytes).enumerate() {
        out.lines += 1;
        let Some(bytes) = entity_bytes(line) else { continue };
        out.entities += 1;
        if !probably_kept(bytes, &p31, classes) {
            continue;
        }
        let e = match serde_json::from_slice::<Entity>(bytes) {
            Ok(e) => e,
            Err(err) => {
                out.bad.push((i as u64, why(&err)));
                continue;
            }
        };
        let Some(qid) = e.item_qid() else { continue };
        let mask = e.claims.p31.iter().fold(0u128, |m, c| m | classes.mask.get(c).copied().unwrap_or(0));
        let Some(root) = classes.choose(mask) else { continue };
        let Some(label) = &e.labels.0 else { continue };
        let name = label.0.trim();
        if name.is_empty() {
            continue;
        }
        let at = out.names.len();
        push_name(&mut out.names, name);
        let mut seen: Vec<&str> = vec![name];
        for alias in &e.aliases.0 {
            let alias = alias.0.trim();
            if !alias.is_empty() && !seen.contains(&alias) {
                seen.push(alias);
                push_name(&mut out.names, alias);
            }
        }
        out.records.push(Record {
            qid,
            country: e.claims.p17.value(),
            parent: e.claims.p131.value(),
            block: 0,
            at: at as u32,
            len: (out.names.len() - at) as u32,
            class: roots[root].class,
            prior: prior(e.sitelinks.0),
        });
    }
    out
}

/// Whether a line may hold an item to keep, read without parsing all of
/// it: a line that looks like an object and whose "instance of" statements
/// (the first `"P31":` followed by a list of statements) name none of the
/// classes is not; when unsure (a `"P31":` of a qualifier or a reference,
/// say), it may be. Most lines of a dump are instances of other classes;
/// this spares parsing them whole. (A broken line skipped here is not
/// reported: only lines parsed whole are checked.)
fn probably_kept(line: &[u8], p31: &memchr::memmem::Finder, classes: &Classes) -> bool {
    if !line.starts_with(b"{") || !line.ends_with(b"}") {
        return true;
    }
    let Some(at) = p31.find(line) else { return false };
    let mut json = serde_json::Deserializer::from_slice(&line[at + p31.needle().len()..]);
    match Statements::deserialize(&mut json) {
        Ok(statements) => statements.values().any(|c| classes.mask.contains_key(&c)),
        Err(_) => true,
    }
}

/// A name and its separator; control characters become spaces.
fn push_name(names: &mut String, name: &str) {
    names.extend(name.chars().map(|c| if c.is_control() { ' ' } else { c }));
    names.push(SEP);
}

/// The popularity prior of an item with `sitelinks` sitelinks.
pub fn prior(sitelinks: usize) -> u8 {
    (40.0 * ((sitelinks + 1) as f64).log10()).round().min(100.0) as u8
}

/// A JSON error without serde's "at line 1 column N" (a dump line is one
/// JSON line), with the column.
fn why(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text);
    format!("no JSON entity (column {}: {text})", err.column())
}

/// The kept entities: fixed-size records, and their names in large blocks.
#[derive(Default)]
struct Kept {
    records: Vec<Record>,
    blocks: Vec<String>,
}

impl Kept {
    fn add(&mut self, out: ChunkOut) {
        if out.records.is_empty() {
            return;
        }
        let fits = self.blocks.last().is_some_and(|b| b.capacity() - b.len() >= out.names.len());
        if !fits {
            self.blocks.push(String::with_capacity(BLOCK.max(out.names.len())));
        }
        let block = self.blocks.len() - 1;
        let names = &mut self.blocks[block];
        let base = names.len() as u32;
        names.push_str(&out.names);
        self.records.extend(out.records.into_iter().map(|r| Record { block: block as u32, at: base + r.at, ..r }));
    }

    fn held_bytes(&self) -> u64 {
        (self.records.len() * std::mem::size_of::<Record>()) as u64 + self.blocks.iter().map(|b| b.len() as u64).sum::<u64>()
    }

    /// The entries to write; the names blocks are freed as they are read.
    fn into_entries(self) -> Vec<Entry> {
        let Kept { records, mut blocks } = self;
        let mut entries = Vec::with_capacity(records.len());
        let mut records = records.into_iter().peekable();
        for (b, block) in blocks.iter_mut().enumerate() {
            while let Some(r) = records.next_if(|r| r.block as usize == b) {
                let text = &block[r.at as usize..(r.at + r.len) as usize];
                let mut names = text.strip_suffix(SEP).unwrap_or(text).split(SEP).map(str::to_string);
                let name = names.next().unwrap_or_default();
                entries.push(Entry { qid: r.qid, class: r.class, prior: r.prior, country: r.country, parent: r.parent, name, aliases: names.collect() });
            }
            *block = String::new();
        }
        entries
    }
}

// ---------------------------------------------------------------- the JSON

/// An entity of the dump: only what is read. Missing fields are empty, and
/// an empty map may be written `[]` (as PHP wrote empty arrays).
#[derive(Deserialize)]
struct Entity<'a> {
    #[serde(rename = "type", borrow, default)]
    kind: Option<Str<'a>>,
    #[serde(borrow, default)]
    id: Option<Str<'a>>,
    #[serde(borrow, default)]
    labels: English<'a>,
    #[serde(borrow, default)]
    aliases: EnglishList<'a>,
    #[serde(default)]
    claims: Claims,
    #[serde(default)]
    sitelinks: Count,
}

impl Entity<'_> {
    /// The number of an item's Q-number; `None` for properties, lexemes
    /// and the rest.
    fn item_qid(&self) -> Option<u32> {
        let id = self.id.as_ref()?;
        let item = match &self.kind {
            Some(kind) => kind.0 == "item",
            None => true,
        };
        if !item {
            return None;
        }
        id.0.strip_prefix('Q')?.parse().ok()
    }
}

/// A string, borrowed from the line when it has no escapes.
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Str<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Str<'a>, E> {
                Ok(Str(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

/// `{"language": "en", "value": "…"}`
#[derive(Deserialize)]
struct Term<'a> {
    #[serde(borrow)]
    value: Str<'a>,
}

/// `labels`: the English one.
#[derive(Default)]
struct English<'a>(Option<Str<'a>>);

impl<'de: 'a, 'a> Deserialize<'de> for English<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = English<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of labels")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<English<'a>, M::Error> {
                let mut en = None;
                while let Some(key) = map.next_key::<Str>()? {
                    if key.0 == "en" {
                        en = Some(map.next_value::<Term>()?.value);
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(English(en))
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<English<'a>, S::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(English(None))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// `aliases`: the English ones.
#[derive(Default)]
struct EnglishList<'a>(Vec<Str<'a>>);

impl<'de: 'a, 'a> Deserialize<'de> for EnglishList<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = EnglishList<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of aliases")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<EnglishList<'a>, M::Error> {
                let mut en = Vec::new();
                while let Some(key) = map.next_key::<Str>()? {
                    if key.0 == "en" {
                        en = map.next_value::<Vec<Term>>()?.into_iter().map(|t| t.value).collect();
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(EnglishList(en))
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<EnglishList<'a>, S::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(EnglishList(Vec::new()))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// The number of entries of a map (`sitelinks`).
#[derive(Default)]
struct Count(usize);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Count, M::Error> {
                let mut n = 0;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Count, S::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        d.deserialize_any(V)
    }
}

/// The statements read: instance of, subclass of, country, located in.
#[derive(Default)]
struct Claims {
    p31: Vec<u32>,
    p279: Vec<u32>,
    p17: Best,
    p131: Best,
}

impl<'de> Deserialize<'de> for Claims {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Claims;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of claims")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Claims, M::Error> {
                let mut claims = Claims::default();
                while let Some(key) = map.next_key::<Str>()? {
                    match &*key.0 {
                        "P31" => claims.p31 = map.next_value::<Statements>()?.values().collect(),
                        "P279" => claims.p279 = map.next_value::<Statements>()?.values().collect(),
                        "P17" => claims.p17 = map.next_value::<Statements>()?.best(),
                        "P131" => claims.p131 = map.next_value::<Statements>()?.best(),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(claims)
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Claims, S::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Claims::default())
            }
        }
        d.deserialize_any(V)
    }
}

const DEPRECATED: u8 = 0;
const NORMAL: u8 = 1;
const PREFERRED: u8 = 2;

/// The item values of a property's statements, with their ranks.
struct Statements(Vec<(u8, u32)>);

impl Statements {
    /// The values not deprecated, in order.
    fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().filter(|(rank, _)| *rank != DEPRECATED).map(|(_, v)| *v)
    }

    /// The first preferred value, else the first normal one.
    fn best(&self) -> Best {
        let first = |rank| self.0.iter().find(|(r, _)| *r == rank).map(|(_, v)| *v);
        Best(first(PREFERRED).or_else(|| first(NORMAL)))
    }
}

/// The value of a single-valued property, as read by [`Statements::best`].
#[derive(Default)]
struct Best(Option<u32>);

impl Best {
    fn value(&self) -> u32 {
        self.0.unwrap_or(0)
    }
}

impl<'de> Deserialize<'de> for Statements {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Statements;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of statements")
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Statements, S::Error> {
                let mut values = Vec::new();
                while let Some(s) = seq.next_element::<Statement>()? {
                    let rank = match s.rank.as_ref().map(|r| &*r.0) {
                        Some("deprecated") => DEPRECATED,
                        Some("preferred") => PREFERRED,
                        _ => NORMAL,
                    };
                    if let Some(v) = s.mainsnak.datavalue.and_then(|d| d.value.0) {
                        values.push((rank, v));
                    }
                }
                Ok(Statements(values))
            }
        }
        d.deserialize_seq(V)
    }
}

#[derive(Deserialize)]
struct Statement<'a> {
    mainsnak: Snak,
    #[serde(borrow, default)]
    rank: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Snak {
    #[serde(default)]
    datavalue: Option<DataValue>,
}

#[derive(Deserialize)]
struct DataValue {
    value: ItemValue,
}

/// An item value: `{"entity-type":"item","numeric-id":5}` (2015 on), with
/// `"id":"Q5"` (2017 on); the numeric id is read, else the id. `None` for
/// any other kind of value.
struct ItemValue(Option<u32>);

impl<'de> Deserialize<'de> for ItemValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ItemValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<ItemValue, M::Error> {
                let (mut numeric, mut id, mut item) = (None, None, true);
                while let Some(key) = map.next_key::<Str>()? {
                    match &*key.0 {
                        "numeric-id" => numeric = u32::try_from(map.next_value::<u64>()?).ok(),
                        "id" => id = map.next_value::<Str>()?.0.strip_prefix('Q').and_then(|n| n.parse().ok()),
                        "entity-type" => item = map.next_value::<Str>()?.0 == "item",
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(ItemValue(if item { numeric.or(id) } else { None }))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<ItemValue, E> {
                Ok(ItemValue(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<ItemValue, E> {
                Ok(ItemValue(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<ItemValue, E> {
                Ok(ItemValue(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<ItemValue, E> {
                Ok(ItemValue(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<ItemValue, E> {
                Ok(ItemValue(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<ItemValue, E> {
                Ok(ItemValue(None))
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<ItemValue, S::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(ItemValue(None))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(json: &str) -> Entity<'_> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn the_builtin_class_list_reads() {
        let list = ClassList::builtin();
        assert!(list.roots.len() >= 20);
        let human = list.roots.iter().find(|r| r.label.starts_with("human")).unwrap();
        assert_eq!(CLASSES[human.class as usize], "Person");
    }

    #[test]
    fn class_list_errors_name_the_line() {
        assert!(ClassList::parse("# c\nQ5\tPerson\thuman\tx\n").is_ok());
        let err = ClassList::parse("Q5\tPerson\n\nQ6\tTown\tx\n").unwrap_err();
        assert!(err.contains("line 3") && err.contains("Town"), "{err}");
        assert!(ClassList::parse("X5\tPerson\n").unwrap_err().contains("line 1"));
        assert!(ClassList::parse("Q5\tPerson\nQ5\tPlace\n").unwrap_err().contains("twice"));
        assert!(ClassList::parse("# only comments\n").is_err());
    }

    #[test]
    fn both_value_formats_and_ranks_read() {
        let e = entity(
            r#"{"type":"item","id":"Q9","labels":{"de":{"language":"de","value":"X"},"en":{"language":"en","value":"Caf\u00e9 Nine"}},
            "aliases":{"en":[{"language":"en","value":"C9"}]},"sitelinks":{"enwiki":{},"dewiki":{}},
            "claims":{"P31":[{"rank":"normal","mainsnak":{"snaktype":"value","datavalue":{"type":"wikibase-entityid","value":{"entity-type":"item","numeric-id":5}}}},
                             {"rank":"deprecated","mainsnak":{"datavalue":{"value":{"entity-type":"item","numeric-id":6,"id":"Q6"}}}},
                             {"rank":"normal","mainsnak":{"datavalue":{"value":{"entity-type":"item","id":"Q7"}}}},
                             {"rank":"normal","mainsnak":{"snaktype":"somevalue"}}],
                      "P17":[{"rank":"normal","mainsnak":{"datavalue":{"value":{"entity-type":"item","numeric-id":1}}}},
                             {"rank":"preferred","mainsnak":{"datavalue":{"value":{"entity-type":"item","numeric-id":2}}}}],
                      "P131":[{"rank":"deprecated","mainsnak":{"datavalue":{"value":{"entity-type":"item","numeric-id":3}}}},
                              {"rank":"normal","mainsnak":{"datavalue":{"value":{"entity-type":"item","numeric-id":4}}}}],
                      "P18":[{"mainsnak":{"datavalue":{"value":"a.jpg","type":"string"}}}]}}"#,
        );
        assert_eq!(e.item_qid(), Some(9));
        assert_eq!(e.labels.0.unwrap().0, "Café Nine");
        assert_eq!(e.aliases.0.len(), 1);
        assert_eq!(e.claims.p31, vec![5, 7]);
        assert_eq!((e.claims.p17.value(), e.claims.p131.value()), (2, 4));
        assert_eq!(e.sitelinks.0, 2);
        // PHP's empty arrays for empty maps
        let e = entity(r#"{"type":"item","id":"Q1","labels":[],"aliases":[],"claims":[],"sitelinks":[]}"#);
        assert!(e.labels.0.is_none() && e.claims.p31.is_empty());
        assert_eq!(entity(r#"{"type":"property","id":"P31"}"#).item_qid(), None);
    }

    #[test]
    fn dump_lines_are_found_with_their_commas_and_brackets() {
        assert_eq!(entity_bytes(b"[").map(<[u8]>::to_vec), None);
        assert_eq!(entity_bytes(b"]\r").map(<[u8]>::to_vec), None);
        assert_eq!(entity_bytes(b"  ").map(<[u8]>::to_vec), None);
        assert_eq!(entity_bytes(b"{\"a\":[1]},\r"), Some(&b"{\"a\":[1]}"[..]));
        assert_eq!(entity_bytes(b"[{\"a\":1}]"), Some(&b"{\"a\":1}"[..]));
        assert_eq!(lines(b"a\nb\n").collect::<Vec<_>>(), vec![&b"a"[..], b"b"]);
        assert_eq!(lines(b"a\n\nb").collect::<Vec<_>>(), vec![&b"a"[..], b"", b"b"]);
    }

    #[test]
    fn the_most_specific_root_wins_then_the_first_listed() {
        let root = |qid, class: &str| Root { qid, class: write::class_code(class).unwrap(), label: String::new() };
        // 10 organisation > 11 company > 12 bank; 20 city; 30 country
        let roots = vec![root(30, "Country"), root(10, "Organization"), root(11, "Corporation"), root(20, "City")];
        let edges = vec![(11, 10), (12, 11), (13, 12), (21, 20), (20, 21)];
        let c = Classes::new(&roots, edges);
        let mask = |qids: &[u32]| qids.iter().fold(0u128, |m, q| m | c.mask.get(q).copied().unwrap_or(0));
        assert_eq!(c.choose(mask(&[13])), Some(2), "a bank's company root is below organisation");
        assert_eq!(c.choose(mask(&[10, 12])), Some(2));
        assert_eq!(c.choose(mask(&[21])), Some(3), "cycles end");
        assert_eq!(c.choose(mask(&[20, 30])), Some(0), "neither below the other: the first listed");
        assert_eq!(c.choose(mask(&[99])), None);
    }

    #[test]
    fn lines_of_other_classes_are_skipped_unparsed_and_unsure_ones_are_not() {
        let roots = vec![Root { qid: 5, class: 1, label: String::new() }];
        let c = Classes::new(&roots, Vec::new());
        let p31 = memchr::memmem::Finder::new(b"\"P31\":");
        let statement = |q: u32| format!(r#"{{"mainsnak":{{"datavalue":{{"value":{{"entity-type":"item","numeric-id":{q}}}}}}},"rank":"normal"}}"#);
        let kept = |line: String| probably_kept(line.as_bytes(), &p31, &c);
        assert!(kept(format!(r#"{{"id":"Q1","claims":{{"P31":[{}]}}}}"#, statement(5))));
        assert!(!kept(format!(r#"{{"id":"Q1","claims":{{"P31":[{}]}}}}"#, statement(6))));
        assert!(!kept(r#"{"id":"Q1","claims":{"P18":[]}}"#.to_string()), "no P31 at all");
        // a qualifier's P31 comes first: unsure, parsed whole
        assert!(kept(format!(r#"{{"claims":{{"P2":[{{"qualifiers":{{"P31":[{{"snaktype":"value"}}]}}}}],"P31":[{}]}}}}"#, statement(6))));
        // no object: parsed whole, to be reported
        assert!(kept(r#"{"id":"Q1","claims":{"P31":["#.to_string()));
    }

    #[test]
    fn priors_grow_with_sitelinks() {
        assert_eq!([0, 1, 9, 99, 315, 5000].map(prior), [0, 12, 40, 80, 100, 100]);
    }
}
