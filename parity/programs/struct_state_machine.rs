//! A vending machine: coins resumed in as cents, items yielded when paid for, change returned at the end.
use stackless::Coroutine;

use crate::rt::log;

#[derive(Debug)]
enum Output {
    Need(u32),
    Vend(&'static str),
}

#[stackless::coroutine(resume = mut coin)]
fn vend(menu: Vec<(&'static str, u32)>) -> impl Coroutine<u32, Yield = Output, Return = u32> {
    let mut credit = 0;
    for (item, price) in menu {
        while credit < price {
            credit += coin;
            log(format!("credit {credit}"));
            if credit < price {
                coin = yield_!(Output::Need(price - credit));
            }
        }
        credit -= price;
        coin = yield_!(Output::Vend(item));
        credit += coin;
    }
    credit
}

fn parity() {
    run!(vend(vec![("tea", 120), ("cake", 250)]), vec![100, 50, 0, 200, 25, 10, 5]);
}
