// rustc accepts it (the borrow goes through the box to heap data); the state holds `self` whole: README.
struct Queue { jobs: Vec<String>, owner: String }
impl Queue {
    #[stackless::coroutine]
    fn drain_jobs(self: Box<Self>) -> impl Iterator<Item = String> {
        for (i, job) in self.jobs.iter().enumerate() {
            yield_!(format!("{i}:{job}:{}", self.owner));
        }
    }
}
fn main() {}
