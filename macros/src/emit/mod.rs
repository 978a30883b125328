//! Phase 5: the state layout and the resume step, as tokens.
//!
//! The state is an enum declared inside the generated fn: `Unresumed` (the arguments), a variant per
//! suspension point holding what it stores ([`Layout::stored`]: what [`analysis`](crate::analysis) found, and
//! the plain values a group keeps where they are dead), `Returned` and `Panicked`. The points of one loop (with
//! those that joined it) share a variant (`GroupN`, see [`crate::layout`]): the locals they all hold are its fields,
//! the rest is in its field `at`, an enum with a variant per point. Each field has its own generic parameter, so
//! rustc infers every type; fields are declared newest-first so that dropping a suspended coroutine drops its
//! locals in reverse declaration order, as unwinding the plain fn would. With groups, the state's tag goes into
//! a niche of theirs, and the three states that aren't suspended are one variant `Idle(CountIdle)` ([`Idle`]),
//! so that testing for a group is one compare. The enums are named after the fn ([`TypeNames`]: `CountState`).
//!
//! The step has an arm per point. The arm of a point is the *continuation* of the body after that `yield_!`:
//! the rest of each enclosing block, innermost first; an enclosing loop becomes its partial iteration
//! (`'__cN: { rest of body }`) followed by the whole loop. Every other `yield_!` reached in an arm stores the
//! live locals into its variant and returns. The points of a group in one loop share one arm when every local
//! declared outside the loop is held in place at all of them or at none ([`Emitter::mergeable`], decided from
//! the layout): the loop's partial iteration is then a `match` on `at` with each point's, and the loop's next
//! iterations and the rest of the body are emitted once for the group.
//!
//! - **In place** (the fast path): the arm binds the stored locals' fields by `&mut` and the user's `x` becomes
//!   `(*x)`; nothing is moved on resume, whatever the size of the state. In a group, the shared fields are
//!   bound so, and the point's own locals too when none has drop glue and no other point holds them
//!   ([`Layout::own_in_place`]: a range, a plain array); otherwise they are moved out of `at` (leaving `Moving`).
//!   Each other suspension point of the group the arm reaches writes `at` again; a point outside the group
//!   makes the arm by value. The
//!   fields drop with the state, after the arm's own locals: so a local the arm declares again (not stored:
//!   moved, or assigned later) must not be declared before a stored one with drop glue, and a held local
//!   whose scope ends in the arm (unless it suspends first) must be without drop glue or have a drop flag.
//! - **By value** otherwise: the arm moves the variant out (leaving the poisoned state), re-declares each local at the
//!   start of its scope in the continuation (so Rust itself drops it at its scope's end), and moves what the next
//!   suspension point needs into that point's variant.
//! - Which: planned before the arm is emitted, from the layout and the code the arm surely reaches
//!   ([`queries::reached`], [`queries::restored_scopes`]): by value when the arm reaches a point outside its group,
//!   moves a local it holds in place out of the state, or ends, before suspending, the scope of one with drop glue
//!   and no drop flag ([`Emitter::leaves_the_state`], [`Emitter::drops_early_in_place`]), or when the point follows
//!   a loop. What the plan doesn't see (a path through a jump, a field moved, dead code emitted for typing) is still
//!   found while emitting the arm in place ([`Emitter::violate`]), which is then emitted again by value; on the
//!   difftest's programs that is one arm in sixteen of those the trial used to find. A group's shared arm is planned
//!   the same way, from its points.
//! - A local with a drop flag lives in an `Option`; its uses go through `slot`/`take`.
//! - A local stored where it is dead (kept only in case it needs dropping) goes through `__private::Hold`,
//!   which rustc resolves from its type: a `Copy` one becomes the zero-sized `Dead`, so that a dead borrow
//!   (`let cmd = first_word(&line);`) doesn't point into the state.
//! - A step with few points is `#[inline(always)]` into its caller, as a hand-written `next` would be.
//!
//! This file declares the state and assembles the step; [`access`] is how an arm reaches each local and what a
//! suspension point stores, [`continuation`] the code of an arm, [`queries`] what the emitter asks of the IR.
//!
//! In the token-building code, `g` is the step's guard (`state_guard`), `p` the runtime's private path
//! (`::stackless::__private`), `k` the suspension point whose arm is emitted and `j` one it reaches, `c` a group
//! and `l` a local: short, so that the quoted templates read like the code they make.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use syn::{Expr, Lifetime};

use crate::analysis::{Analysis, Set};
use crate::ir::{Binding, Body, JoinBefore, Jump, LocalId, LoopId, ScopeId, UseKind, Value, YieldId};
use crate::layout::Layout;
use crate::names::{Hidden, TypeNames};
use crate::signature::{Boxing, Kind, Shape, is_nameable};

mod access;
mod continuation;
mod queries;

use queries::{
    along_flows, declared_untyped, locate_points, never_held, outermost_loop, reached, redeclared_untyped,
    restored_scopes, value_flows,
};

/// The environment variable that makes the emitter check, for each arm it plans by value, that an in-place emission
/// of it would indeed fail (see `Emitter::check_by_value_planned`).
pub const CHECK_PLAN: &str = "STACKLESS_CHECK_PLAN";

/// How a resume arm reaches the stored locals.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    InPlace,
    ByValue,
}

pub struct Emitter<'a> {
    body: &'a Body,
    an: &'a Analysis,
    shape: &'a Shape,
    /// What the state's enums are called.
    names: TypeNames,
    /// Field name of each local in the state variants.
    field: Vec<syn::Ident>,
    /// The locals whose field is named as they are (a state's struct literal or pattern can use the shorthand).
    named_like_local: Set,
    /// Which suspension points share a variant.
    layout: Layout,
    /// Per suspension point, the statement that contains it in each block around it (see [`locate_points`]).
    located: Vec<HashMap<ScopeId, usize>>,
    /// The body has join points.
    has_joins: bool,
    /// Emitting a group's shared arm: the group, and the loop where each point's partial iteration is chosen.
    merge: Option<(usize, LoopId)>,
    // Per-arm state:
    /// The suspension point whose continuation is being emitted (in a group's shared arm, the point of the
    /// partial iteration being emitted).
    arm: Option<YieldId>,
    mode: Mode,
    /// Locals bound in place by the current arm.
    bound: Set,
    /// Locals the current in-place arm actually uses.
    used: Set,
    /// Locals the current arm's code refers to (whatever their representation).
    referenced: Set,
    /// Loops emitted as a partial iteration in the current arm: (break label, continue label).
    partial: HashMap<LoopId, (Lifetime, Lifetime)>,
    /// The current arm can't run in place (see [`Self::violate`]).
    violation: bool,
    /// How many partial iterations the current arm has opened: the number in the next one's labels
    /// (`'__breakN`, `'__continueN`).
    labels: usize,
    /// Per loop (or labeled block) resumed inside in the current arm: whether its continuation can complete (a
    /// `break` was emitted in its partial iteration or its rest, or a loop's next iterations were emitted).
    loop_completes: HashMap<LoopId, bool>,
    /// Loops a `break` was emitted for (in the current arm).
    broken: std::collections::HashSet<LoopId>,
    /// Loops a `continue` was emitted for (in the current arm).
    continued: std::collections::HashSet<LoopId>,
    /// In place: bound locals that are new instances where the code is being emitted (a loop's next
    /// iterations declare them again).
    native_now: Set,
    /// Locals used where their pattern just bound them, before drop-flag wrapping (guards, let chains).
    raw_now: Set,
    /// In place: the scope guards alive where the code is being emitted, by local.
    scope_guards: Vec<(LocalId, syn::Ident)>,
    /// Emitting the initializer of a local typed across arms (`Analysis::typed_across_arms`): a path of it
    /// that suspends keeps its rest as dead code, so that this arm types the value as the plain fn does.
    typing_initializer: usize,
    /// The code being emitted is in tail position of such an initializer: its value is the local's value.
    value_position: bool,
    /// The locals whose type witness some arm uses (only those are declared: an unused one can't be inferred).
    witnesses_used: Set,
    /// The `let`s and assignments with a closure literal in their value: the arms that emit them, and the
    /// locals they bind. Emitted by several arms, the literal has one type per arm; held across a suspension
    /// point, it needs one type (see [`Output::joins`]).
    closure_stmts: std::collections::BTreeMap<JoinBefore, ClosureStmt>,
    /// The locals of the `let`s whose initializers are being emitted, innermost last.
    initializing: Vec<Vec<LocalId>>,
    /// The locals stored as they are even where they are dead (see [`Self::held`]).
    never_held: Set,
    /// The locals declared without a value nor a type (`let x;`).
    declared_untyped: Set,
    /// The locals without a written type that an arm declares again without their value (in scope at a
    /// suspension point that doesn't store them, and used after it): their `let` ties their type to their
    /// witness, which types that declaration (see [`Self::type_witnesses`], [`redeclared_untyped`]).
    redeclared_untyped: Set,
    /// The locals the arms emitted so far refer to (the union of each arm's `referenced`).
    referenced_by_arms: Set,
    /// The loops and `let`s whose borrowed local rustc checks is a reference ([`crate::borrows::receivers_to_check`]).
    receivers_to_check: crate::borrows::ReceiverChecks,
}

/// A statement whose value has a closure literal: the arms that emit it (`None`: the start), and the locals it
/// binds or assigns, or whether it is a `yield_!` of the literal (whose type is the coroutine's yielded type).
struct ClosureStmt {
    arms: std::collections::HashSet<Option<YieldId>>,
    locals: Vec<LocalId>,
    yielded: bool,
}

fn private() -> TokenStream {
    quote!(::stackless::__private)
}

/// The step's handle on its state (see `stackless::state::StateGuard`): named as rustc's messages show it when a
/// borrow held across a `yield_!` outlives the step ("when `state_guard` is dropped"); hygienic, so no user local
/// is shadowed.
fn guard() -> syn::Ident {
    syn::Ident::new("state_guard", Span::mixed_site())
}

fn resume_arg() -> syn::Ident {
    syn::Ident::new("__arg", Span::mixed_site())
}

/// The type witness of a local whose value arrives in several arms (`Analysis::typed_across_arms`).
fn type_witness(l: LocalId) -> syn::Ident {
    syn::Ident::new(&format!("__type{l}"), Span::mixed_site())
}

/// The witness of the resume argument's type, for the dead code that types an initializer's suspending path.
fn resume_type_witness() -> syn::Ident {
    syn::Ident::new("__resume_type", Span::mixed_site())
}

/// The loop around the step's arms when the body has join points.
fn step_label() -> Lifetime {
    Lifetime::new("'__step", Span::mixed_site())
}

/// Where the resume argument waits for the arm that takes it when the body has join points.
fn resume_slot() -> syn::Ident {
    syn::Ident::new("__resume_slot", Span::mixed_site())
}

/// The step's dispatch on the state: the arms in order, each run of consecutive arms of one mode in one `match`.
/// Arms in place match the state where it is (`match &mut *state`); arms that move it out match the value that
/// `mem::replace` takes, once an `if let` has checked that the state is theirs. A refutable `let` per moving arm
/// would instead make rustc check every variant once per arm: quadratic in the number of suspension points.
/// Every arm leaves the step, so what follows the `match`es, `fallback`, runs only for a state that no arm takes:
/// the poisoned state, when it has no arm of its own.
fn dispatch(arms: &[StepArm], groups: &[TokenStream], idle: &Idle, fallback: &TokenStream) -> TokenStream {
    let state = idle.names.state();
    let g = guard();
    let p = private();
    let mut out = TokenStream::new();
    for run in arms.chunk_by(|a, b| a.mode == b.mode && a.group == b.group && a.shared == b.shared) {
        let code = run.iter().map(|arm| &arm.code);
        match (run[0].mode, run[0].group) {
            (Mode::InPlace, None) => out.extend(quote! {
                match &mut *#g.state {
                    #(#code)*
                    _ => {}
                }
            }),
            // The points of a group in place: its variant's fields are bound once, then `at` says which point.
            (Mode::InPlace, Some(c)) if run[0].shared => {
                let pattern = &groups[c];
                let points = &run[0].pattern.1;
                let at = at_var();
                let code = if points.is_empty() {
                    quote!(#(#code)*)
                } else {
                    // The group goes on after its loop: those points have arms of their own, in a later run.
                    quote!(if let #points = #at { #(#code)* })
                };
                out.extend(quote! {
                    if let #pattern = &mut *#g.state {
                        #code
                    }
                });
            }
            (Mode::InPlace, Some(c)) => {
                let pattern = &groups[c];
                let at = at_var();
                out.extend(quote! {
                    if let #pattern = &mut *#g.state {
                        match #at {
                            #(#code)*
                            _ => {}
                        }
                    }
                });
            }
            (Mode::ByValue, _) => {
                // One pattern per state variant: the points of a group in one or-pattern on `at`.
                let mut patterns: Vec<(Option<usize>, Vec<&TokenStream>)> = Vec::new();
                for arm in run {
                    let (group, pattern) = &arm.pattern;
                    match patterns.iter_mut().find(|(c, _)| group.is_some() && c == group) {
                        Some((_, points)) => points.push(pattern),
                        None => patterns.push((*group, vec![pattern])),
                    }
                }
                let patterns = patterns.into_iter().map(|(group, points)| match group {
                    None => quote!(#(#points)|*),
                    Some(c) => {
                        let cv = group_variant(c);
                        let at = at_field();
                        quote!(#state::#cv { #at: #(#points)|*, .. })
                    }
                });
                let panicked = idle.terminal(TERMINAL_PANICKED);
                out.extend(quote! {
                    if let #(#patterns)|* = *#g.state {
                        match ::core::mem::replace(#g.state, #panicked) {
                            #(#code)*
                            _ => #p::unreachable(),
                        }
                    }
                });
            }
        }
    }
    out.extend(fallback.clone());
    out
}

/// An arm of the step, for [`dispatch`].
struct StepArm {
    mode: Mode,
    /// In place, in a group: its index (the arm matches `at`).
    group: Option<usize>,
    /// The group's one arm ([`Emitter::group_arm`]): its code is the whole of what runs once the group's variant
    /// is bound, not an arm of a `match` on `at`.
    shared: bool,
    /// The states it takes (for a `matches!`): a state variant's pattern, or, for a point in a group, the
    /// group and the pattern of its `at`. For a group's one arm: the `at` variants it takes, empty when it
    /// takes them all.
    pattern: (Option<usize>, TokenStream),
    code: TokenStream,
}

const TERMINAL_RETURNED: &str = "Returned";
const TERMINAL_PANICKED: &str = "Panicked";

/// How the states that aren't suspended are written. Without groups, `Unresumed { args.. }`, `Returned` and
/// `Panicked` are variants of the state, whose tag is explicit. With groups, the state's tag goes into a niche of
/// theirs (a `Vec`'s capacity, `at`'s tag), and the three are the variants of an enum `CountIdle`, one variant
/// `Idle` of the state: it takes one value of the niche, so that testing for a group is one compare, where three
/// variants would take a range of values that LLVM decodes on every resume.
#[derive(Clone)]
struct Idle {
    nested: bool,
    names: TypeNames,
}

impl Idle {
    /// The not-started state, with its fields (a pattern or an expression).
    fn unresumed(&self, fields: &TokenStream) -> TokenStream {
        self.variant(&quote!(Unresumed { #fields }))
    }

    /// [`TERMINAL_RETURNED`] or [`TERMINAL_PANICKED`] (a pattern or an expression).
    fn terminal(&self, name: &str) -> TokenStream {
        let name = syn::Ident::new(name, Span::mixed_site());
        self.variant(&quote!(#name))
    }

    fn variant(&self, variant: &TokenStream) -> TokenStream {
        let state = self.names.state();
        if self.nested {
            let idle = self.names.idle();
            quote!(#state::Idle(#idle::#variant))
        } else {
            quote!(#state::#variant)
        }
    }
}

/// A step with at most this many suspension points and leaves is always inlined into its caller.
const INLINED_POINTS: usize = 8;
const INLINED_LEAVES: usize = 96;

/// `Unresumed`, `Returned` and `Panicked`, besides one state per suspension (or join) point.
const RESERVED_STATES: usize = 3;

/// The smallest integer that numbers `states` states, as rustc sizes a coroutine's discriminant: one byte up to
/// 256 states, two up to 65,536. The tag is explicit because LLVM tests an explicit tag with one compare where a
/// niche-encoded one must be decoded first; its unused values still give `Option<coroutine>` a niche. (A group's
/// `at` may take a word instead: [`crate::layout::Group::wide_tag`].)
fn tag_type(states: usize) -> syn::Ident {
    let ty = if states <= 1 << 8 {
        "u8"
    } else if states <= 1 << 16 {
        "u16"
    } else {
        "u32"
    };
    syn::Ident::new(ty, Span::call_site())
}

fn variant(k: YieldId) -> syn::Ident {
    syn::Ident::new(&format!("Suspend{k}"), Span::mixed_site())
}

/// The state's variant of group `c` (see [`crate::layout`]).
fn group_variant(c: usize) -> syn::Ident {
    syn::Ident::new(&format!("Group{c}"), Span::mixed_site())
}

/// The field of a group's variant that says at which of its points the coroutine is (and holds their own
/// locals). A local of the user's named `at` gets another field name (see [`Emitter::new`]).
fn at_field() -> syn::Ident {
    syn::Ident::new("at", Span::mixed_site())
}

/// What an in-place arm binds a group's `at` to.
fn at_var() -> syn::Ident {
    syn::Ident::new("__at", Span::mixed_site())
}

/// What `expand` needs to assemble the generated fn.
pub struct Output {
    /// Items and statements that come before the machine is built: the state enum and its impl.
    pub items: TokenStream,
    /// The expression that builds the machine.
    pub machine: TokenStream,
    /// The statements that need a join point before them: several arms emit the closure literal in their
    /// value, and what they bind is held across a suspension point.
    pub joins: Vec<JoinBefore>,
}

impl<'a> Emitter<'a> {
    pub fn new(body: &'a Body, an: &'a Analysis, shape: &'a Shape, names: TypeNames) -> Self {
        // `at` is the field of a group's own locals: a local named so is the second `at`.
        let mut seen: HashMap<String, usize> = HashMap::from([(at_field().to_string(), 1)]);
        let mut named_like_local = Set::new(body.locals.len());
        let field = body
            .locals
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let name = match l.hidden {
                    Some(kind) => crate::names::state_field(kind, &l.ident),
                    None => l.ident.to_string(),
                };
                let count = seen.entry(name.clone()).or_insert(0);
                *count += 1;
                if *count == 1 {
                    if l.hidden.is_none() {
                        named_like_local.insert(i);
                    }
                    crate::names::user_field(&name, Span::mixed_site())
                } else {
                    format_ident!("{}_{}", name.trim_start_matches("r#"), count, span = Span::mixed_site())
                }
            })
            .collect();
        let n = body.locals.len();
        let located = locate_points(body);
        let never_held = never_held(body, an);
        let layout = Layout::new(body, an, &never_held, &located);
        let declared_untyped = declared_untyped(body);
        let redeclared_untyped = redeclared_untyped(body, an, &layout);
        Emitter {
            body,
            an,
            shape,
            names,
            field,
            named_like_local,
            layout,
            located,
            has_joins: body.yields.iter().any(|y| y.join),
            merge: None,
            arm: None,
            mode: Mode::ByValue,
            bound: Set::new(n),
            used: Set::new(n),
            referenced: Set::new(n),
            partial: HashMap::new(),
            violation: false,
            labels: 0,
            loop_completes: HashMap::new(),
            broken: std::collections::HashSet::new(),
            continued: std::collections::HashSet::new(),
            native_now: Set::new(n),
            raw_now: Set::new(n),
            scope_guards: Vec::new(),
            typing_initializer: 0,
            value_position: false,
            witnesses_used: Set::new(n),
            closure_stmts: std::collections::BTreeMap::new(),
            initializing: Vec::new(),
            never_held,
            declared_untyped,
            redeclared_untyped,
            referenced_by_arms: Set::new(n),
            receivers_to_check: crate::borrows::receivers_to_check(body, an),
        }
    }

    /// `params`: the argument expressions moved into `Unresumed`, by field.
    pub fn emit(mut self, params: &[(syn::Ident, TokenStream)]) -> Output {
        let state = self.names.state();
        let g = guard();
        let p = private();

        // The layout.
        let mut generics = Vec::new();
        let mut next_generic = || {
            let t = format_ident!("T{}", generics.len(), span = Span::mixed_site());
            generics.push(t.clone());
            t
        };
        let unresumed_fields: Vec<TokenStream> = params
            .iter()
            .rev()
            .map(|(name, _)| {
                let t = next_generic();
                quote!(#name: #t)
            })
            .collect();
        let mut derives = Vec::new();
        if self.shape.derive_clone {
            derives.push(quote!(::core::clone::Clone));
        }
        if self.shape.derive_debug {
            derives.push(quote!(::core::fmt::Debug));
        }
        let derive = if derives.is_empty() { quote!() } else { quote!(#[derive(#(#derives),*)]) };
        let mut variants = Vec::new();
        let mut group_enums = Vec::new();
        let mut field_list = |locals: &[LocalId], generics: &mut Vec<syn::Ident>| -> Vec<TokenStream> {
            self.drop_order(locals)
                .iter()
                .map(|l| {
                    let f = &self.field[*l];
                    let t = next_generic();
                    generics.push(t.clone());
                    quote!(#f: #t)
                })
                .collect()
        };
        for k in 0..self.body.yields.len() {
            let Some(c) = self.layout.group_of[k] else {
                let v = variant(k);
                let doc = self.point_doc(k);
                let fields = field_list(&self.layout.stored[k], &mut Vec::new());
                variants.push(quote!(#[doc = #doc] #v { #(#fields),* }));
                continue;
            };
            let group = &self.layout.groups[c];
            if group.points[0] != k {
                continue;
            }
            // The group's own enum first (its fields' generics), then its variant in the state.
            let mut inner_generics = Vec::new();
            let mut inner_variants = Vec::new();
            for &j in &group.points {
                let v = variant(j);
                let doc = self.point_doc(j);
                let fields = field_list(&self.layout.own(j), &mut inner_generics);
                inner_variants.push(quote!(#[doc = #doc] #v { #(#fields),* }));
            }
            let inner = self.names.group(c);
            let at = at_field();
            let tag = if group.wide_tag {
                syn::Ident::new("usize", Span::call_site())
            } else {
                tag_type(group.points.len() + 1)
            };
            group_enums.push(quote! {
                #derive
                #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
                #[repr(#tag)]
                enum #inner<#(#inner_generics),*> {
                    #(#inner_variants,)*
                    /// Between two of these points, within a step: never seen by a caller.
                    Moving,
                }
            });
            let shared = field_list(&group.shared, &mut Vec::new());
            let lines: Vec<usize> = group.points.iter().filter_map(|&j| line_of(self.body.yields[j].span)).collect();
            let doc = match (lines.first(), lines.last()) {
                (Some(first), Some(last)) => {
                    format!(" Suspended at one of the points of lines {first}–{last}: what they all hold stays here.")
                }
                _ => String::from(" Suspended at one of several points: what they all hold stays here."),
            };
            let v = group_variant(c);
            variants.push(quote!(#[doc = #doc] #v { #at: #inner<#(#inner_generics),*>, #(#shared),* }));
        }
        let body_items = &self.body.items;
        // With groups, the state's tag goes into a niche of theirs (`at`'s tag has values to spare), as rustc
        // would lay it out: an explicit one would add its own aligned word.
        let repr = if self.layout.groups.is_empty() {
            let tag = tag_type(variants.len() + RESERVED_STATES);
            quote!(#[repr(#tag)])
        } else {
            TokenStream::new()
        };
        let idle = self.idle();
        let (returned, panicked) = (idle.terminal(TERMINAL_RETURNED), idle.terminal(TERMINAL_PANICKED));
        let state_enum = if idle.nested {
            let start_generics = &generics[..unresumed_fields.len()];
            let idle_ty = self.names.idle();
            quote! {
                #derive
                #[allow(dead_code, non_camel_case_types)]
                enum #idle_ty<#(#start_generics),*> {
                    /// Not started: holds the arguments.
                    Unresumed { #(#unresumed_fields),* },
                    /// Finished.
                    Returned,
                    /// A resume panicked.
                    Panicked,
                }
                #derive
                #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
                enum #state<#(#generics),*> {
                    #(#variants,)*
                    /// Not started, finished, or poisoned by a panic.
                    Idle(#idle_ty<#(#start_generics),*>),
                }
            }
        } else {
            quote! {
                #derive
                #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
                #repr
                enum #state<#(#generics),*> {
                    /// Not started: holds the arguments.
                    Unresumed { #(#unresumed_fields),* },
                    #(#variants,)*
                    /// Finished.
                    Returned,
                    /// A resume panicked.
                    Panicked,
                }
            }
        };
        // An async generator is a `FusedStream`: it says when it has returned.
        let finished = if self.shape.is_stream() {
            quote! {
                impl<#(#generics),*> ::stackless::state::Finished for #state<#(#generics),*> {
                    fn finished(&self) -> bool {
                        ::core::matches!(*self, #returned)
                    }
                }
            }
        } else {
            TokenStream::new()
        };
        let items = quote! {
            #(#body_items)*
            #(#group_enums)*
            #state_enum
            impl<#(#generics),*> #p::States for #state<#(#generics),*> {
                const RETURNED: Self = #returned;
                const POISONED: Self = #panicked;
            }
            #finished
        };

        // The arms, in source order (rustc types the step in that order, so a type fixed by an earlier arm is
        // known in a later one, as in the plain fn).
        let start_code = self.start_arm(params);
        let mut arms = Vec::new();
        if !idle.nested {
            let pattern = (None, idle.unresumed(&quote!(..)));
            arms.push(StepArm { mode: Mode::ByValue, group: None, shared: false, pattern, code: start_code.clone() });
        }
        let merged: Vec<Option<LoopId>> = (0..self.layout.groups.len()).map(|c| self.mergeable(c)).collect();
        // Per group: its loop's points, and their one arm.
        let shared_arm_of: Vec<Option<(Vec<YieldId>, TokenStream)>> = merged
            .into_iter()
            .enumerate()
            .map(|(c, at_loop)| {
                let at_loop = at_loop?;
                Some((self.loop_points(c, at_loop), self.group_arm(c, at_loop)?))
            })
            .collect();
        for k in 0..self.body.yields.len() {
            if let Some(c) = self.layout.group_of[k]
                && let Some((points, code)) = &shared_arm_of[c]
                && points.contains(&k)
            {
                // One arm for the loop's points, at its first point. When the group goes on after the loop,
                // the arm is only for `at`'s variants of the loop's points.
                if points[0] == k {
                    let pattern = if points.len() == self.layout.groups[c].points.len() {
                        TokenStream::new()
                    } else {
                        let inner = self.names.group(c);
                        let variants = points.iter().map(|&j| variant(j));
                        quote!(#(#inner::#variants { .. })|*)
                    };
                    arms.push(StepArm {
                        mode: Mode::InPlace,
                        group: Some(c),
                        shared: true,
                        pattern: (Some(c), pattern),
                        code: code.clone(),
                    });
                }
                continue;
            }
            let (mode, code) = self.resume_arm(k);
            let group = if mode == Mode::InPlace && self.an.reachable[k] { self.layout.group_of[k] } else { None };
            let pattern = match self.layout.group_of[k] {
                Some(c) => {
                    let inner = self.names.group(c);
                    let v = variant(k);
                    (Some(c), quote!(#inner::#v { .. }))
                }
                None => (None, self.point_pattern(k, &[], &[], true)),
            };
            arms.push(StepArm { mode, group, shared: false, pattern, code });
        }
        // The terminal states are cold (marked so in their arms: measured, `cold_path` in the runtime's inlined
        // calls doesn't do as well). A generator keeps answering `None`, an async generator `Ready(None)`; after a
        // panic each panics with the message of rustc's own. A coroutine resumed after it returned stays returned
        // (`exit = Suspended`, through a call that is inlined: lent to an out-of-line call, the guard would be kept
        // in memory on every resume).
        let (after_completion, after_panic) = if self.shape.is_generator() {
            (quote!(return #p::exhausted()), quote!(#p::next_after_panicking()))
        } else if self.shape.is_stream() {
            (quote!(return #p::exhausted()), quote!(#p::poll_after_panicking()))
        } else {
            (quote!(#p::resumed_after_completion(#g.exit)), quote!(#p::resumed_after_panicking()))
        };
        let (not_suspended, fallback) = if idle.nested {
            // One cold block before the groups, for the one value of the niche: the start and the terminal states
            // (a poisoned state is left to the start's `match`, which finds it poisoned already).
            let idle_var = syn::Ident::new("idle", Span::mixed_site());
            let idle_ty = self.names.idle();
            let not_suspended = quote! {
                if let #state::Idle(#idle_var) = &*#g.state {
                    ::core::hint::cold_path();
                    if let #idle_ty::Returned = #idle_var {
                        #after_completion
                    }
                    match ::core::mem::replace(#g.state, #panicked) {
                        #start_code
                        _ => #after_panic,
                    }
                }
            };
            (not_suspended, quote!(#p::unreachable()))
        } else {
            // Marking it cold lets LLVM test the suspension points first instead of jumping through a table.
            // A poisoned state is the one that no arm takes (a path to a `#[cold]` panic is cold already).
            arms.push(StepArm {
                mode: Mode::InPlace,
                group: None,
                shared: false,
                pattern: (None, returned.clone()),
                code: quote!(#returned => { ::core::hint::cold_path(); #after_completion }),
            });
            (TokenStream::new(), after_panic)
        };
        let group_patterns: Vec<TokenStream> = (0..self.layout.groups.len()).map(|c| self.group_binding(c)).collect();
        let arms = dispatch(&arms, &group_patterns, &idle, &fallback);
        let matches = quote!(#not_suspended #arms);

        let arg = resume_arg();
        // (The shorthand where an argument's value is its field's name, `Unresumed { n }`.)
        let init_fields = params.iter().map(|(name, value)| {
            // (The value's token, with the argument's hygiene; the field is found by its name.)
            let shorthand = *name == value.to_string();
            if shorthand { value.clone() } else { quote!(#name: #value) }
        });
        let unresumed = idle.unresumed(&quote!(#(#init_fields),*));
        // The resume type is also written on the closure's parameter: rustc types `let v = yield_!(..)` from
        // it before it would otherwise see the closure's expected signature.
        // So is the step's return type, when the signature names both types: a returned or yielded value of
        // another type is then reported against the signature, not against the first `return` of the step.
        let writable = |ty: Option<&syn::Type>| ty.is_some_and(|ty| is_nameable(ty) && !has_elided_lifetime(ty));
        let unit: syn::Type = syn::parse_quote!(());
        let polled = self.polled_type();
        let (constructor, generics, arg_ty, (yield_ty, return_ty)) = match &self.shape.kind {
            Kind::Stream { item } => {
                let y = nameable_or_infer(Some(item));
                (quote!(stream), quote!(::<#y>), quote!(: ()), (polled.as_ref(), Some(&unit)))
            }
            Kind::Generator { item } => {
                let y = nameable_or_infer(Some(item));
                (quote!(generator), quote!(::<#y>), quote!(: ()), (Some(item), Some(&unit)))
            }
            Kind::Coroutine { resume, yield_ty, return_ty } => {
                let r = nameable_or_infer(Some(resume));
                let y = nameable_or_infer(yield_ty.as_ref());
                let t = nameable_or_infer(return_ty.as_ref());
                let arg_ty = if writable(Some(resume)) { quote!(: #r) } else { quote!() };
                (quote!(coroutine), quote!(::<#r, #y, #t>), arg_ty, (yield_ty.as_ref(), return_ty.as_ref()))
            }
        };
        let step_ty = match (yield_ty, return_ty) {
            (Some(y), Some(t)) if writable(Some(y)) && writable(Some(t)) => {
                quote!(-> ::stackless::CoroutineState<#y, #t>)
            }
            _ => TokenStream::new(),
        };
        // The types, where the step's parameter and return type don't already write them all.
        let generics = if step_ty.is_empty() || arg_ty.is_empty() { generics } else { TokenStream::new() };
        let constructor = quote!(::stackless::state::Machine::#constructor #generics);
        self.referenced_by_arms.union(&self.referenced);
        let mut witnesses: Vec<TokenStream> = (0..self.body.locals.len())
            .filter(|&l| self.witnesses_used.contains(l))
            .map(|l| {
                let witness = type_witness(l);
                if self.referenced_by_arms.contains(l) || !self.declared_untyped.contains(l) {
                    quote!(let #witness = ::core::marker::PhantomData;)
                } else {
                    // Only declared (`let x;`): what would type it is never emitted, e.g. an assignment that is
                    // dead code in the plain fn, after a block that always leaves. Nothing reads or writes it,
                    // so any type will do.
                    quote!(let #witness = ::core::marker::PhantomData::<fn()>;)
                }
            })
            .collect();
        if !witnesses.is_empty() {
            let resume = resume_type_witness();
            witnesses.push(quote!(let #resume = ::core::marker::PhantomData; #p::same_type(&#resume, &#arg);));
        }
        let step = if self.has_joins() {
            // An arm that reaches a join point goes on in the join point's arm, in the same step: the arms are
            // in a loop, and the resume argument is in a slot that the first arm takes it from (rustc can't
            // see that no arm takes it twice).
            let slot = resume_slot();
            let step = step_label();
            quote! {
                let mut #slot = ::core::option::Option::Some(#arg);
                #step: loop {
                    #matches
                }
            }
        } else {
            matches
        };
        // A small step is inlined into its caller, as a hand-written `next` would be: the state then stays in
        // registers across the caller's loop, and the cold arms (the start, the terminal states) cost nothing on
        // the hot path. LLVM leaves a closure with that many arms out of line by itself.
        let inline = if self.body.yields.len() <= INLINED_POINTS && self.body.leaf_count <= INLINED_LEAVES {
            quote!(#[inline(always)])
        } else {
            quote!(#[inline])
        };
        // The step's braces are located at the fn's closing brace: where the guard and the arm's locals drop, as
        // the plain fn's locals do (a borrow of one that outlives the step is reported there).
        // An async generator's step takes the poll's `Context`, which its polls read (`crate::stream`); the
        // coroutine inside is resumed with `()`.
        let (param, arg_binding) = if self.shape.is_stream() {
            let cx = crate::names::poll_context();
            (quote!(#cx: &mut ::core::task::Context<'_>), quote!(let #arg #arg_ty = ();))
        } else {
            (quote!(#arg #arg_ty), TokenStream::new())
        };
        let guard_param = syn::Ident::new("__guard", Span::mixed_site());
        let step_body = spanned_block(
            quote!({
                #arg_binding
                #(#witnesses)*
                let mut #g = ::stackless::state::Guard::lend(#guard_param);
                #step
            }),
            Span::mixed_site().located_at(self.body.braces.close()),
        );
        let machine = quote! {
            #constructor(
                #unresumed,
                #inline |#guard_param, #param| #step_ty #step_body,
            )
        };
        let machine = match self.shape.boxing {
            Boxing::None => machine,
            Boxing::Box => quote!(#p::boxed(#machine)),
            Boxing::PinBox => quote!(#p::pinned_box(#machine)),
        };
        let joins = self.joins_needed();
        Output { items, machine, joins }
    }

    /// Local `l`'s field in a state's struct literal or pattern, given `value`: the shorthand (`Suspend0 { n }`,
    /// which is what `cargo expand` then shows) where `value` is `l`'s own name (`plain`) and the field is named so
    /// (decided once per local, without reading tokens back: each read crosses the proc-macro bridge).
    pub(super) fn field_value(&self, l: LocalId, plain: bool, value: &impl ToTokens) -> TokenStream {
        if plain && self.named_like_local.contains(l) {
            return value.to_token_stream();
        }
        let f = &self.field[l];
        quote!(#f: #value)
    }

    /// [`Self::field_value`] for a pattern binding `l` in place: its field, bound to [`Self::bound_name`].
    fn field_binding(&self, l: LocalId) -> TokenStream {
        let plain = !self.redeclared_in_loop(l);
        let value = self.field_value(l, plain, &self.bound_name(l));
        quote!(#[allow(unused_variables)] #value)
    }

    /// In place: the pattern that binds group `c`'s variant: `at`, and each shared local by `&mut` (as every
    /// arm of the group names it).
    fn group_binding(&self, c: usize) -> TokenStream {
        let state = self.names.state();
        let cv = group_variant(c);
        let at_f = at_field();
        let at = at_var();
        let shared = self.layout.groups[c].shared.iter().map(|&l| self.field_binding(l));
        quote!(#state::#cv { #at_f: #at, #(#shared,)* })
    }

    /// The doc of suspension point `k`'s variant.
    fn point_doc(&self, k: YieldId) -> String {
        let point = &self.body.yields[k];
        match (line_of(point.span), point.join) {
            (Some(line), false) => format!(" Suspended at `{}` (line {line}).", point.text),
            (None, false) => format!(" Suspended at `{}`.", point.text),
            // Never seen by a caller: a step that stores it goes on in its arm.
            (Some(line), true) => format!(" Join point before the `let` of line {line}."),
            (None, true) => String::from(" Join point before a `let`."),
        }
    }

    /// The pattern of suspension point `k`'s state: `shared` and `own` are the fields matched in its group's
    /// variant and in its own variant (each `field: pattern`), followed by `..` when `rest`.
    fn point_pattern(&self, k: YieldId, shared: &[TokenStream], own: &[TokenStream], rest: bool) -> TokenStream {
        let state = self.names.state();
        let v = variant(k);
        let rest = if rest { quote!(..) } else { quote!() };
        let sep = |fields: &[TokenStream]| if fields.is_empty() { quote!() } else { quote!(,) };
        let own_sep = sep(own);
        let own_pattern = quote!(#v { #(#own),* #own_sep #rest });
        match self.layout.group_of[k] {
            None => quote!(#state::#own_pattern),
            Some(c) => {
                let cv = group_variant(c);
                let inner = self.names.group(c);
                let at = at_field();
                let shared_sep = sep(shared);
                quote!(#state::#cv { #at: #inner::#own_pattern, #(#shared),* #shared_sep #rest })
            }
        }
    }

    /// In place, at point `k` of group `c`: how the arm reaches the point's own locals. Moved out of `at`
    /// (leaving `Moving`) into `__savedN`, the arm holding them as the by-value arms do and writing `at` again
    /// where it suspends; or, when they stay where they are (`in_place`, see [`Layout::own_in_place`]), bound by
    /// `&mut` in `at`, as the shared ones are in the group's variant.
    fn own_binding(&self, c: usize, k: YieldId, in_place: bool) -> TokenStream {
        let own_k = self.layout.own(k);
        if own_k.is_empty() {
            return TokenStream::new();
        }
        let at = at_var();
        let inner = self.names.group(c);
        let v = variant(k);
        let fields = own_k.iter().map(|&l| {
            let f = &self.field[l];
            if in_place {
                self.field_binding(l)
            } else {
                let var = Self::saved_var(l);
                quote!(#f: #var)
            }
        });
        let source = if in_place { quote!(&mut *#at) } else { quote!(::core::mem::replace(#at, #inner::Moving)) };
        let p = private();
        quote! {
            let #inner::#v { #(#fields),* } = #source else { #p::unreachable() };
        }
    }

    /// Whether the points of group `c` can share one arm, and the loop around them: the arm is the continuation of
    /// the body after that loop's partial iteration, which `at` chooses per point, so that the loop's next
    /// iterations and what follows the loop are emitted once for the group instead of once per point. Decided
    /// from the layout alone: every local in scope at the points and declared outside the loop is held in place
    /// at every point (a shared local), or at none of them, so that the code outside the partial iterations
    /// reaches each local the same way whichever point the arm resumed at.
    fn mergeable(&self, c: usize) -> Option<LoopId> {
        if self.has_joins {
            return None;
        }
        let group = &self.layout.groups[c];
        let (id, scopes) = outermost_loop(&self.body.root, group.points[0])?;
        let points = self.loop_points(c, id);
        let inside = |l: LocalId| scopes.iter().any(|&s| self.scope_within(self.body.locals[l].scope, s));
        let held_by_some = |l: LocalId| points.iter().any(|&k| self.layout.stored[k].contains(&l));
        let same_way = points.iter().all(|&k| {
            self.body.yields[k].in_scope.iter().all(|&l| inside(l) || group.shared.contains(&l) || !held_by_some(l))
        });
        (same_way && points.len() > 1).then_some(id)
    }

    /// The points of group `c` inside loop `id` (a group may go on with the points after its loop: those have
    /// arms of their own).
    fn loop_points(&self, c: usize, id: LoopId) -> Vec<YieldId> {
        let points = &self.layout.groups[c].points;
        points.iter().copied().filter(|&k| outermost_loop(&self.body.root, k).is_some_and(|(j, _)| j == id)).collect()
    }

    /// The shared arm of group `c`, whose points are all in loop `at_loop` ([`Self::mergeable`]); `None` when an
    /// arm can't run in place (its points then get an arm each).
    fn group_arm(&mut self, c: usize, at_loop: LoopId) -> Option<TokenStream> {
        // Planned: each point's partial iteration holds the group's shared locals in place (its own are moved
        // out of `at`), so a point whose arm couldn't run so, holding those, can't share it.
        let shared = &self.layout.groups[c].shared;
        if self.loop_points(c, at_loop).into_iter().any(|k| self.runs_by_value(k, shared)) {
            if std::env::var_os(CHECK_PLAN).is_some() {
                assert!(
                    self.emit_group_arm(c, at_loop).is_none(),
                    "stackless internal error: the points of group {c} were planned apart, but share an arm"
                );
            }
            return None;
        }
        self.emit_group_arm(c, at_loop)
    }

    /// [`Self::group_arm`], emitted: `None` when it can't run in place.
    fn emit_group_arm(&mut self, c: usize, at_loop: LoopId) -> Option<TokenStream> {
        let first = self.layout.groups[c].points[0];
        self.reset(Some(first), Mode::InPlace);
        self.merge = Some((c, at_loop));
        let cont = self.cont_block(&self.body.root, first);
        self.merge = None;
        if self.violation {
            return None;
        }
        Some(self.finish(cont))
    }

    /// In place, the arm of point `k` would reach another point outside its group, whose state is another
    /// variant: built by value, it would replace the one the arm holds in place (see [`Self::suspend`]); or move a
    /// local it holds in place out of the state, at the local's last use ([`crate::leaf::Rewrite::access`]).
    /// Decided before emitting.
    fn leaves_the_state(&self, k: YieldId, in_place: &[LocalId]) -> bool {
        let reached = reached(&self.body.root, k, &self.located[k]);
        if reached.points.iter().any(|&j| j != k && !self.layout.same_group(j, k)) {
            return true;
        }
        // A use by value of a local held in place, not of a plain one nor through a drop flag: a move if it is the
        // value's last use (also on one path only, `if c { drop(v); }`: the arm's copy can't move out of the state).
        let by_value = |u: &crate::ir::Use| {
            matches!(u.kind, UseKind::Move | UseKind::Receiver)
                && in_place.contains(&u.local)
                && !self.an.flagged.contains(u.local)
                && !self.body.locals[u.local].plain()
        };
        reached.leaves.iter().filter(|leaf| leaf.uses.iter().any(by_value)).any(|leaf| {
            let last = crate::ir::last_uses(&leaf.uses);
            leaf.uses.iter().zip(last).any(|(u, last)| {
                let l = u.local;
                let live_after = match leaf.exit_after(u) {
                    None => self.an.live_after_leaf[leaf.id].contains(l),
                    Some(Jump::Break(target)) => self.an.live_after_loop[target].contains(l),
                    Some(Jump::Continue(target)) => self.an.live_at_loop_head[target].contains(l),
                    Some(Jump::Return) => false,
                };
                by_value(u) && last.moves(live_after)
            })
        })
    }

    /// The arm of point `k`, holding `in_place` where they are, can't run in place ([`Self::leaves_the_state`],
    /// [`Self::drops_early_in_place`]).
    fn runs_by_value(&self, k: YieldId, in_place: &[LocalId]) -> bool {
        self.leaves_the_state(k, in_place) || self.drops_early_in_place(k, in_place) || self.holds_a_mut_ref(in_place)
    }

    /// The arm would hold in place a `&mut` that the body took itself (a `Vec<&mut Node>`'s `pop()`, an
    /// `Option<&mut List>`, a `let n: &mut Node`): reached through the state, it could be reborrowed for the step
    /// only, where the plain fn reborrows it for its whole lifetime (`stack.extend(n.children.iter_mut())` after the
    /// `yield_!`: rustc's E0521). By value, the arm moves it out of the state and stores it back. (A `&mut` argument,
    /// `&mut self`, stays in place: by value would copy the whole state on every resume of every method taking
    /// `&mut self`.)
    fn holds_a_mut_ref(&self, in_place: &[LocalId]) -> bool {
        in_place.iter().any(|&l| {
            let local = &self.body.locals[l];
            local.value == Value::MutRef && !local.argument
        })
    }

    /// The locals the arm of point `k` holds in place when it runs so: its group's shared ones and, when they stay
    /// in `at`, its own; outside a group, all it stores.
    fn planned_in_place(&self, k: YieldId) -> Vec<LocalId> {
        match self.layout.group_of[k] {
            Some(_) if self.layout.own_in_place(self.body, self.an, k) => {
                self.layout.shared(k).iter().copied().chain(self.layout.own(k)).collect()
            }
            Some(_) => self.layout.shared(k).to_vec(),
            None => self.layout.stored[k].clone(),
        }
    }

    /// In place, the arm of point `k` would reach the end of the scope of a local it holds in place (one with drop
    /// glue and no drop flag, whose scope doesn't end at the fn's end) before suspending: left in the state, the
    /// local would drop at the fn's end instead of its scope's (see [`Self::restores_before`]). Decided before
    /// emitting, from the layout and the blocks around `k`: the arm then runs by value from the start, instead of
    /// being emitted in place and again by value.
    fn drops_early_in_place(&self, k: YieldId, in_place: &[LocalId]) -> bool {
        restored_scopes(&self.body.root, k, &self.located[k]).into_iter().any(|(scope, suspends_first)| {
            !suspends_first
                && !self.body.scopes[scope].ends_at_exit
                && in_place.iter().any(|&l| {
                    let local = &self.body.locals[l];
                    local.scope == scope && !local.no_drop_glue() && !self.an.flagged.contains(l)
                })
        })
    }

    /// With [`CHECK_PLAN`] set: the arm of `k`, planned by value, emitted in place anyway must be found unable to
    /// run so (the difftest sets it, so that each of its programs checks the plan against the emission).
    fn check_by_value_planned(&mut self, k: YieldId) {
        self.start_arm_in_place(k);
        let _ = self.cont_block(&self.body.root, k);
        assert!(
            self.violation,
            "stackless internal error: the arm of point {k} was planned by value, but runs in place"
        );
    }

    /// The current arm can't run in place: it is emitted again, by value.
    fn violate(&mut self) {
        self.violation = true;
    }

    fn has_joins(&self) -> bool {
        self.has_joins
    }

    /// With join points, an arm entered from the caller takes the resume argument out of its slot.
    fn take_resume_arg(&self) -> TokenStream {
        if !self.has_joins() {
            return TokenStream::new();
        }
        let arg = resume_arg();
        let slot = resume_slot();
        let p = private();
        quote!(#[allow(unused_variables)] let #arg = #p::take_resume_arg(&mut #slot);)
    }

    /// Notes that the current arm emits `stmt`, which has a closure literal and binds or assigns `locals`, or
    /// yields it (`yielded`).
    fn note_closure(&mut self, stmt: JoinBefore, locals: &[LocalId], yielded: bool) {
        let entry = self.closure_stmts.entry(stmt).or_insert_with(|| ClosureStmt {
            arms: std::collections::HashSet::new(),
            locals: locals.to_vec(),
            yielded,
        });
        entry.arms.insert(self.arm);
    }

    /// The statements with a closure literal that more than one arm emits, binding a local held across a
    /// suspension point, that have no join point before them yet.
    fn joins_needed(&self) -> Vec<JoinBefore> {
        // Held across a suspension point, or typed through a witness shared by the arms: one type either way.
        let held = |l: LocalId| self.layout.stored.iter().any(|s| s.contains(&l)) || self.witnesses_used.contains(l);
        let flows = value_flows(&self.body.root);
        self.closure_stmts
            .iter()
            .filter(|(_, ClosureStmt { arms, locals, yielded })| {
                if arms.len() < 2 {
                    return false;
                }
                if *yielded {
                    return true;
                }
                // The closure's type is in what its `let` binds, and in what is made of that
                // (`for m in v.iter().map(|x| ..)`'s iterator, `let g = Some(f)`).
                let mut typed = Set::new(self.body.locals.len());
                for &l in locals {
                    typed.insert(l);
                }
                along_flows(&flows, &mut typed);
                (0..self.body.locals.len()).any(|l| typed.contains(l) && held(l))
            })
            .map(|(stmt, _)| *stmt)
            .collect()
    }

    /// The order in which a suspended state drops its locals (its fields' order): the reverse of their
    /// declaration, except that a statement's hoisted temporaries (`__temporaryN`) drop after the operands it
    /// spilled (`__spillN`), as an unwinding plain fn drops a half-evaluated expression's operands before the
    /// statement's temporaries.
    fn drop_order(&self, stored: &[LocalId]) -> Vec<LocalId> {
        let hidden = |l: &LocalId| self.body.locals[*l].hidden;
        let mut order: Vec<LocalId> = stored.iter().rev().copied().collect();
        let mut i = 0;
        while i < order.len() {
            // A run of one statement's hidden locals (same scope): spilled operands first, temporaries after.
            let scope = self.body.locals[order[i]].scope;
            let end = (i..order.len())
                .find(|&j| hidden(&order[j]).is_none() || self.body.locals[order[j]].scope != scope)
                .unwrap_or(order.len());
            if end > i + 1 {
                order[i..end].sort_by_key(|l| hidden(l) == Some(Hidden::Temporary));
            }
            i = end.max(i + 1);
        }
        order
    }

    fn reset(&mut self, arm: Option<YieldId>, mode: Mode) {
        self.referenced_by_arms.union(&self.referenced);
        self.arm = arm;
        self.mode = mode;
        let n = self.body.locals.len();
        self.bound = Set::new(n);
        if let (Some(k), Mode::InPlace) = (arm, mode) {
            // In a group, only the shared locals stay in place: the point's own ones are moved out of `at`
            // when the arm starts (see `Self::resume_arm`).
            let in_place =
                if self.layout.group_of[k].is_some() { self.layout.shared(k) } else { &self.layout.stored[k] };
            for &l in in_place {
                self.bound.insert(l);
            }
        }
        self.used = Set::new(n);
        self.referenced = Set::new(n);
        self.partial.clear();
        self.broken.clear();
        self.continued.clear();
        self.loop_completes.clear();
        self.native_now = Set::new(n);
        self.scope_guards.clear();
        self.violation = false;
        // Labels are numbered per arm (they are scoped to it), so a retried arm has no gaps.
        self.labels = 0;
    }

    /// Starts the arm of point `k` in place: the locals it binds where they are are its group's shared ones (or all
    /// it stores, outside a group) and its own when they stay in `at` ([`Layout::own_in_place`]), which it returns.
    fn start_arm_in_place(&mut self, k: YieldId) -> bool {
        self.reset(Some(k), Mode::InPlace);
        let own_in_place = self.layout.own_in_place(self.body, self.an, k);
        if own_in_place {
            for l in self.layout.own(k) {
                self.bound.insert(l);
            }
        }
        own_in_place
    }

    fn idle(&self) -> Idle {
        Idle { nested: !self.layout.groups.is_empty(), names: self.names.clone() }
    }

    fn start_arm(&mut self, params: &[(syn::Ident, TokenStream)]) -> TokenStream {
        self.reset(None, Mode::ByValue);
        let names: Vec<_> = params.iter().map(|(n, _)| n).collect();
        let vars: Vec<_> = params.iter().map(|(n, _)| crate::names::param_var(n)).collect();
        let pattern = self.idle().unresumed(&quote!(#(#names: #vars),*));
        let take_arg = self.take_resume_arg();
        let prefix = TokenStream::new();
        let root = self.full_block_with(&self.body.root, prefix);
        let finish = self.finish(root);
        quote! {
            #pattern => {
                // Runs once: the resume arms are the hot ones.
                ::core::hint::cold_path();
                #take_arg
                #finish
            }
        }
    }

    /// Re-declares the flagged locals of a binding as `Option`s.
    fn wraps(&self, binding: &Binding) -> TokenStream {
        // A local with a field moved out, bound inside a pattern (`Some(page)`), where `mut` could change the
        // binding mode: declared again `mut`, with the pattern's other locals, so they keep their drop order.
        let redeclare =
            whole_ident(&binding.pat).is_none() && binding.locals.iter().any(|&l| self.an.field_moved.contains(l));
        let mut out = TokenStream::new();
        for &l in &binding.locals {
            let ident = &self.body.locals[l].ident;
            if self.an.flagged.contains(l) {
                out.extend(quote!(#[allow(unused_variables)] let mut #ident = ::core::option::Option::Some(#ident);));
            } else if redeclare {
                out.extend(quote!(#[allow(unused_variables)] let mut #ident = #ident;));
            }
        }
        out
    }

    /// The arm's last step: the root block's value is the return value.
    fn finish(&self, root: TokenStream) -> TokenStream {
        let p = private();
        let ret = syn::Ident::new("__ret", Span::mixed_site());
        let ty = self.return_annotation();
        // Located at the user's body, in the macro's context (lints of the user's code don't look at it).
        let root = spanned_block(root, Span::mixed_site().located_at(self.body.braces.join()));
        quote! {
            let #ret #ty = #root;
            return #p::complete(#ret);
        }
    }

    /// `: Y` when the signature names the yielded type in a way the body can repeat: `let __yielded: Y = value;`
    /// makes rustc report a mismatch at the user's value, with the signature's `Y` as the reason.
    fn yield_annotation(&self) -> TokenStream {
        let polled = self.polled_type();
        let ty = match &self.shape.kind {
            Kind::Generator { item } => Some(item),
            Kind::Coroutine { yield_ty, .. } => yield_ty.as_ref(),
            Kind::Stream { .. } => polled.as_ref(),
        };
        match ty {
            Some(ty) if is_nameable(ty) => quote!(: #ty),
            _ => TokenStream::new(),
        }
    }

    /// What an async generator yields to its `Machine`: `Poll<Y>` (`None` for the other kinds).
    fn polled_type(&self) -> Option<syn::Type> {
        match &self.shape.kind {
            Kind::Stream { item } => Some(syn::parse_quote!(::core::task::Poll<#item>)),
            _ => None,
        }
    }

    /// `: T` for the returned value, as [`Self::yield_annotation`] (a generator returns `()`).
    fn return_annotation(&self) -> TokenStream {
        match &self.shape.kind {
            Kind::Generator { .. } | Kind::Stream { .. } => quote!(: ()),
            Kind::Coroutine { return_ty: Some(ty), .. } if is_nameable(ty) => quote!(: #ty),
            Kind::Coroutine { .. } => TokenStream::new(),
        }
    }

    /// The arm of `SuspendK`, for the `match` that its mode belongs in.
    fn resume_arm(&mut self, k: YieldId) -> (Mode, TokenStream) {
        if !self.an.reachable[k] {
            // Dead code (after a `return`): its state is never built, and its continuation would be typed from
            // nothing.
            let pattern = self.point_pattern(k, &[], &[], true);
            let p = private();
            return (Mode::InPlace, quote!(#pattern => #p::unreachable(),));
        }
        // A point after a loop is resumed once: its arm moves the state, so that only the loop's own arms
        // `match` on `at` in place, which LLVM then tests with a compare instead of a jump table.
        let planned_by_value = !self.layout.after_loop[k] && self.runs_by_value(k, &self.planned_in_place(k));
        if planned_by_value && std::env::var_os(CHECK_PLAN).is_some() {
            self.check_by_value_planned(k);
        }
        let first_try = if self.layout.after_loop[k] || planned_by_value { Mode::ByValue } else { Mode::InPlace };
        let own_in_place = match first_try {
            Mode::InPlace => self.start_arm_in_place(k),
            Mode::ByValue => {
                self.reset(Some(k), Mode::ByValue);
                false
            }
        };
        let mut cont = self.cont_block(&self.body.root, k);
        if self.mode == Mode::InPlace && self.violation {
            self.reset(Some(k), Mode::ByValue);
            cont = self.cont_block(&self.body.root, k);
        }
        let finish = self.finish(cont);
        // A join point's arm continues a step whose resume argument is taken.
        let take_arg = if self.body.yields[k].join { TokenStream::new() } else { self.take_resume_arg() };
        let finish = quote!(#take_arg #finish);
        let shared = self.layout.shared(k);
        let arm = match self.mode {
            Mode::InPlace => {
                let used = &self.used;
                // (`#[allow(unused_variables)]`: used, but maybe only after a `break` that leaves the loop this arm
                // re-enters.)
                let bind = |l: LocalId| self.field_binding(l);
                match self.layout.group_of[k] {
                    Some(c) => {
                        let take_own = self.own_binding(c, k, own_in_place);
                        let inner = self.names.group(c);
                        let v = variant(k);
                        quote! {
                            #inner::#v { .. } => {
                                #take_own
                                #finish
                            }
                        }
                    }
                    None => {
                        let binds: Vec<_> =
                            self.layout.stored[k].iter().copied().filter(|&l| used.contains(l)).map(bind).collect();
                        let pattern = self.point_pattern(k, &[], &binds, true);
                        quote! {
                            #pattern => {
                                #finish
                            }
                        }
                    }
                }
            }
            Mode::ByValue => {
                let saved = |l: LocalId| {
                    let f = &self.field[l];
                    let var = Self::saved_var(l);
                    quote!(#f: #var)
                };
                let shared_fields: Vec<_> = shared.iter().copied().map(saved).collect();
                let own_fields: Vec<_> = self.layout.own(k).into_iter().map(saved).collect();
                let pattern = self.point_pattern(k, &shared_fields, &own_fields, false);
                quote! {
                    #pattern => {
                        #finish
                    }
                }
            }
        };
        (self.mode, arm)
    }
}

/// The binding's pattern with each bound identifier replaced by its local's (possibly renamed) identifier. A
/// whole-pattern identifier (`let page = ..`, `for page in ..`) of a local that has a field moved out is made
/// `mut`: vacating the field borrows it mutably. (Nested in a pattern, `mut` could change a binding by
/// reference into a move: [`Emitter::wraps`] declares such a local again instead.)
fn binding_pat(body: &Body, field_moved: &Set, binding: &Binding) -> syn::Pat {
    struct Renamer<'b> {
        /// (name written in the pattern, the local it declares), in the pattern's order of first occurrence.
        names: Vec<(String, LocalId)>,
        body: &'b Body,
    }
    impl syn::visit_mut::VisitMut for Renamer<'_> {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            if crate::syntax::binds(p)
                && let Some((_, l)) = self.names.iter().find(|(n, _)| p.ident == n)
            {
                let mut ident = self.body.locals[*l].ident.clone();
                ident.set_span(p.ident.span());
                p.ident = ident;
            }
            syn::visit_mut::visit_pat_ident_mut(self, p);
        }
        /// `P { x }` binding a renamed local is written out: `P { x: x_2 }`.
        fn visit_field_pat_mut(&mut self, f: &mut syn::FieldPat) {
            syn::visit_mut::visit_field_pat_mut(self, f);
            let renamed = match (&f.member, &*f.pat) {
                (syn::Member::Named(name), syn::Pat::Ident(p)) => p.ident != *name,
                _ => false,
            };
            if f.colon_token.is_none() && renamed {
                f.colon_token = Some(syn::Token![:](syn::spanned::Spanned::span(&f.pat)));
            }
        }
        fn visit_expr_mut(&mut self, _: &mut Expr) {}
    }
    // The pattern's identifiers in order of first occurrence, as lowering declared them.
    let written: Vec<String> = crate::syntax::pattern_names(&binding.pat);
    let names = written.into_iter().zip(binding.locals.iter().copied()).collect();
    let mut pat = binding.pat.clone();
    syn::visit_mut::VisitMut::visit_pat_mut(&mut Renamer { names, body }, &mut pat);
    if let (Some(p), [local]) = (whole_ident_mut(&mut pat), &binding.locals[..])
        && field_moved.contains(*local)
        && p.by_ref.is_none()
        && p.mutability.is_none()
        && p.subpat.is_none()
    {
        p.mutability = Some(syn::Token![mut](p.ident.span()));
    }
    pat
}

/// The identifier a pattern is made of, if it is one (`page`, `page: Page`).
pub(super) fn whole_ident(pat: &syn::Pat) -> Option<&syn::PatIdent> {
    match pat {
        syn::Pat::Type(t) => whole_ident(&t.pat),
        syn::Pat::Ident(p) => Some(p),
        _ => None,
    }
}

fn whole_ident_mut(pat: &mut syn::Pat) -> Option<&mut syn::PatIdent> {
    match pat {
        syn::Pat::Type(t) => whole_ident_mut(&mut t.pat),
        syn::Pat::Ident(p) => Some(p),
        _ => None,
    }
}

fn use_ident(local: &crate::ir::Local, token: &syn::Ident) -> syn::Ident {
    if token == "self" {
        // `__self` keeps its own hygiene, located at the user's `self` for diagnostics.
        let mut ident = local.ident.clone();
        ident.set_span(local.ident.span().located_at(token.span()));
        return ident;
    }
    if local.ident.to_string().starts_with("__") {
        return local.ident.clone();
    }
    let mut ident = local.ident.clone();
    ident.set_span(token.span());
    ident
}

/// `&T` or `'_` in the resume type: on a closure parameter it would become a higher-ranked lifetime.
fn has_elided_lifetime(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_reference(&mut self, r: &'ast syn::TypeReference) {
            if r.lifetime.is_none() {
                self.0 = true;
            }
            syn::visit::visit_type_reference(self, r);
        }
        fn visit_lifetime(&mut self, l: &'ast syn::Lifetime) {
            if l.ident == "_" {
                self.0 = true;
            }
        }
    }
    let mut f = Finder(false);
    syn::visit::Visit::visit_type(&mut f, ty);
    f.0
}

/// `ident`, resolved as before, reported at `span`.
fn located(ident: &syn::Ident, span: Span) -> syn::Ident {
    let mut ident = ident.clone();
    ident.set_span(ident.span().located_at(span));
    ident
}

fn nameable_or_infer(ty: Option<&syn::Type>) -> TokenStream {
    match ty {
        Some(ty) if is_nameable(ty) => ty.to_token_stream(),
        _ => quote!(_),
    }
}

fn line_of(span: Span) -> Option<usize> {
    let line = span.start().line;
    (line > 0).then_some(line)
}

/// `tokens`, a block, with its braces at `span`.
fn spanned_block(tokens: TokenStream, span: Span) -> TokenStream {
    let mut trees: Vec<proc_macro2::TokenTree> = tokens.into_iter().collect();
    if let [proc_macro2::TokenTree::Group(block)] = &mut trees[..] {
        block.set_span(span);
    }
    trees.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::Emitter;
    use crate::errors::Errors;
    use crate::ir::Value;
    use crate::lower::{Input, Lowerer};

    /// Per suspension point of the generator `body` (no arguments): whether the plan finds that its arm, in place,
    /// leaves the state ([`Emitter::leaves_the_state`]) and drops a held local early
    /// ([`Emitter::drops_early_in_place`]), and whether the arm, emitted in place, is found unable to run so (the
    /// trial the plan replaces).
    fn planned_and_found(body: &str) -> Vec<(bool, bool, bool)> {
        let block: syn::Block = syn::parse_str(body).expect("a block");
        let mut errors = Errors::default();
        let input = Input {
            params: Vec::new(),
            type_params: Vec::new(),
            resume: None,
            block,
            generator: true,
            resume_unit: true,
            resume_value: Value::Plain,
            joins: Vec::new(),
        };
        let body = Lowerer::lower(&mut errors, input).expect("lowered");
        let an = crate::analysis::analyze(&body);
        let sig: syn::Signature = syn::parse_quote!(fn g() -> impl Iterator<Item = u64>);
        let shape = crate::signature::parse(proc_macro2::TokenStream::new(), &sig, &mut errors).expect("a shape");
        let names = crate::names::TypeNames::for_fn(&syn::parse_quote!(
            fn g() {}
        ));
        let mut e = Emitter::new(&body, &an, &shape, names);
        (0..body.yields.len())
            .map(|k| {
                let in_place = e.planned_in_place(k);
                let planned = (e.leaves_the_state(k, &in_place), e.drops_early_in_place(k, &in_place));
                e.start_arm_in_place(k);
                let _ = e.cont_block(&body.root, k);
                (planned.0, planned.1, e.violation)
            })
            .collect()
    }

    #[test]
    fn an_arm_that_reaches_a_point_outside_its_group_is_planned_by_value() {
        // Two straight-line points holding different arrays: no group, so the first one's arm builds the
        // second's variant.
        let arms = planned_and_found("{ let a = [1u64; 4]; yield_!(a[0]); let b = [2u64; 8]; yield_!(b[1]); }");
        assert_eq!(arms, vec![(true, false, true), (false, false, false)]);
    }

    #[test]
    fn an_arm_that_ends_the_scope_of_a_held_local_is_planned_by_value() {
        // `s` is held at the point and its block ends in the arm, with code after it: it must drop there, not
        // with the state.
        let arms = planned_and_found("{ { let s = String::from(\"x\"); yield_!(1); } println!(\"after\"); }");
        assert_eq!(arms, vec![(false, true, true)]);
    }

    #[test]
    fn an_arm_that_moves_a_held_local_out_is_planned_by_value() {
        let arms = planned_and_found(
            "{ let v = vec![1u64]; let w = vec![2u64]; yield_!(1); drop(v); yield_!(w.len() as u64); drop(w); }",
        );
        assert_eq!(arms[0], (true, false, true));
    }

    #[test]
    fn an_arm_that_reaches_a_point_through_a_jump_is_planned_by_value() {
        // Resumed at the first point, the iteration goes on to the second (same group) or, through `continue` or
        // `break`, ends the loop and reaches the third, outside the group.
        for jump in ["continue", "break"] {
            let arms = planned_and_found(&format!(
                "{{ let mut v = d(); let mut p = 0; for i in 0..2 {{ if c() {{ let x = yield_!(1); \
                 if v.get() >= i {{ {jump}; }} }} p = yield_!(2); }} \
                 let w = vec![d()]; v = renew(v); yield_!(w.len() + p); }}"
            ));
            assert_eq!(arms[0], (true, false, true), "{jump}");
        }
    }

    #[test]
    fn an_arm_that_moves_a_held_local_on_one_path_is_planned_by_value() {
        let arms = planned_and_found(
            "{ let v = vec![1u64]; let w = vec![2u64]; yield_!(1); if w.len() > 1 { drop(v); } w.len(); }",
        );
        assert_eq!(arms[0], (true, false, true));
    }

    #[test]
    fn an_arm_that_runs_in_place_is_planned_so() {
        let arms = planned_and_found("{ let mut v = Vec::new(); for i in 0..3u64 { v.push(i); yield_!(i); } }");
        assert_eq!(arms, vec![(false, false, false)]);
    }
}
