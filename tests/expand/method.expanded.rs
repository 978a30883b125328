#[derive(Clone)]
struct Deck {
    cards: Vec<u8>,
}
impl Deck {
    fn deal(self, hands: usize) -> impl Iterator<Item = (usize, u8)> + Clone {
        #[derive(::core::clone::Clone)]
        #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
        #[repr(u8)]
        enum DealState<T0, T1, T2, T3, T4> {
            /// Not started: holds the arguments.
            Unresumed { hands: T0, __self: T1 },
            /// Suspended at `yield_ ! ((hand , card))` (line 12).
            Suspend0 { for_card: T2, hand: T3, hands: T4 },
            /// Finished.
            Returned,
            /// A resume panicked.
            Panicked,
        }
        impl<T0, T1, T2, T3, T4> ::stackless::__private::States
        for DealState<T0, T1, T2, T3, T4> {
            const RETURNED: Self = DealState::Returned;
            const POISONED: Self = DealState::Panicked;
        }
        #[allow(unused_mut, unused_labels, unreachable_code)]
        #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
        #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
        #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
        #[allow(dropping_copy_types, dropping_references)]
        let __machine = ::stackless::state::Machine::generator(
            DealState::Unresumed {
                __self: self,
                hands,
            },
            #[inline(always)]
            |__guard, __arg: ()| -> ::stackless::CoroutineState<(usize, u8), ()> {
                let mut state_guard = ::stackless::state::Guard::lend(__guard);
                if let DealState::Unresumed { .. } = *state_guard.state {
                    match ::core::mem::replace(state_guard.state, DealState::Panicked) {
                        DealState::Unresumed {
                            __self: __p___self,
                            hands: __p_hands,
                        } => {
                            ::core::hint::cold_path();
                            let __ret: () = {
                                let __self = __p___self;
                                let hands = __p_hands;
                                let Deck { cards } = __self;
                                let mut hand = 0;
                                {
                                    let mut for_card = ::core::iter::IntoIterator::into_iter(
                                        cards,
                                    );
                                    loop {
                                        let card = match ::core::iter::Iterator::next(
                                            &mut for_card,
                                        ) {
                                            ::core::option::Option::Some(__next) => __next,
                                            ::core::option::Option::None => break,
                                        };
                                        {
                                            let __yielded: (usize, u8) = (hand, card);
                                            *state_guard.state = DealState::Suspend0 {
                                                hands,
                                                hand,
                                                for_card,
                                            };
                                            return ::stackless::__private::suspend(__yielded);
                                        }
                                    }
                                }
                            };
                            return ::stackless::__private::complete(__ret);
                        }
                        _ => ::stackless::__private::unreachable(),
                    }
                }
                match &mut *state_guard.state {
                    DealState::Suspend0 {
                        #[allow(unused_variables)]
                        hands,
                        #[allow(unused_variables)]
                        hand,
                        #[allow(unused_variables)]
                        for_card,
                        ..
                    } => {
                        let __ret: () = {
                            {
                                (*hand) = ((*hand) + 1) % (*hands);
                            }
                            loop {
                                let card = match ::core::iter::Iterator::next(
                                    &mut (*for_card),
                                ) {
                                    ::core::option::Option::Some(__next) => __next,
                                    ::core::option::Option::None => break,
                                };
                                {
                                    let __yielded: (usize, u8) = ((*hand), card);
                                    return ::stackless::__private::suspend(__yielded);
                                }
                            }
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    DealState::Returned => {
                        ::core::hint::cold_path();
                        return ::stackless::__private::exhausted();
                    }
                    _ => {}
                }
                ::stackless::__private::next_after_panicking()
            },
        );
        __machine
    }
}
