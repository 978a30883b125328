#[stackless::coroutine]
fn read(p: *const u32, n: usize) -> impl Iterator<Item = u32> {
    for i in 0..n {
        unsafe {
            yield_!(*p.add(i));
        }
    }
}

fn main() {}
