//! Phase 2: bring every suspension point to statement level, keeping Rust's evaluation order.
//!
//! Lowering handles `yield_!` as a statement, a `let` initializer, an assignment's value or a block's tail. A
//! `yield_!` anywhere else inside an expression is brought there by *spilling*: the operands evaluated before it
//! go into hidden locals (`let mut __spillN = operand;`), the suspension becomes `let mut __spillM =
//! yield_!(..);`, and what remains of the expression (which no longer suspends) reads those locals.
//!
//! - Operands left of the last suspension point are evaluated and kept in the state; operands right of it are
//!   evaluated after resuming, exactly as in the plain fn. Literals and paths are left in place (nothing in the
//!   coroutine can change a local between two of its own operands).
//! - Place operands (a method receiver, a field or index base) stay places when they already are: `v.push(..)`
//!   borrows `v` after resuming, as the plain fn's two-phase borrow would. An rvalue receiver is evaluated into a
//!   hidden local first, so its temporary lives until the end of the statement, across the suspension.
//! - The same holds for temporaries created before a suspension point (an rvalue borrowed as a receiver, a
//!   field or index base, or by `&`), and in a `match` scrutinee or a `for` loop's iterator with suspension
//!   points in the body: they live until the end of the statement, so they become hidden locals too; so does
//!   the scrutinee's own value when a suspending arm binds by `ref` into it
//!   ([`suspending_arm_borrows_the_scrutinee`]).
//! - `a && b` / `a || b` with a suspension in `b` become `if`s, so nothing suspends when `b` isn't evaluated;
//!   `while` with a suspension in its condition becomes `loop` + `break`, so the condition is evaluated (and
//!   suspends) on every iteration.
//! - The arguments of the format and assertion macros and `vec!` are spilled like call arguments. Other macros,
//!   match guards and the later parts of a let chain are rejected with a message naming the workaround.
//!
//! Input:  `f(a(), yield_!(1), b())`
//! Output: `{ let mut __spill1 = a(); let mut __spill2 = yield_!(1); f(__spill1, __spill2, b()) }`

use proc_macro2::Span;
use quote::{ToTokens, quote};
use syn::spanned::Spanned;
use syn::{Expr, Stmt, Token};

use crate::conventions::drops_own_temporaries;
use crate::errors::Errors;
use crate::syntax::{
    MacroOperands, binds_by_ref, contains_let, expression_macro, find_yield, is_compound_assignment, is_local_place,
    is_place_expression, macro_operands, parse_yield_arg, suspension_name,
};

pub struct Normalizer<'a> {
    errors: &'a mut Errors,
    counter: &'a mut usize,
}

/// What [`Normalizer::heads`] made of an expression.
enum Head {
    /// A control-flow expression, its head spilled.
    Control(Expr),
    /// Anything else, untouched.
    Other(Expr),
}

/// How an operand is used by its expression.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// By value: evaluated into a hidden local when it must be evaluated before a later suspension.
    Value,
    /// As a place (receiver, field or index base, `&` operand): kept in place when it is one.
    Place,
    /// The receiver of a method that borrows it: as a place, and an rvalue there is a temporary of the
    /// statement (`__temporaryN`, which an unwinding statement drops after its evaluated operands).
    Borrowed,
}

impl Slot {
    fn is_place(self) -> bool {
        matches!(self, Slot::Place | Slot::Borrowed)
    }
}

/// How far [`Normalizer::operands`] evaluates an expression's operands ahead of the rest.
#[derive(Clone, Copy)]
enum Upto {
    /// Through the last operand that suspends.
    Suspension,
    /// Through the last operand that creates a temporary living to the end of the statement.
    Temporary,
}

fn has_yield(e: &Expr) -> bool {
    find_yield(e).is_some()
}

fn is_trivial(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Path(_) => true,
        Expr::Paren(p) => is_trivial(&p.expr),
        _ => false,
    }
}

/// An rvalue that is a temporary where it is borrowed (a call, a method call, a macro, a struct literal).
fn creates_temporary(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => creates_temporary(&p.expr),
        _ => matches!(e, Expr::Call(_) | Expr::MethodCall(_) | Expr::Macro(_) | Expr::Struct(_)),
    }
}

/// A call, whose value is never promoted to a constant when borrowed.
fn is_call(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => is_call(&p.expr),
        _ => matches!(e, Expr::Call(_) | Expr::MethodCall(_) | Expr::Macro(_)),
    }
}

/// `e` creates a temporary that lives until the end of its statement: an rvalue it borrows in place, in it or in
/// one of its operands ([`split`] lists them; [`Normalizer::hoist_temporaries`] walks the same). Not into
/// closures, blocks or control flow, whose temporaries end earlier, except a `match` scrutinee, which is no
/// terminating scope (its temporaries live to the end of the enclosing statement, even where the `match` is an
/// operand).
pub fn has_temporary(e: &Expr) -> bool {
    match e {
        Expr::Paren(p) => has_temporary(&p.expr),
        Expr::Match(m) => has_temporary(&m.expr),
        // It ends its arguments' temporaries itself.
        Expr::Macro(m) if drops_own_temporaries(&m.mac) => false,
        _ => match split(e.clone()) {
            Ok(split) => {
                split.borrowed.is_some_and(|rvalue| rvalue(&split.ops[0].0))
                    || split.ops.iter().any(|(op, _)| has_temporary(op))
            }
            Err(_) => false,
        },
    }
}

/// A `match` on an rvalue with an arm that binds by `ref` and suspends: the binding borrows the scrutinee's own
/// temporary, which lives until the end of the `match`, across the suspension points. It becomes a hidden local,
/// which the binding borrows in place.
pub fn suspending_arm_borrows_the_scrutinee(m: &syn::ExprMatch) -> bool {
    !is_place_expression(&m.expr) && m.arms.iter().any(|a| find_yield(&a.body).is_some() && binds_by_ref(&a.pat))
}

/// An expression taken apart into its operands, in evaluation order, each with how the expression uses it: the
/// one description of evaluation order that spilling, temporary hoisting and [`has_temporary`] follow.
struct Split {
    ops: Vec<(Expr, Slot)>,
    /// The expression borrows its first operand in place (the receiver of a method that borrows it, a field or
    /// index base, the operand of `&`): what makes an rvalue there a temporary of the statement.
    borrowed: Option<fn(&Expr) -> bool>,
    /// Puts the expression back together around new operands, given in the same order.
    rebuild: Box<dyn FnOnce(Vec<Expr>) -> Expr>,
}

impl Split {
    fn new(ops: Vec<(Expr, Slot)>, rebuild: impl FnOnce(Vec<Expr>) -> Expr + 'static) -> Self {
        Split { ops, borrowed: None, rebuild: Box::new(rebuild) }
    }

    fn borrowing(mut self, rvalue: fn(&Expr) -> bool) -> Self {
        self.borrowed = Some(rvalue);
        self
    }
}

/// Moves an operand out of its box, leaving an empty expression until [`Split::rebuild`] puts one back.
fn take(operand: &mut Expr) -> Expr {
    std::mem::replace(operand, Expr::Verbatim(proc_macro2::TokenStream::new()))
}

/// `e`'s operands ([`Split`]); `Err(e)` for an expression that is no such combination: a path, a literal, control
/// flow, a closure, `&&`/`||` (the right operand may not run), a compound assignment (its left side is a place),
/// a macro other than the expression macros.
fn split(e: Expr) -> Result<Split, Box<Expr>> {
    fn next(ops: &mut std::vec::IntoIter<Expr>) -> Expr {
        ops.next().expect("internal invariant: one operand per operand taken out")
    }
    Ok(match e {
        Expr::Call(mut c) => {
            let slot = if matches!(&*c.func, Expr::Path(_)) { Slot::Place } else { Slot::Value };
            let mut ops = vec![(take(&mut c.func), slot)];
            ops.extend(std::mem::take(&mut c.args).into_iter().map(|a| (a, Slot::Value)));
            Split::new(ops, move |new| {
                let mut new = new.into_iter();
                *c.func = next(&mut new);
                c.args = new.collect();
                Expr::Call(c)
            })
        }
        Expr::MethodCall(mut m) => {
            let borrowed = borrows_receiver(&m.method);
            let slot = if borrowed { Slot::Borrowed } else { Slot::Place };
            let mut ops = vec![(take(&mut m.receiver), slot)];
            ops.extend(std::mem::take(&mut m.args).into_iter().map(|a| (a, Slot::Value)));
            let split = Split::new(ops, move |new| {
                let mut new = new.into_iter();
                *m.receiver = next(&mut new);
                m.args = new.collect();
                Expr::MethodCall(m)
            });
            if borrowed { split.borrowing(creates_temporary) } else { split }
        }
        Expr::Binary(b) if is_short_circuit(&b.op) || is_compound_assignment(&b.op) => {
            return Err(Box::new(Expr::Binary(b)));
        }
        Expr::Binary(mut b) => {
            // A comparison borrows its operands.
            let slot = if matches!(
                b.op,
                syn::BinOp::Eq(_)
                    | syn::BinOp::Ne(_)
                    | syn::BinOp::Lt(_)
                    | syn::BinOp::Le(_)
                    | syn::BinOp::Gt(_)
                    | syn::BinOp::Ge(_)
            ) {
                Slot::Place
            } else {
                Slot::Value
            };
            let ops = vec![(take(&mut b.left), slot), (take(&mut b.right), slot)];
            Split::new(ops, move |new| {
                let mut new = new.into_iter();
                *b.left = next(&mut new);
                *b.right = next(&mut new);
                Expr::Binary(b)
            })
        }
        Expr::Index(mut i) => {
            let ops = vec![(take(&mut i.expr), Slot::Place), (take(&mut i.index), Slot::Value)];
            Split::new(ops, move |new| {
                let mut new = new.into_iter();
                *i.expr = next(&mut new);
                *i.index = next(&mut new);
                Expr::Index(i)
            })
            .borrowing(creates_temporary)
        }
        Expr::Field(mut f) => Split::new(vec![(take(&mut f.base), Slot::Place)], move |new| {
            *f.base = next(&mut new.into_iter());
            Expr::Field(f)
        })
        .borrowing(creates_temporary),
        // A struct literal or a constant behind `&` may be promoted to a `'static`: only a call's value is surely a
        // temporary.
        Expr::Reference(mut r) => Split::new(vec![(take(&mut r.expr), Slot::Place)], move |new| {
            *r.expr = next(&mut new.into_iter());
            Expr::Reference(r)
        })
        .borrowing(is_call),
        Expr::Unary(mut u) => {
            let slot = if matches!(u.op, syn::UnOp::Deref(_)) { Slot::Place } else { Slot::Value };
            Split::new(vec![(take(&mut u.expr), slot)], move |new| {
                *u.expr = next(&mut new.into_iter());
                Expr::Unary(u)
            })
        }
        Expr::Cast(mut c) => Split::new(vec![(take(&mut c.expr), Slot::Value)], move |new| {
            *c.expr = next(&mut new.into_iter());
            Expr::Cast(c)
        }),
        Expr::Try(mut t) => Split::new(vec![(take(&mut t.expr), Slot::Value)], move |new| {
            *t.expr = next(&mut new.into_iter());
            Expr::Try(t)
        }),
        Expr::Repeat(mut r) => Split::new(vec![(take(&mut r.expr), Slot::Value)], move |new| {
            *r.expr = next(&mut new.into_iter());
            Expr::Repeat(r)
        }),
        Expr::Tuple(mut t) => {
            let ops = std::mem::take(&mut t.elems).into_iter().map(|e| (e, Slot::Value)).collect();
            Split::new(ops, move |new| {
                t.elems = new.into_iter().collect();
                Expr::Tuple(t)
            })
        }
        Expr::Array(mut a) => {
            let ops = std::mem::take(&mut a.elems).into_iter().map(|e| (e, Slot::Value)).collect();
            Split::new(ops, move |new| {
                a.elems = new.into_iter().collect();
                Expr::Array(a)
            })
        }
        Expr::Struct(mut s) => {
            let mut ops: Vec<(Expr, Slot)> = s.fields.iter_mut().map(|f| (take(&mut f.expr), Slot::Value)).collect();
            let written: Vec<bool> = s.fields.iter().map(|f| f.colon_token.is_some()).collect();
            let rest = s.rest.take();
            let has_rest = rest.is_some();
            ops.extend(rest.map(|r| (*r, Slot::Value)));
            let originals: Vec<Expr> = ops.iter().map(|(e, _)| e.clone()).collect();
            Split::new(ops, move |new| {
                let mut new = new.into_iter();
                for ((field, original), written) in s.fields.iter_mut().zip(&originals).zip(written) {
                    let value = next(&mut new);
                    // `S { x }` shorthand stays shorthand unless its value moved into a hidden local.
                    if !written && value != *original {
                        field.colon_token = Some(Token![:](Span::call_site()));
                    }
                    field.expr = value;
                }
                if has_rest {
                    s.rest = Some(Box::new(next(&mut new)));
                }
                Expr::Struct(s)
            })
        }
        Expr::Range(mut r) => {
            let (start, end) = (r.start.take(), r.end.take());
            let (has_start, has_end) = (start.is_some(), end.is_some());
            let ops = start.into_iter().chain(end).map(|e| (*e, Slot::Value)).collect();
            Split::new(ops, move |new| {
                let mut new = new.into_iter();
                if has_start {
                    r.start = Some(Box::new(next(&mut new)));
                }
                if has_end {
                    r.end = Some(Box::new(next(&mut new)));
                }
                Expr::Range(r)
            })
        }
        // The format and assertion macros and `vec!` take their arguments by reference or by value: as places.
        // `vec![value; count]`: the value, then the count.
        Expr::Macro(mut m) if let Some(MacroOperands::Repeat(value, count)) = macro_operands(&m.mac) => {
            Split::new(vec![(*value, Slot::Value), (*count, Slot::Value)], move |new| {
                let mut new = new.into_iter();
                let (value, count) = (next(&mut new), next(&mut new));
                m.mac.tokens = MacroOperands::Repeat(Box::new(value), Box::new(count)).into_tokens();
                Expr::Macro(m)
            })
        }
        Expr::Macro(mut m) if let Some(MacroOperands::List(args)) = macro_operands(&m.mac) => {
            // A formatting macro's named argument (`x = value`): its operand is the value, its name stays.
            let vec_like = crate::conventions::VALUE_MACROS.iter().any(|name| m.mac.path.is_ident(name));
            let mut names = Vec::new();
            let ops = args
                .into_iter()
                .map(|a| match a {
                    Expr::Assign(argument)
                        if !vec_like && matches!(&*argument.left, Expr::Path(p) if p.path.get_ident().is_some()) =>
                    {
                        names.push(Some((argument.left, argument.eq_token)));
                        (*argument.right, Slot::Place)
                    }
                    other => {
                        names.push(None);
                        (other, Slot::Place)
                    }
                })
                .collect();
            Split::new(ops, move |new| {
                let new = new.into_iter().zip(names).map(|(value, name)| match name {
                    Some((name, eq)) => quote!(#name #eq #value),
                    None => value.into_token_stream(),
                });
                m.mac.tokens = quote!(#(#new),*);
                Expr::Macro(m)
            })
        }
        other => return Err(Box::new(other)),
    })
}

/// The method borrows its receiver by convention (`get`, `len`…): an rvalue receiver is then a temporary. One
/// the macro doesn't know is assumed to take `self` (iterator adapters: `v.iter().copied()`), whose receiver is
/// moved into the call and is no temporary.
fn borrows_receiver(method: &syn::Ident) -> bool {
    crate::conventions::borrowing_method(&method.to_string())
}

fn is_short_circuit(op: &syn::BinOp) -> bool {
    matches!(op, syn::BinOp::And(_) | syn::BinOp::Or(_))
}

impl<'a> Normalizer<'a> {
    pub fn new(errors: &'a mut Errors, counter: &'a mut usize) -> Self {
        Normalizer { errors, counter }
    }

    /// `e` (which contains a suspension point somewhere lowering can't split at) as a block whose
    /// suspension points are statements.
    pub fn normalize(&mut self, e: Expr) -> Expr {
        let mut out = Vec::new();
        let residual = self.top(e, &mut out);
        // Built, not re-parsed: the residual may be something only rustc should reject (`x = let y = ..`).
        out.push(Stmt::Expr(residual, None));
        block_expr(out)
    }

    /// Like [`Self::spill`], but a control-flow expression with suspension points in its body stays in place:
    /// it is the statement itself.
    fn top(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        match self.heads(e, out) {
            Head::Control(e) => e,
            Head::Other(e) => self.spill(e, out),
        }
    }

    /// Spills the head (condition, scrutinee, iterator) of a control-flow expression.
    fn heads(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Head {
        match e {
            Expr::If(mut i) => {
                i.cond = Box::new(self.condition(*i.cond, out));
                Head::Control(Expr::If(i))
            }
            Expr::Match(mut m) => {
                if let Some(span) = m.arms.iter().find_map(|a| match &a.pat {
                    syn::Pat::Guard(g) => find_yield(&g.guard),
                    _ => None,
                }) {
                    self.errors.error(
                        span,
                        "`yield_!` in a match guard is not supported\nhelp: move the condition into the arm: \
                         `x => if cond { .. } else { .. }`",
                    );
                }
                // The scrutinee's temporaries (also those created after its own suspension points) live until
                // the end of the `match` statement, across the suspension points in its arms.
                let borrowed = suspending_arm_borrows_the_scrutinee(&m);
                let rvalue = !is_place_expression(&m.expr);
                let scrutinee = self.spill(*m.expr, out);
                // An rvalue spilled into a hidden local (`match yield_!(..)`) is matched as the value it is, a
                // temporary of the `match`: what the patterns leave of it (`(a, _)`) drops at the end of the
                // `match`, as in the plain fn, not with the hidden local.
                let scrutinee = if rvalue && is_place_expression(&scrutinee) {
                    syn::parse_quote!({ #scrutinee })
                } else {
                    scrutinee
                };
                let scrutinee = self.hoist_temporaries(scrutinee, out);
                let scrutinee = if borrowed && !is_place_expression(&scrutinee) {
                    self.temporary(scrutinee, out)
                } else {
                    scrutinee
                };
                m.expr = Box::new(scrutinee);
                Head::Control(Expr::Match(m))
            }
            Expr::ForLoop(mut f) => {
                // The iterator expression's temporaries (also those created after its own suspension points)
                // live until the end of the loop.
                let iter = self.spill(*f.expr, out);
                f.expr = Box::new(self.hoist_temporaries(iter, out));
                Head::Control(Expr::ForLoop(f))
            }
            Expr::While(w) if has_yield(&w.cond) => Head::Control(self.while_loop(w)),
            e @ (Expr::While(_) | Expr::Loop(_) | Expr::Block(_)) => Head::Control(e),
            other => Head::Other(other),
        }
    }

    /// An `if` condition: a boolean, or a let chain whose first scrutinee may suspend.
    fn condition(&mut self, cond: Expr, out: &mut Vec<Stmt>) -> Expr {
        if !has_yield(&cond) {
            return cond;
        }
        match cond {
            Expr::Let(mut l) => {
                let scrutinee = self.spill(*l.expr, out);
                l.expr = Box::new(scrutinee);
                Expr::Let(l)
            }
            Expr::Binary(mut b)
                if matches!(b.op, syn::BinOp::And(_)) && (contains_let(&b.left) || contains_let(&b.right)) =>
            {
                if let Some(span) = find_yield(&b.right) {
                    self.errors.error(
                        span,
                        "`yield_!` after the first part of a let chain is not supported: it only runs when the parts \
                         before it match\nhelp: nest it: `if let P = e { if yield_!(..) > 0 { .. } }`",
                    );
                    return Expr::Binary(b);
                }
                b.left = Box::new(self.condition(*b.left, out));
                Expr::Binary(b)
            }
            other => {
                let value = self.scoped_to_condition(other);
                self.temp(value, out)
            }
        }
    }

    /// A boolean condition that suspends, as a block that evaluates it: the temporaries of a condition live
    /// until its end, not the end of the `if` or the loop iteration.
    ///
    /// Input: `make().len() < yield_!(1)` — Output: `{ let __spill1 = make(); let __spill2 = __spill1.len();
    /// let __spill3 = yield_!(1); __spill2 < __spill3 }`
    fn scoped_to_condition(&mut self, cond: Expr) -> Expr {
        let mut stmts = Vec::new();
        let value = self.spill(cond, &mut stmts);
        stmts.push(Stmt::Expr(value, None));
        block_expr(stmts)
    }

    /// `while cond { body }` with a suspension point in `cond`, as a loop that evaluates `cond` every iteration.
    ///
    /// Input: `'l: while let P = yield_!(..) { body }` — Output: `'l: loop { let P = yield_!(..) else { break }; body }`
    fn while_loop(&mut self, w: syn::ExprWhile) -> Expr {
        let syn::ExprWhile { attrs, label, cond, body, .. } = w;
        let brk = match &label {
            Some(l) => {
                let name = &l.name;
                quote!(break #name)
            }
            None => quote!(break),
        };
        let stmts = &body.stmts;
        let head: Vec<Stmt> = match *cond {
            Expr::Let(l) => {
                let pat = &l.pat;
                let mut out = Vec::new();
                let scrutinee = self.spill(*l.expr, &mut out);
                out.push(syn::parse_quote!(let #pat = #scrutinee else { #brk; };));
                out
            }
            other => {
                let value = self.scoped_to_condition(other);
                let mut out = Vec::new();
                let cond = self.temp(value, &mut out);
                out.push(syn::parse_quote!(if !#cond { #brk; }));
                out
            }
        };
        syn::parse_quote!(#(#attrs)* #label loop { #(#head)* #(#stmts)* })
    }

    /// A hoisted temporary: a hidden local named `__temporaryN`, so that a suspended state drops it after the
    /// statement's spilled operands, as an unwinding plain fn drops operands before the statement's temporaries
    /// (see `emit`'s field order). Declared `mut`: a temporary is a mutable place (`m.lock().unwrap().pop()`
    /// borrows its guard mutably).
    fn temporary(&mut self, value: Expr, out: &mut Vec<Stmt>) -> Expr {
        *self.counter += 1;
        let name = crate::names::hidden_local(crate::names::Hidden::Temporary, *self.counter, value.span());
        out.push(syn::parse_quote!(let mut #name = #value;));
        syn::parse_quote!(#name)
    }

    /// An operand evaluated into a hidden local: a temporary when it is an rvalue that a method borrows.
    fn evaluated(&mut self, value: Expr, slot: Slot, out: &mut Vec<Stmt>) -> Expr {
        if slot == Slot::Borrowed && creates_temporary(&value) {
            self.temporary(value, out)
        } else {
            self.temp(value, out)
        }
    }

    /// What remains of an operand after its suspension points, evaluated into a hidden local. The operands it
    /// still evaluates after resuming may create temporaries (`Loud(7).get()` in `[{ yield_!(1); 0 },
    /// Loud(7).get()][1]`), which live until the end of the enclosing statement in the plain fn, not the end of
    /// the hidden local's `let`: they are hoisted first.
    ///
    /// Input: `[__spill1, Loud(7).get()]` — Output: `let __temporary2 = Loud(7);
    /// let __spill3 = [__spill1, __temporary2.get()];` and `__spill3`
    fn evaluated_with_temporaries(&mut self, rest: Expr, slot: Slot, out: &mut Vec<Stmt>) -> Expr {
        let rest = self.hoist_temporaries(rest, out);
        self.evaluated(rest, slot, out)
    }

    /// A place operand before a suspension point stays a place, but the indexes in it that compute something
    /// are evaluated now, as the plain fn evaluates them before the operands after (`v[idx()].push(yield_!(..))`
    /// calls `idx()` first). The indexing itself (`Index`/`IndexMut`, its bounds check) still happens where the
    /// place is used, after resuming: holding its result would borrow the local across the suspension point.
    /// (An index that is a literal, a name or a borrow, `m[&key]`, is left as it is.)
    ///
    /// Input: `rows[pick()].cells` — Output: `let mut __spill1 = pick();` and `rows[__spill1].cells`
    fn place_indexes_evaluated(&mut self, place: Expr, out: &mut Vec<Stmt>) -> Expr {
        match place {
            Expr::Index(mut i) => {
                *i.expr = self.place_indexes_evaluated(*i.expr, out);
                if !is_trivial(&i.index) && !matches!(crate::syntax::strip_parens(&i.index), Expr::Reference(_)) {
                    let index = self.hoist_temporaries(*i.index, out);
                    *i.index = self.temp(index, out);
                }
                Expr::Index(i)
            }
            Expr::Field(mut f) => {
                *f.base = self.place_indexes_evaluated(*f.base, out);
                Expr::Field(f)
            }
            Expr::Paren(mut p) => {
                *p.expr = self.place_indexes_evaluated(*p.expr, out);
                Expr::Paren(p)
            }
            Expr::Unary(mut u) => {
                *u.expr = self.place_indexes_evaluated(*u.expr, out);
                Expr::Unary(u)
            }
            other => other,
        }
    }

    fn temp(&mut self, mut value: Expr, out: &mut Vec<Stmt>) -> Expr {
        // `(a + b) < yield_!(..)`: the parentheses the operand needed are redundant in the `let`.
        while let Expr::Paren(p) = value {
            value = *p.expr;
        }
        *self.counter += 1;
        let name = crate::names::hidden_local(crate::names::Hidden::Spill, *self.counter, value.span());
        // `mut`: the value may be used mutably where it was (`yield_!(..).push(c)`, `&mut yield_!(..)`).
        out.push(syn::parse_quote!(let mut #name = #value;));
        syn::parse_quote!(#name)
    }

    /// Evaluates `e` up to and including its last suspension point into `out`; returns the rest of `e`.
    fn spill(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        if !has_yield(&e) {
            return e;
        }
        if stray_let(&e).is_some() {
            // rustc's parser reports it ("expected expression, found `let` statement") before the macro runs.
            self.errors.reported_by_rustc();
            return e;
        }
        match e {
            Expr::Macro(m) if m.mac.path.is_ident("dbg") => match crate::syntax::dbg_by_hand(&m.mac) {
                Some(by_hand) => self.spill(by_hand, out),
                None => self.temp(Expr::Macro(m), out),
            },
            Expr::Macro(m) if suspension_name(&m.mac) == Some("yield_") => {
                let mut mac = m.mac;
                if let Ok(Some(arg)) = mac.parse_body_with(parse_yield_arg)
                    && has_yield(&arg)
                {
                    let arg = self.spill(arg, out);
                    mac.tokens = arg.into_token_stream();
                }
                self.temp(Expr::Macro(syn::ExprMacro { attrs: m.attrs, mac }), out)
            }
            Expr::Macro(m) if suspension_name(&m.mac).is_some() => self.temp(Expr::Macro(m), out),
            Expr::Macro(m) if expression_macro(&m.mac) && drops_own_temporaries(&m.mac) => {
                // Its arguments' temporaries end with it, after its suspension points: the whole macro is
                // evaluated in a block of its own, which holds its spilled operands and hoisted temporaries.
                let Ok(split) = split(Expr::Macro(m)) else { unreachable!("an expression macro splits") };
                let mut inner = Vec::new();
                let args = self.operands(split.ops, Upto::Suspension, &mut inner);
                let m = (split.rebuild)(args);
                self.temp(syn::parse_quote!({ #(#inner)* #m }), out)
            }
            Expr::Paren(p) => self.spill(*p.expr, out),
            Expr::Group(g) => self.spill(*g.expr, out),
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) && has_yield(&b.right) => {
                let left = *b.left;
                let right = b.right;
                let short = if matches!(b.op, syn::BinOp::And(_)) {
                    if_else(left, *right, syn::parse_quote!(false))
                } else {
                    if_else(left, syn::parse_quote!(true), *right)
                };
                self.control(short, out)
            }
            // Suspending only in the left operand of `&&`/`||`: that operand is a temporary scope of its own
            // (its temporaries are dropped before the right one runs), so it is evaluated in its own block.
            Expr::Binary(mut b) if is_short_circuit(&b.op) => {
                let left = self.scoped_to_condition(*b.left);
                b.left = Box::new(self.temp(left, out));
                Expr::Binary(b)
            }
            Expr::Binary(mut b) if is_compound_assignment(&b.op) => {
                if let Some(span) = find_yield(&b.left) {
                    self.unsupported(span, "the place of a compound assignment");
                    return Expr::Binary(b);
                }
                b.right = Box::new(self.spill(*b.right, out));
                Expr::Binary(b)
            }
            Expr::Assign(mut a) => {
                // The value is evaluated before the place.
                let right = self.spill(*a.right, out);
                if has_yield(&a.left) {
                    let right = if is_trivial(&right) { right } else { self.temp(right, out) };
                    a.left = Box::new(self.place(*a.left, out));
                    a.right = Box::new(right);
                } else {
                    a.right = Box::new(right);
                }
                Expr::Assign(a)
            }
            Expr::Return(mut r) => {
                r.expr = r.expr.map(|e| Box::new(self.spill(*e, out)));
                Expr::Return(r)
            }
            Expr::Break(mut b) => {
                b.expr = b.expr.map(|e| Box::new(self.spill(*e, out)));
                Expr::Break(b)
            }
            e @ (Expr::If(_) | Expr::Match(_) | Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) | Expr::Block(_)) => {
                self.control(e, out)
            }
            other => match split(other) {
                Ok(split) => {
                    let ops = self.operands(split.ops, Upto::Suspension, out);
                    (split.rebuild)(ops)
                }
                Err(other) => {
                    let span = find_yield(&other).unwrap_or_else(|| other.span());
                    if let Expr::Unsafe(_) = *other {
                        // Each arm would continue inside the block: its `unsafe` can't be split.
                        self.errors.error(
                            span,
                            "`yield_!` inside an `unsafe` block is not supported\n\
                             help: suspend outside it: `let value = unsafe { .. };` then `yield_!(value)`",
                        );
                    } else {
                        self.unsupported(span, "this kind of expression");
                    }
                    *other
                }
            },
        }
    }

    /// A control-flow expression used as an operand: its heads are spilled, and the whole of it becomes the
    /// initializer of a hidden local (lowering splits `let` initializers).
    fn control(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        let (Head::Control(e) | Head::Other(e)) = self.heads(e, out);
        self.temp(e, out)
    }

    /// A place expression with a suspension point in an index or deref operand: its operands are spilled, it
    /// stays a place.
    fn place(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        match e {
            Expr::Index(mut i) => {
                let base = if has_yield(&i.expr) { self.place(*i.expr, out) } else { *i.expr };
                i.index = Box::new(self.spill(*i.index, out));
                i.expr = Box::new(base);
                Expr::Index(i)
            }
            Expr::Field(mut f) => {
                f.base = Box::new(self.place(*f.base, out));
                Expr::Field(f)
            }
            Expr::Paren(mut p) => {
                p.expr = Box::new(self.place(*p.expr, out));
                Expr::Paren(p)
            }
            Expr::Unary(mut u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                u.expr = Box::new(self.spill(*u.expr, out));
                Expr::Unary(u)
            }
            other => {
                let span = find_yield(&other).unwrap_or_else(|| other.span());
                self.unsupported(span, "this place expression");
                other
            }
        }
    }

    /// The temporaries an operand creates (an rvalue borrowed as a receiver, a field or index base, or by `&`)
    /// live until the end of the statement in the plain fn, across a later suspension point: they become hidden
    /// locals too. To keep the evaluation order, everything evaluated before a hoisted temporary is evaluated
    /// into a hidden local first (as for a suspension point, see [`Self::operands`]).
    ///
    /// Input: `Noisy::new().0.len()` — Output: `let __temporary1 = Noisy::new();` and `__temporary1.0.len()`
    fn hoist_temporaries(&mut self, e: Expr, out: &mut Vec<Stmt>) -> Expr {
        if !has_temporary(&e) {
            return e;
        }
        match e {
            Expr::Paren(mut p) => {
                p.expr = Box::new(self.hoist_temporaries(*p.expr, out));
                Expr::Paren(p)
            }
            Expr::Match(mut m) => {
                m.expr = Box::new(self.hoist_temporaries(*m.expr, out));
                Expr::Match(m)
            }
            other => match split(other) {
                Ok(split) => {
                    let mut ops = self.operands(split.ops, Upto::Temporary, out);
                    if let Some(rvalue) = split.borrowed
                        && rvalue(&ops[0])
                    {
                        ops[0] = self.temporary(take(&mut ops[0]), out);
                    }
                    (split.rebuild)(ops)
                }
                Err(other) => *other,
            },
        }
    }

    /// Operands in evaluation order, up to the last that suspends (or creates a temporary): the ones before it are
    /// evaluated into hidden locals (places stay places), that one is spilled (or has its temporaries hoisted), and
    /// the ones after it stay in place, evaluated where the plain fn evaluates them.
    fn operands(&mut self, ops: Vec<(Expr, Slot)>, upto: Upto, out: &mut Vec<Stmt>) -> Vec<Expr> {
        let marked = |e: &Expr| match upto {
            Upto::Suspension => has_yield(e),
            Upto::Temporary => has_temporary(e),
        };
        let Some(last) = ops.iter().rposition(|(e, _)| marked(e)) else {
            return ops.into_iter().map(|(e, _)| e).collect();
        };
        let mut result = Vec::with_capacity(ops.len());
        for (i, (e, slot)) in ops.into_iter().enumerate() {
            let e = match (i.cmp(&last), upto) {
                (std::cmp::Ordering::Less, _) => {
                    if has_yield(&e) {
                        // A place operand stays one (`yield_!().1 == ..` compares a field of the first value).
                        let rest = self.spill(e, out);
                        if slot.is_place() && is_local_place(&rest) {
                            rest
                        } else {
                            self.evaluated_with_temporaries(rest, slot, out)
                        }
                    } else if is_trivial(&e) {
                        e
                    } else if slot.is_place() && is_local_place(&e) {
                        self.place_indexes_evaluated(e, out)
                    } else {
                        let e = self.hoist_temporaries(e, out);
                        self.evaluated(e, slot, out)
                    }
                }
                (std::cmp::Ordering::Equal, Upto::Temporary) => self.hoist_temporaries(e, out),
                (std::cmp::Ordering::Equal, Upto::Suspension) if slot.is_place() && !is_local_place(&e) => {
                    let rest = self.spill(e, out);
                    if is_local_place(&rest) { rest } else { self.evaluated_with_temporaries(rest, slot, out) }
                }
                (std::cmp::Ordering::Equal, Upto::Suspension) => self.spill(e, out),
                (std::cmp::Ordering::Greater, _) => e,
            };
            result.push(e);
        }
        result
    }

    fn unsupported(&mut self, span: Span, position: &str) {
        self.errors.error(
            span,
            format!("`yield_!` in {position} is not supported\nhelp: bind it first: `let value = yield_!(..);` and use `value`"),
        );
    }
}

/// `if cond { then } else { els }`, built rather than re-parsed: `cond` may be a struct literal
/// (`W { ok }.ok && ..`), which the printer parenthesizes but `parse_quote!(if #cond ..)` misreads.
fn if_else(cond: Expr, then: Expr, els: Expr) -> Expr {
    let block = |e| syn::Block { brace_token: syn::token::Brace::default(), stmts: vec![Stmt::Expr(e, None)] };
    Expr::If(syn::ExprIf {
        attrs: Vec::new(),
        if_token: syn::token::If::default(),
        cond: Box::new(cond),
        then_branch: block(then),
        else_branch: Some((syn::token::Else::default(), Box::new(block_expr(vec![Stmt::Expr(els, None)])))),
    })
}

/// `{ stmts }` as an expression.
fn block_expr(stmts: Vec<Stmt>) -> Expr {
    Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block: syn::Block { brace_token: syn::token::Brace::default(), stmts },
    })
}

/// A `let` outside a condition, with a suspension point in it (`x = let y = yield_!()`, `a || let y = yield_!()`):
/// `let` is an expression only in `if`/`while` conditions, which `condition` handles. rustc's parser rejects
/// the others before the macro runs (`tests/ui/expressions/let_outside_a_condition`), so it is left as it is.
fn stray_let(e: &Expr) -> Option<Span> {
    match e {
        Expr::Let(l) => Some(l.let_token.span),
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
            [&*b.left, &*b.right].into_iter().find_map(|e| match e {
                Expr::Let(l) if has_yield(e) => Some(l.let_token.span),
                _ => None,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(e: Expr) -> String {
        let mut errors = Errors::default();
        let mut counter = 0;
        let out = Normalizer::new(&mut errors, &mut counter).normalize(e);
        assert!(errors.is_empty());
        out.into_token_stream().to_string()
    }

    #[test]
    fn call_arguments_before_the_suspension_are_spilled_in_order() {
        let out = norm(syn::parse_quote!(f(a(), yield_!(1), b())));
        assert_eq!(
            out,
            "{ let mut __spill1 = a () ; let mut __spill2 = yield_ ! (1) ; f (__spill1 , __spill2 , b ()) }"
        );
    }

    #[test]
    fn short_circuit_becomes_an_if() {
        let out = norm(syn::parse_quote!(c && yield_!(1) > 0));
        assert!(out.starts_with("{ let mut __spill"), "{out}");
        assert!(out.contains("if c"), "{out}");
    }

    #[test]
    fn place_receivers_stay_places() {
        let out = norm(syn::parse_quote!(v.push(yield_!(x))));
        assert_eq!(out, "{ let mut __spill1 = yield_ ! (x) ; v . push (__spill1) }");
    }
}
