#[derive(Clone)]
struct Deck {
    cards: Vec<u8>,
}
impl Deck {
    fn deal(self, hands: usize) -> impl Iterator<Item = (usize, u8)> + Clone {
        #[derive(::core::clone::Clone)]
        #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
        #[repr(u8)]
        enum __State<__T0, __T1, __T2, __T3, __T4> {
            /// Not started: holds the arguments.
            Unresumed { hands: __T0, __self: __T1 },
            /// Suspended at `yield_ ! ((hand , card))` (line 12).
            Suspend0 { for_card: __T2, hand: __T3, hands: __T4 },
            /// Finished.
            Returned,
            /// A resume panicked.
            Panicked,
        }
        impl<__T0, __T1, __T2, __T3, __T4> ::stackless::__private::States
        for __State<__T0, __T1, __T2, __T3, __T4> {
            const RETURNED: Self = __State::Returned;
            const POISONED: Self = __State::Panicked;
        }
        #[allow(
            unused_mut,
            unused_labels,
            unreachable_code,
            unused_braces,
            unused_parens,
            clippy::needless_return,
            clippy::let_and_return,
            clippy::unused_unit,
            clippy::diverging_sub_expression,
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            dropping_copy_types,
            dropping_references
        )]
        let __machine = ::stackless::__private::Machine::generator::<
            (usize, u8),
        >(
            __State::Unresumed {
                __self: self,
                hands: hands,
            },
            #[inline(always)]
            |__state, __arg: ()| -> ::stackless::CoroutineState<(usize, u8), ()> {
                let mut state_guard = ::stackless::state::Guard::new(__state);
                if ::core::matches!(* state_guard.state, __State::Unresumed { .. }) {
                    match ::core::mem::replace(state_guard.state, __State::Panicked) {
                        __State::Unresumed { __self: __p___self, hands: __p_hands } => {
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
                                            {
                                                let __yielded: (usize, u8) = (hand, card);
                                                *state_guard.state = __State::Suspend0 {
                                                    hands: hands,
                                                    hand: hand,
                                                    for_card: for_card,
                                                };
                                                state_guard.exit = ::stackless::__private::Exit::Suspended;
                                                return ::stackless::__private::suspend(__yielded);
                                            };
                                        }
                                    }
                                }
                            };
                            state_guard.exit = ::stackless::__private::Exit::Returned;
                            return ::stackless::__private::complete(__ret);
                        }
                        _ => ::core::unreachable!(),
                    }
                }
                match &mut *state_guard.state {
                    __State::Suspend0 {
                        #[allow(unused_variables)]
                        hands: hands,
                        #[allow(unused_variables)]
                        hand: hand,
                        #[allow(unused_variables)]
                        for_card: for_card,
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
                                    {
                                        let __yielded: (usize, u8) = ((*hand), card);
                                        state_guard.exit = ::stackless::__private::Exit::Suspended;
                                        return ::stackless::__private::suspend(__yielded);
                                    };
                                }
                            }
                        };
                        state_guard.exit = ::stackless::__private::Exit::Returned;
                        return ::stackless::__private::complete(__ret);
                    }
                    __State::Returned => {
                        ::core::hint::cold_path();
                        state_guard.exit = ::stackless::__private::Exit::Suspended;
                        return ::stackless::__private::exhausted(&mut state_guard.exit);
                    }
                    __State::Panicked => {
                        ::core::hint::cold_path();
                        state_guard.exit = ::stackless::__private::Exit::Suspended;
                        ::stackless::__private::next_after_panicking()
                    }
                    _ => {}
                }
                ::core::unreachable!()
            },
        );
        __machine
    }
}
