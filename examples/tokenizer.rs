//! A push lexer: the caller owns the input and pushes it in one byte per resume; tokens come out as yields.
//!
//! A pull lexer (`lex` below, a plain fn over a slice) needs the whole input, or a reader it can block on. A push
//! lexer is what a network server or an incremental parser wants: bytes arrive whenever they arrive, and the
//! lexer remembers where it was in between. Written by hand, that memory is an explicit state enum (in a string,
//! after a backslash, in a comment, in an identifier…) and a loop over it; as a coroutine, it is the position in
//! ordinary nested loops, and the partial token is an ordinary local.
//!
//! Both lexers tokenize `examples/data/proxy.conf` (a config file with comments, sections, strings with escapes,
//! lists and inline tables) and must agree token for token.
//!
//! Run: `cargo run --example tokenizer` (or `cargo run --example tokenizer -- some/other/file`)

use core::fmt;
use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// The file both lexers read by default.
const PROXY_CONF: &[u8] = include_bytes!("data/proxy.conf");

#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    line: u32,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A key, a section name, `true`: a letter or `_`, then letters, digits, `_` and `-`.
    Ident(String),
    /// Digits, with `_` separators and `.` allowed after the first: `2_048`, `0.25`.
    Number(String),
    /// A double-quoted string on one line, escapes resolved (`\"`, `\\`, `\n`, `\t`).
    Str(String),
    /// Any other ASCII punctuation, one byte each: `=`, `[`, `]`, `,`, `{`, `}`, `.`.
    Punct(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LexError {
    UnterminatedString { line: u32 },
    BadEscape { line: u32, byte: u8 },
    Unexpected { line: u32, byte: u8 },
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

fn is_number(b: u8) -> bool {
    b.is_ascii_digit() || b == b'_' || b == b'.'
}

fn unescape(line: u32, byte: u8) -> Result<u8, LexError> {
    match byte {
        b'n' => Ok(b'\n'),
        b't' => Ok(b'\t'),
        b'"' | b'\\' => Ok(byte),
        _ => Err(LexError::BadEscape { line, byte }),
    }
}

/// The push lexer. Resume it with `Some(byte)` for every byte of the input, then with `None` until it completes
/// with the number of lines (newlines, as `wc -l` counts them) or the first error. Each resume yields
/// `Some(token)` or `None` (no token finished yet: push the next byte).
///
/// Every `yield_!` reads one byte. A finished token waits in `out` and is handed out by the next `yield_!`, so a
/// byte that both ends a token and is one itself (the `=` in `key=`) needs no buffering: `key` goes out while `=`
/// is read past, `=` with the byte after it. The byte that ends an identifier or a number isn't part of it and is
/// looked at again by the next round of the outer loop.
#[stackless::coroutine(resume = mut input)]
fn push_lexer() -> impl Coroutine<Option<u8>, Yield = Option<Token>, Return = Result<u32, LexError>> {
    let mut line = 1;
    let mut out = None;
    loop {
        match input {
            None => break,
            Some(b'\n') => {
                line += 1;
                input = yield_!(out.take());
            }
            Some(b' ' | b'\t' | b'\r') => input = yield_!(out.take()),
            Some(b'#') => loop {
                // A comment runs to the end of the line; the newline itself is left to the next round.
                input = yield_!(out.take());
                if matches!(input, None | Some(b'\n')) {
                    break;
                }
            },
            Some(b'"') => {
                let mut text = Vec::new();
                loop {
                    input = yield_!(out.take());
                    match input {
                        Some(b'"') => break,
                        Some(b'\\') => {
                            input = yield_!(None);
                            let Some(escaped) = input else { return Err(LexError::UnterminatedString { line }) };
                            text.push(unescape(line, escaped)?);
                        }
                        None | Some(b'\n') => return Err(LexError::UnterminatedString { line }),
                        Some(b) => text.push(b),
                    }
                }
                input = yield_!(None);
                out = Some(Token { line, kind: Kind::Str(String::from_utf8_lossy(&text).into_owned()) });
            }
            Some(b) if is_ident_start(b) || b.is_ascii_digit() => {
                let continues: fn(u8) -> bool = if is_ident_start(b) { is_ident } else { is_number };
                let mut text = String::from(char::from(b));
                loop {
                    input = yield_!(out.take());
                    let Some(c) = input.filter(|&c| continues(c)) else { break };
                    text.push(char::from(c));
                }
                let kind = if is_ident_start(b) { Kind::Ident(text) } else { Kind::Number(text) };
                out = Some(Token { line, kind });
            }
            Some(b) if b.is_ascii_punctuation() => {
                input = yield_!(out.take());
                out = Some(Token { line, kind: Kind::Punct(char::from(b)) });
            }
            Some(byte) => return Err(LexError::Unexpected { line, byte }),
        }
    }
    if let Some(token) = out.take() {
        yield_!(Some(token));
    }
    Ok(line - 1)
}

/// Runs the push lexer over `input`, one byte per resume, as a network reader would as bytes arrive.
fn lex_pushed(input: &[u8]) -> Result<(Vec<Token>, u32), LexError> {
    let mut lexer = push_lexer();
    let mut bytes = input.iter().copied();
    let mut tokens = Vec::new();
    loop {
        match Pin::new(&mut lexer).resume(bytes.next()) {
            CoroutineState::Yielded(Some(token)) => tokens.push(token),
            CoroutineState::Yielded(None) => {}
            CoroutineState::Complete(lines) => return lines.map(|lines| (tokens, lines)),
        }
    }
}

/// The same grammar as a plain fn with an index into the whole input: what the push lexer must agree with.
fn lex(text: &[u8]) -> Result<(Vec<Token>, u32), LexError> {
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        let start = i;
        i += 1;
        let kind = match b {
            b'\n' => {
                line += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => continue,
            b'#' => {
                while text.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
                continue;
            }
            b'"' => {
                let mut s = Vec::new();
                loop {
                    let c = text.get(i).copied();
                    i += 1;
                    match c {
                        Some(b'"') => break,
                        Some(b'\\') => {
                            let escaped = *text.get(i).ok_or(LexError::UnterminatedString { line })?;
                            s.push(unescape(line, escaped)?);
                            i += 1;
                        }
                        None | Some(b'\n') => return Err(LexError::UnterminatedString { line }),
                        Some(c) => s.push(c),
                    }
                }
                Kind::Str(String::from_utf8_lossy(&s).into_owned())
            }
            _ if is_ident_start(b) || b.is_ascii_digit() => {
                let continues = if is_ident_start(b) { is_ident } else { is_number };
                while text.get(i).is_some_and(|&c| continues(c)) {
                    i += 1;
                }
                let word = String::from_utf8_lossy(&text[start..i]).into_owned();
                if is_ident_start(b) { Kind::Ident(word) } else { Kind::Number(word) }
            }
            _ if b.is_ascii_punctuation() => Kind::Punct(char::from(b)),
            byte => return Err(LexError::Unexpected { line, byte }),
        };
        tokens.push(Token { line, kind });
    }
    Ok((tokens, line - 1))
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Ident(s) | Kind::Number(s) => f.write_str(s),
            Kind::Str(s) => write!(f, "{s:?}"),
            Kind::Punct(c) => write!(f, "{c}"),
        }
    }
}

fn main() {
    let (name, text) = match std::env::args().nth(1) {
        Some(path) => match std::fs::read(&path) {
            Ok(text) => (path, text),
            Err(e) => {
                eprintln!("can't read {path}: {e}");
                std::process::exit(1);
            }
        },
        None => ("examples/data/proxy.conf".to_owned(), PROXY_CONF.to_vec()),
    };
    let direct = lex(&text);
    let pushed = lex_pushed(&text);
    match &direct {
        Ok((tokens, lines)) => {
            let count = |f: fn(&Kind) -> bool| tokens.iter().filter(|t| f(&t.kind)).count();
            println!("{name}: {} bytes, {lines} lines, {} tokens", text.len(), tokens.len());
            println!(
                "  identifiers {}, numbers {}, strings {}, punctuation {}",
                count(|k| matches!(k, Kind::Ident(_))),
                count(|k| matches!(k, Kind::Number(_))),
                count(|k| matches!(k, Kind::Str(_))),
                count(|k| matches!(k, Kind::Punct(_))),
            );
            let first: Vec<String> = tokens.iter().take(12).map(|t| format!("{}:{}", t.line, t.kind)).collect();
            println!("  first tokens (line:token): {}", first.join("  "));
            let strings =
                tokens.iter().filter_map(|t| if let Kind::Str(s) = &t.kind { Some((t.line, s)) } else { None });
            if let Some((line, longest)) = strings.max_by_key(|(_, s)| s.len()) {
                println!("  longest string (line {line}), escapes resolved: {longest}");
            }
        }
        Err(e) => println!("{name}: {e:?}"),
    }
    let verdict = if pushed == direct { "the same tokens and line count" } else { "DIFFERENT RESULTS" };
    println!("push lexer, fed one byte per resume: {verdict}");
    println!("  state of a suspended push lexer: {} bytes", size_of_val(&push_lexer()));
    let broken = b"key = \"no closing quote\nnext = 1\n";
    println!("on {:?}: direct {:?}, pushed {:?}", String::from_utf8_lossy(broken), lex(broken), lex_pushed(broken));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_lexers_agree_on_the_shipped_file() {
        let (tokens, lines) = lex(PROXY_CONF).expect("proxy.conf lexes");
        assert_eq!(lex_pushed(PROXY_CONF), Ok((tokens.clone(), lines)));
        assert_eq!(lines, 52);
        let first: Vec<String> = tokens.iter().take(6).map(|t| format!("{}:{}", t.line, t.kind)).collect();
        assert_eq!(first, ["7:[", "7:listen", "7:]", "8:address", "8:=", "8:\"0.0.0.0:8443\""]);
        let format = tokens.iter().find(|t| t.kind == Kind::Ident("format".into())).expect("a `format` key");
        let value = tokens.iter().skip_while(|t| t != &format).nth(2).expect("its value");
        assert_eq!(value.kind, Kind::Str("{time} {remote} \"{method} {path}\" {status} {duration_ms}ms".into()));
    }

    #[test]
    fn both_lexers_agree_on_edge_cases() {
        let cases: [&[u8]; 14] = [
            b"",
            b"a",
            b"key=1",
            b"[[x]]",
            b"x # comment without newline",
            b"\"\\\"\\\\\\n\\t\" tail",
            b"\"unterminated",
            b"\"ends in a backslash\\",
            b"\"bad \\q escape\"",
            b"\"newline\nin string\"",
            b"tab\there \xC3\xA9",
            b"2_048 0.25 1.2.3 9abc",
            b"a-b_c -1 --x",
            b"# only a comment\n\n\n",
        ];
        for case in cases {
            assert_eq!(lex_pushed(case), lex(case), "on {:?}", String::from_utf8_lossy(case));
        }
        assert_eq!(lex(b"\"x\ny\""), Err(LexError::UnterminatedString { line: 1 }));
        assert_eq!(lex(b"\n\n@ \x01"), Err(LexError::Unexpected { line: 3, byte: 1 }));
    }

    #[test]
    fn a_lexer_suspended_mid_token_keeps_the_partial_token() {
        let mut lexer = push_lexer();
        let mut push = |b| Pin::new(&mut lexer).resume(b);
        for b in *b"key" {
            assert_eq!(push(Some(b)), CoroutineState::Yielded(None));
        }
        // `=` ends `key`, which comes out while `=` is read past; `=` comes out with the next byte.
        assert_eq!(push(Some(b'=')), CoroutineState::Yielded(Some(Token { line: 1, kind: Kind::Ident("key".into()) })));
        assert_eq!(push(Some(b'\n')), CoroutineState::Yielded(Some(Token { line: 1, kind: Kind::Punct('=') })));
        assert_eq!(push(None), CoroutineState::Complete(Ok(1)));
    }
}
