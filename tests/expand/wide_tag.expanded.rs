fn batches(n: u64) -> impl Iterator<Item = u64> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(usize)]
    enum BatchesGroup0 {
        /// Suspended at `yield_ ! (i)` (line 8).
        Suspend0 {},
        /// Suspended at `yield_ ! (pending . len () as u64)` (line 9).
        Suspend1 {},
        /// Between two of these points, within a step: never seen by a caller.
        Moving,
    }
    #[allow(dead_code, non_camel_case_types)]
    enum BatchesIdle<T0> {
        /// Not started: holds the arguments.
        Unresumed { n: T0 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    enum BatchesState<T0, T1, T2> {
        /// Suspended at one of the points of lines 8–9: what they all hold stays here.
        Group0 { at: BatchesGroup0, for_i: T1, pending: T2 },
        /// Not started, finished, or poisoned by a panic.
        Idle(BatchesIdle<T0>),
    }
    impl<T0, T1, T2> ::stackless::__private::States for BatchesState<T0, T1, T2> {
        const RETURNED: Self = BatchesState::Idle(BatchesIdle::Returned);
        const POISONED: Self = BatchesState::Idle(BatchesIdle::Panicked);
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::generator(
        BatchesState::Idle(BatchesIdle::Unresumed { n }),
        #[inline(always)]
        |__guard, __arg: ()| -> ::stackless::CoroutineState<u64, ()> {
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let BatchesState::Idle(idle) = &*state_guard.state {
                ::core::hint::cold_path();
                if let BatchesIdle::Returned = idle {
                    return ::stackless::__private::exhausted();
                }
                match ::core::mem::replace(
                    state_guard.state,
                    BatchesState::Idle(BatchesIdle::Panicked),
                ) {
                    BatchesState::Idle(BatchesIdle::Unresumed { n: __p_n }) => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let n = __p_n;
                            let mut pending: Vec<u64> = Vec::with_capacity(4);
                            let mut for_i = ::core::iter::IntoIterator::into_iter(0..n);
                            while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                                &mut for_i,
                            ) {
                                pending.push(i);
                                let __yielded: u64 = i;
                                let __own = BatchesGroup0::Suspend0 {};
                                *state_guard.state = BatchesState::Group0 {
                                    at: __own,
                                    pending,
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
            if let BatchesState::Group0 {
                at: __at,
                #[allow(unused_variables)]
                pending,
                #[allow(unused_variables)]
                for_i,
            } = &mut *state_guard.state
            {
                let __ret: () = {
                    {
                        match __at {
                            BatchesGroup0::Suspend0 { .. } => {
                                let __yielded: u64 = (*pending).len() as u64;
                                *__at = BatchesGroup0::Suspend1 {};
                                return ::stackless::__private::suspend(__yielded);
                            }
                            BatchesGroup0::Suspend1 { .. } => {}
                            _ => ::stackless::__private::unreachable(),
                        }
                    }
                    while let ::core::option::Option::Some(i) = ::core::iter::Iterator::next(
                        &mut (*for_i),
                    ) {
                        (*pending).push(i);
                        let __yielded: u64 = i;
                        *__at = BatchesGroup0::Suspend0 {};
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
