fn two_points<const K: usize>(rounds: usize) -> impl Iterator<Item = usize> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum TwoPointsGroup0<T1> {
        /// Suspended at `yield_ ! (buf [slot])` (line 9).
        Suspend0 { slot: T1 },
        /// Suspended at `yield_ ! (buf [next])` (line 12).
        Suspend1 {},
        /// Between two of these points, within a step: never seen by a caller.
        Moving,
    }
    #[allow(dead_code, non_camel_case_types)]
    enum TwoPointsIdle<T0> {
        /// Not started: holds the arguments.
        Unresumed { rounds: T0 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    enum TwoPointsState<T0, T1, T2, T3, T4> {
        /// Suspended at one of the points of lines 9–12: what they all hold stays here.
        Group0 { at: TwoPointsGroup0<T1>, i: T2, buf: T3, rounds: T4 },
        /// Not started, finished, or poisoned by a panic.
        Idle(TwoPointsIdle<T0>),
    }
    impl<T0, T1, T2, T3, T4> ::stackless::__private::States
    for TwoPointsState<T0, T1, T2, T3, T4> {
        const RETURNED: Self = TwoPointsState::Idle(TwoPointsIdle::Returned);
        const POISONED: Self = TwoPointsState::Idle(TwoPointsIdle::Panicked);
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::generator(
        TwoPointsState::Idle(TwoPointsIdle::Unresumed { rounds }),
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<usize, ()> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let TwoPointsState::Idle(idle) = &*state_guard.state {
                ::core::hint::cold_path();
                if let TwoPointsIdle::Returned = idle {
                    return ::stackless::__private::exhausted();
                }
                match ::core::mem::replace(
                    state_guard.state,
                    TwoPointsState::Idle(TwoPointsIdle::Panicked),
                ) {
                    TwoPointsState::Idle(
                        TwoPointsIdle::Unresumed { rounds: __p_rounds },
                    ) => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let rounds = __p_rounds;
                            let mut buf = [0usize; K];
                            let mut i = 0;
                            while i < rounds {
                                let slot = i % K;
                                buf[slot] = buf[slot].wrapping_add(i);
                                let __yielded: usize = buf[slot];
                                let __own = TwoPointsGroup0::Suspend0 { slot };
                                *state_guard.state = TwoPointsState::Group0 {
                                    at: __own,
                                    rounds,
                                    buf,
                                    i,
                                };
                                return ::stackless::__private::suspend(__yielded);
                            }
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::next_after_panicking(),
                }
            }
            if let TwoPointsState::Group0 {
                at: __at,
                #[allow(unused_variables)]
                rounds,
                #[allow(unused_variables)]
                buf,
                #[allow(unused_variables)]
                i,
            } = &mut *state_guard.state
            {
                let __ret: () = {
                    {
                        match __at {
                            TwoPointsGroup0::Suspend0 { .. } => {
                                let TwoPointsGroup0::Suspend0 { slot: __saved3 } = ::core::mem::replace(
                                    __at,
                                    TwoPointsGroup0::Moving,
                                ) else { ::stackless::__private::unreachable() };
                                {
                                    #[allow(unused_variables)]
                                    let slot = __saved3;
                                    let next = (slot + 1) % K;
                                    (*buf)[next] ^= (*buf)[slot];
                                    let __yielded: usize = (*buf)[next];
                                    *__at = TwoPointsGroup0::Suspend1 {};
                                    return ::stackless::__private::suspend(__yielded);
                                }
                            }
                            TwoPointsGroup0::Suspend1 { .. } => {
                                (*i) += 1;
                            }
                            _ => ::stackless::__private::unreachable(),
                        }
                    }
                    while (*i) < (*rounds) {
                        let slot = (*i) % K;
                        (*buf)[slot] = (*buf)[slot].wrapping_add((*i));
                        let __yielded: usize = (*buf)[slot];
                        *__at = TwoPointsGroup0::Suspend0 { slot };
                        return ::stackless::__private::suspend(__yielded);
                    }
                };
                return ::stackless::__private::complete(__ret);
            }
            ::stackless::__private::unreachable()
        },
    );
    __machine
}
struct Token(usize);
impl Drop for Token {
    fn drop(&mut self) {
        let _ = self.0;
    }
}
fn guarded(rounds: usize) -> impl Iterator<Item = usize> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum GuardedGroup0<T1> {
        /// Suspended at `yield_ ! (i)` (line 33).
        Suspend0 { i: T1 },
        /// Suspended at `yield_ ! (buf [i % 64] * 2)` (line 34).
        Suspend1 {},
        /// Between two of these points, within a step: never seen by a caller.
        Moving,
    }
    #[allow(dead_code, non_camel_case_types)]
    enum GuardedIdle<T0> {
        /// Not started: holds the arguments.
        Unresumed { rounds: T0 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    enum GuardedState<T0, T1, T2, T3, T4> {
        /// Suspended at one of the points of lines 33–34: what they all hold stays here.
        Group0 { at: GuardedGroup0<T1>, for_i: T2, buf: T3, _token: T4 },
        /// Not started, finished, or poisoned by a panic.
        Idle(GuardedIdle<T0>),
    }
    impl<T0, T1, T2, T3, T4> ::stackless::__private::States
    for GuardedState<T0, T1, T2, T3, T4> {
        const RETURNED: Self = GuardedState::Idle(GuardedIdle::Returned);
        const POISONED: Self = GuardedState::Idle(GuardedIdle::Panicked);
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::generator(
        GuardedState::Idle(GuardedIdle::Unresumed { rounds }),
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<usize, ()> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let GuardedState::Idle(idle) = &*state_guard.state {
                ::core::hint::cold_path();
                if let GuardedIdle::Returned = idle {
                    return ::stackless::__private::exhausted();
                }
                match ::core::mem::replace(
                    state_guard.state,
                    GuardedState::Idle(GuardedIdle::Panicked),
                ) {
                    GuardedState::Idle(
                        GuardedIdle::Unresumed { rounds: __p_rounds },
                    ) => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let rounds = __p_rounds;
                            let _token = Token(rounds);
                            let mut buf = [0usize; 64];
                            let mut for_i = ::core::iter::IntoIterator::into_iter(
                                0..rounds,
                            );
                            while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                                &mut for_i,
                            ) {
                                buf[i % 64] = i;
                                let __yielded: usize = i;
                                let __own = GuardedGroup0::Suspend0 { i };
                                *state_guard.state = GuardedState::Group0 {
                                    at: __own,
                                    _token: {
                                        use ::stackless::__private::{HoldCopy as _, HoldValue as _};
                                        (&&::stackless::__private::Hold(&_token))
                                            .hold_kind()
                                            .hold(_token)
                                    },
                                    buf,
                                    for_i,
                                };
                                return ::stackless::__private::suspend(__yielded);
                            }
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::next_after_panicking(),
                }
            }
            if let GuardedState::Group0 {
                at: __at,
                #[allow(unused_variables)]
                _token,
                #[allow(unused_variables)]
                buf,
                #[allow(unused_variables)]
                for_i,
            } = &mut *state_guard.state
            {
                let __ret: () = {
                    {
                        match __at {
                            GuardedGroup0::Suspend0 { .. } => {
                                let GuardedGroup0::Suspend0 { i: __saved4 } = ::core::mem::replace(
                                    __at,
                                    GuardedGroup0::Moving,
                                ) else { ::stackless::__private::unreachable() };
                                {
                                    #[allow(unused_variables)]
                                    let i = __saved4;
                                    {
                                        let __yielded: usize = (*buf)[i % 64] * 2;
                                        *__at = GuardedGroup0::Suspend1 {};
                                        return ::stackless::__private::suspend(__yielded);
                                    }
                                }
                            }
                            GuardedGroup0::Suspend1 { .. } => {}
                            _ => ::stackless::__private::unreachable(),
                        }
                    }
                    while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                        &mut (*for_i),
                    ) {
                        (*buf)[i % 64] = i;
                        let __yielded: usize = i;
                        *__at = GuardedGroup0::Suspend0 { i };
                        return ::stackless::__private::suspend(__yielded);
                    }
                };
                return ::stackless::__private::complete(__ret);
            }
            ::stackless::__private::unreachable()
        },
    );
    __machine
}
fn advance(state: String) -> String {
    if state.len() < 4 { state + "+" } else { String::new() }
}
fn replaced(rounds: usize) -> impl Iterator<Item = usize> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum ReplacedState<T0, T1, T2, T3> {
        /// Not started: holds the arguments.
        Unresumed { rounds: T0 },
        /// Suspended at `yield_ ! (buf [i % 64])` (line 50).
        Suspend0 { for_i: T1, state: T2, buf: T3 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    impl<T0, T1, T2, T3> ::stackless::__private::States
    for ReplacedState<T0, T1, T2, T3> {
        const RETURNED: Self = ReplacedState::Returned;
        const POISONED: Self = ReplacedState::Panicked;
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::generator(
        ReplacedState::Unresumed { rounds },
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<usize, ()> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let ReplacedState::Unresumed { .. } = *state_guard.state {
                match ::core::mem::replace(state_guard.state, ReplacedState::Panicked) {
                    ReplacedState::Unresumed { rounds: __p_rounds } => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let rounds = __p_rounds;
                            let mut buf = [0usize; 64];
                            let mut state = String::new();
                            #[allow(unused_variables)]
                            let mut state = ::core::option::Option::Some(state);
                            let mut for_i = ::core::iter::IntoIterator::into_iter(
                                0..rounds,
                            );
                            while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                                &mut for_i,
                            ) {
                                buf[i % 64] = (*::stackless::__private::slot_ref(&state))
                                    .len();
                                let __yielded: usize = buf[i % 64];
                                *state_guard.state = ReplacedState::Suspend0 {
                                    buf,
                                    state,
                                    for_i,
                                };
                                return ::stackless::__private::suspend(__yielded);
                            }
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::unreachable(),
                }
            }
            match &mut *state_guard.state {
                ReplacedState::Suspend0 {
                    #[allow(unused_variables)]
                    buf,
                    #[allow(unused_variables)]
                    state,
                    #[allow(unused_variables)]
                    for_i,
                    ..
                } => {
                    let __ret: () = {
                        {
                            (*state) = ::core::option::Option::Some(
                                advance(::stackless::__private::take(&mut (*state))),
                            );
                        }
                        while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                            &mut (*for_i),
                        ) {
                            (*buf)[i % 64] = (*::stackless::__private::slot_ref(
                                &(*state),
                            ))
                                .len();
                            let __yielded: usize = (*buf)[i % 64];
                            return ::stackless::__private::suspend(__yielded);
                        }
                    };
                    return ::stackless::__private::complete(__ret);
                }
                ReplacedState::Returned => {
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
