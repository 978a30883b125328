//! A pipeline of coroutines: a producer, a filter and a consumer, each handing values to the next as resume
//! arguments. It is the shape of JavaScript's
//!
//! ```js
//! async function processArray(array) {
//!   for (const item of array) {
//!     await processItem(item); // returns once the item has been dealt with
//!   }
//! }
//! ```
//!
//! where `processItem` is a chain of stages that each keep some state between items. Here `process_array` is the
//! producer's loop, and `await processItem(item)` is `Pin::new(&mut stage).resume(Some(item))`: a plain call that
//! runs the next stage until its next `yield_!` and returns. Readings go down through resume arguments; the
//! filter's complaints come back up through its yields.
//!
//! The same pipeline in Go is three goroutines and the channels between them:
//!
//! ```go
//! go produce(log, raw)             // for _, r := range parse(log) { raw <- r }; close(raw)
//! go validate(raw, valid, rejects) // for r := range raw { if ok(r) { valid <- r } else { rejects <- r } }
//! go summarise(valid, done)        // for r := range valid { add(r) }; done <- summary
//! ```
//!
//! Each goroutine is stackful: it owns a stack (2 KiB at least, grown by copying) and can block anywhere, in any
//! function it calls. Each channel is a heap allocation with a lock and a queue, and every unbuffered send parks
//! one goroutine and wakes another through the scheduler; in exchange the stages may run on different cores.
//! Here the whole pipeline is one value on `main`'s stack (the filter's state, with the consumer's state inside
//! it: its size is printed below), a hand-off is a function call into a `match`, and nothing is allocated,
//! locked or scheduled. The price: one thread, and a stage can only suspend in its own body (see `colouring`).
//!
//! Run: `cargo run --example pipeline`

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

/// A morning of temperature readings, as a logger wrote them.
const LOG: &str = "\
# time sensor     celsius
06:00  greenhouse  14.5
06:00  boiler      61.0
06:00  attic        9.5
06:15  greenhouse  15.2
06:15  boiler      ERR
06:15  attic        9.8
06:30  greenhouse  31.0
06:30  boiler      63.5
06:30  attic       10.4
06:45  greenhouse  16.0
06:45  boiler     850.0
06:45  attic       11.1
07:00  greenhouse  17.2
07:00  boiler      64.0
07:00  attic       12.0
";

#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading<'a> {
    time: &'a str,
    sensor: &'a str,
    celsius: f64,
}

/// A reading the filter dropped, and why.
type Rejected<'a> = (Reading<'a>, &'static str);

/// Per-sensor statistics, in the order the sensors first appear.
#[derive(Debug, Clone, PartialEq)]
struct Summary<'a> {
    sensor: &'a str,
    count: u32,
    min: f64,
    max: f64,
    sum: f64,
}

impl<'a> Summary<'a> {
    fn new(sensor: &'a str, celsius: f64) -> Self {
        Summary { sensor, count: 1, min: celsius, max: celsius, sum: celsius }
    }

    fn add(&mut self, celsius: f64) {
        self.count += 1;
        self.min = self.min.min(celsius);
        self.max = self.max.max(celsius);
        self.sum += celsius;
    }
}

/// Stage 1, the producer's source: the readings in the log, parsed one line at a time as they are asked for. Lines
/// that don't parse (the header, `ERR`) are skipped.
#[stackless::coroutine]
fn readings(log: &str) -> impl Iterator<Item = Reading<'_>> {
    for line in log.lines() {
        let mut fields = line.split_whitespace();
        let (Some(time), Some(sensor), Some(Ok(celsius))) =
            (fields.next(), fields.next(), fields.next().map(str::parse))
        else {
            continue;
        };
        yield_!(Reading { time, sensor, celsius });
    }
}

/// Stage 2, the filter: drops readings outside the sensors' range and jumps of more than 10 °C since the same
/// sensor's last good reading (a glitch), and passes the rest to `next`. Its state between items is the last good
/// value of every sensor, and `next` itself. Resume it with `Some(reading)` per item and `None` at the end; it
/// yields `Some((reading, reason))` for a dropped reading, `None` otherwise, and returns what `next` returns, as
/// soon as `next` returns.
#[stackless::coroutine(resume = mut input)]
fn validate<'a, C>(mut next: C) -> impl Coroutine<Option<Reading<'a>>, Yield = Option<Rejected<'a>>, Return = C::Return>
where
    C: Coroutine<Option<Reading<'a>>, Yield = ()> + Unpin,
{
    let mut last_good = Vec::new();
    while let Some(reading) = input {
        match check(&mut last_good, &reading) {
            Ok(()) => {
                // `await processItem(item)`: run the consumer until it is ready for the next one.
                if let CoroutineState::Complete(result) = Pin::new(&mut next).resume(Some(reading)) {
                    return result;
                }
                input = yield_!(None);
            }
            Err(reason) => input = yield_!(Some((reading, reason))),
        }
    }
    match Pin::new(&mut next).resume(None) {
        CoroutineState::Complete(result) => result,
        CoroutineState::Yielded(()) => panic!("a consumer must finish at the end of its input"),
    }
}

/// The filter's test, given the last good value of every sensor seen so far.
fn check<'a>(last_good: &mut Vec<(&'a str, f64)>, reading: &Reading<'a>) -> Result<(), &'static str> {
    if !(-40.0..=125.0).contains(&reading.celsius) {
        return Err("outside the sensor's range");
    }
    match last_good.iter_mut().find(|(sensor, _)| *sensor == reading.sensor) {
        Some((_, last)) if (reading.celsius - *last).abs() > 10.0 => return Err("a jump of more than 10 °C"),
        Some((_, last)) => *last = reading.celsius,
        None => last_good.push((reading.sensor, reading.celsius)),
    }
    Ok(())
}

/// Stage 3, the consumer: statistics per sensor, returned at the end of the input.
#[stackless::coroutine(resume = mut input)]
fn summarise<'a>() -> impl Coroutine<Option<Reading<'a>>, Yield = (), Return = Vec<Summary<'a>>> {
    let mut summaries: Vec<Summary> = Vec::new();
    while let Some(reading) = input {
        match summaries.iter_mut().find(|s| s.sensor == reading.sensor) {
            Some(summary) => summary.add(reading.celsius),
            None => summaries.push(Summary::new(reading.sensor, reading.celsius)),
        }
        input = yield_!();
    }
    summaries
}

/// Another consumer: the first `n` readings it is given. It returns without waiting for the end of the input,
/// and the whole pipeline stops there.
#[stackless::coroutine(resume = mut input)]
fn first<'a>(n: usize) -> impl Coroutine<Option<Reading<'a>>, Yield = (), Return = Vec<Reading<'a>>> {
    let mut taken = Vec::new();
    while let Some(reading) = input {
        taken.push(reading);
        if taken.len() == n {
            break;
        }
        input = yield_!();
    }
    taken
}

/// The producer's loop: pushes every item into `pipeline` and reports what it drops, until the pipeline returns.
/// Items are read from `items` only as the pipeline asks for them.
fn process_array<'a, P>(
    items: impl IntoIterator<Item = Reading<'a>>,
    mut pipeline: P,
    mut on_reject: impl FnMut(Rejected<'a>),
) -> P::Return
where
    P: Coroutine<Option<Reading<'a>>, Yield = Option<Rejected<'a>>> + Unpin,
{
    let mut items = items.into_iter();
    loop {
        match Pin::new(&mut pipeline).resume(items.next()) {
            CoroutineState::Yielded(Some(rejected)) => on_reject(rejected),
            CoroutineState::Yielded(None) => {}
            CoroutineState::Complete(result) => return result,
        }
    }
}

fn main() {
    let pipeline = validate(summarise());
    println!("the whole pipeline, filter and consumer: {} bytes, nothing on the heap yet", size_of_val(&pipeline));
    let summaries = process_array(readings(LOG), pipeline, |(r, why)| {
        println!("dropped {} {} {:.1} °C: {why}", r.time, r.sensor, r.celsius);
    });
    println!("{:<12} {:>8} {:>6} {:>6} {:>6}", "sensor", "readings", "min", "mean", "max");
    for s in &summaries {
        let mean = s.sum / f64::from(s.count);
        println!("{:<12} {:>8} {:>6.1} {:>6.1} {:>6.1}", s.sensor, s.count, s.min, mean, s.max);
    }
    let mut pulled = 0;
    let early = process_array(readings(LOG).inspect(|_| pulled += 1), validate(first(4)), |_| {});
    let times: Vec<String> = early.iter().map(|r| format!("{} {}", r.time, r.sensor)).collect();
    let all = readings(LOG).count();
    println!("first 4 good readings: {}; the producer was asked for {pulled} of its {all}", times.join(", "));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_glitches_and_summarises_the_rest() {
        let mut rejected = Vec::new();
        let summaries = process_array(readings(LOG), validate(summarise()), |(r, why)| rejected.push((r.time, why)));
        assert_eq!(rejected, [("06:30", "a jump of more than 10 °C"), ("06:45", "outside the sensor's range")]);
        let counts: Vec<(&str, u32)> = summaries.iter().map(|s| (s.sensor, s.count)).collect();
        assert_eq!(counts, [("greenhouse", 4), ("boiler", 3), ("attic", 5)]);
        let greenhouse = &summaries[0];
        assert_eq!((greenhouse.min, greenhouse.max), (14.5, 17.2));
        assert!((greenhouse.sum - 62.9).abs() < 1e-9);
    }

    #[test]
    fn a_consumer_that_returns_early_stops_the_producer() {
        let mut pulled = 0;
        let taken = process_array(readings(LOG).inspect(|_| pulled += 1), validate(first(2)), |_| {});
        assert_eq!(taken.iter().map(|r| r.sensor).collect::<Vec<_>>(), ["greenhouse", "boiler"]);
        assert_eq!(pulled, 2);
    }

    #[test]
    fn stages_can_be_driven_by_hand() {
        let mut consumer = summarise();
        let r = |celsius| Reading { time: "t", sensor: "s", celsius };
        assert_eq!(Pin::new(&mut consumer).resume(Some(r(1.0))), CoroutineState::Yielded(()));
        assert_eq!(Pin::new(&mut consumer).resume(Some(r(3.0))), CoroutineState::Yielded(()));
        let CoroutineState::Complete(s) = Pin::new(&mut consumer).resume(None) else { panic!("still running") };
        assert_eq!(s, [Summary { sensor: "s", count: 2, min: 1.0, max: 3.0, sum: 4.0 }]);
    }
}
