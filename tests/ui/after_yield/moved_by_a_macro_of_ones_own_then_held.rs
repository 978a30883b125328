// A local moved by a macro of the user's (which the transform can't see into) and still in scope at a later
// `yield_!`: the README's limit (rustc's E0382), reported at that `yield_!`, where the state holds the local (it
// was at the attribute; found by the sixth helper probe).
struct Token(&'static str);

impl Drop for Token {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

macro_rules! eat {
    ($e:expr) => {
        drop($e)
    };
}

#[stackless::coroutine]
fn eats() -> impl Iterator<Item = u8> {
    let t = Token("t");
    yield_!(1);
    eat!(t);
    yield_!(9);
}

fn main() {
    let _ = eats().count();
}
