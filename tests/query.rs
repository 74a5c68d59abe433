//! `newsgraph query` and the shipped queries, on the example article.

mod common;

use common::*;

fn query(args: &[&str]) -> String {
    let out = newsgraph().arg("query").args(args).output().unwrap();
    assert!(out.status.success(), "query failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn on_example(query_file: &str, results: &str) -> String {
    query(&[query_file, EXAMPLE, "--date", EXAMPLE_DATE, "--results", results])
}

/// CSV rows (header dropped), split on commas outside quotes.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    csv.lines()
        .skip(1)
        .map(|line| {
            let mut cells = vec![String::new()];
            let mut quoted = false;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '"' if quoted && chars.peek() == Some(&'"') => {
                        chars.next();
                        cells.last_mut().unwrap().push('"');
                    }
                    '"' => quoted = !quoted,
                    ',' if !quoted => cells.push(String::new()),
                    c => cells.last_mut().unwrap().push(c),
                }
            }
            cells
        })
        .collect()
}

#[test]
fn quotes_lists_every_quotation_with_its_speaker() {
    let rows = csv_rows(&on_example("queries/quotes.rq", "csv"));
    assert_eq!(rows.len(), 8);
    let speakers: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(speakers.iter().filter(|s| s.contains("spokesman")).count(), 4);
    assert_eq!(speakers.iter().filter(|s| **s == "Rishi Sunak").count(), 2);
    assert!(rows.iter().any(|r| r[0] == "Labour Party" && r[1] == "total failure."));
    assert!(rows.iter().any(|r| r[0] == "French government source" && r[1].starts_with("At this stage")));
    let table = on_example("queries/quotes.rq", "table");
    assert!(table.lines().next().unwrap().starts_with("speaker"));
    assert!(table.trim_end().ends_with("(8 rows)"));
}

#[test]
fn memberships_lists_the_eight_facts() {
    let rows = csv_rows(&on_example("queries/memberships.rq", "csv"));
    let pairs: Vec<(String, String)> = rows.into_iter().map(|r| (r[0].clone(), r[1].clone())).collect();
    let mut want = Vec::new();
    for m in ["France", "United Kingdom"] {
        for o in ["G20", "G7", "NATO", "United Nations Security Council"] {
            want.push((m.to_string(), o.to_string()));
        }
    }
    assert_eq!(pairs, want);
}

#[test]
fn every_membership_points_to_a_sentence_whose_offsets_slice_the_text() {
    let text = std::fs::read_to_string(data(EXAMPLE)).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let rows = csv_rows(&on_example("queries/provenance.rq", "csv"));
    let members: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] == "http://schema.org/memberOf").collect();
    assert_eq!(members.len(), 8);
    for row in &rows {
        let (begin, end): (usize, usize) = (row[3].parse().unwrap(), row[4].parse().unwrap());
        let slice: String = chars[begin..end].iter().collect();
        assert_eq!(slice, row[5], "offsets {begin}..{end} of {row:?}");
    }
    let answer = csv_rows(&on_example("queries/member-of-sentence.rq", "csv"));
    assert_eq!(answer.len(), 1);
    assert!(answer[0][0].contains("members of the G7"));
}

#[test]
fn people_have_their_titles_and_affiliations() {
    let rows = csv_rows(&on_example("queries/people.rq", "csv"));
    assert!(rows.iter().any(|r| r[0] == "Emmanuel Macron" && r[1] == "President" && r[2] == "France"), "{rows:?}");
    assert!(rows.iter().any(|r| r[0] == "Chris Mason" && r[1] == "Political editor"));
}

#[test]
fn statistics_carry_their_normalised_dates() {
    let rows = csv_rows(&on_example("queries/statistics.rq", "csv"));
    let by_date: Vec<(&str, &str)> = rows.iter().map(|r| (r[0].as_str(), r[2].as_str())).collect();
    // the 28 days of the plan are a quantity too, with no date of their own
    assert_eq!(by_date, vec![("", "28"), ("2018", "300"), ("2022", "45000"), ("2023", "3000")]);
}

#[test]
fn ask_construct_and_json_work() {
    let ask = query(&["-q", "ASK { ?x <http://schema.org/memberOf> ?y }", EXAMPLE]);
    assert_eq!(ask.trim(), "true");
    let construct = query(&["-q", "CONSTRUCT { ?x <http://schema.org/memberOf> ?y } WHERE { ?x <http://schema.org/memberOf> ?y }", EXAMPLE]);
    assert_eq!(construct.matches("schema:memberOf").count(), 2, "two members, grouped: {construct}");
    let json = on_example("queries/memberships.rq", "json");
    assert!(json.contains("\"bindings\""));
}

#[test]
fn rdf_files_can_be_queried_and_the_uk_is_one_node_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("example.nq");
    let b = dir.path().join("tesco.ttl");
    newsgraph().args(["extract", EXAMPLE, "-o"]).arg(&a).assert().success();
    newsgraph().args(["extract", "tests/data/wikinews-tesco-poland-2020.txt", "-o"]).arg(&b).assert().success();
    let uk = query(&[
        "-q",
        "SELECT DISTINCT ?uk WHERE { ?uk <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q145> }",
        "--results",
        "csv",
        "--graph",
        a.to_str().unwrap(),
        "--graph",
        b.to_str().unwrap(),
    ]);
    assert_eq!(csv_rows(&uk), vec![vec!["https://w3id.org/newsgraph/id/entity/Q145".to_string()]]);
    let articles = query(&["-q", "SELECT ?a ?m WHERE { ?a <http://schema.org/mentions> ?m FILTER(CONTAINS(STR(?m), 'Q145')) }", "--results", "csv", "--graph", a.to_str().unwrap(), "--graph", b.to_str().unwrap()]);
    assert_eq!(csv_rows(&articles).len(), 2, "both articles mention the same UK node");
}

#[test]
fn a_bad_query_is_a_clear_error() {
    let out = newsgraph().args(["query", "-q", "SELEKT nothing", EXAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("newsgraph: invalid SPARQL query"));
    let out = newsgraph().args(["query", "no/such/query.rq", EXAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_quotation_is_about_the_entities_named_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(&text, "Ana Ruiz said: \"Veldania must keep its ports open for Kestrel City FC.\"\n").unwrap();
    let q = "SELECT ?name WHERE { ?q a <http://schema.org/Quotation> ; <http://schema.org/about> ?e . ?e <http://schema.org/name> ?name } ORDER BY ?name";
    let rows = csv_rows(&query(&["--query", q, text.to_str().unwrap(), "--results", "csv"]));
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Kestrel City FC", "Veldania"]);
}

#[test]
fn a_query_that_names_its_dataset_reads_only_that() {
    // no FROM: the union of the articles' graphs
    let all = query(&["-q", "SELECT (COUNT(*) AS ?n) WHERE { ?x <http://schema.org/memberOf> ?y }", EXAMPLE, "--results", "csv"]);
    assert_ne!(csv_rows(&all), vec![vec!["0".to_string()]]);
    // FROM a graph that is not there: nothing
    let none = query(&["-q", "SELECT (COUNT(*) AS ?n) FROM <http://nonexistent/> WHERE { ?x <http://schema.org/memberOf> ?y }", EXAMPLE, "--results", "csv"]);
    assert_eq!(csv_rows(&none), vec![vec!["0".to_string()]]);
}

#[test]
fn a_deeply_nested_query_is_refused_not_a_crash() {
    let nested = |depth: usize| format!("ASK {{ FILTER({}1{}) }}", "(".repeat(depth), ")".repeat(depth));
    let out = newsgraph().args(["query", "-q", &nested(4000), EXAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("brackets nested 4002 deep; at most 200 are read"));
    // as deep as is read: answered
    assert_eq!(query(&["-q", &nested(190), EXAMPLE]).trim(), "true");
}

#[test]
fn the_table_shows_escape_sequences_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.nt");
    std::fs::write(&graph, "<http://example.org/a> <http://schema.org/name> \"Ana\\u001B[2JRuiz\" .\n").unwrap();
    let table = query(&["-q", "SELECT ?n WHERE { ?a <http://schema.org/name> ?n }", "--graph", graph.to_str().unwrap()]);
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert!(table.contains("Ana\\u{1b}[2JRuiz"), "{table}");
}

#[test]
fn query_prints_the_warnings_of_its_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let lines = dir.path().join("a.jsonl");
    std::fs::write(&lines, "{\"text\": \"Ana Ruiz met Ben Ode in Orsk.\", \"date\": \"2023-02-30\"}\nnot json\n").unwrap();
    let out = newsgraph().args(["query", "-q", "ASK {}"]).arg(&lines).output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 1: \"2023-02-30\" is not a date") && stderr.contains("line 2: invalid JSON"), "{stderr}");
}

#[test]
fn a_runaway_query_stops_at_its_timeout() {
    // a three-way product of every triple, counted: long, with little output
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    let started = std::time::Instant::now();
    let out = newsgraph().args(["query", "-q", q, EXAMPLE, "--results", "csv", "--timeout", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "newsgraph: query stopped after --timeout 1 s");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let bad = newsgraph().args(["query", "-q", q, EXAMPLE, "--timeout", "0"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
