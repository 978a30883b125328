//! A nested form filled in by answers resumed in: each section delegates to its subsections through a boxed
//! coroutine (`Pin<Box<dyn Coroutine>>`, recursion), and returns the answers collected.
use std::pin::Pin;

use stackless::Coroutine;

struct Section {
    title: &'static str,
    fields: Vec<&'static str>,
    subsections: Vec<Section>,
}

#[stackless::coroutine(resume = _)]
fn ask<'a>(s: &'a Section) -> Pin<Box<dyn Coroutine<String, Yield = String, Return = Vec<String>> + 'a>> {
    let mut answers = Vec::new();
    for f in &s.fields {
        let answer = yield_!(format!("{}: {f}?", s.title));
        answers.push(format!("{f}={answer}"));
    }
    for sub in &s.subsections {
        let inner = yield_from!(ask(sub), String::new());
        answers.extend(inner);
    }
    answers
}

fn parity() {
    let form = Section {
        title: "user",
        fields: vec!["name"],
        subsections: vec![
            Section { title: "address", fields: vec!["street", "city"], subsections: vec![] },
            Section { title: "phone", fields: vec!["number"], subsections: vec![] },
        ],
    };
    let answers = ["", "ada", "main st", "paris", "555"];
    run!(ask(&form), answers.iter().map(|a| a.to_string()).collect());
}
