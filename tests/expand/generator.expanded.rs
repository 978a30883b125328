fn countdown(from: u32) -> impl Iterator<Item = u32> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum __State<__T0, __T1> {
        /// Not started: holds the arguments.
        Unresumed { from: __T0 },
        /// Suspended at `yield_ ! (n)` (line 5).
        Suspend0 { n: __T1 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    impl<__T0, __T1> ::stackless::__private::States for __State<__T0, __T1> {
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
        u32,
    >(
        __State::Unresumed { from: from },
        #[inline(always)]
        |__state, __arg: ()| -> ::stackless::CoroutineState<u32, ()> {
            let mut state_guard = ::stackless::state::Guard::new(__state);
            if ::core::matches!(* state_guard.state, __State::Unresumed { .. }) {
                match ::core::mem::replace(state_guard.state, __State::Panicked) {
                    __State::Unresumed { from: __p_from } => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let from = __p_from;
                            let mut n = from;
                            while n > 0 {
                                {
                                    let __yielded: u32 = n;
                                    *state_guard.state = __State::Suspend0 { n: n };
                                    state_guard.exit = ::stackless::__private::Exit::Suspended;
                                    return ::stackless::__private::suspend(__yielded);
                                };
                            }
                        };
                        state_guard.exit = ::stackless::__private::Exit::Returned;
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::core::unreachable!(),
                }
            }
            match &mut *state_guard.state {
                __State::Suspend0 { #[allow(unused_variables)] n: n, .. } => {
                    let __ret: () = {
                        {
                            (*n) -= 1;
                        }
                        while (*n) > 0 {
                            {
                                let __yielded: u32 = (*n);
                                state_guard.exit = ::stackless::__private::Exit::Suspended;
                                return ::stackless::__private::suspend(__yielded);
                            };
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
