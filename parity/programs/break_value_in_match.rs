//! A command interpreter resumed with owned `String` commands: `match` on `as_str()`, `break history` (a
//! held local moved out by `break` with a value) when the command is `quit`. Reduced: in a `loop` whose body
//! suspends, `break v` or `let w = v; break w;` with `v` held across the `yield_!` fails (E0507), while
//! `return v` works.
use stackless::Coroutine;

use crate::rt::log;

#[stackless::coroutine(resume = mut cmd)]
fn shell(prompt: &'static str) -> impl Coroutine<String, Yield = String, Return = Vec<String>> {
    let mut history = Vec::new();
    let mut vars: Vec<(String, String)> = Vec::new();
    loop {
        let reply = match cmd.as_str() {
            "quit" => break history,
            "vars" => format!("{vars:?}"),
            other if other.starts_with("set ") => {
                let rest = &other[4..];
                match rest.split_once(' ') {
                    Some((k, v)) => {
                        vars.push((k.to_string(), v.to_string()));
                        format!("{k} set")
                    }
                    None => format!("usage: set NAME VALUE, not {rest:?}"),
                }
            }
            other => format!("unknown: {other}"),
        };
        log(format!("{prompt} {cmd}"));
        history.push(cmd);
        cmd = yield_!(reply);
    }
}

fn parity() {
    let cmds = ["set a 1", "set b", "hello", "set b two", "vars", "quit"];
    run!(shell("$"), cmds.iter().map(|c| c.to_string()).collect());
}
