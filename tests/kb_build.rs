//! `newsgraph kb build`: knowledge bases from Wikidata JSON dumps, through
//! the binary. Real dump lines from `tests/data/wikidata/` (see its README),
//! and variants of them made here; the subclass rules on a small synthetic
//! dump whose Q-numbers (above 10⁹) name no real item.

mod common;

use common::*;
use newsgraph::document::EntityType;
use newsgraph::kb::{Candidate, Kb};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

const HEAD20: &str = "tests/data/wikidata/latest-all-head20.json.gz";
const SAMPLE_2015: &str = "tests/data/wikidata/sample-dump-20150815.json.gz";
const ITEM_2019: &str = "tests/data/wikidata/item-Q34987.json";
const LANGUAGES: &str = "tests/data/wikidata/classes-language.tsv";

struct Run {
    code: i32,
    stderr: String,
}

fn build(dump: &Path, output: &Path, args: &[&str]) -> Run {
    let out = newsgraph().arg("kb").arg("build").arg(dump).arg("-o").arg(output).args(args).output().unwrap();
    Run { code: out.status.code().unwrap(), stderr: String::from_utf8_lossy(&out.stderr).into() }
}

/// Builds and opens the knowledge base, checking the run succeeded.
fn built(dump: &Path, dir: &Path, args: &[&str]) -> (Kb, String) {
    let output = dir.join("out.kb");
    let run = build(dump, &output, args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (Kb::open(&output).unwrap(), run.stderr)
}

fn candidates(kb: &Kb, name: &str) -> Vec<Candidate> {
    kb.candidates(name, &mut String::new()).collect()
}

/// The only candidate for `name`.
fn one(kb: &Kb, name: &str) -> Candidate {
    let found = candidates(kb, name);
    assert_eq!(found.len(), 1, "{name}: {found:?}");
    found[0]
}

/// The decompressed lines of the 20-line head of the 2017 dump.
fn head20() -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(data(HEAD20)).unwrap()).read_to_string(&mut text).unwrap();
    text
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_real_dump_head_keeps_its_people_and_places_with_names_aliases_priors_and_places() {
    let dir = tempfile::tempdir().unwrap();
    let (kb, stderr) = built(&data(HEAD20), dir.path(), &["--threads", "2"]);
    // 19 entities: Scotland, Belgium, Washington, Denmark, Berlin, London
    // are kept; the universe, beer, Monday, a printer… are no instances of
    // a listed class
    assert!(stderr.contains("19 entities read, 6 kept, 0 bad lines"), "{stderr}");
    assert_eq!(kb.len(), 6);
    assert!(candidates(&kb, "universe").is_empty() && candidates(&kb, "Monday").is_empty());

    let washington = one(&kb, "George Washington");
    assert_eq!((washington.record.qid, washington.record.class, washington.by_alias), (23, EntityType::Person, false));
    // 202 sitelinks: round(40 × log10(203)) = 92
    assert_eq!(washington.record.prior, 92);
    assert_eq!((washington.record.country, washington.record.parent), (0, 0));
    let by_alias = one(&kb, "President Washington");
    assert_eq!((by_alias.record.qid, by_alias.by_alias), (23, true));
    assert_eq!(kb.name(by_alias.index), "George Washington");

    // London: P17 preferred Q145 over normal Q174193, P131 preferred Q23306
    let london = one(&kb, "London");
    assert_eq!((london.record.qid, london.record.class, london.record.prior), (84, EntityType::City, 97));
    assert_eq!((london.record.country, london.record.parent), (145, 23306));
    assert_eq!(one(&kb, "London, England").record.qid, 84);
    // Berlin: P17 preferred Q183 over normal Q16957; deprecated P31 values are not read
    let berlin = one(&kb, "Berlin");
    assert_eq!((berlin.record.qid, berlin.record.class, berlin.record.country, berlin.record.parent), (64, EntityType::City, 183, 183));
    // Scotland: P31 "country within the United Kingdom" (preferred), in Q145
    let scotland = one(&kb, "Scotland");
    assert_eq!((scotland.record.qid, scotland.record.class, scotland.record.country, scotland.record.parent), (22, EntityType::Country, 145, 145));
    assert_eq!(one(&kb, "Alba").record.qid, 22);
    let belgium = one(&kb, "Kingdom of Belgium");
    assert_eq!((belgium.record.qid, belgium.record.class, belgium.by_alias, belgium.record.country), (31, EntityType::Country, true, 31));
    assert!(kb.contains(35) && !kb.contains(1) && !kb.contains(44));
}

#[test]
fn the_2015_format_parses() {
    let dir = tempfile::tempdir().unwrap();
    // the sample as it is: 101 entities (55 items, 46 properties), labels stripped, so none kept
    let (kb, stderr) = built(&data(SAMPLE_2015), dir.path(), &[]);
    assert!(stderr.contains("101 entities read, 0 kept, 0 bad lines"), "{stderr}");
    assert!(kb.is_empty());
    // the same lines with an English label given to Q23 (P31 as a bare
    // numeric-id, the 2015 value format): Q23 is kept as a person
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(data(SAMPLE_2015)).unwrap()).read_to_string(&mut text).unwrap();
    assert!(!text.contains("\"id\":\"Q5\""), "2015 values have no id");
    let labelled = text.replace(
        r#""labels":{},"descriptions":{},"sitelinks":{},"id":"Q23","#,
        r#""labels":{"en":{"language":"en","value":"George Washington"}},"descriptions":{},"sitelinks":{},"id":"Q23","#,
    );
    assert_ne!(labelled, text);
    let (kb, stderr) = built(&write(dir.path(), "2015.json", labelled), dir.path(), &["-q"]);
    assert!(stderr.is_empty(), "{stderr}");
    let washington = one(&kb, "George Washington");
    assert_eq!((washington.record.qid, washington.record.class, washington.record.prior), (23, EntityType::Person, 0));
}

#[test]
fn the_current_format_parses() {
    let dir = tempfile::tempdir().unwrap();
    // Q34987 "Bile", a language (2019 JSON, one line between "[" and "]"),
    // kept with a class list of languages
    let (kb, stderr) = built(&data(ITEM_2019), dir.path(), &["--classes", &data(LANGUAGES).display().to_string()]);
    assert!(stderr.contains("1 entities read, 1 kept, 0 bad lines"), "{stderr}");
    let bile = one(&kb, "Bile");
    assert_eq!((bile.record.qid, bile.record.class, bile.by_alias), (34987, EntityType::Thing, false));
    // 6 sitelinks: round(40 × log10(7)) = 34; P17 Q1033
    assert_eq!((bile.record.prior, bile.record.country, bile.record.parent), (34, 1033, 0));
    assert_eq!(one(&kb, "Bile language").record.qid, 34987);
    // the built-in classes have no languages
    let (kb, _) = built(&data(ITEM_2019), dir.path(), &[]);
    assert!(kb.is_empty());
}

#[test]
fn a_truncated_array_crlf_blank_lines_bzip2_and_plain_text_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("gz.kb");
    // the head has no closing "]": it is cut after its 19th entity
    assert!(!head20().trim_end().ends_with(']'));
    assert_eq!(build(&data(HEAD20), &reference, &["-q"]).code, 0);
    let reference = std::fs::read(reference).unwrap();

    let text = head20();
    let crlf = text.replace('\n', "\r\n\r\n") + "]\r\n";
    let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
    bz.write_all(text.as_bytes()).unwrap();
    let variants = [("plain.json", text.clone().into_bytes()), ("crlf.json", crlf.into_bytes()), ("dump.json.bz2", bz.finish().unwrap())];
    for (name, bytes) in variants {
        let input = write(dir.path(), name, bytes);
        let output = dir.path().join(format!("{name}.kb"));
        let run = build(&input, &output, &["-q"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert!(std::fs::read(&output).unwrap() == reference, "{name} gives other bytes");
    }
}

#[test]
fn a_broken_line_is_a_warning_with_its_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let text = head20();
    let mut lines: Vec<&str> = text.lines().collect();
    // line 4 (Q1, the universe) cut in the middle; line 6 no JSON at all
    assert!(lines[3].contains(r#""id":"Q1","#));
    let cut = &lines[3][..lines[3].len() / 2];
    lines[3] = cut;
    lines.insert(5, "this is no JSON,");
    let input = write(dir.path(), "broken.json", lines.join("\n"));
    let (kb, stderr) = built(&input, dir.path(), &[]);
    assert!(stderr.contains("broken.json line 4: no JSON entity"), "{stderr}");
    assert!(stderr.contains("broken.json line 6: no JSON entity"), "{stderr}");
    assert!(stderr.contains("20 entities read, 6 kept, 2 bad lines"), "{stderr}");
    assert_eq!(kb.len(), 6, "the universe is not kept anyway");
}

/// A synthetic item in the current dump format.
fn item(qid: u32, label: Option<&str>, aliases: &[&str], p31: &[u32], p279: &[u32], sitelinks: usize) -> String {
    let value = |q: u32| format!(r#"{{"entity-type":"item","numeric-id":{q},"id":"Q{q}"}}"#);
    let statements = |p: &str, qs: &[u32]| {
        let list: Vec<String> = qs
            .iter()
            .map(|q| format!(r#"{{"mainsnak":{{"snaktype":"value","property":"{p}","datavalue":{{"value":{},"type":"wikibase-entityid"}},"datatype":"wikibase-item"}},"type":"statement","id":"Q{qid}$X","rank":"normal"}}"#, value(*q)))
            .collect();
        format!(r#""{p}":[{}]"#, list.join(","))
    };
    let mut claims = vec![statements("P31", p31)];
    if !p279.is_empty() {
        claims.push(statements("P279", p279));
    }
    let labels = label.map(|l| format!(r#""en":{{"language":"en","value":"{l}"}},"#)).unwrap_or_default();
    let aliases: Vec<String> = aliases.iter().map(|a| format!(r#"{{"language":"en","value":"{a}"}}"#)).collect();
    let sitelinks: Vec<String> = (0..sitelinks).map(|i| format!(r#""w{i}wiki":{{"site":"w{i}wiki","title":"T","badges":[]}}"#)).collect();
    format!(
        r#"{{"type":"item","id":"Q{qid}","labels":{{{labels}"de":{{"language":"de","value":"D"}}}},"descriptions":{{}},"aliases":{{"en":[{}]}},"claims":{{{}}},"sitelinks":{{{}}}}}"#,
        aliases.join(","),
        claims.join(","),
        sitelinks.join(",")
    )
}

const COUNTRY: u32 = 1_000_000_004;
const ORGANISATION: u32 = 1_000_000_001;
const COMPANY: u32 = 1_000_000_002;
const CITY: u32 = 1_000_000_003;
const BANK: u32 = 1_000_000_010;
const TOWN: u32 = 1_000_000_011;
const TOWN_TOO: u32 = 1_000_000_012;

/// The synthetic class list: country first, then organisation, company
/// (a subclass of organisation in the dump) and city.
fn synthetic_classes(dir: &Path) -> String {
    let rows = format!("# test classes\nQ{COUNTRY}\tCountry\tc\tt\nQ{ORGANISATION}\tOrganization\to\tt\nQ{COMPANY}\tCorporation\tco\tt\nQ{CITY}\tCity\tci\tt\n");
    write(dir, "classes.tsv", rows).display().to_string()
}

/// A dump whose instances come before the classes they are instances of.
fn synthetic_dump(filler: u32) -> String {
    let mut lines = vec![
        item(2_000_000_001, Some("Acme Bank"), &["Acme"], &[BANK], &[], 3),
        item(2_000_000_002, Some("Lindholm"), &[], &[TOWN], &[], 0),
        item(2_000_000_003, Some("Monagasque City"), &[], &[CITY, COUNTRY], &[], 10),
        item(2_000_000_004, Some("Rowing Club"), &[], &[ORGANISATION], &[], 1),
        item(2_000_000_005, Some("Nobody Special"), &[], &[999], &[], 1),
        item(2_000_000_006, None, &["Unnamed"], &[ORGANISATION], &[], 1),
    ];
    for i in 0..filler {
        let class = [ORGANISATION, BANK, TOWN, 999][i as usize % 4];
        lines.push(item(2_100_000_000 + i, Some(&format!("Filler Name {}", i % 5000)), &[&format!("F{i}"), "Common Alias"], &[class], &[], (i % 20) as usize));
    }
    lines.push(item(BANK, Some("bank"), &[], &[], &[COMPANY], 5));
    lines.push(item(COMPANY, Some("company"), &[], &[], &[ORGANISATION], 5));
    lines.push(item(TOWN, Some("town"), &[], &[], &[CITY, TOWN_TOO], 5));
    lines.push(item(TOWN_TOO, Some("town too"), &[], &[], &[TOWN], 5));
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[test]
fn subclasses_found_in_the_dump_are_kept_under_their_most_specific_root() {
    let dir = tempfile::tempdir().unwrap();
    let classes = synthetic_classes(dir.path());
    let input = write(dir.path(), "synthetic.json", synthetic_dump(0));
    let (kb, stderr) = built(&input, dir.path(), &["--classes", &classes]);
    assert!(stderr.contains("10 entities read, 4 kept"), "{stderr}");
    let class = |name: &str| one(&kb, name).record.class;
    assert_eq!(class("Acme Bank"), EntityType::Corporation, "a bank is a company, below organisation");
    assert_eq!(class("Lindholm"), EntityType::City, "a town is a city, through a cycle");
    assert_eq!(class("Monagasque City"), EntityType::Country, "neither root below the other: the first listed");
    assert_eq!(class("Rowing Club"), EntityType::Organization);
    assert!(candidates(&kb, "Nobody Special").is_empty() && candidates(&kb, "Unnamed").is_empty());
    assert_eq!(one(&kb, "Acme").record.prior, 24, "3 sitelinks: round(40 × log10(4))");

    // standard input: one pass, the listed classes only
    let out = newsgraph()
        .args(["kb", "build", "-", "-o"])
        .arg(dir.path().join("stdin.kb"))
        .args(["--classes", &classes])
        .write_stdin(std::fs::read(&input).unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.contains("2 kept") && stderr.contains("1 passes"), "{stderr}");
    let kb = Kb::open(&dir.path().join("stdin.kb")).unwrap();
    assert!(candidates(&kb, "Acme Bank").is_empty(), "its class is a subclass");
    assert_eq!(one(&kb, "Rowing Club").record.class, EntityType::Organization);
}

#[test]
fn the_same_input_gives_the_same_bytes_with_one_thread_or_two() {
    let dir = tempfile::tempdir().unwrap();
    let classes = synthetic_classes(dir.path());
    // about 20 MB: chunks of 2 MB, several batches
    let input = write(dir.path(), "big.json", synthetic_dump(20_000));
    assert!(std::fs::metadata(&input).unwrap().len() > 16 << 20);
    let mut outputs = Vec::new();
    for threads in ["1", "2"] {
        let output = dir.path().join(format!("t{threads}.kb"));
        let run = build(&input, &output, &["--threads", threads, "--classes", &classes]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.contains("20010 entities read, 15004 kept"), "{}", run.stderr);
        outputs.push(std::fs::read(output).unwrap());
    }
    assert!(outputs[0] == outputs[1], "the thread count changed the output");
    let kb = Kb::open(&dir.path().join("t2.kb")).unwrap();
    // "Common Alias" names 15,000 entities: the 64 most popular are kept
    let common = candidates(&kb, "Common Alias");
    assert_eq!(common.len(), 64);
    assert!(common.windows(2).all(|w| w[0].record.prior >= w[1].record.prior));
}

#[test]
fn a_missing_dump_or_a_directory_as_output_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.kb");
    let run = build(&dir.path().join("missing.json.gz"), &output, &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("missing.json.gz") && run.stderr.contains("No such file"), "{}", run.stderr);
    assert!(!output.exists());

    let run = build(&data(HEAD20), dir.path(), &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a directory"), "{}", run.stderr);
    let run = build(&data(HEAD20), &dir.path().join("no/such/dir/out.kb"), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    // a dump that is a directory
    let run = build(dir.path(), &output, &[]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is a directory"), "{}", run.stderr);
    // a bad class list names its line
    let classes = write(dir.path(), "bad.tsv", "Q5\tPerson\thuman\tx\nQ6\tTown\tt\tx\n");
    let run = build(&data(HEAD20), &output, &["--classes", &classes.display().to_string()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("bad.tsv: line 2: unknown class \"Town\""), "{}", run.stderr);
    assert_eq!(build(&data(HEAD20), &output, &["--threads", "0"]).code, 2);

    // nothing was left behind: no output, no temporary file
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, vec![std::ffi::OsString::from("bad.tsv")]);
}

#[test]
fn a_damaged_gzip_file_is_an_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(data(HEAD20)).unwrap();
    let mut damaged = bytes.clone();
    for b in &mut damaged[1000..1100] {
        *b ^= 0x55;
    }
    let input = write(dir.path(), "damaged.json.gz", damaged);
    let output = dir.path().join("out.kb");
    let run = build(&input, &output, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("damaged.json.gz"), "{}", run.stderr);
    assert!(!output.exists());
}

#[test]
fn extract_links_names_with_a_built_knowledge_base() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _) = built(&data(HEAD20), dir.path(), &[]);
    let kb = dir.path().join("out.kb");
    let text = write(dir.path(), "a.txt", "George Washington crossed the river at dawn with his officers.\n");
    let run = |args: &[&str]| newsgraph().arg("extract").arg(&text).args(["-f", "nt", "-q"]).args(args).output().unwrap();
    let out = run(&["--kb", kb.to_str().unwrap(), "--no-builtin-kb"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<http://www.wikidata.org/entity/Q23>"));
    // a missing file, or no knowledge base left, is an error and writes nothing
    let output = dir.path().join("out.nt");
    for args in [vec!["--kb", "no/such.kb"], vec!["--no-builtin-kb"]] {
        let out = newsgraph().arg("extract").arg(&text).arg("-o").arg(&output).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("knowledge base") || String::from_utf8_lossy(&out.stderr).contains("--kb"), "{args:?}");
        assert!(!output.exists());
    }
    // a file that is no knowledge base
    let out = newsgraph().arg("extract").arg(&text).arg("--kb").arg(&text).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is no newsgraph knowledge base"));
}
