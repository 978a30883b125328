/// A coroutine resumed with `()` that returns a value: its `yield_!(..);` statements leave no resume value behind
/// in the arms (no bare `__arg;`), and the step closure names its return type.
fn ticks(limit: u32) -> impl stackless::Coroutine<Yield = u32, Return = u32> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum TicksState<T0, T1, T2> {
        /// Not started: holds the arguments.
        Unresumed { limit: T0 },
        /// Suspended at `yield_ ! (n)` (line 7).
        Suspend0 { n: T1, limit: T2 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    impl<T0, T1, T2> ::stackless::__private::States for TicksState<T0, T1, T2> {
        const RETURNED: Self = TicksState::Returned;
        const POISONED: Self = TicksState::Panicked;
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::coroutine(
        TicksState::Unresumed { limit },
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<u32, u32> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let TicksState::Unresumed { .. } = *state_guard.state {
                match ::core::mem::replace(state_guard.state, TicksState::Panicked) {
                    TicksState::Unresumed { limit: __p_limit } => {
                        ::core::hint::cold_path();
                        let __ret: u32 = {
                            let limit = __p_limit;
                            let mut n = 0;
                            while n < limit {
                                let __yielded: u32 = n;
                                *state_guard.state = TicksState::Suspend0 { limit, n };
                                return ::stackless::__private::suspend(__yielded);
                            }
                            n
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::unreachable(),
                }
            }
            match &mut *state_guard.state {
                TicksState::Suspend0 {
                    #[allow(unused_variables)]
                    limit,
                    #[allow(unused_variables)]
                    n,
                    ..
                } => {
                    let __ret: u32 = {
                        {
                            {
                                (*n) += 1;
                            }
                            while (*n) < (*limit) {
                                let __yielded: u32 = (*n);
                                return ::stackless::__private::suspend(__yielded);
                            }
                        }
                        (*n)
                    };
                    return ::stackless::__private::complete(__ret);
                }
                TicksState::Returned => {
                    ::core::hint::cold_path();
                    ::stackless::__private::resumed_after_completion(state_guard.exit)
                }
                _ => {}
            }
            ::stackless::__private::resumed_after_panicking()
        },
    );
    __machine
}
