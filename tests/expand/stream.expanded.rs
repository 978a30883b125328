/// An async generator: an `.await` of a future, a stream polled in place, and a `yield_!`.
fn doubled(
    source: impl stackless::Stream<Item = u32> + Unpin,
    first: core::future::Ready<u32>,
) -> impl stackless::Stream<Item = u32> {
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    #[repr(u8)]
    enum DoubledGroup0 {
        /// Suspended at `source.next().await` (line 8).
        Suspend2 {},
        /// Suspended at `yield_ ! (x * 2)` (line 9).
        Suspend3 {},
        /// Between two of these points, within a step: never seen by a caller.
        Moving,
    }
    #[allow(dead_code, non_camel_case_types)]
    enum DoubledIdle<T0, T1> {
        /// Not started: holds the arguments.
        Unresumed { first: T0, source: T1 },
        /// Finished.
        Returned,
        /// A resume panicked.
        Panicked,
    }
    #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
    enum DoubledState<T0, T1, T2, T3, T4, T5> {
        /// Suspended at `first.await` (line 7).
        Suspend0 { awaiting: T2, source: T3 },
        /// Suspended at `yield_ ! (first . await)` (line 7).
        Suspend1 { source: T4 },
        /// Suspended at one of the points of lines 8–9: what they all hold stays here.
        Group0 { at: DoubledGroup0, source: T5 },
        /// Not started, finished, or poisoned by a panic.
        Idle(DoubledIdle<T0, T1>),
    }
    impl<T0, T1, T2, T3, T4, T5> ::stackless::__private::States
    for DoubledState<T0, T1, T2, T3, T4, T5> {
        const RETURNED: Self = DoubledState::Idle(DoubledIdle::Returned);
        const POISONED: Self = DoubledState::Idle(DoubledIdle::Panicked);
    }
    impl<T0, T1, T2, T3, T4, T5> ::stackless::state::Finished
    for DoubledState<T0, T1, T2, T3, T4, T5> {
        fn finished(&self) -> bool {
            ::core::matches!(* self, DoubledState::Idle(DoubledIdle::Returned))
        }
    }
    #[allow(unused_mut, unused_labels, unreachable_code)]
    #[allow(clippy::needless_return, clippy::let_and_return, clippy::unused_unit)]
    #[allow(unused_braces, unused_parens, clippy::diverging_sub_expression)]
    #[allow(clippy::used_underscore_binding, clippy::no_effect_underscore_binding)]
    #[allow(dropping_copy_types, dropping_references)]
    let __machine = ::stackless::state::Machine::stream(
        DoubledState::Idle(DoubledIdle::Unresumed {
            source,
            first,
        }),
        #[inline(always)]
        |
            __guard,
            __cx: &mut ::core::task::Context<'_>,
        | -> ::stackless::CoroutineState<::core::task::Poll<u32>, ()> {
            let __arg: () = ();
            let __type3 = ::core::marker::PhantomData;
            let __type4 = ::core::marker::PhantomData;
            let __type5 = ::core::marker::PhantomData;
            let __resume_type = ::core::marker::PhantomData;
            ::stackless::__private::same_type(&__resume_type, &__arg);
            let mut state_guard = ::stackless::state::Guard::lend(__guard);
            if let DoubledState::Idle(idle) = &*state_guard.state {
                ::core::hint::cold_path();
                if let DoubledIdle::Returned = idle {
                    return ::stackless::__private::exhausted();
                }
                match ::core::mem::replace(
                    state_guard.state,
                    DoubledState::Idle(DoubledIdle::Panicked),
                ) {
                    DoubledState::Idle(
                        DoubledIdle::Unresumed { source: __p_source, first: __p_first },
                    ) => {
                        ::core::hint::cold_path();
                        let __ret: () = {
                            let mut source = __p_source;
                            let first = __p_first;
                            {
                                let mut __spill1 = match ::stackless::async_gen::awaited(
                                    first,
                                ) {
                                    mut awaiting => {
                                        loop {
                                            match ::stackless::async_gen::poll_awaited(
                                                { &mut awaiting },
                                                &mut *__cx,
                                            ) {
                                                ::core::task::Poll::Ready(__output) => break __output,
                                                ::core::task::Poll::Pending => {}
                                            }
                                            let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Pending;
                                            *state_guard.state = DoubledState::Suspend0 {
                                                source,
                                                awaiting,
                                            };
                                            return ::stackless::__private::suspend(__yielded);
                                        }
                                    }
                                };
                                ::stackless::__private::same_type(&__type3, &__spill1);
                                let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Ready(
                                    __spill1,
                                );
                                *state_guard.state = DoubledState::Suspend1 { source };
                                return ::stackless::__private::suspend(__yielded);
                            };
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::poll_after_panicking(),
                }
            }
            if let DoubledState::Suspend0 { .. } | DoubledState::Suspend1 { .. } = *state_guard
                .state
            {
                match ::core::mem::replace(
                    state_guard.state,
                    DoubledState::Idle(DoubledIdle::Panicked),
                ) {
                    DoubledState::Suspend0 { source: __saved0, awaiting: __saved2 } => {
                        let __ret: () = {
                            #[allow(unused_variables)]
                            let mut source = __saved0;
                            {
                                let mut __spill1 = {
                                    #[allow(unused_variables)]
                                    let mut awaiting = __saved2;
                                    {
                                        loop {
                                            match ::stackless::async_gen::poll_awaited(
                                                { &mut awaiting },
                                                &mut *__cx,
                                            ) {
                                                ::core::task::Poll::Ready(__output) => break __output,
                                                ::core::task::Poll::Pending => {}
                                            }
                                            let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Pending;
                                            *state_guard.state = DoubledState::Suspend0 {
                                                source,
                                                awaiting,
                                            };
                                            return ::stackless::__private::suspend(__yielded);
                                        }
                                    }
                                };
                                ::stackless::__private::same_type(&__type3, &__spill1);
                                let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Ready(
                                    __spill1,
                                );
                                *state_guard.state = DoubledState::Suspend1 { source };
                                return ::stackless::__private::suspend(__yielded);
                            };
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    DoubledState::Suspend1 { source: __saved0 } => {
                        let __ret: () = {
                            #[allow(unused_variables)]
                            let mut source = __saved0;
                            {
                                let mut __spill2 = __arg;
                                ::stackless::__private::same_type(&__type4, &__spill2);
                                __spill2
                            };
                            {
                                loop {
                                    let mut __spill4 = loop {
                                        match ::stackless::async_gen::poll_next_in_place(
                                            {
                                                #[allow(unused_imports)]
                                                use ::stackless::async_gen::Place as _;
                                                source.stackless_place()
                                            },
                                            &mut *__cx,
                                        ) {
                                            ::core::task::Poll::Ready(__output) => break __output,
                                            ::core::task::Poll::Pending => {}
                                        }
                                        let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Pending;
                                        let __own = DoubledGroup0::Suspend2 {};
                                        *state_guard.state = DoubledState::Group0 {
                                            at: __own,
                                            source,
                                        };
                                        return ::stackless::__private::suspend(__yielded);
                                    };
                                    ::stackless::__private::same_type(&__type5, &__spill4);
                                    let Some(x) = (__spill4) else {
                                        break;
                                    };
                                    let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Ready(
                                        x * 2,
                                    );
                                    let __own = DoubledGroup0::Suspend3 {};
                                    *state_guard.state = DoubledState::Group0 {
                                        at: __own,
                                        source,
                                    };
                                    return ::stackless::__private::suspend(__yielded);
                                }
                            }
                        };
                        return ::stackless::__private::complete(__ret);
                    }
                    _ => ::stackless::__private::unreachable(),
                }
            }
            if let DoubledState::Group0 {
                at: __at,
                #[allow(unused_variables)]
                source,
            } = &mut *state_guard.state
            {
                let __ret: () = {
                    '__break0: {
                        '__continue0: {
                            match __at {
                                DoubledGroup0::Suspend2 { .. } => {
                                    let mut __spill4 = {
                                        loop {
                                            match ::stackless::async_gen::poll_next_in_place(
                                                {
                                                    #[allow(unused_imports)]
                                                    use ::stackless::async_gen::Place as _;
                                                    (*source).stackless_place()
                                                },
                                                &mut *__cx,
                                            ) {
                                                ::core::task::Poll::Ready(__output) => break __output,
                                                ::core::task::Poll::Pending => {}
                                            }
                                            let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Pending;
                                            *__at = DoubledGroup0::Suspend2 {};
                                            return ::stackless::__private::suspend(__yielded);
                                        }
                                    };
                                    ::stackless::__private::same_type(&__type5, &__spill4);
                                    let Some(x) = (__spill4) else {
                                        break '__break0;
                                    };
                                    let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Ready(
                                        x * 2,
                                    );
                                    *__at = DoubledGroup0::Suspend3 {};
                                    return ::stackless::__private::suspend(__yielded);
                                }
                                DoubledGroup0::Suspend3 { .. } => {}
                                _ => ::stackless::__private::unreachable(),
                            }
                        };
                        loop {
                            let mut __spill4 = loop {
                                match ::stackless::async_gen::poll_next_in_place(
                                    {
                                        #[allow(unused_imports)]
                                        use ::stackless::async_gen::Place as _;
                                        (*source).stackless_place()
                                    },
                                    &mut *__cx,
                                ) {
                                    ::core::task::Poll::Ready(__output) => break __output,
                                    ::core::task::Poll::Pending => {}
                                }
                                let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Pending;
                                *__at = DoubledGroup0::Suspend2 {};
                                return ::stackless::__private::suspend(__yielded);
                            };
                            ::stackless::__private::same_type(&__type5, &__spill4);
                            let Some(x) = (__spill4) else {
                                break;
                            };
                            let __yielded: ::core::task::Poll<u32> = ::core::task::Poll::Ready(
                                x * 2,
                            );
                            *__at = DoubledGroup0::Suspend3 {};
                            return ::stackless::__private::suspend(__yielded);
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
