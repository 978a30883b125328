//! A generator over `&self`: the items of an inventory below a threshold, borrowed from outside the state.
use crate::rt::log;

struct Inventory {
    items: Vec<(String, u32)>,
}

impl Inventory {
    #[stackless::coroutine]
    fn low_stock(&self, below: u32) -> impl Iterator<Item = &str> + '_ {
        for (name, count) in &self.items {
            if *count < below {
                log(format!("low: {name}"));
                yield_!(name.as_str());
            }
        }
    }
}

fn parity() {
    let inv =
        Inventory { items: vec![("bolts".into(), 3), ("nuts".into(), 40), ("washers".into(), 0), ("gears".into(), 7)] };
    run!(inv.low_stock(10));
}
