//! Issue 12 item 1: `for s in self.items` in a method taking `self`, whose `Self` has another field with
//! drop glue (it must drop at the end of the body, or when the generator is dropped).
use crate::rt::D;

struct Basket {
    items: Vec<String>,
    label: D,
}

impl Basket {
    #[stackless::coroutine]
    fn into_items(self) -> impl Iterator<Item = String> {
        for s in self.items {
            yield_!(s);
        }
    }
}

fn parity() {
    let b = Basket { items: vec!["egg".into(), "ham".into(), "jam".into()], label: D::new("basket") };
    run!(b.into_items());
}
