#[stackless::coroutine]
struct Numbers;

fn main() {}
