use stackless::yield_;

fn plain() {
    yield_!(1);
}

fn main() {}
