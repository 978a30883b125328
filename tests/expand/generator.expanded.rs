fn countdown(from: u32) -> impl Iterator<Item = u32> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum CountdownState<T0, T1> {
        /// Not started: holds the arguments.
        Unresumed { from: T0 },
        /// Suspended at `yield_ ! (n)` (line 5).
        Suspend0 { n: T1 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    impl<T0, T1> ::stackless::__private::States for CountdownState<T0, T1> {
        const RETURNED: Self = CountdownState::Returned;
        const POISONED: Self = CountdownState::Panicked;
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::generator(
        CountdownState::Unresumed { from },
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<u32, ()> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let CountdownState::Unresumed { .. } = *state_guard.state {
                match ::core::mem::replace(state_guard.state, CountdownState::Panicked) {
                    CountdownState::Unresumed { from: __p_from } => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let from = __p_from;
                            let mut n = from;
                            while n > 0 {
                                let __yielded: u32 = n;
                                *state_guard.state = CountdownState::Suspend0 { n };
                                return ::stackless::__private::suspend(__yielded);
                            }
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::unreachable(),
                }
            }
            match &mut *state_guard.state {
                CountdownState::Suspend0 { #[allow(unused_variables)] n, .. } => {
                    let __ret: () = {
                        {
                            (*n) -= 1;
                        }
                        while (*n) > 0 {
                            let __yielded: u32 = (*n);
                            return ::stackless::__private::suspend(__yielded);
                        }
                    };
                    return ::stackless::__private::complete(__ret);
                }
                CountdownState::Returned => {
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
