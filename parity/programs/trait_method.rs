//! A trait method returning `impl Iterator` (return-position `impl Trait` in a trait), implemented by a
//! coroutine method.
trait Source {
    fn readings(&self) -> impl Iterator<Item = f32> + '_;
}

struct Sensor {
    samples: Vec<f32>,
    scale: f32,
}

impl Source for Sensor {
    #[stackless::coroutine]
    fn readings(&self) -> impl Iterator<Item = f32> + '_ {
        let mut previous = 0.0;
        for s in &self.samples {
            let smoothed = (previous + s * self.scale) / 2.0;
            previous = smoothed;
            yield_!(smoothed);
        }
    }
}

fn parity() {
    let sensor = Sensor { samples: vec![1.0, 2.0, 4.0, 8.0], scale: 0.5 };
    run!(sensor.readings());
}
