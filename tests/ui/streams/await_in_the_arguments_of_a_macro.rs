// `.await` inside a macro whose arguments aren't known to be expressions (`matches!`'s second is a pattern, a
// macro of one's own may do anything): the macro's message, at the `.await`, not rustc's E0728 at the attribute.
use stackless::Stream;

macro_rules! twice {
    ($e:expr) => {
        $e * 2
    };
}

#[stackless::coroutine]
fn numbers() -> impl Stream<Item = u32> {
    if matches!(core::future::ready(Some(2)).await, Some(2)) {
        yield_!(twice!(core::future::ready(1).await));
    }
}

fn main() {
    let _ = numbers();
}
