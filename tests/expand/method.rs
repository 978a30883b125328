#[derive(Clone)]
struct Deck {
    cards: Vec<u8>,
}

impl Deck {
    #[stackless::coroutine]
    fn deal(self, hands: usize) -> impl Iterator<Item = (usize, u8)> + Clone {
        let Deck { cards } = self;
        let mut hand = 0;
        for card in cards {
            yield_!((hand, card));
            hand = (hand + 1) % hands;
        }
    }
}
