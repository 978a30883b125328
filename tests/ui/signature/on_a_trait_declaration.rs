trait Source {
    #[stackless::coroutine]
    fn items(&self) -> impl Iterator<Item = u32>;
}

fn main() {}
