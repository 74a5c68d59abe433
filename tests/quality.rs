//! Quality against hand-made gold: the example article and the development
//! articles are extracted and scored with the team's scorer
//! (`tests/tools/score.py`, needs rdflib). A drop below the thresholds fails.

mod common;

use common::*;
use std::path::PathBuf;
use std::process::Command;

/// (entity F1, fact F1) the example article must reach.
const EXAMPLE_MIN: (f64, f64) = (0.95, 0.95);
/// (entity F1, fact F1) the development set as a whole must reach.
const DEV_MIN: (f64, f64) = (0.95, 0.90);

fn golds(prefix: &str) -> Vec<PathBuf> {
    let mut golds: Vec<PathBuf> = std::fs::read_dir(data("tests/data/gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix) && p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    golds
}

/// Extracts each gold's article to Turtle (with the gold's date) and scores them together.
fn score(golds: &[PathBuf]) -> (f64, f64) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = Vec::new();
    for gold in golds {
        let name = gold.file_name().unwrap().to_string_lossy().trim_end_matches(".gold.json").to_string();
        let text = data(&format!("tests/data/{name}.txt"));
        let json = std::fs::read_to_string(gold).unwrap();
        let date = json.split("\"date\":").nth(1).and_then(|r| r.split('"').nth(1)).filter(|d| d.len() == 10).map(String::from);
        let out = dir.path().join(format!("{name}.ttl"));
        let mut cmd = newsgraph();
        cmd.arg("extract").arg(&text).arg("-o").arg(&out);
        if let Some(d) = date {
            cmd.args(["--date", &d]);
        }
        cmd.assert().success();
        args.push(gold.clone());
        args.push(out);
    }
    let out = Command::new("python3").arg(data("tests/tools/score.py")).arg("--json").args(&args).output().unwrap();
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let report = String::from_utf8(out.stdout).unwrap();
    let f1 = |section: &str| -> f64 {
        let part = report.split(&format!("\"{section}\": {{")).nth(1).unwrap();
        part.split("\"f\": ").nth(1).unwrap().split(['\n', ',', '}']).next().unwrap().trim().parse().unwrap()
    };
    (f1("entities"), f1("facts"))
}

fn scorer_available() -> bool {
    let ok = Command::new("python3").args(["-c", "import rdflib"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("rdflib not installed (pip install -r tests/requirements.txt): quality not measured");
    }
    ok
}

#[test]
fn the_example_article_meets_its_thresholds() {
    if !scorer_available() {
        return;
    }
    let (entities, facts) = score(&golds("000_"));
    assert!(entities >= EXAMPLE_MIN.0, "example entity F1 {entities:.3} < {}", EXAMPLE_MIN.0);
    assert!(facts >= EXAMPLE_MIN.1, "example fact F1 {facts:.3} < {}", EXAMPLE_MIN.1);
}

#[test]
fn the_development_set_meets_its_thresholds() {
    if !scorer_available() {
        return;
    }
    let golds = golds("wikinews-");
    assert_eq!(golds.len(), 6);
    let (entities, facts) = score(&golds);
    assert!(entities >= DEV_MIN.0, "development entity F1 {entities:.3} < {}", DEV_MIN.0);
    assert!(facts >= DEV_MIN.1, "development fact F1 {facts:.3} < {}", DEV_MIN.1);
}
