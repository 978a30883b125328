fn pairs(words: Vec<String>) -> impl Iterator<Item = String> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum PairsGroup0<T1> {
        /// Suspended at `yield_ ! (word)` (line 5).
        Suspend0 { upper: T1 },
        /// Suspended at `yield_ ! (upper)` (line 9).
        Suspend1 {},
        /// Between two of these points, within a step: never seen by a caller.
        Moving,
    }
    #[allow(dead_code, non_camel_case_types)]
    enum PairsIdle<T0> {
        /// Not started: holds the arguments.
        Unresumed { words: T0 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    enum PairsState<T0, T1, T2> {
        /// Suspended at one of the points of lines 5–9: what they all hold stays here.
        Group0 { at: PairsGroup0<T1>, for_word: T2 },
        /// Not started, finished, or poisoned by a panic.
        Idle(PairsIdle<T0>),
    }
    impl<T0, T1, T2> ::stackless::__private::States for PairsState<T0, T1, T2> {
        const RETURNED: Self = PairsState::Idle(PairsIdle::Returned);
        const POISONED: Self = PairsState::Idle(PairsIdle::Panicked);
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::generator(
        PairsState::Idle(PairsIdle::Unresumed { words }),
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<String, ()> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let PairsState::Idle(idle) = &*state_guard.state {
                ::core::hint::cold_path();
                if let PairsIdle::Returned = idle {
                    return ::stackless::__private::exhausted();
                }
                match ::core::mem::replace(
                    state_guard.state,
                    PairsState::Idle(PairsIdle::Panicked),
                ) {
                    PairsState::Idle(PairsIdle::Unresumed { words: __p_words }) => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let words = __p_words;
                            {
                                let mut for_word = ::core::iter::IntoIterator::into_iter(
                                    words,
                                );
                                loop {
                                    let word = match ::core::iter::Iterator::next(
                                        &mut for_word,
                                    ) {
                                        ::core::option::Option::Some(__next) => __next,
                                        ::core::option::Option::None => break,
                                    };
                                    {
                                        let upper = word.to_uppercase();
                                        let __yielded: String = word;
                                        let __own = PairsGroup0::Suspend0 { upper };
                                        *state_guard.state = PairsState::Group0 {
                                            at: __own,
                                            for_word,
                                        };
                                        return ::stackless::__private::suspend(__yielded);
                                    }
                                }
                            }
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::next_after_panicking(),
                }
            }
            if let PairsState::Group0 {
                at: __at,
                #[allow(unused_variables)]
                for_word,
            } = &mut *state_guard.state
            {
                let __ret: () = {
                    '__break0: {
                        '__continue0: {
                            match __at {
                                PairsGroup0::Suspend0 { .. } => {
                                    let PairsGroup0::Suspend0 { upper: __saved3 } = ::core::mem::replace(
                                        __at,
                                        PairsGroup0::Moving,
                                    ) else { ::stackless::__private::unreachable() };
                                    {
                                        #[allow(unused_variables)]
                                        let upper = __saved3;
                                        if upper.is_empty() {
                                            break '__break0;
                                        }
                                        let __yielded: String = upper;
                                        *__at = PairsGroup0::Suspend1 {};
                                        return ::stackless::__private::suspend(__yielded);
                                    }
                                }
                                PairsGroup0::Suspend1 { .. } => {}
                                _ => ::stackless::__private::unreachable(),
                            }
                        }
                        loop {
                            let word = match ::core::iter::Iterator::next(
                                &mut (*for_word),
                            ) {
                                ::core::option::Option::Some(__next) => __next,
                                ::core::option::Option::None => break,
                            };
                            {
                                let upper = word.to_uppercase();
                                let __yielded: String = word;
                                *__at = PairsGroup0::Suspend0 { upper };
                                return ::stackless::__private::suspend(__yielded);
                            }
                        }
                    }
                };
                return ::stackless::__private::complete(__ret);
            }
            ::stackless::__private::unreachable()
        },
    );
    __machine
}
