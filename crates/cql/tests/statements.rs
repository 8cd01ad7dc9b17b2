//! The classifier against the table in `tests/data/cql/statements.json`.

use keyward_cql::{classify, Action, ClassifyError};
use serde_json::Value;

fn error_name(e: &ClassifyError) -> &'static str {
    match e {
        ClassifyError::Empty => "Empty",
        ClassifyError::Unsupported(_) => "Unsupported",
        ClassifyError::Syntax(_) => "Syntax",
        ClassifyError::NoKeyspace => "NoKeyspace",
        ClassifyError::MultipleStatements => "MultipleStatements",
    }
}

#[test]
fn statement_table() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/cql/statements.json"
    );
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() > 40);
    for case in cases {
        let cql = case["cql"].as_str().unwrap();
        let session = case["session"].as_str();
        let got = classify(cql, session);
        if let Some(err) = case["error"].as_str() {
            match got {
                Err(e) => assert_eq!(error_name(&e), err, "{cql}"),
                Ok(s) => panic!("{cql}: expected {err}, got {s:?}"),
            }
            continue;
        }
        let got = got.unwrap_or_else(|e| panic!("{cql}: {e}"));
        let got: Vec<(String, String, Option<String>)> = got
            .into_iter()
            .map(|s| {
                let action = match s.action {
                    Action::Use => "USE",
                    a => a.iam_action().unwrap(),
                };
                (action.to_owned(), s.keyspace, s.table)
            })
            .collect();
        let want: Vec<(String, String, Option<String>)> = case["expect"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_str().unwrap().to_owned(),
                    e[1].as_str().unwrap().to_owned(),
                    e[2].as_str().map(str::to_owned),
                )
            })
            .collect();
        assert_eq!(got, want, "{cql}");
    }
}
