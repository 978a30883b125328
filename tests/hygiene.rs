//! Generated code names nothing the user can shadow and declares nothing the user can see: it reaches the standard
//! library through `::core` paths and the runtime through `::stackless::__private` and `::stackless::state`, its
//! own locals and labels are `__`-prefixed with mixed-site hygiene, and its types are named after the fn
//! (`CountsState`), or longer when the fn names a type so (`CountsCoroutineState`).
//!
//! The module below shadows the prelude and the crate names generated code could have used by accident, and the
//! coroutines in it name their locals and labels like the generated ones.
#![allow(non_camel_case_types, non_snake_case, dead_code, clippy::pedantic)]

mod shadowed {
    // Crate names and prelude items, shadowed by useless local definitions.
    mod core {}
    mod std {}
    mod stackless {}
    struct Option;
    struct Some;
    struct None;
    struct Result;
    struct Ok;
    struct Err;
    struct Box;
    struct Vec;
    struct String;
    trait Iterator {}
    trait IntoIterator {}
    trait FnMut {}
    trait Drop {}
    trait Clone {}
    trait Debug {}
    trait Send {}
    trait Sized {}
    fn drop() {}
    #[allow(unused_macros)]
    macro_rules! unreachable {
        ($($t:tt)*) => {
            compile_error!("generated code must not use an unqualified `unreachable!`")
        };
    }
    #[allow(unused_macros)]
    macro_rules! panic {
        ($($t:tt)*) => {
            compile_error!("generated code must not use an unqualified `panic!`")
        };
    }

    /// The user's own type named like the generated state enum: its uses in the body still mean this one.
    pub struct __State(pub u32);
    struct Suspend0;

    /// Locals named like the generated ones, live across suspension points and read after them.
    #[::stackless::coroutine]
    pub fn generator(__arg: u32) -> impl ::core::iter::Iterator<Item = u32> {
        let __state = __State(__arg);
        let __guard = 10;
        let state_guard = 20;
        let mut __yielded = 0;
        let __machine = 100;
        let __iter1 = [1, 2];
        let __saved0 = 1000;
        let __p_x = 10_000;
        let __value = 3;
        let __next = 4;
        for __x in __iter1 {
            yield_!(__state.0 + __x);
            __yielded += 1;
        }
        '__break0: loop {
            '__continue0: for __i in 0..2 {
                if __i == 1 {
                    continue '__continue0;
                }
                yield_!(__guard + state_guard + __machine + __saved0 + __p_x);
            }
            __yielded += 1;
            if __yielded == 3 {
                break '__break0;
            }
        }
        let __ret = __value + __next + __yielded;
        yield_!(__ret);
    }

    /// A resume coroutine whose resume binding and argument use generated-looking names, with `?`.
    #[::stackless::coroutine(resume = __residual)]
    pub fn coroutine(
        __self: u32,
    ) -> impl ::stackless::Coroutine<u32, Yield = u32, Return = ::core::result::Result<u32, u8>> {
        let mut __T0 = __self + __residual;
        let __residual = yield_!(__T0);
        __T0 += __residual;
        let checked: ::core::result::Result<u32, u8> =
            if __T0 > 1000 { ::core::result::Result::Err(7) } else { ::core::result::Result::Ok(__T0) };
        let __arg0 = checked?;
        let __residual = yield_!(__arg0);
        ::core::result::Result::Ok(__arg0 + __residual)
    }

    /// `Option`'s `?` and a generic parameter named like the state's type parameters.
    #[::stackless::coroutine]
    pub fn generic<__T0: ::core::clone::Clone>(
        __arg1: __T0,
        n: ::core::option::Option<usize>,
    ) -> impl ::stackless::Coroutine<Yield = __T0, Return = ::core::option::Option<usize>> {
        let count = n?;
        for __i in 0..count {
            let _ = __i;
            yield_!(__arg1.clone());
        }
        ::core::option::Option::Some(count)
    }

    /// A delegation whose first resume argument reads user locals named like the delegation's own.
    #[::stackless::coroutine(resume = yield_from)]
    pub fn delegating(__delegate1: u32) -> impl ::stackless::Coroutine<u32, Yield = u32, Return = (u32, u32)> {
        let __resume1 = 100;
        let inner = coroutine(__delegate1);
        let returned = yield_from!(inner, yield_from + __resume1);
        let __inner_returned = match returned {
            ::core::result::Result::Ok(v) => v,
            ::core::result::Result::Err(e) => u32::from(e),
        };
        (__inner_returned, yield_from + __delegate1 + __resume1)
    }

    /// Locals named like the field of a `for` loop's iterator (`for_x`, and `for_x_2` for a second one), live
    /// across suspension points before, inside and after the loops; `+ Debug` derives the state's fields.
    #[::stackless::coroutine]
    pub fn loop_field_names(v: ::std::vec::Vec<u32>) -> impl ::core::iter::Iterator<Item = u32> + ::core::fmt::Debug {
        let for_x = 1000;
        for x in v.clone() {
            let for_x_2 = x * 10;
            yield_!(for_x + x);
            yield_!(for_x_2);
        }
        for x in v {
            yield_!(x);
        }
        let for_x = for_x + 1;
        yield_!(for_x);
    }

    pub struct Holder {
        pub items: ::std::vec::Vec<u32>,
    }

    impl Holder {
        /// A method: the receiver becomes a generated binding, the user's `__machine` stays the user's.
        #[::stackless::coroutine]
        pub fn method(&self, __machine: u32) -> impl ::core::iter::Iterator<Item = u32> + '_ {
            for i in 0..self.items.len() {
                yield_!(self.items[i] + __machine);
            }
        }
    }
}

/// Types named as the state of `counts` would be, used in its body.
mod named_like_the_state {
    #[derive(Debug, PartialEq)]
    pub struct CountsState(pub u32);
    pub enum CountsGroup0 {
        One,
    }

    #[::stackless::coroutine]
    pub fn counts(n: u32) -> impl Iterator<Item = CountsState> {
        let CountsGroup0::One = CountsGroup0::One;
        for i in 0..n {
            yield_!(CountsState(i));
            yield_!(CountsState(i + 10));
        }
    }
}

use core::pin::Pin;
use stackless::{Coroutine, CoroutineState};

#[test]
fn user_types_named_like_the_state() {
    use named_like_the_state::{CountsState, counts};
    assert_eq!(counts(2).collect::<Vec<_>>(), [CountsState(0), CountsState(10), CountsState(1), CountsState(11)]);
}

#[test]
fn generated_names_do_not_collide_with_user_names() {
    assert_eq!(shadowed::generator(5).collect::<Vec<_>>(), [6, 7, 11_130, 10]);
}

#[test]
fn resume_binding_and_question_mark_with_generated_names() {
    let mut c = shadowed::coroutine(1);
    assert_eq!(Pin::new(&mut c).resume(2), CoroutineState::Yielded(3));
    assert_eq!(Pin::new(&mut c).resume(4), CoroutineState::Yielded(7));
    assert_eq!(Pin::new(&mut c).resume(5), CoroutineState::Complete(Ok(12)));

    let mut c = shadowed::coroutine(1);
    assert_eq!(Pin::new(&mut c).resume(2), CoroutineState::Yielded(3));
    assert_eq!(Pin::new(&mut c).resume(2000), CoroutineState::Complete(Err(7)));
}

#[test]
fn generic_parameter_named_like_generated_ones() {
    let mut c = shadowed::generic("x", Some(2));
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Yielded("x"));
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Yielded("x"));
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Complete(Some(2)));

    let mut c = shadowed::generic("x", None);
    assert_eq!(Pin::new(&mut c).resume(()), CoroutineState::Complete(None));
}

#[test]
fn delegation_with_user_locals_named_like_its_own() {
    let mut c = shadowed::delegating(1);
    // `coroutine(1)` starts with the resume argument `2 + 100`.
    assert_eq!(Pin::new(&mut c).resume(2), CoroutineState::Yielded(103));
    assert_eq!(Pin::new(&mut c).resume(4), CoroutineState::Yielded(107));
    assert_eq!(Pin::new(&mut c).resume(5), CoroutineState::Complete((112, 103)));

    let mut c = shadowed::delegating(1);
    assert_eq!(Pin::new(&mut c).resume(2), CoroutineState::Yielded(103));
    assert_eq!(Pin::new(&mut c).resume(5000), CoroutineState::Complete((7, 103)));
}

#[test]
fn method_with_a_parameter_named_like_the_receiver() {
    let holder = shadowed::Holder { items: vec![1, 2] };
    assert_eq!(holder.method(10).collect::<Vec<_>>(), [11, 12]);
}

#[test]
fn user_locals_named_like_a_loop_iterator_field() {
    assert_eq!(shadowed::loop_field_names(vec![1, 2]).collect::<Vec<_>>(), [1001, 10, 1002, 20, 1, 2, 1001]);
}

/// Raw identifiers (a keyword as a name, `r#gen` in edition 2024) as an argument, the resume binding, locals held
/// across a suspension point and a destructured field: the state's fields keep them raw. (The argument made the
/// macro panic, the locals named keyword fields; found by a user-style test program.)
#[derive(Clone, Debug)]
struct Token {
    r#type: u32,
}

#[stackless::coroutine(resume = r#in)]
fn raw_names(r#type: u32, token: Token) -> impl Coroutine<u32, Yield = u32, Return = u32> + Clone + core::fmt::Debug {
    let Token { r#type: r#match } = token;
    let r#gen = r#type + r#in;
    let next = yield_!(r#gen);
    r#gen + next + r#type + r#match
}

#[test]
fn raw_identifiers_as_names() {
    let mut co = raw_names(3, Token { r#type: 100 });
    assert_eq!(Pin::new(&mut co).resume(1), CoroutineState::Yielded(4));
    assert!(format!("{co:?}").contains("gen: 4"), "{co:?}");
    let mut copy = co.clone();
    assert_eq!(Pin::new(&mut co).resume(10), CoroutineState::Complete(117));
    assert_eq!(Pin::new(&mut copy).resume(20), CoroutineState::Complete(127));
}
