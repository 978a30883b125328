fn running_sum() -> impl stackless::Coroutine<u64, Yield = u64, Return = u64> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum RunningSumState<T0> {
        /// Not started: holds the arguments.
        Unresumed {},
        /// Suspended at `yield_ ! (sum)` (line 6).
        Suspend0 { sum: T0 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    impl<T0> ::stackless::__private::States for RunningSumState<T0> {
        const RETURNED: Self = RunningSumState::Returned;
        const POISONED: Self = RunningSumState::Panicked;
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::coroutine(
        RunningSumState::Unresumed {},
        #[inline(always)]
        |__guard, __arg: u64| -> ::stackless::CoroutineState<u64, u64> {
            let __type0 = ::core::marker::PhantomData;
            let __resume_type = ::core::marker::PhantomData;
            ::stackless::__private::same_type(&__resume_type, &__arg);
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let RunningSumState::Unresumed { .. } = *state_guard.state {
                match ::core::mem::replace(
                    state_guard.state,
                    RunningSumState::Panicked,
                ) {
                    RunningSumState::Unresumed {} => {
                        ::core::hint::cold_path();
                        let __ret: u64 = {
                            let mut x = __arg;
                            let mut sum = 0;
                            while x != 0 {
                                sum += x;
                                let __yielded: u64 = sum;
                                *state_guard.state = RunningSumState::Suspend0 { sum };
                                return ::stackless::__private::suspend(__yielded);
                            }
                            sum
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::unreachable(),
                }
            }
            match &mut *state_guard.state {
                RunningSumState::Suspend0 { #[allow(unused_variables)] sum, .. } => {
                    let __ret: u64 = {
                        let mut x;
                        if ::stackless::__private::never() {
                            x = ::stackless::__private::unreachable_value(&__type0);
                            let _ = &x;
                            ::stackless::__private::unreachable()
                        }
                        {
                            {
                                x = (__arg);
                            }
                            while x != 0 {
                                (*sum) += x;
                                let __yielded: u64 = (*sum);
                                return ::stackless::__private::suspend(__yielded);
                            }
                        }
                        (*sum)
                    };
                    return ::stackless::__private::complete(__ret);
                }
                RunningSumState::Returned => {
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
