//! A state machine driven by events resumed in: yields the light after each event, returns the ticks taken.
use stackless::Coroutine;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Light {
    Red,
    Green,
    Yellow,
}

#[derive(Debug)]
enum Event {
    Tick,
    Emergency,
    Off,
}

#[stackless::coroutine(resume = mut event)]
fn controller() -> impl Coroutine<Event, Yield = Light, Return = u32> {
    let mut light = Light::Red;
    let mut ticks = 0;
    loop {
        light = match event {
            Event::Off => return ticks,
            Event::Emergency => Light::Red,
            Event::Tick => {
                ticks += 1;
                match light {
                    Light::Red => Light::Green,
                    Light::Green => Light::Yellow,
                    Light::Yellow => Light::Red,
                }
            }
        };
        event = yield_!(light);
    }
}

fn parity() {
    run!(
        controller(),
        vec![Event::Tick, Event::Tick, Event::Emergency, Event::Tick, Event::Tick, Event::Tick, Event::Off]
    );
}
