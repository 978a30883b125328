fn scaled(n: u32) -> impl Iterator<Item = u32> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum ScaledGroup0<T1, T2, T3> {
        /// Suspended at `yield_ ! (i)` (line 4).
        Suspend0 { n: T1 },
        /// Suspended at `yield_ ! (scale (1))` (line 7).
        Suspend2 { scale: T2 },
        /// Suspended at `yield_ ! (scale (2))` (line 8).
        Suspend3 { scale: T3 },
        /// Between two of these points, within a step: never seen by a caller.
        Moving,
    }
    #[allow(dead_code, non_camel_case_types)]
    enum ScaledIdle<T0> {
        /// Not started: holds the arguments.
        Unresumed { n: T0 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    enum ScaledState<T0, T1, T2, T3, T4, T5, T6> {
        /// Suspended at one of the points of lines 4–8: what they all hold stays here.
        Group0 { at: ScaledGroup0<T1, T2, T3>, for_i: T4 },
        /// Join point before the `let` of line 6.
        Suspend1 { for_i: T5, n: T6 },
        /// Not started, finished, or poisoned by a panic.
        Idle(ScaledIdle<T0>),
    }
    impl<T0, T1, T2, T3, T4, T5, T6> ::stackless::__private::States
    for ScaledState<T0, T1, T2, T3, T4, T5, T6> {
        const RETURNED: Self = ScaledState::Idle(ScaledIdle::Returned);
        const POISONED: Self = ScaledState::Idle(ScaledIdle::Panicked);
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::generator(
        ScaledState::Idle(ScaledIdle::Unresumed { n }),
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<u32, ()> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            let mut __resume_slot = ::core::option::Option::Some(__arg);
            '__step: loop {
                if let ScaledState::Idle(idle) = &*state_guard.state {
                    ::core::hint::cold_path();
                    if let ScaledIdle::Returned = idle {
                        return ::stackless::__private::exhausted();
                    }
                    match ::core::mem::replace(
                        state_guard.state,
                        ScaledState::Idle(ScaledIdle::Panicked),
                    ) {
                        ScaledState::Idle(ScaledIdle::Unresumed { n: __p_n }) => {
                            ::core::hint::cold_path();
                            #[allow(unused_variables)]
                            let __arg = ::stackless::__private::take_resume_arg(
                                &mut __resume_slot,
                            );
                            let __ret: () = {
                                let n = __p_n;
                                let mut for_i = ::core::iter::IntoIterator::into_iter(0..n);
                                while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                                    &mut for_i,
                                ) {
                                    let __yielded: u32 = i;
                                    let __own = ScaledGroup0::Suspend0 { n };
                                    *state_guard.state = ScaledState::Group0 {
                                        at: __own,
                                        for_i,
                                    };
                                    return ::stackless::__private::suspend(__yielded);
                                }
                                *state_guard.state = ScaledState::Suspend1 { n, for_i };
                                continue '__step;
                            };
                            return ::stackless::__private::complete(__ret);
                        }
                        _ => ::stackless::__private::next_after_panicking(),
                    }
                }
                if let ScaledState::Group0 {
                    at: ScaledGroup0::Suspend0 { .. }
                    | ScaledGroup0::Suspend2 { .. }
                    | ScaledGroup0::Suspend3 { .. },
                    ..
                }
                | ScaledState::Suspend1 { .. } = *state_guard.state
                {
                    match ::core::mem::replace(
                        state_guard.state,
                        ScaledState::Idle(ScaledIdle::Panicked),
                    ) {
                        ScaledState::Group0 {
                            at: ScaledGroup0::Suspend0 { n: __saved0 },
                            for_i: __saved1,
                        } => {
                            #[allow(unused_variables)]
                            let __arg = ::stackless::__private::take_resume_arg(
                                &mut __resume_slot,
                            );
                            let __ret: () = {
                                #[allow(unused_variables)]
                                let n = __saved0;
                                #[allow(unused_variables)]
                                let mut for_i = __saved1;
                                {
                                    while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                                        &mut for_i,
                                    ) {
                                        let __yielded: u32 = i;
                                        let __own = ScaledGroup0::Suspend0 { n };
                                        *state_guard.state = ScaledState::Group0 {
                                            at: __own,
                                            for_i,
                                        };
                                        return ::stackless::__private::suspend(__yielded);
                                    }
                                }
                                *state_guard.state = ScaledState::Suspend1 { n, for_i };
                                continue '__step;
                            };
                            return ::stackless::__private::complete(__ret);
                        }
                        ScaledState::Suspend1 { n: __saved0, for_i: __saved1 } => {
                            let __ret: () = {
                                #[allow(unused_variables)]
                                let n = __saved0;
                                #[allow(unused_variables)]
                                let mut for_i = __saved1;
                                let scale = move |x: u32| x * n;
                                let __yielded: u32 = scale(1);
                                let __own = ScaledGroup0::Suspend2 { scale };
                                *state_guard.state = ScaledState::Group0 {
                                    at: __own,
                                    for_i,
                                };
                                return ::stackless::__private::suspend(__yielded);
                            };
                            return ::stackless::__private::complete(__ret);
                        }
                        ScaledState::Group0 {
                            at: ScaledGroup0::Suspend2 { scale: __saved3 },
                            for_i: __saved1,
                        } => {
                            #[allow(unused_variables)]
                            let __arg = ::stackless::__private::take_resume_arg(
                                &mut __resume_slot,
                            );
                            let __ret: () = {
                                #[allow(unused_variables)]
                                let mut for_i = __saved1;
                                #[allow(unused_variables)]
                                let scale = __saved3;
                                let __yielded: u32 = scale(2);
                                let __own = ScaledGroup0::Suspend3 { scale };
                                *state_guard.state = ScaledState::Group0 {
                                    at: __own,
                                    for_i,
                                };
                                return ::stackless::__private::suspend(__yielded);
                            };
                            return ::stackless::__private::complete(__ret);
                        }
                        ScaledState::Group0 {
                            at: ScaledGroup0::Suspend3 { scale: __saved3 },
                            for_i: __saved1,
                        } => {
                            #[allow(unused_variables)]
                            let __arg = ::stackless::__private::take_resume_arg(
                                &mut __resume_slot,
                            );
                            let __ret: () = {
                                #[allow(unused_variables)]
                                let mut for_i = __saved1;
                                #[allow(unused_variables)]
                                let scale = __saved3;
                            };
                            return ::stackless::__private::complete(__ret);
                        }
                        _ => ::stackless::__private::unreachable(),
                    }
                }
                ::stackless::__private::unreachable()
            }
        },
    );
    __machine
}
