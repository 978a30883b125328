//! A tokenizer over a `&str` argument: numbers, identifiers and punctuation, with a peekable char iterator.
#[derive(Debug)]
enum Token {
    Num(u64),
    Ident(String),
    Punct(char),
}

#[stackless::coroutine]
fn tokens(src: &str) -> impl Iterator<Item = Token> + '_ {
    let mut chars = src.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c.is_ascii_digit() {
            let mut n = 0;
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n * 10 + u64::from(d);
                chars.next();
            }
            yield_!(Token::Num(n));
        } else if c.is_alphabetic() {
            let mut s = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_alphanumeric()) {
                s.push(c);
                chars.next();
            }
            yield_!(Token::Ident(s));
        } else {
            chars.next();
            yield_!(Token::Punct(c));
        }
    }
}

fn parity() {
    run!(tokens("let x1 = (42 + y) * 7;"));
}
