//! README, "Limitations": the temporary receiver of a method the macro doesn't know as borrowing (`name_ref`) is
//! taken for consumed, so a `match` scrutinee whose value borrows it ends it before the arm's `yield_!`: rustc's
//! E0716. Binding the temporary with a `let` first works.
struct Named(String);

impl Named {
    fn name_ref(&self) -> &str {
        &self.0
    }
}

#[stackless::coroutine]
fn lengths() -> impl Iterator<Item = usize> {
    match Named("t".into()).name_ref().len() {
        n => {
            yield_!(n);
        }
    }
}

fn main() {
    let _ = lengths().count();
}
