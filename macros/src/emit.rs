//! Phase 4: the state layout and the resume step, as tokens.
//!
//! The state is an enum declared inside the generated fn: `Unresumed` (the arguments), a variant per
//! suspension point holding what [`analysis`](crate::analysis) stored there, `Returned` and `Panicked`. The
//! points of one loop share a variant (`GroupN`, see [`crate::layout`]): the locals they all hold are its fields,
//! the rest is in its field `at`, an enum with a variant per point. Each field has its own generic parameter, so
//! rustc infers every type; fields are declared newest-first so that dropping a suspended coroutine drops its
//! locals in reverse declaration order, as unwinding the plain fn would.
//!
//! The step has an arm per point. The arm of a point is the *continuation* of the body after that `yield_!`:
//! the rest of each enclosing block, innermost first; an enclosing loop becomes its partial iteration
//! (`'__cN: { rest of body }`) followed by the whole loop. Every other `yield_!` reached in an arm stores the
//! live locals into its variant and returns.
//!
//! - **In place** (the fast path): the arm binds the stored locals' fields by `&mut` and the user's `x` becomes
//!   `(*x)`; nothing is moved on resume, whatever the size of the state. In a cluster, only the shared fields
//!   are bound so: the point's own locals are moved out of `at` (leaving `Moving`), and each suspension point
//!   of the cluster the arm reaches writes `at` again; a point outside the cluster makes the arm by value. The
//!   fields drop with the state, after the arm's own locals: so a local the arm declares again (not stored:
//!   moved, or assigned later) must not be declared before a stored one with drop glue, and a held local
//!   whose scope ends in the arm (unless it suspends first) must be without drop glue or have a drop flag.
//! - **By value** otherwise: the arm moves the variant out (leaving `Panicked`), re-declares each local at the
//!   start of its scope in the continuation (so Rust itself drops it at its scope's end), and moves what the next
//!   suspension point needs into that point's variant.
//! - A local with a drop flag lives in an `Option`; its uses go through `slot`/`take`.
//! - A local stored where it is dead (kept only in case it needs dropping) goes through `__private::Hold`,
//!   which rustc resolves from its type: a `Copy` one becomes the zero-sized `Dead`, so that a dead borrow
//!   (`let cmd = first_word(&line);`) doesn't point into the state.
//! - A step with few points is `#[inline(always)]` into its caller, as a hand-written `next` would be.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, Lifetime};

use crate::analysis::{Analysis, Set};
use crate::ir::{
    Binding, Block, Body, Cond, JoinBefore, Jump, Leaf, LocalId, LoopId, Node, ScopeId, Stmt, UseKind, YieldId,
};
use crate::layout::Layout;
use crate::leaf::{Rewrite, Walker};
use crate::signature::{Boxing, Kind, Shape, is_nameable};

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
    /// Field name of each local in the state variants.
    field: Vec<syn::Ident>,
    /// Which suspension points share a variant.
    layout: Layout,
    /// Per suspension point, the statement that contains it in each block around it (see [`locate_points`]).
    located: Vec<HashMap<ScopeId, usize>>,
    /// The body has join points.
    has_joins: bool,
    // Per-arm state:
    arm: Option<YieldId>,
    mode: Mode,
    /// Locals bound in place by the current arm.
    bound: Set,
    /// Locals the current in-place arm actually uses.
    used: RefCell<Set>,
    /// Locals the current arm's code refers to (whatever their representation).
    referenced: RefCell<Set>,
    /// Loops emitted as a partial iteration in the current arm: (break label, continue label).
    partial: RefCell<HashMap<LoopId, (Lifetime, Lifetime)>>,
    violation: Cell<bool>,
    labels: Cell<usize>,
    /// Per loop (or labeled block) resumed inside in the current arm: whether its continuation can complete (a
    /// `break` was emitted in its partial iteration or its rest, or a loop's next iterations were emitted).
    loop_completes: RefCell<HashMap<LoopId, bool>>,
    /// Loops a `break` was emitted for (in the current arm).
    broken: RefCell<std::collections::HashSet<LoopId>>,
    /// Loops a `continue` was emitted for (in the current arm).
    continued: RefCell<std::collections::HashSet<LoopId>>,
    /// In place: bound locals that are new instances where the code is being emitted (a loop's next
    /// iterations declare them again).
    native_now: RefCell<Set>,
    /// Locals used where their pattern just bound them, before drop-flag wrapping (guards, let chains).
    raw_now: RefCell<Set>,
    /// In place: the scope guards alive where the code is being emitted, by local.
    scope_guards: RefCell<Vec<(LocalId, syn::Ident)>>,
    /// Emitting the initializer of a local typed across arms (`Analysis::typed_across_arms`): a path of it
    /// that suspends keeps its rest as dead code, so that this arm types the value as the plain fn does.
    typing_initializer: Cell<usize>,
    /// The code being emitted is in tail position of such an initializer: its value is the local's value.
    value_position: Cell<bool>,
    /// The locals whose type witness some arm uses (only those are declared: an unused one can't be inferred).
    witnesses_used: RefCell<Set>,
    /// The `let`s and assignments with a closure literal in their value: the arms that emit them, and the
    /// locals they bind. Emitted by several arms, the literal has one type per arm; held across a suspension
    /// point, it needs one type (see [`Output::joins`]).
    closure_stmts: RefCell<std::collections::BTreeMap<JoinBefore, ClosureStmt>>,
    /// The locals of the `let`s whose initializers are being emitted, innermost last.
    initializing: RefCell<Vec<Vec<LocalId>>>,
    /// The locals stored as they are even where they are dead (see [`Self::held`]).
    never_held: Set,
}

/// A statement whose value has a closure literal: the arms that emit it (`None`: the start), and the locals it
/// binds or assigns.
struct ClosureStmt {
    arms: std::collections::HashSet<Option<YieldId>>,
    locals: Vec<LocalId>,
}

fn private() -> TokenStream {
    quote!(::stackless::__private)
}

fn state_ty() -> syn::Ident {
    syn::Ident::new("__State", Span::mixed_site())
}

fn guard() -> syn::Ident {
    syn::Ident::new("__guard", Span::mixed_site())
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
/// `mem::replace` takes, once a `matches!` has checked that the state is theirs. A refutable `let` per moving arm
/// would instead make rustc check every variant once per arm: quadratic in the number of suspension points.
/// Every arm leaves the step, so a state matched by no `match` is impossible.
fn dispatch(arms: &[StepArm], clusters: &[TokenStream]) -> TokenStream {
    let state = state_ty();
    let g = guard();
    let mut out = TokenStream::new();
    for run in arms.chunk_by(|a, b| a.mode == b.mode && a.cluster == b.cluster) {
        let code = run.iter().map(|arm| &arm.code);
        match (run[0].mode, run[0].cluster) {
            (Mode::InPlace, None) => out.extend(quote! {
                match &mut *#g.state {
                    #(#code)*
                    _ => {}
                }
            }),
            // The points of a cluster in place: its variant's fields are bound once, then `at` says which point.
            (Mode::InPlace, Some(c)) => {
                let pattern = &clusters[c];
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
                // One pattern per state variant: the points of a cluster in one or-pattern on `at`.
                let mut patterns: Vec<(Option<usize>, Vec<&TokenStream>)> = Vec::new();
                for arm in run {
                    let (cluster, pattern) = &arm.pattern;
                    match patterns.iter_mut().find(|(c, _)| cluster.is_some() && c == cluster) {
                        Some((_, points)) => points.push(pattern),
                        None => patterns.push((*cluster, vec![pattern])),
                    }
                }
                let patterns = patterns.into_iter().map(|(cluster, points)| match cluster {
                    None => quote!(#(#points)|*),
                    Some(c) => {
                        let cv = cluster_variant(c);
                        let at = at_field();
                        quote!(#state::#cv { #at: #(#points)|*, .. })
                    }
                });
                out.extend(quote! {
                    if ::core::matches!(*#g.state, #(#patterns)|*) {
                        match ::core::mem::replace(#g.state, #state::Panicked) {
                            #(#code)*
                            _ => ::core::unreachable!(),
                        }
                    }
                });
            }
        }
    }
    out.extend(quote!(::core::unreachable!()));
    out
}

/// An arm of the step, for [`dispatch`].
struct StepArm {
    mode: Mode,
    /// In place, in a cluster: its index (the arm matches `at`).
    cluster: Option<usize>,
    /// The states it takes (for a `matches!`): a state variant's pattern, or, for a point in a cluster, the
    /// cluster and the pattern of its `at`.
    pattern: (Option<usize>, TokenStream),
    code: TokenStream,
}

fn variant_of_start() -> syn::Ident {
    syn::Ident::new("Unresumed", Span::mixed_site())
}

/// A step with at most this many suspension points and leaves is always inlined into its caller.
const INLINED_POINTS: usize = 8;
const INLINED_LEAVES: usize = 96;

/// `Unresumed`, `Returned` and `Panicked`, besides one state per suspension (or join) point.
const RESERVED_STATES: usize = 3;

/// The smallest integer that numbers `states` states, as rustc sizes a coroutine's discriminant: one byte up to
/// 256 states, two up to 65,536. The tag is explicit because LLVM tests an explicit tag with one compare where a
/// niche-encoded one must be decoded first; its unused values still give `Option<coroutine>` a niche.
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

/// The state's variant of cluster `c` (see [`crate::layout`]).
fn cluster_variant(c: usize) -> syn::Ident {
    syn::Ident::new(&format!("Group{c}"), Span::mixed_site())
}

/// The enum of cluster `c`'s points, in its variant's `at` field.
fn cluster_enum(c: usize) -> syn::Ident {
    syn::Ident::new(&format!("__Group{c}"), Span::mixed_site())
}

/// The field of a cluster's variant that says at which of its points the coroutine is (and holds their own
/// locals). A local of the user's named `at` gets another field name (see [`Emitter::new`]).
fn at_field() -> syn::Ident {
    syn::Ident::new("at", Span::mixed_site())
}

/// What an in-place arm binds a cluster's `at` to.
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
    pub fn new(body: &'a Body, an: &'a Analysis, shape: &'a Shape) -> Self {
        // `at` is the field of a cluster's own locals: a local named so is the second `at`.
        let mut seen: HashMap<String, usize> = HashMap::from([(at_field().to_string(), 1)]);
        let field = body
            .locals
            .iter()
            .map(|l| {
                let name = l.ident.to_string();
                let count = seen.entry(name.clone()).or_insert(0);
                *count += 1;
                let name = name.trim_start_matches("r#").to_string();
                if *count == 1 {
                    syn::Ident::new(&name, Span::mixed_site())
                } else {
                    format_ident!("{}_{}", name, count, span = Span::mixed_site())
                }
            })
            .collect();
        let n = body.locals.len();
        let located = locate_points(body);
        let never_held = never_held(body, an);
        let layout = Layout::new(body, an, &never_held, &located);
        Emitter {
            body,
            an,
            shape,
            field,
            layout,
            located,
            has_joins: body.yields.iter().any(|y| y.join),
            arm: None,
            mode: Mode::ByValue,
            bound: Set::new(n),
            used: RefCell::new(Set::new(n)),
            referenced: RefCell::new(Set::new(n)),
            partial: RefCell::new(HashMap::new()),
            violation: Cell::new(false),
            labels: Cell::new(0),
            loop_completes: RefCell::new(HashMap::new()),
            broken: RefCell::new(std::collections::HashSet::new()),
            continued: RefCell::new(std::collections::HashSet::new()),
            native_now: RefCell::new(Set::new(n)),
            raw_now: RefCell::new(Set::new(n)),
            scope_guards: RefCell::new(Vec::new()),
            typing_initializer: Cell::new(0),
            value_position: Cell::new(false),
            witnesses_used: RefCell::new(Set::new(n)),
            closure_stmts: RefCell::new(std::collections::BTreeMap::new()),
            initializing: RefCell::new(Vec::new()),
            never_held,
        }
    }

    /// `params`: the argument expressions moved into `Unresumed`, by field.
    pub fn emit(mut self, params: &[(syn::Ident, TokenStream)]) -> Output {
        let state = state_ty();
        let g = guard();
        let p = private();

        // The layout.
        let mut generics = Vec::new();
        let mut next_generic = || {
            let t = format_ident!("__T{}", generics.len(), span = Span::mixed_site());
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
        let mut cluster_enums = Vec::new();
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
            let Some(c) = self.layout.cluster_of[k] else {
                let v = variant(k);
                let doc = self.point_doc(k);
                let fields = field_list(&self.an.stored[k], &mut Vec::new());
                variants.push(quote!(#[doc = #doc] #v { #(#fields),* }));
                continue;
            };
            let cluster = &self.layout.clusters[c];
            if cluster.points[0] != k {
                continue;
            }
            // The cluster's own enum first (its fields' generics), then its variant in the state.
            let mut inner_generics = Vec::new();
            let mut inner_variants = Vec::new();
            for &j in &cluster.points {
                let v = variant(j);
                let doc = self.point_doc(j);
                let fields = field_list(&self.layout.own(self.an, j), &mut inner_generics);
                inner_variants.push(quote!(#[doc = #doc] #v { #(#fields),* }));
            }
            let inner = cluster_enum(c);
            let at = at_field();
            let tag = tag_type(cluster.points.len() + 1);
            cluster_enums.push(quote! {
                #derive
                #[allow(dead_code, non_camel_case_types, clippy::large_enum_variant)]
                #[repr(#tag)]
                enum #inner<#(#inner_generics),*> {
                    #(#inner_variants,)*
                    /// Between two of these points, within a step: never seen by a caller.
                    Moving,
                }
            });
            let shared = field_list(&cluster.shared, &mut Vec::new());
            let lines: Vec<usize> = cluster.points.iter().filter_map(|&j| line_of(self.body.yields[j].span)).collect();
            let doc = match (lines.first(), lines.last()) {
                (Some(first), Some(last)) => {
                    format!(" Suspended at one of the points of lines {first}–{last}: what they all hold stays here.")
                }
                _ => String::from(" Suspended at one of several points: what they all hold stays here."),
            };
            let v = cluster_variant(c);
            variants.push(quote!(#[doc = #doc] #v { #at: #inner<#(#inner_generics),*>, #(#shared),* }));
        }
        let body_items = &self.body.items;
        // With clusters, the state's tag goes into a niche of theirs (`at`'s tag has values to spare), as rustc
        // would lay it out: an explicit one would add its own aligned word.
        let repr = if self.layout.clusters.is_empty() {
            let tag = tag_type(variants.len() + RESERVED_STATES);
            quote!(#[repr(#tag)])
        } else {
            TokenStream::new()
        };
        let items = quote! {
            #(#body_items)*
            #(#cluster_enums)*
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
            impl<#(#generics),*> #p::States for #state<#(#generics),*> {
                const RETURNED: Self = Self::Returned;
                const POISONED: Self = Self::Panicked;
            }
        };

        // The arms, in source order (rustc types the step in that order, so a type fixed by an earlier arm is
        // known in a later one, as in the plain fn).
        let start = variant_of_start();
        let start_code = self.start_arm(params);
        let mut arms = vec![StepArm {
            mode: Mode::ByValue,
            cluster: None,
            pattern: (None, quote!(#state::#start { .. })),
            code: start_code,
        }];
        for k in 0..self.body.yields.len() {
            let (mode, code) = self.resume_arm(k);
            let cluster = if mode == Mode::InPlace && self.an.reachable[k] { self.layout.cluster_of[k] } else { None };
            let pattern = match self.layout.cluster_of[k] {
                Some(c) => {
                    let inner = cluster_enum(c);
                    let v = variant(k);
                    (Some(c), quote!(#inner::#v { .. }))
                }
                None => (None, self.point_pattern(k, &[], &[], true)),
            };
            arms.push(StepArm { mode, cluster, pattern, code });
        }
        // The terminal states are cold: marking them lets LLVM test the suspension points first instead of
        // jumping through a table. They leave the state as it is (`exit = Suspended`) without lending the
        // guard to an out-of-line call, which would keep the guard in memory on every resume.
        let (after_completion, after_panic) = if self.shape.is_generator() {
            (quote!(return #p::exhausted(&mut #g.exit)), quote!(#p::next_after_panicking()))
        } else {
            (quote!(#p::resumed_after_completion()), quote!(#p::resumed_after_panicking()))
        };
        let returned = syn::Ident::new("Returned", Span::mixed_site());
        arms.push(StepArm {
            mode: Mode::InPlace,
            cluster: None,
            pattern: (None, quote!(#state::#returned { .. })),
            code: quote! {
                #state::#returned => {
                    ::core::hint::cold_path();
                    #g.exit = #p::Exit::Suspended;
                    #after_completion
                }
            },
        });
        let panicked = syn::Ident::new("Panicked", Span::mixed_site());
        arms.push(StepArm {
            mode: Mode::InPlace,
            cluster: None,
            pattern: (None, quote!(#state::#panicked { .. })),
            code: quote! {
                #state::#panicked => {
                    ::core::hint::cold_path();
                    #g.exit = #p::Exit::Suspended;
                    #after_panic
                }
            },
        });
        let cluster_patterns: Vec<TokenStream> =
            (0..self.layout.clusters.len()).map(|c| self.cluster_binding(c)).collect();
        let matches = dispatch(&arms, &cluster_patterns);

        let arg = resume_arg();
        let init_fields = params.iter().map(|(name, value)| quote!(#name: #value));
        // The resume type is also written on the closure's parameter: rustc types `let v = yield_!(..)` from
        // it before it would otherwise see the closure's expected signature.
        let (constructor, arg_ty) = match &self.shape.kind {
            Kind::Generator { item } => {
                let y = nameable_or_infer(Some(item));
                (quote!(#p::Machine::generator::<#y>), quote!(: ()))
            }
            Kind::Coroutine { resume, yield_ty, return_ty } => {
                let r = nameable_or_infer(Some(resume));
                let y = nameable_or_infer(yield_ty.as_ref());
                let t = nameable_or_infer(return_ty.as_ref());
                let arg_ty = if is_nameable(resume) && !has_elided_lifetime(resume) { quote!(: #r) } else { quote!() };
                (quote!(#p::Machine::coroutine::<#r, #y, #t>), arg_ty)
            }
        };
        let state_param = syn::Ident::new("__state", Span::mixed_site());
        let mut witnesses: Vec<TokenStream> = (0..self.body.locals.len())
            .filter(|&l| self.witnesses_used.borrow().contains(l))
            .map(|l| {
                let witness = type_witness(l);
                quote!(let #witness = ::core::marker::PhantomData;)
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
        let machine = quote! {
            #constructor(
                #state::Unresumed { #(#init_fields),* },
                #inline |#state_param, #arg #arg_ty| {
                    #(#witnesses)*
                    let mut #g = #p::Guard::new(#state_param);
                    #step
                },
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

    /// In place: the pattern that binds cluster `c`'s variant: `at`, and each shared local by `&mut` (as every
    /// arm of the cluster names it).
    fn cluster_binding(&self, c: usize) -> TokenStream {
        let state = state_ty();
        let cv = cluster_variant(c);
        let at_f = at_field();
        let at = at_var();
        let shared = self.layout.clusters[c].shared.iter().map(|&l| {
            let f = &self.field[l];
            let ident = self.bound_name(l);
            quote!(#[allow(unused_variables)] #f: #ident)
        });
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

    /// The pattern of suspension point `k`'s state: `shared` and `own` are the fields matched in its cluster's
    /// variant and in its own variant (each `field: pattern`), followed by `..` when `rest`.
    fn point_pattern(&self, k: YieldId, shared: &[TokenStream], own: &[TokenStream], rest: bool) -> TokenStream {
        let state = state_ty();
        let v = variant(k);
        let rest = if rest { quote!(..) } else { quote!() };
        let sep = |fields: &[TokenStream]| if fields.is_empty() { quote!() } else { quote!(,) };
        let own_sep = sep(own);
        let own_pattern = quote!(#v { #(#own),* #own_sep #rest });
        match self.layout.cluster_of[k] {
            None => quote!(#state::#own_pattern),
            Some(c) => {
                let cv = cluster_variant(c);
                let inner = cluster_enum(c);
                let at = at_field();
                let shared_sep = sep(shared);
                quote!(#state::#cv { #at: #inner::#own_pattern, #(#shared),* #shared_sep #rest })
            }
        }
    }

    /// The current arm can't run in place: it is emitted again, by value.
    fn violate(&self) {
        self.violation.set(true);
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

    /// Notes that the current arm emits `stmt`, which has a closure literal and binds or assigns `locals`.
    fn note_closure(&self, stmt: JoinBefore, locals: &[LocalId]) {
        let mut stmts = self.closure_stmts.borrow_mut();
        let entry = stmts
            .entry(stmt)
            .or_insert_with(|| ClosureStmt { arms: std::collections::HashSet::new(), locals: locals.to_vec() });
        entry.arms.insert(self.arm);
    }

    /// The statements with a closure literal that more than one arm emits, binding a local held across a
    /// suspension point, that have no join point before them yet.
    fn joins_needed(&self) -> Vec<JoinBefore> {
        // Held across a suspension point, or typed through a witness shared by the arms: one type either way.
        let witnessed = self.witnesses_used.borrow();
        let held = |l: LocalId| self.an.stored.iter().any(|s| s.contains(&l)) || witnessed.contains(l);
        let flows = value_flows(&self.body.root);
        self.closure_stmts
            .borrow()
            .iter()
            .filter(|(_, ClosureStmt { arms, locals })| {
                if arms.len() < 2 {
                    return false;
                }
                // The closure's type is in what its `let` binds, and in what is made of that
                // (`for m in v.iter().map(|x| ..)`'s iterator, `let g = Some(f)`).
                let mut typed = Set::new(self.body.locals.len());
                for &l in locals {
                    typed.insert(l);
                }
                let mut changed = true;
                while changed {
                    changed = false;
                    for (sources, targets) in &flows {
                        if sources.iter().any(|&l| typed.contains(l)) {
                            for &t in targets {
                                changed |= !typed.contains(t);
                                typed.insert(t);
                            }
                        }
                    }
                }
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
        let hidden = |l: &LocalId, prefix: &str| {
            let local = &self.body.locals[*l];
            local.ident.to_string().starts_with(prefix)
        };
        let mut order: Vec<LocalId> = stored.iter().rev().copied().collect();
        let mut i = 0;
        while i < order.len() {
            // A run of one statement's hidden locals (same scope): spilled operands first, temporaries after.
            let scope = self.body.locals[order[i]].scope;
            let end = (i..order.len())
                .find(|&j| {
                    let l = &order[j];
                    !(hidden(l, "__spill") || hidden(l, "__temporary")) || self.body.locals[*l].scope != scope
                })
                .unwrap_or(order.len());
            if end > i + 1 {
                order[i..end].sort_by_key(|l| hidden(l, "__temporary"));
            }
            i = end.max(i + 1);
        }
        order
    }

    fn reset(&mut self, arm: Option<YieldId>, mode: Mode) {
        self.arm = arm;
        self.mode = mode;
        let n = self.body.locals.len();
        self.bound = Set::new(n);
        if let (Some(k), Mode::InPlace) = (arm, mode) {
            // In a cluster, only the shared locals stay in place: the point's own ones are moved out of `at`
            // when the arm starts (see `Self::resume_arm`).
            let in_place = if self.layout.cluster_of[k].is_some() { self.layout.shared(k) } else { &self.an.stored[k] };
            for &l in in_place {
                self.bound.insert(l);
            }
        }
        *self.used.borrow_mut() = Set::new(n);
        *self.referenced.borrow_mut() = Set::new(n);
        self.partial.borrow_mut().clear();
        self.broken.borrow_mut().clear();
        self.continued.borrow_mut().clear();
        self.loop_completes.borrow_mut().clear();
        *self.native_now.borrow_mut() = Set::new(n);
        self.scope_guards.borrow_mut().clear();
        self.violation.set(false);
        // Labels are numbered per arm (they are scoped to it), so a retried arm has no gaps.
        self.labels.set(0);
    }

    fn start_arm(&mut self, params: &[(syn::Ident, TokenStream)]) -> TokenStream {
        self.reset(None, Mode::ByValue);
        let state = state_ty();
        let names: Vec<_> = params.iter().map(|(n, _)| n).collect();
        let vars: Vec<_> = params.iter().map(|(n, _)| crate::names::param_var(n)).collect();
        let take_arg = self.take_resume_arg();
        let prefix = TokenStream::new();
        let root = self.full_block_with(&self.body.root, prefix);
        let finish = self.finish(root);
        quote! {
            #state::Unresumed { #(#names: #vars),* } => {
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
        let g = guard();
        let p = private();
        let ret = syn::Ident::new("__ret", Span::mixed_site());
        let ty = self.return_annotation();
        quote! {
            let #ret #ty = #root;
            #g.exit = #p::Exit::Returned;
            return #p::complete(#ret);
        }
    }

    /// `: Y` when the signature names the yielded type in a way the body can repeat: `let __yielded: Y = value;`
    /// makes rustc report a mismatch at the user's value, with the signature's `Y` as the reason.
    fn yield_annotation(&self) -> TokenStream {
        let ty = match &self.shape.kind {
            Kind::Generator { item } => Some(item),
            Kind::Coroutine { yield_ty, .. } => yield_ty.as_ref(),
        };
        match ty {
            Some(ty) if is_nameable(ty) => quote!(: #ty),
            _ => TokenStream::new(),
        }
    }

    /// `: T` for the returned value, as [`Self::yield_annotation`] (a generator returns `()`).
    fn return_annotation(&self) -> TokenStream {
        match &self.shape.kind {
            Kind::Generator { .. } => quote!(: ()),
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
            return (Mode::InPlace, quote!(#pattern => ::core::unreachable!(),));
        }
        self.reset(Some(k), Mode::InPlace);
        let mut cont = self.cont_block(&self.body.root, k);
        if self.violation.get() {
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
                let used = self.used.borrow();
                let bind = |l: LocalId| {
                    let f = &self.field[l];
                    let ident = self.bound_name(l);
                    // Used, but maybe only after a `break` that leaves the loop this arm re-enters.
                    quote!(#[allow(unused_variables)] #f: #ident)
                };
                match self.layout.cluster_of[k] {
                    Some(c) => {
                        // The point's own locals are moved out of `at` (leaving `Moving`): the arm holds them
                        // as the by-value arms do, and writes `at` again where it suspends.
                        let at = at_var();
                        let own_k = self.layout.own(self.an, k);
                        let take_own = if own_k.is_empty() {
                            TokenStream::new()
                        } else {
                            let inner = cluster_enum(c);
                            let v = variant(k);
                            let fields = own_k.iter().map(|&l| {
                                let f = &self.field[l];
                                let var = Self::saved_var(l);
                                quote!(#f: #var)
                            });
                            quote! {
                                let #inner::#v { #(#fields),* } = ::core::mem::replace(#at, #inner::Moving) else {
                                    ::core::unreachable!()
                                };
                            }
                        };
                        let inner = cluster_enum(c);
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
                            self.an.stored[k].iter().copied().filter(|&l| used.contains(l)).map(bind).collect();
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
                let own_fields: Vec<_> = self.layout.own(self.an, k).into_iter().map(saved).collect();
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

    fn saved_var(l: LocalId) -> syn::Ident {
        format_ident!("__saved{}", l, span = Span::mixed_site())
    }

    /// By value: `let x = __savedN;` for the stored locals of `scope`, in declaration order. Locals in scope
    /// at the suspension point but not stored there (dead, and moved or without drop glue) are declared
    /// uninitialised when the continuation assigns them again.
    /// Call after emitting the scope's code, so that `referenced` is complete.
    fn restores(&self, scope: ScopeId) -> TokenStream {
        self.restores_before(scope, false)
    }

    /// [`Self::restores`]; `suspends_first`: the arm never reaches the end of the scope (nor leaves it by a
    /// jump), so a local of it held in place stays alive in the state.
    fn restores_before(&self, scope: ScopeId, suspends_first: bool) -> TokenStream {
        let Some(k) = self.arm else {
            return TokenStream::new();
        };
        let mut out = TokenStream::new();
        for &l in &self.body.yields[k].in_scope {
            let local = &self.body.locals[l];
            if local.scope != scope {
                continue;
            }
            if !self.an.stored[k].contains(&l) {
                if self.referenced.borrow().contains(l) {
                    if self.mode == Mode::InPlace && !local.no_drop_glue() && self.drops_with_the_state_after(k, l) {
                        // Declared again here, it would drop at its scope's end, before a local declared after
                        // it that stays in the state until the fn's end: the plain fn drops that one first.
                        self.violate();
                    }
                    let ident = &local.ident;
                    if self.an.flagged.contains(l) {
                        // Moved before this suspension point: its drop flag starts cleared.
                        out.extend(quote!(let mut #ident = ::core::option::Option::None;));
                    } else {
                        out.extend(quote!(let mut #ident;));
                    }
                    out.extend(self.type_tie(l));
                }
                continue;
            }
            if self.bound.contains(l) {
                // The scope of a local held in place ends inside this arm. Fine when nothing runs between that
                // end and the fn's end (the guard then drops it with the rest), when it has no drop glue, when
                // it has a drop flag (a scope guard then clears it at the scope's end), or when the arm
                // suspends before that end.
                let guard = self.scope_guards.borrow().iter().find(|(g, _)| *g == l).map(|(_, i)| i.clone());
                if let Some(guard) = guard {
                    let field = self.bound_name(l);
                    self.used.borrow_mut().insert(l);
                    out.extend(quote!(let mut #guard = ::stackless::__private::ScopeEnd::new(&mut *#field);));
                } else if !self.body.scopes[scope].ends_at_exit && !local.no_drop_glue() && !suspends_first {
                    self.violate();
                }
            } else {
                let ident = &local.ident;
                let var = Self::saved_var(l);
                let mutable = if local.mutable || self.an.flagged.contains(l) || self.an.field_moved.contains(l) {
                    quote!(mut)
                } else {
                    quote!()
                };
                // A re-declaration: the user's own declaration is checked for unused variables elsewhere.
                out.extend(quote!(#[allow(unused_variables)] let #mutable #ident = #var;));
            }
        }
        out
    }

    /// In place: a local stored at `k`, declared after `l`, is left in the state to drop at the fn's end (its
    /// scope ends there, see [`Self::restores`]).
    fn drops_with_the_state_after(&self, k: YieldId, l: LocalId) -> bool {
        let in_scope = &self.body.yields[k].in_scope;
        let after = in_scope.iter().skip_while(|&&m| m != l).skip(1);
        after.filter(|&&m| self.bound.contains(m)).any(|&m| {
            let local = &self.body.locals[m];
            self.body.scopes[local.scope].ends_at_exit && !local.no_drop_glue()
        })
    }

    // ----- continuation of the body after suspension point `k` -----

    fn cont_block(&self, block: &Block, k: YieldId) -> TokenStream {
        let Some(&i) = self.located[k].get(&block.scope) else {
            unreachable!("internal invariant: the continuation's block contains its suspension point")
        };
        self.enter_scope(block.scope);
        let tail = i + 1 == block.stmts.len() && matches!(block.stmts[i], Stmt::Expr(_, None));
        let saved = self.value_position.replace(self.value_position.get() && tail);
        let first = self.cont_stmt(&block.stmts[i], k);
        self.value_position.set(saved);
        let after = if self.cont_stmt_never_completes(&block.stmts[i], k) { &[][..] } else { &block.stmts[i + 1..] };
        let rest = self.full_stmts(after);
        let restores = self.restores_before(block.scope, suspends_before_scope_end(block, k, &self.located[k]));
        self.leave_scope(block.scope);
        quote!({ #restores #first #rest })
    }

    fn cont_stmt(&self, stmt: &Stmt, k: YieldId) -> TokenStream {
        match stmt {
            Stmt::Let(l) => {
                let init_node =
                    l.init.as_ref().expect("internal invariant: a `let` with a suspension has an initializer");
                let completes = !self.cont_node_never_completes(init_node, k);
                let init = self.typing(&l.binding, completes, || self.cont_node(init_node, k));
                if self.cont_node_never_completes(init_node, k) {
                    // As in the full emission: nothing is bound where the value never arrives.
                    return quote!(#init;);
                }
                self.let_stmt(l, init)
            }
            // `yield_!(..);` resumed: the resume argument is dropped there, which a generator's `()` needn't be.
            Stmt::Expr(Node::Yield(j), Some(_))
                if *j == k && (self.shape.is_generator() || self.body.yields[k].join) =>
            {
                TokenStream::new()
            }
            Stmt::Expr(node, semi) => {
                let e = self.cont_node(node, k);
                quote!(#e #semi)
            }
        }
    }

    fn let_stmt(&self, l: &crate::ir::Let, init: TokenStream) -> TokenStream {
        if l.init.as_ref().is_some_and(node_has_closure) {
            self.note_closure(JoinBefore::Let(l.ordinal), &l.binding.locals);
        }
        let attrs = &l.attrs;
        let pat = binding_pat(self.body, &self.an.field_moved, &l.binding);
        let diverge = l.diverge.as_ref().map(|d| {
            let d = self.leaf(d);
            quote!(else #d)
        });
        let witnesses = self.type_witnesses(&l.binding);
        let wraps = self.wraps(&l.binding);
        // `let ... else` can't take an initializer ending in `}` (a block the transform made): parenthesise it.
        let init = if diverge.is_some() { quote!((#init)) } else { init };
        quote!(#(#attrs)* let #pat = #init #diverge; #witnesses #wraps)
    }

    /// Ties the types of locals whose value arrives in several arms to their shared witnesses (declared at
    /// the top of the resume closure), so that rustc infers them from all the arms together, as from the plain
    /// fn's one body.
    fn type_witnesses(&self, binding: &Binding) -> TokenStream {
        let p = private();
        let mut out = TokenStream::new();
        for &l in &binding.locals {
            if self.an.typed_across_arms.contains(l) {
                self.witnesses_used.borrow_mut().insert(l);
                let ident = &self.body.locals[l].ident;
                let witness = type_witness(l);
                out.extend(quote!(#p::same_type(&#witness, &#ident);));
            }
        }
        out
    }

    fn cont_node(&self, node: &Node, k: YieldId) -> TokenStream {
        if matches!(node, Node::Loop { .. } | Node::While { .. } | Node::For { .. }) {
            let saved = self.value_position.replace(false);
            let tokens = self.cont_node_at(node, k);
            self.value_position.set(saved);
            return tokens;
        }
        self.cont_node_at(node, k)
    }

    fn cont_node_at(&self, node: &Node, k: YieldId) -> TokenStream {
        match node {
            // Spanned at the `yield_!(..)`'s parentheses so that a mismatch with the resume type points there
            // (and rustc's suggestions, such as `.to_string()`, apply after them).
            // A join point's arm continues within the step that reached it: the resume argument was already
            // taken there.
            Node::Yield(j) if *j == k && self.body.yields[k].join => quote!(()),
            Node::Yield(j) if *j == k => {
                syn::Ident::new("__arg", Span::mixed_site().located_at(self.body.yields[k].args_span))
                    .into_token_stream()
            }
            Node::Block { label, block, id } => {
                if let Some(id) = id {
                    self.broken.borrow_mut().remove(id);
                }
                let b = self.cont_block(block, k);
                if let Some(id) = id {
                    // Completes if its rest does, or through a `break 'label` emitted in that rest.
                    let completes = !self.cont_block_never_completes(block, k) || self.broken.borrow().contains(id);
                    self.loop_completes.borrow_mut().insert(*id, completes);
                }
                quote!(#label #b)
            }
            Node::If { then, els, cond_scope, .. } => {
                if block_contains(then, k) {
                    self.enter_scope(*cond_scope);
                    let b = self.cont_block(then, k);
                    let restores = self.restores(*cond_scope);
                    self.leave_scope(*cond_scope);
                    quote!({ #restores #b })
                } else {
                    self.cont_node(els.as_ref().expect("internal invariant: the suspension is in the `else` branch"), k)
                }
            }
            Node::Match { arms, .. } => {
                let arm = arms
                    .iter()
                    .find(|a| node_contains(&a.body, k))
                    .expect("internal invariant: the suspension is in an arm");
                self.enter_scope(arm.scope);
                let body = self.cont_node(&arm.body, k);
                let restores = self.restores(arm.scope);
                self.leave_scope(arm.scope);
                quote!({ #restores #body })
            }
            Node::Loop { id, label, body } => {
                let (b, c) = self.open_partial(*id);
                self.broken.borrow_mut().remove(id);
                self.continued.borrow_mut().remove(id);
                let partial = self.cont_block(body, k);
                self.partial.borrow_mut().remove(id);
                let ends = self.partial_ends(body, *id, k);
                if ends {
                    // The next iterations are unreachable from here (and would be type-checked for nothing).
                    let completes = self.broken.borrow().contains(id);
                    self.loop_completes.borrow_mut().insert(*id, completes);
                    return quote!(#b: { #c: #partial });
                }
                let full = self.fresh_iteration(&[body.scope], || self.full_block(body));
                // A `loop` completes only through a `break` emitted in its partial or next iterations; one that
                // always comes after a suspension point (`break yield_!(x)`) is not emitted in this arm.
                let completes = self.broken.borrow().contains(id);
                self.loop_completes.borrow_mut().insert(*id, completes);
                quote!(#b: { #c: #partial; #label loop #full })
            }
            Node::While { id, label, cond, cond_scope, body } => {
                let (b, c) = self.open_partial(*id);
                self.enter_scope(*cond_scope);
                self.broken.borrow_mut().remove(id);
                self.continued.borrow_mut().remove(id);
                let partial = self.cont_block(body, k);
                let restores = self.restores(*cond_scope);
                self.leave_scope(*cond_scope);
                self.partial.borrow_mut().remove(id);
                let ends = self.partial_ends(body, *id, k);
                let completes = !ends || self.broken.borrow().contains(id);
                self.loop_completes.borrow_mut().insert(*id, completes);
                if ends {
                    return quote!(#b: { #c: { #restores #partial } });
                }
                let full = self.fresh_iteration(&[*cond_scope], || self.while_loop(label.as_ref(), cond, body));
                quote!(#b: { #c: { #restores #partial } #full })
            }
            Node::For { id, label, it, it_scope, binding, pat_scope, body, .. } => {
                self.enter_scope(*it_scope);
                let (b, c) = self.open_partial(*id);
                self.enter_scope(*pat_scope);
                self.broken.borrow_mut().remove(id);
                self.continued.borrow_mut().remove(id);
                let partial = self.cont_block(body, k);
                let restores = self.restores(*pat_scope);
                self.leave_scope(*pat_scope);
                self.partial.borrow_mut().remove(id);
                let ends = self.partial_ends(body, *id, k);
                let completes = !ends || self.broken.borrow().contains(id);
                self.loop_completes.borrow_mut().insert(*id, completes);
                let full = if ends {
                    quote!()
                } else {
                    self.fresh_iteration(&[*pat_scope], || self.for_loop(label.as_ref(), *it, binding, body))
                };
                let it_restore = self.restores(*it_scope);
                self.leave_scope(*it_scope);
                if ends {
                    return quote!({ #it_restore #b: { #c: { #restores #partial } } });
                }
                quote!({ #it_restore #b: { #c: { #restores #partial } #full } })
            }
            Node::Assign { place, value } => {
                let v = self.assigning(place, || self.cont_node(value, k));
                self.assign(place, v)
            }
            Node::Leaf(_) | Node::Yield(_) => {
                unreachable!("internal invariant: the continuation's node contains its suspension point")
            }
        }
    }

    /// Emits a loop's next iterations: the locals its body declares are new instances there, so their uses
    /// don't refer to the instances in scope at the suspension point.
    fn fresh_iteration(&self, scopes: &[ScopeId], emit: impl FnOnce() -> TokenStream) -> TokenStream {
        let before = self.referenced.borrow().clone();
        let native_before = self.native_now.borrow().clone();
        for (l, local) in self.body.locals.iter().enumerate() {
            if scopes.iter().any(|s| self.scope_within(local.scope, *s)) {
                self.native_now.borrow_mut().insert(l);
            }
        }
        let tokens = emit();
        *self.native_now.borrow_mut() = native_before;
        let mut referenced = self.referenced.borrow_mut();
        for (l, local) in self.body.locals.iter().enumerate() {
            if referenced.contains(l)
                && !before.contains(l)
                && scopes.iter().any(|s| self.scope_within(local.scope, *s))
            {
                referenced.remove(l);
            }
        }
        tokens
    }

    fn scope_within(&self, mut scope: ScopeId, ancestor: ScopeId) -> bool {
        loop {
            if scope == ancestor {
                return true;
            }
            match self.body.scopes[scope].parent {
                Some(p) => scope = p,
                None => return false,
            }
        }
    }

    /// After emitting a loop's partial iteration: it never completes normally and no `continue` was emitted in
    /// it, so the loop's next iterations are unreachable in this arm (a `break` still leaves the loop).
    fn partial_ends(&self, body: &Block, id: LoopId, k: YieldId) -> bool {
        self.cont_block_never_completes(body, k) && !self.continued.borrow().contains(&id)
    }

    fn open_partial(&self, id: LoopId) -> (Lifetime, Lifetime) {
        let n = self.labels.get();
        self.labels.set(n + 1);
        let b = Lifetime::new(&format!("'__break{n}"), Span::mixed_site());
        let c = Lifetime::new(&format!("'__continue{n}"), Span::mixed_site());
        self.partial.borrow_mut().insert(id, (b.clone(), c.clone()));
        (b, c)
    }

    /// Resuming at `k` inside the statement, it never completes normally: it reaches another suspension point (or
    /// jumps away) first.
    fn cont_stmt_never_completes(&self, stmt: &Stmt, k: YieldId) -> bool {
        match stmt {
            Stmt::Let(l) => l.init.as_ref().is_some_and(|n| self.cont_node_never_completes(n, k)),
            Stmt::Expr(n, _) => self.cont_node_never_completes(n, k),
        }
    }

    fn cont_block_never_completes(&self, block: &Block, k: YieldId) -> bool {
        match block.stmts.iter().position(|s| stmt_contains(s, k)) {
            Some(i) => {
                self.cont_stmt_never_completes(&block.stmts[i], k)
                    || block.stmts[i + 1..].iter().any(stmt_always_suspends)
            }
            None => false,
        }
    }

    fn cont_node_never_completes(&self, node: &Node, k: YieldId) -> bool {
        match node {
            Node::Block { id: None, block, .. } => self.cont_block_never_completes(block, k),
            // Resumed inside, a labeled block also completes through a `break 'label`.
            Node::Block { id: Some(id), block, .. } => self.loop_completes.borrow().get(id).copied().map_or_else(
                || self.cont_block_never_completes(block, k) && !block.stmts.iter().any(|s| stmt_may_break(s, *id)),
                |completes| !completes,
            ),
            Node::Assign { value, .. } => self.cont_node_never_completes(value, k),
            Node::If { then, els, .. } => {
                if block_contains(then, k) {
                    self.cont_block_never_completes(then, k)
                } else {
                    els.as_ref().is_some_and(|e| self.cont_node_never_completes(e, k))
                }
            }
            Node::Match { arms, .. } => arms
                .iter()
                .find(|a| node_contains(&a.body, k))
                .is_some_and(|a| self.cont_node_never_completes(&a.body, k)),
            // What emitting the loop's continuation found (`Self::loop_completes`), else: resumed inside, a loop can
            // only leave through a `break`.
            Node::Loop { id, body, .. } => self
                .loop_completes
                .borrow()
                .get(id)
                .copied()
                .map_or_else(|| !body.stmts.iter().any(|s| stmt_may_break(s, *id)), |completes| !completes),
            Node::While { id, .. } | Node::For { id, .. } => {
                self.loop_completes.borrow().get(id).copied().is_some_and(|completes| !completes)
            }
            _ => false,
        }
    }

    // ----- full emission: a construct run from its start -----

    fn full_block(&self, block: &Block) -> TokenStream {
        self.full_block_with(block, TokenStream::new())
    }

    fn full_block_with(&self, block: &Block, prefix: TokenStream) -> TokenStream {
        let stmts = self.full_stmts(&block.stmts);
        quote!({ #prefix #stmts })
    }

    /// Statements run from their start, up to the first that never completes in this arm: the rest is only
    /// reached by resuming, in another arm, and emitting it here would still type-check it with the
    /// suspension's `!` in place of the resume value.
    fn full_stmts(&self, stmts: &[Stmt]) -> TokenStream {
        let mut out = TokenStream::new();
        let block_value = self.value_position.get();
        for (i, stmt) in stmts.iter().enumerate() {
            let tail = i + 1 == stmts.len() && matches!(stmt, Stmt::Expr(_, None));
            let saved = self.value_position.replace(block_value && tail);
            let stop = self.full_stmt_in_block(stmt, &stmts[i + 1..], block_value, &mut out);
            self.value_position.set(saved);
            if stop {
                break;
            }
        }
        out
    }

    /// One statement of [`Self::full_stmts`]; returns whether the block's emission stops after it.
    fn full_stmt_in_block(&self, stmt: &Stmt, rest: &[Stmt], block_value: bool, out: &mut TokenStream) -> bool {
        {
            if let Stmt::Let(l) = stmt
                && let Some(init) = &l.init
                && !node_always_suspends(init)
                && node_has_loop(init)
            {
                // An initializer whose every path suspends here (a loop whose every `break` comes after a
                // suspension point, in every branch) never completes: bind nothing, and nothing after it runs.
                // (Bound, its value would be typed from nothing in this arm.)
                self.forget_breaks(init);
                let tokens = self.typing(&l.binding, true, || self.full_node(init));
                if !self.full_node_completes(init) {
                    out.extend(quote!(#tokens;));
                    return true;
                }
                out.extend(self.let_stmt(l, tokens));
                return false;
            }
            out.extend(self.full_stmt(stmt));
            if stmt_always_suspends(stmt) {
                if block_value {
                    // The rest's value is the block's, which is the initializer's.
                    self.value_position.set(true);
                    out.extend(self.dead_continuation(stmt, rest));
                }
                return true;
            }
            false
        }
    }

    /// Clears what the arm noted about `break`s of the loops in `node`, before emitting it again.
    fn forget_breaks(&self, node: &Node) {
        for_each_node(node, &mut |n| {
            if let Node::Loop { id, .. } | Node::Block { id: Some(id), .. } = n {
                self.broken.borrow_mut().remove(id);
            }
        });
    }

    /// After emitting `node` in full in this arm: whether the emitted code may complete (reach what follows).
    /// Only `false` when no path can: every path suspends, diverges, or stays in a loop no `break` leaves.
    fn full_node_completes(&self, node: &Node) -> bool {
        let block = |b: &Block| {
            b.stmts.iter().all(|stmt| match stmt {
                Stmt::Let(l) => l.init.as_ref().is_none_or(|init| self.full_node_completes(init)),
                Stmt::Expr(n, _) => self.full_node_completes(n),
            })
        };
        match node {
            Node::Leaf(leaf) => !leaf.diverges,
            Node::Yield(_) => false,
            Node::Block { block: b, id, .. } => block(b) || id.is_some_and(|id| self.broken.borrow().contains(&id)),
            Node::If { then, els, .. } => block(then) || els.as_ref().is_none_or(|e| self.full_node_completes(e)),
            Node::Match { arms, .. } => arms.iter().any(|a| self.full_node_completes(&a.body)),
            Node::Loop { id, .. } => self.broken.borrow().contains(id),
            Node::While { .. } | Node::For { .. } => true,
            Node::Assign { value, .. } => self.full_node_completes(value),
        }
    }

    /// Inside the initializer of a local typed across arms, after `let x = yield_!(..);` has suspended: the
    /// rest of the block as dead code, with `x` an unreachable value of the resume type, so that rustc types the
    /// initializer's value from this path too (`if c { Some(f(yield_!(x))) } else { None }`), as in the plain fn.
    /// rustc type-checks unreachable code but doesn't borrow-check it. Only a rest without control flow or jumps
    /// (suspension points at statement level are continued past in turn), so that nothing else in the arm
    /// changes.
    fn dead_continuation(&self, stmt: &Stmt, rest: &[Stmt]) -> TokenStream {
        let Stmt::Let(l) = stmt else { return TokenStream::new() };
        if self.typing_initializer.get() == 0
            || !matches!(l.init, Some(Node::Yield(_)))
            || l.diverge.is_some()
            || !rest.iter().all(stmt_is_plain)
        {
            return TokenStream::new();
        }
        let p = private();
        let resume = resume_type_witness();
        let binding = self.let_stmt(l, quote!(#p::unreachable_value(&#resume)));
        let rest = self.full_stmts(rest);
        quote!(#binding #rest)
    }

    /// Emits a `let`'s initializer; `binds`: the `let` binds its value in this arm (the initializer doesn't
    /// always suspend), so typing it here matters.
    fn typing<R>(&self, binding: &Binding, binds: bool, emit: impl FnOnce() -> R) -> R {
        self.initializing.borrow_mut().push(binding.locals.clone());
        let r = self.typing_inner(binding, binds, emit);
        self.initializing.borrow_mut().pop();
        r
    }

    /// Emits the value assigned to `place`: a closure in a block's tail there is assigned to its locals.
    fn assigning<R>(&self, place: &Leaf, emit: impl FnOnce() -> R) -> R {
        let written = place.uses.iter().filter(|u| u.kind == UseKind::Write).map(|u| u.local).collect();
        self.initializing.borrow_mut().push(written);
        let r = emit();
        self.initializing.borrow_mut().pop();
        r
    }

    fn typing_inner<R>(&self, binding: &Binding, binds: bool, emit: impl FnOnce() -> R) -> R {
        let typed = binds && binding.locals.iter().any(|&l| self.an.typed_across_arms.contains(l));
        self.typing_initializer.set(self.typing_initializer.get() + usize::from(typed));
        let saved = self.value_position.replace(typed);
        let r = emit();
        self.value_position.set(saved);
        self.typing_initializer.set(self.typing_initializer.get() - usize::from(typed));
        r
    }

    fn full_stmt(&self, stmt: &Stmt) -> TokenStream {
        match stmt {
            Stmt::Let(l) => match &l.init {
                // Nothing is bound here: the binding happens in the arm that resumes (and a pattern over the
                // suspension's `!` could not be typed).
                Some(init) if node_always_suspends(init) => {
                    let init = self.full_node(init);
                    quote!(#init;)
                }
                Some(init) => {
                    let init = self.typing(&l.binding, true, || self.full_node(init));
                    self.let_stmt(l, init)
                }
                None => self.uninit_let(l),
            },
            Stmt::Expr(node, semi) => {
                if let Node::Leaf(leaf) = node {
                    match (&leaf.expr, semi) {
                        (Expr::Assign(assign), _) if expr_has_closure(&assign.right) => {
                            let assigned: Vec<LocalId> =
                                leaf.uses.iter().filter(|u| u.kind == UseKind::Write).map(|u| u.local).collect();
                            self.note_closure(JoinBefore::Leaf(leaf.id), &assigned);
                        }
                        // A block's tail: its value is the initializer's of the `let` being emitted, if any.
                        (tail, None) if expr_has_closure(tail) => {
                            let bound = self.initializing.borrow().last().cloned();
                            if let Some(bound) = bound {
                                self.note_closure(JoinBefore::Leaf(leaf.id), &bound);
                            }
                        }
                        _ => {}
                    }
                }
                let e = self.full_node(node);
                quote!(#e #semi)
            }
        }
    }

    /// `let x;` — a flagged local starts as `None`.
    /// An arm that declares it may not be the one that assigns it: each ties its type to a witness shared by
    /// the arms (see [`Self::type_tie`]).
    fn uninit_let(&self, l: &crate::ir::Let) -> TokenStream {
        let attrs = &l.attrs;
        let flagged = l.binding.locals.iter().any(|x| self.an.flagged.contains(*x));
        let pat = binding_pat(self.body, &self.an.field_moved, &l.binding);
        let ty = match &l.binding.pat {
            syn::Pat::Type(t) => Some(&t.ty),
            _ => None,
        };
        let ties: TokenStream = l.binding.locals.iter().map(|&x| self.type_tie(x)).collect();
        if !flagged {
            return quote!(#(#attrs)* let #pat; #ties);
        }
        if let ([single], Some(ty)) = (&l.binding.locals[..], ty) {
            let ident = &self.body.locals[*single].ident;
            return quote!(#(#attrs)* let mut #ident: ::core::option::Option<#ty> = ::core::option::Option::None; #ties);
        }
        // One declaration per local: those with a drop flag start as `None`.
        let mut out = TokenStream::new();
        for &x in &l.binding.locals {
            let local = &self.body.locals[x];
            let ident = &local.ident;
            let tie = self.type_tie(x);
            if self.an.flagged.contains(x) {
                out.extend(quote!(#(#attrs)* let mut #ident = ::core::option::Option::None; #tie));
            } else {
                let mutable = if local.mutable { quote!(mut) } else { quote!() };
                out.extend(quote!(#(#attrs)* let #mutable #ident; #tie));
            }
        }
        out
    }

    /// For a local declared without a value (`let x;`), or re-declared so by an arm: an assignment that never
    /// runs ties its type to the local's witness, declared once for all the arms, so that an arm where nothing
    /// assigns it has its type from the arm that does, as the plain fn's one body would.
    fn type_tie(&self, l: LocalId) -> TokenStream {
        self.witnesses_used.borrow_mut().insert(l);
        let p = private();
        let ident = &self.body.locals[l].ident;
        let witness = type_witness(l);
        let value = quote!(#p::unreachable_value(&#witness));
        let value = if self.an.flagged.contains(l) { quote!(::core::option::Option::Some(#value)) } else { value };
        // The read keeps an arm where the local is otherwise unused from warning that it is only assigned.
        quote!(if #p::never() { #ident = #value; let _ = &#ident; ::core::unreachable!() })
    }

    fn full_node(&self, node: &Node) -> TokenStream {
        if matches!(node, Node::Loop { .. } | Node::While { .. } | Node::For { .. }) {
            // A loop's value comes from its `break`s, not from its body's tail.
            let saved = self.value_position.replace(false);
            let tokens = self.full_node_at(node);
            self.value_position.set(saved);
            return tokens;
        }
        self.full_node_at(node)
    }

    fn full_node_at(&self, node: &Node) -> TokenStream {
        match node {
            Node::Leaf(leaf) => self.leaf(leaf),
            Node::Yield(j) => self.suspend(*j),
            Node::Block { label, block, .. } => {
                let b = self.full_block(block);
                quote!(#label #b)
            }
            Node::If { cond, then, els, .. } => {
                let cond = self.cond(cond);
                let wraps = self.cond_wraps(cond.1);
                let then = self.full_block(then);
                let c = cond.0;
                let els = els.as_ref().map(|e| {
                    let e = self.full_node(e);
                    quote!(else #e)
                });
                quote!(if #c { #wraps #then } #els)
            }
            Node::Match { scrut, arms } => {
                let s = self.leaf(scrut);
                let arms = arms.iter().map(|arm| {
                    let attrs = &arm.attrs;
                    let pat = binding_pat(self.body, &self.an.field_moved, &arm.binding);
                    let guard = arm.guard.as_ref().map(|g| {
                        let g = self.raw(&arm.binding.locals, || self.leaf(g));
                        quote!(if #g)
                    });
                    let wraps = self.wraps(&arm.binding);
                    let body = self.full_node(&arm.body);
                    quote!(#(#attrs)* #pat #guard => { #wraps #body })
                });
                quote!(match #s { #(#arms)* })
            }
            Node::Loop { label, body, .. } => {
                let b = self.full_block(body);
                quote!(#label loop #b)
            }
            Node::While { label, cond, body, .. } => self.while_loop(label.as_ref(), cond, body),
            Node::For { label, iter, it, binding, body, .. } => {
                // Spanned at the user's iterator: an error of `into_iter` (a move out of a reference) lands there.
                let span = iter.expr.span();
                let iter = self.leaf(iter);
                let it_ident = &self.body.locals[*it].ident;
                let l = self.for_loop(label.as_ref(), *it, binding, body);
                let value = quote_spanned!(span=> ::core::iter::IntoIterator::into_iter(#iter));
                let value =
                    if self.an.flagged.contains(*it) { quote!(::core::option::Option::Some(#value)) } else { value };
                quote!({
                    let mut #it_ident = #value;
                    #l
                })
            }
            Node::Assign { value, .. } if node_always_suspends(value) => self.full_node(value),
            Node::Assign { place, value } => {
                let v = self.assigning(place, || self.full_node(value));
                self.assign(place, v)
            }
        }
    }

    fn while_loop(&self, label: Option<&syn::Label>, cond: &[Cond], body: &Block) -> TokenStream {
        let (c, binds) = self.cond(cond);
        let wraps = self.cond_wraps(binds);
        let b = self.full_block(body);
        quote!(#label while #c { #wraps #b })
    }

    fn for_loop(&self, label: Option<&syn::Label>, it: LocalId, binding: &Binding, body: &Block) -> TokenStream {
        let it_access = self.access(it, UseKind::Place, false, &self.body.locals[it].ident);
        let pat = binding_pat(self.body, &self.an.field_moved, binding);
        // A `for` pattern may be an or-pattern, which a `let` only takes in parentheses.
        let pat = if matches!(pat, syn::Pat::Or(_)) { quote!((#pat)) } else { pat.into_token_stream() };
        let wraps = self.wraps(binding);
        let b = self.full_block(body);
        let next = syn::Ident::new("__next", Span::mixed_site());
        quote! {
            #label loop {
                let #pat = match ::core::iter::Iterator::next(&mut #it_access) {
                    ::core::option::Option::Some(#next) => #next,
                    ::core::option::Option::None => break,
                };
                #wraps
                #b
            }
        }
    }

    /// The condition's tokens and the bindings it declares.
    fn cond<'c>(&self, cond: &'c [Cond]) -> (TokenStream, Vec<&'c Binding>) {
        let mut parts = Vec::new();
        let mut binds: Vec<&Binding> = Vec::new();
        for c in cond {
            // Later parts see the earlier parts' bindings as matched, before any drop-flag wrapping.
            let raw: Vec<LocalId> = binds.iter().flat_map(|b| b.locals.iter().copied()).collect();
            match c {
                Cond::Expr(leaf) => parts.push(self.raw(&raw, || self.leaf(leaf))),
                Cond::Let { binding, scrut } => {
                    let pat = binding_pat(self.body, &self.an.field_moved, binding);
                    let s = self.raw(&raw, || self.leaf(scrut));
                    parts.push(quote!(let #pat = #s));
                    binds.push(binding);
                }
            }
        }
        (quote!(#(#parts)&&*), binds)
    }

    fn cond_wraps(&self, binds: Vec<&Binding>) -> TokenStream {
        binds.into_iter().map(|b| self.wraps(b)).collect()
    }

    fn assign(&self, place: &Leaf, value: TokenStream) -> TokenStream {
        if let Expr::Path(p) = &place.expr
            && let Some(ident) = p.path.get_ident()
            && let Some((_, local)) = place.env.iter().rev().find(|(n, _)| ident == n)
        {
            let value: Expr = syn::parse2(quote!((#value))).unwrap_or_else(|_| Expr::Verbatim(value.clone()));
            if let Some(e) = Rewrite::assign(self, *local, value.clone(), ident) {
                return e.into_token_stream();
            }
            let access = self.access(*local, UseKind::Write, false, ident);
            return quote!(#access = #value);
        }
        let p = self.leaf(place);
        quote!(#p = #value)
    }

    /// `yield_!(value)` run from its start: evaluate the value, store what the point needs, return.
    fn suspend(&self, j: YieldId) -> TokenStream {
        let point = &self.body.yields[j];
        let g = guard();
        let p = private();
        let value_span = point.value.as_ref().map_or(point.span, |v| v.expr.span());
        let y = syn::Ident::new("__yielded", Span::mixed_site().located_at(value_span));
        let y_ty = self.yield_annotation();
        let value = match &point.value {
            Some(v) => self.leaf(v),
            None => quote_spanned!(point.span=> ()),
        };
        let store = match (self.mode, self.arm) {
            (Mode::InPlace, Some(k)) => {
                let cross = j != k;
                if cross && !self.layout.same_cluster(j, k) {
                    self.violate();
                }
                // Locals a loop declared again since the arm started go into their fields; scope guards of
                // the locals still in scope are disarmed, since those stay in the state.
                let mut out = TokenStream::new();
                let native_now = self.native_now.borrow();
                for l in self.store_order(j) {
                    if native_now.contains(l) && self.bound.contains(l) {
                        self.used.borrow_mut().insert(l);
                        let field = self.bound_name(l);
                        let ident = located(&self.body.locals[l].ident, point.span);
                        let value = self.held(j, l, &ident);
                        out.extend(quote!(*#field = #value;));
                    }
                }
                for (_, guard) in self.scope_guards.borrow().iter() {
                    out.extend(quote!(#guard.armed = false;));
                }
                if self.layout.same_cluster(j, k) {
                    out.extend(self.write_at(j));
                }
                out
            }
            _ => {
                let state = state_ty();
                let v = variant(j);
                let shared = self.layout.shared(j);
                let mut own_fields = Vec::new();
                let mut shared_fields = Vec::new();
                for l in self.store_order(j) {
                    self.referenced.borrow_mut().insert(l);
                    let f = &self.field[l];
                    // At the `yield_!`: a local still borrowed there is reported as moved by it.
                    let ident = located(&self.body.locals[l].ident, point.span);
                    let value = self.held(j, l, &ident);
                    let fields = if shared.contains(&l) { &mut shared_fields } else { &mut own_fields };
                    fields.push(quote!(#f: #value));
                }
                match self.layout.cluster_of[j] {
                    None => quote!(*#g.state = #state::#v { #(#own_fields),* };),
                    Some(c) => {
                        // The point's own locals first, in their store order (a dead one may borrow a shared
                        // one).
                        let inner = cluster_enum(c);
                        let cv = cluster_variant(c);
                        let at = at_field();
                        let own = syn::Ident::new("__own", Span::mixed_site());
                        quote! {
                            let #own = #inner::#v { #(#own_fields),* };
                            *#g.state = #state::#cv { #at: #own, #(#shared_fields),* };
                        }
                    }
                }
            }
        };
        if point.join {
            // Not a suspension: on to the join point's arm.
            let step = step_label();
            return quote_spanned! {point.span=>
                {
                    #store
                    continue #step;
                }
            };
        }
        quote_spanned! {point.span=>
            {
                let #y #y_ty = #value;
                #store
                #g.exit = #p::Exit::Suspended;
                return #p::suspend(#y);
            }
        }
    }

    /// In place, at point `j` of the arm's cluster: `at` becomes `j`'s variant, with `j`'s own locals (the arm
    /// holds them itself, see [`Self::resume_arm`]).
    fn write_at(&self, j: YieldId) -> TokenStream {
        let point = &self.body.yields[j];
        let Some(c) = self.layout.cluster_of[j] else { unreachable!("`at` written outside a cluster") };
        let inner = cluster_enum(c);
        let at = at_var();
        let own_j = self.layout.own(self.an, j);
        let fields = self.store_order(j).into_iter().filter(|l| own_j.contains(l)).map(|l| {
            self.referenced.borrow_mut().insert(l);
            let f = &self.field[l];
            let ident = located(&self.body.locals[l].ident, point.span);
            let value = self.held(j, l, &ident);
            quote!(#f: #value)
        });
        let v = variant(j);
        quote!(*#at = #inner::#v { #(#fields),* };)
    }

    /// The order in which suspension point `j` moves its locals into the state: the dead ones that go through
    /// `Hold` first, newest first, so that one that borrows another (`cmd` of `line`) is dropped before what it
    /// borrows moves; then the others, in declaration order.
    fn store_order(&self, j: YieldId) -> Vec<LocalId> {
        let held = |l: &LocalId| self.an.dead[j].contains(*l) && !self.never_held.contains(*l);
        let mut order: Vec<LocalId> = self.an.stored[j].iter().rev().copied().filter(held).collect();
        order.extend(self.an.stored[j].iter().copied().filter(|l| !held(l)));
        order
    }

    /// What suspension point `j` stores of local `l`: the local, or, when it is dead there, what
    /// `__private::Hold` makes of it (`Dead` when its type is `Copy`, the value otherwise). The method call
    /// decides from the type rustc knows at that point, which must be the local's final type: see
    /// [`never_held`] for the locals that are stored as they are.
    fn held(&self, j: YieldId, l: LocalId, ident: &syn::Ident) -> TokenStream {
        if !self.an.dead[j].contains(l) || self.never_held.contains(l) {
            return quote!(#ident);
        }
        let p = private();
        quote! {
            {
                use #p::{HoldCopy as _, HoldValue as _};
                (&&#p::Hold(&#ident)).hold_kind().hold(#ident)
            }
        }
    }

    /// A leaf with its uses rewritten.
    fn leaf(&self, leaf: &Leaf) -> TokenStream {
        let mut expr = leaf.expr.clone();
        let labels: Vec<(Option<String>, bool)> =
            self.body.loops.iter().map(|l| (l.label.as_ref().map(|l| l.ident.to_string()), l.is_block)).collect();
        let label_of = move |id: LoopId| labels.get(id).cloned().unwrap_or((None, false));
        let live = &self.an.live_after_leaf[leaf.id];
        let live_after = |l: LocalId| live.contains(l);
        let live_after_loop = |target: LoopId, l: LocalId| self.an.live_after_loop[target].contains(l);
        let held = &self.an.held_after_leaf[leaf.id];
        let held_after = |l: LocalId| held.contains(l);
        let mut walker = Walker::new(&leaf.env, &leaf.loops, &label_of).rewriting(
            self,
            &leaf.uses,
            &live_after,
            &live_after_loop,
            &held_after,
        );
        walker.walk(&mut expr, UseKind::Move);
        expr.into_token_stream()
    }
}

impl Rewrite for Emitter<'_> {
    fn access(&self, local: LocalId, kind: UseKind, last: bool, token: &syn::Ident) -> Expr {
        let info = &self.body.locals[local];
        let in_place = self.in_place(local);
        // The local's own place (`self` is bound as `__self`, shadowed names are renamed), spanned at the use.
        let base = self.access_base(local, token);
        let p = private();
        if self.an.flagged.contains(local) && !self.raw_now.borrow().contains(local) {
            return match kind {
                UseKind::Move if last => syn::parse_quote!(#p::take(&mut #base)),
                _ => syn::parse_quote!((*#p::slot(&mut #base))),
            };
        }
        if in_place && matches!(kind, UseKind::Move | UseKind::Receiver) && last && !info.no_drop() {
            // Moving out of the state would leave a hole (and a method the macro doesn't know may take `self`):
            // this arm runs by value instead.
            self.violate();
        }
        base
    }

    fn access_shared(&self, local: LocalId, token: &syn::Ident) -> Expr {
        if !self.an.flagged.contains(local) || self.raw_now.borrow().contains(local) {
            return self.access(local, UseKind::Place, false, token);
        }
        let base = self.access_base(local, token);
        let p = private();
        syn::parse_quote!((*#p::slot_ref(&#base)))
    }

    fn vacates_field(&self, local: LocalId, held_after: bool) -> bool {
        if held_after {
            return true;
        }
        if self.in_place(local) {
            // Not held after this: the arm runs by value, where Rust's own partial move works.
            self.violate();
            return false;
        }
        self.an.flagged.contains(local) && !self.raw_now.borrow().contains(local)
    }

    fn captured_by_value(&self, local: LocalId) -> bool {
        self.in_place(local) || (self.an.flagged.contains(local) && !self.raw_now.borrow().contains(local))
    }

    fn plain_ident(&self, local: LocalId, token: &syn::Ident) -> syn::Ident {
        use_ident(&self.body.locals[local], token)
    }

    fn assign(&self, local: LocalId, value: Expr, token: &syn::Ident) -> Option<Expr> {
        if !self.an.flagged.contains(local) {
            return None;
        }
        let base = self.access_base(local, token);
        Some(syn::parse_quote!(#base = ::core::option::Option::Some(#value)))
    }

    fn return_(&self, value: Option<Expr>) -> Expr {
        let g = guard();
        let p = private();
        let value = value.map_or_else(|| quote!(()), ToTokens::into_token_stream);
        let ret = syn::Ident::new("__ret", Span::mixed_site());
        let ty = self.return_annotation();
        syn::parse_quote!(return { let #ret #ty = #value; #g.exit = #p::Exit::Returned; #p::complete(#ret) })
    }

    fn try_(&self, expr: Expr, question: &syn::Token![?]) -> Expr {
        let g = guard();
        // Spanned at the `?`: a residual the return type can't take is reported there, not at the attribute.
        let p = quote::quote_spanned!(question.span=> ::stackless::__private);
        let v = syn::Ident::new("__value", Span::mixed_site());
        // The residual and the converted value are spanned at the `?` itself (a mixed-site span would be shown
        // at the attribute): they are bound and used inside the arm only, where no user code is.
        let r = syn::Ident::new("__residual", question.span);
        let ret = syn::Ident::new("__ret", question.span);
        // Typed by the return annotation (when the return type is nameable), so that the conversion is checked
        // where it is written.
        let ty = self.return_annotation();
        // Parenthesized: in statement position a `match` would end the expression (`x? + 1` must stay a sum).
        syn::parse_quote_spanned! {question.span=>
            (match #p::Try::branch(#expr) {
                ::core::ops::ControlFlow::Continue(#v) => #v,
                ::core::ops::ControlFlow::Break(#r) => {
                    let #ret #ty = #p::FromResidual::from_residual(#p::Residual::convert(#r, ::core::convert::From::from));
                    #g.exit = #p::Exit::Returned;
                    return #p::complete(#ret)
                }
            })
        }
    }

    fn jump(&self, jump: Jump, value: Option<Expr>, original: &Expr) -> Expr {
        match jump {
            Jump::Break(l) => self.broken.borrow_mut().insert(l),
            Jump::Continue(l) => self.continued.borrow_mut().insert(l),
            Jump::Return => false,
        };
        let partial = self.partial.borrow();
        match jump {
            Jump::Break(l) => match partial.get(&l) {
                Some((b, _)) => syn::parse_quote!(break #b #value),
                None => original.clone(),
            },
            Jump::Continue(l) => match partial.get(&l) {
                Some((_, c)) => syn::parse_quote!(break #c),
                None => original.clone(),
            },
            Jump::Return => original.clone(),
        }
    }
}

impl Emitter<'_> {
    /// The place of a local: itself, its field in the state (`(*x)`), or its field through the scope guard
    /// that clears it at the end of its scope.
    fn access_base(&self, local: LocalId, token: &syn::Ident) -> Expr {
        let info = &self.body.locals[local];
        let ident = use_ident(info, token);
        self.referenced.borrow_mut().insert(local);
        if !self.in_place(local) {
            return syn::parse_quote!(#ident);
        }
        self.used.borrow_mut().insert(local);
        if let Some((_, guard)) = self.scope_guards.borrow().iter().rev().find(|(l, _)| *l == local) {
            return syn::parse_quote!((*#guard.slot));
        }
        if self.redeclared_in_loop(local) {
            let field = self.bound_name(local);
            return syn::parse_quote!((*#field));
        }
        syn::parse_quote!((*#ident))
    }

    /// Emits with `locals` as their pattern bound them: in a guard or a later part of a let chain, before the
    /// drop-flag wrapping at the start of the body.
    fn raw(&self, locals: &[LocalId], emit: impl FnOnce() -> TokenStream) -> TokenStream {
        let before = self.raw_now.borrow().clone();
        for &l in locals {
            self.raw_now.borrow_mut().insert(l);
        }
        let tokens = emit();
        *self.raw_now.borrow_mut() = before;
        tokens
    }

    /// The local is held in place here (bound from the state, not a new instance).
    fn in_place(&self, local: LocalId) -> bool {
        self.bound.contains(local) && !self.native_now.borrow().contains(local)
    }

    /// A loop body declares the local: a later iteration in the same arm has a new instance of it.
    fn redeclared_in_loop(&self, local: LocalId) -> bool {
        self.body.scopes[self.body.locals[local].scope].in_loop
    }

    /// The name the in-place arm binds a stored local's field to: the user's own name, unless a loop declares
    /// the local again (that instance takes the name).
    fn bound_name(&self, local: LocalId) -> syn::Ident {
        if self.redeclared_in_loop(local) {
            format_ident!("__field{}", local, span = Span::mixed_site())
        } else {
            self.body.locals[local].ident.clone()
        }
    }

    /// Before emitting the code of `scope` in an in-place arm: flagged locals of the scope get a guard that
    /// clears their field when the scope ends (on every way out of it, after the scope's own later locals).
    fn enter_scope(&self, scope: ScopeId) {
        let (Some(k), Mode::InPlace) = (self.arm, self.mode) else { return };
        for &l in &self.an.stored[k] {
            if self.bound.contains(l)
                && self.body.locals[l].scope == scope
                && self.an.flagged.contains(l)
                && !self.body.scopes[scope].ends_at_exit
            {
                let guard = format_ident!("__scope{}", l, span = Span::mixed_site());
                self.scope_guards.borrow_mut().push((l, guard));
            }
        }
    }

    fn leave_scope(&self, scope: ScopeId) {
        self.scope_guards.borrow_mut().retain(|(l, _)| self.body.locals[*l].scope != scope);
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
fn whole_ident(pat: &syn::Pat) -> Option<&syn::PatIdent> {
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

/// Running the statement from its start never completes normally: it always reaches a suspension point (or
/// jumps away) first, so the statements after it in its block are only reached by resuming, in another arm.
fn stmt_always_suspends(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Expr(Node::Leaf(leaf), _) if leaf.diverges => true,
        Stmt::Let(l) => l.init.as_ref().is_some_and(node_always_suspends),
        Stmt::Expr(n, _) => node_always_suspends(n),
    }
}

fn node_always_suspends(node: &Node) -> bool {
    match node {
        Node::Yield(_) => true,
        // A branch without a suspension point that jumps away (`else { continue }`, `_ => return None`).
        Node::Leaf(leaf) => leaf.diverges,
        Node::Block { id: None, block, .. } => block.stmts.iter().any(stmt_always_suspends),
        // Like a loop: it suspends for sure when it does before anything can `break 'label` out of it.
        Node::Block { id: Some(id), block, .. } => match block.stmts.iter().position(stmt_always_suspends) {
            Some(i) => !block.stmts[..=i].iter().any(|s| stmt_may_break(s, *id)),
            None => false,
        },
        Node::Assign { value, .. } => node_always_suspends(value),
        Node::If { then, els: Some(els), .. } => {
            then.stmts.iter().any(stmt_always_suspends) && node_always_suspends(els)
        }
        Node::Match { arms, .. } => {
            !arms.is_empty() && arms.iter().all(|a| a.guard.is_none() && node_always_suspends(&a.body))
        }
        // A loop suspends for sure when its body does before anything in it can break out.
        Node::Loop { id, body, .. } => match body.stmts.iter().position(stmt_always_suspends) {
            Some(i) => !body.stmts[..=i].iter().any(|s| stmt_may_break(s, *id)),
            None => false,
        },
        _ => false,
    }
}

/// In the arm of point `k`, inside `block`: the code from `k` on, up to the end of the block, is plain (no jump,
/// no loop) and suspends at a `yield_!` of its own statement before that end. `located`: the point's blocks.
fn suspends_before_scope_end(block: &Block, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
    let Some(&i) = located.get(&block.scope) else { return false };
    if !stmt_resumes_plainly(&block.stmts[i], k, located) {
        return false;
    }
    for stmt in &block.stmts[i + 1..] {
        let yield_stmt = match stmt {
            Stmt::Expr(Node::Yield(_), _) => true,
            Stmt::Let(l) => matches!(l.init, Some(Node::Yield(_))) && l.diverge.is_none(),
            Stmt::Expr(..) => false,
        };
        if yield_stmt {
            return true;
        }
        if !stmt_is_plain(stmt) {
            return false;
        }
    }
    false
}

/// The rest of `stmt` after point `k` (which it contains) is plain code that completes.
fn stmt_resumes_plainly(stmt: &Stmt, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
    match stmt {
        Stmt::Let(l) => l.diverge.is_none() && l.init.as_ref().is_some_and(|n| node_resumes_plainly(n, k, located)),
        Stmt::Expr(n, _) => node_resumes_plainly(n, k, located),
    }
}

fn node_resumes_plainly(node: &Node, k: YieldId, located: &HashMap<ScopeId, usize>) -> bool {
    let block_resumes = |b: &Block| {
        located.get(&b.scope).is_some_and(|&i| {
            stmt_resumes_plainly(&b.stmts[i], k, located) && b.stmts[i + 1..].iter().all(stmt_is_plain)
        })
    };
    match node {
        Node::Yield(j) => *j == k,
        Node::Block { id: None, block, .. } => block_resumes(block),
        Node::If { then, els, .. } => {
            if block_contains(then, k) {
                block_resumes(then)
            } else {
                els.as_ref().is_some_and(|e| node_resumes_plainly(e, k, located))
            }
        }
        Node::Assign { place, value } => place.jumps.is_empty() && node_resumes_plainly(value, k, located),
        _ => false,
    }
}

/// A statement without control flow: plain code or a suspension point at statement level (`let x = yield_!(..);`,
/// which [`Emitter::dead_continuation`] continues past in turn).
fn stmt_is_plain(stmt: &Stmt) -> bool {
    fn node_plain(n: &Node) -> bool {
        match n {
            Node::Leaf(l) => l.jumps.is_empty() && !l.diverges,
            Node::Yield(_) => true,
            _ => false,
        }
    }
    match stmt {
        Stmt::Let(l) => l.init.as_ref().is_none_or(node_plain) && l.diverge.is_none(),
        Stmt::Expr(n, _) => node_plain(n),
    }
}

fn stmt_may_break(stmt: &Stmt, id: LoopId) -> bool {
    match stmt {
        Stmt::Let(l) => {
            l.init.as_ref().is_some_and(|n| node_may_break(n, id))
                || l.diverge.as_ref().is_some_and(|d| leaf_breaks(d, id))
        }
        Stmt::Expr(n, _) => node_may_break(n, id),
    }
}

fn leaf_breaks(leaf: &Leaf, id: LoopId) -> bool {
    leaf.jumps.contains(&Jump::Break(id))
}

fn node_may_break(node: &Node, id: LoopId) -> bool {
    let block = |b: &Block| b.stmts.iter().any(|s| stmt_may_break(s, id));
    let cond = |c: &[Cond]| {
        c.iter().any(|c| match c {
            Cond::Expr(l) | Cond::Let { scrut: l, .. } => leaf_breaks(l, id),
        })
    };
    match node {
        Node::Leaf(l) => leaf_breaks(l, id),
        Node::Yield(_) => false,
        Node::Block { block: b, .. } | Node::Loop { body: b, .. } => block(b),
        Node::If { cond: c, then, els, .. } => {
            cond(c) || block(then) || els.as_ref().is_some_and(|e| node_may_break(e, id))
        }
        Node::Match { scrut, arms } => {
            leaf_breaks(scrut, id)
                || arms
                    .iter()
                    .any(|a| a.guard.as_ref().is_some_and(|g| leaf_breaks(g, id)) || node_may_break(&a.body, id))
        }
        Node::While { cond: c, body, .. } => cond(c) || block(body),
        Node::For { iter, body, .. } => leaf_breaks(iter, id) || block(body),
        Node::Assign { place, value } => leaf_breaks(place, id) || node_may_break(value, id),
    }
}

pub fn block_contains(block: &Block, k: YieldId) -> bool {
    block.stmts.iter().any(|s| stmt_contains(s, k))
}

/// For each suspension point, the index of the statement containing it in every block around it, by the
/// block's scope (each block has a scope of its own). One walk over the body: an arm finds its way to its
/// suspension point without searching each block again (which would be quadratic in the number of points).
fn locate_points(body: &Body) -> Vec<HashMap<ScopeId, usize>> {
    fn block(b: &Block, path: &mut Vec<(ScopeId, usize)>, out: &mut [HashMap<ScopeId, usize>]) {
        for (i, stmt) in b.stmts.iter().enumerate() {
            path.push((b.scope, i));
            match stmt {
                Stmt::Let(l) => {
                    if let Some(init) = &l.init {
                        node(init, path, out);
                    }
                }
                Stmt::Expr(n, _) => node(n, path, out),
            }
            path.pop();
        }
    }
    fn node(n: &Node, path: &mut Vec<(ScopeId, usize)>, out: &mut [HashMap<ScopeId, usize>]) {
        match n {
            Node::Leaf(_) => {}
            Node::Yield(k) => out[*k] = path.iter().copied().collect(),
            Node::Block { block: b, .. }
            | Node::Loop { body: b, .. }
            | Node::While { body: b, .. }
            | Node::For { body: b, .. } => block(b, path, out),
            Node::If { then, els, .. } => {
                block(then, path, out);
                if let Some(e) = els {
                    node(e, path, out);
                }
            }
            Node::Match { arms, .. } => arms.iter().for_each(|a| node(&a.body, path, out)),
            Node::Assign { value, .. } => node(value, path, out),
        }
    }
    let mut out = vec![HashMap::new(); body.yields.len()];
    block(&body.root, &mut Vec::new(), &mut out);
    out
}

fn stmt_contains(stmt: &Stmt, k: YieldId) -> bool {
    match stmt {
        Stmt::Let(l) => l.init.as_ref().is_some_and(|n| node_contains(n, k)),
        Stmt::Expr(n, _) => node_contains(n, k),
    }
}

fn node_contains(node: &Node, k: YieldId) -> bool {
    match node {
        Node::Leaf(_) => false,
        Node::Yield(j) => *j == k,
        Node::Block { block, .. }
        | Node::Loop { body: block, .. }
        | Node::While { body: block, .. }
        | Node::For { body: block, .. } => block_contains(block, k),
        Node::If { then, els, .. } => block_contains(then, k) || els.as_ref().is_some_and(|e| node_contains(e, k)),
        Node::Match { arms, .. } => arms.iter().any(|a| node_contains(&a.body, k)),
        Node::Assign { value, .. } => node_contains(value, k),
    }
}

/// Whether the code of `node` has a closure literal: each copy of it that an arm emits is a type of its own.
fn node_has_closure(node: &Node) -> bool {
    let mut found = false;
    for_each_leaf(node, &mut |leaf| found |= expr_has_closure(&leaf.expr));
    found
}

fn expr_has_closure(expr: &Expr) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {
            self.0 = true;
        }
        // An item's closures are the item's.
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// Whether `node` has a `loop` (of its own, not in a leaf): only then can an initializer that doesn't always
/// suspend syntactically still never complete in an arm.
fn node_has_loop(node: &Node) -> bool {
    let mut found = false;
    for_each_node(node, &mut |n| found |= matches!(n, Node::Loop { .. }));
    found
}

/// Calls `f` on `node` and every node inside it, and `on_let` on every `let` of their blocks.
fn walk_node(node: &Node, f: &mut dyn FnMut(&Node), on_let: &mut dyn FnMut(&crate::ir::Let)) {
    f(node);
    match node {
        Node::Leaf(_) | Node::Yield(_) => {}
        Node::Block { block: b, .. }
        | Node::Loop { body: b, .. }
        | Node::While { body: b, .. }
        | Node::For { body: b, .. } => walk_block(b, f, on_let),
        Node::If { then, els, .. } => {
            walk_block(then, f, on_let);
            if let Some(e) = els {
                walk_node(e, f, on_let);
            }
        }
        Node::Match { arms, .. } => arms.iter().for_each(|a| walk_node(&a.body, f, on_let)),
        Node::Assign { value, .. } => walk_node(value, f, on_let),
    }
}

fn walk_block(block: &Block, f: &mut dyn FnMut(&Node), on_let: &mut dyn FnMut(&crate::ir::Let)) {
    for stmt in &block.stmts {
        match stmt {
            Stmt::Let(l) => {
                on_let(l);
                if let Some(init) = &l.init {
                    walk_node(init, f, on_let);
                }
            }
            Stmt::Expr(n, _) => walk_node(n, f, on_let),
        }
    }
}

/// Calls `f` on `node` and every node inside it.
fn for_each_node(node: &Node, f: &mut dyn FnMut(&Node)) {
    walk_node(node, f, &mut |_| {});
}

/// Calls `f` on every leaf of `node` (not on the yielded values).
fn for_each_leaf(node: &Node, f: &mut dyn FnMut(&Leaf)) {
    let f = std::cell::RefCell::new(f);
    walk_node(
        node,
        &mut |n| match n {
            Node::Leaf(leaf) | Node::For { iter: leaf, .. } | Node::Assign { place: leaf, .. } => {
                (f.borrow_mut())(leaf);
            }
            Node::If { cond, .. } | Node::While { cond, .. } => {
                for c in cond {
                    let (Cond::Expr(leaf) | Cond::Let { scrut: leaf, .. }) = c;
                    (f.borrow_mut())(leaf);
                }
            }
            Node::Match { scrut, arms } => {
                (f.borrow_mut())(scrut);
                arms.iter().filter_map(|a| a.guard.as_ref()).for_each(|g| (f.borrow_mut())(g));
            }
            Node::Yield(_) | Node::Block { .. } | Node::Loop { .. } => {}
        },
        &mut |l| {
            if let Some(d) = &l.diverge {
                (f.borrow_mut())(d);
            }
        },
    );
}

/// Where values flow between locals, roughly: (the locals a `let`'s initializer, a `for` loop's iterator or an
/// assignment's value uses, the locals it binds or assigns).
fn value_flows(root: &Block) -> Vec<(Vec<LocalId>, Vec<LocalId>)> {
    fn uses_of(node: &Node) -> Vec<LocalId> {
        let mut uses = Vec::new();
        for_each_leaf(node, &mut |leaf| uses.extend(leaf.uses.iter().map(|u| u.local)));
        uses
    }
    let flows = std::cell::RefCell::new(Vec::new());
    walk_block(
        root,
        &mut |n| match n {
            Node::Leaf(leaf) if matches!(leaf.expr, Expr::Assign(_)) => {
                let written = |l: LocalId| leaf.uses.iter().any(|u| u.local == l && u.kind == UseKind::Write);
                let (targets, sources) = leaf.uses.iter().map(|u| u.local).partition(|&l| written(l));
                flows.borrow_mut().push((sources, targets));
            }
            Node::For { iter, it, binding, .. } => {
                let mut targets = vec![*it];
                targets.extend(&binding.locals);
                flows.borrow_mut().push((iter.uses.iter().map(|u| u.local).collect(), targets));
            }
            Node::Assign { place, value } => {
                let targets = place.uses.iter().filter(|u| u.kind == UseKind::Write).map(|u| u.local).collect();
                flows.borrow_mut().push((uses_of(value), targets));
            }
            _ => {}
        },
        &mut |l| {
            if let Some(init) = &l.init {
                flows.borrow_mut().push((uses_of(init), l.binding.locals.clone()));
            }
        },
    );
    flows.into_inner()
}

/// The locals whose type may not be known yet where a suspension point stores them dead, so that `Hold` would
/// take them for `Copy` (an ambiguous bound selects the first candidate) and rustc would then reject the state:
/// - those that may hold a closure ([`closure_locals`]): a closure's captures, and so whether it is `Copy`, are
///   inferred only after the whole body is type-checked;
/// - those that some arm declares again without a value (in scope at a suspension point that doesn't store
///   them: `let mut x = None;`), or types through a witness shared by the arms: such an arm types them from
///   the others, maybe later in the body;
/// - and those known to own their value (a `Vec`, a `String`): never `Copy`, nothing to gain.
fn never_held(body: &Body, an: &Analysis) -> Set {
    let mut out = closure_locals(body);
    out.union(&an.typed_across_arms);
    for (k, point) in body.yields.iter().enumerate() {
        if !an.reachable[k] {
            continue;
        }
        for &l in &point.in_scope {
            if !an.stored[k].contains(&l) {
                out.insert(l);
            }
        }
    }
    for (l, local) in body.locals.iter().enumerate() {
        if local.owned() {
            out.insert(l);
        }
    }
    out
}

/// The locals that may hold a closure, or a value of a type made of one (`Some(f)`): bound or assigned by a
/// statement with a closure literal in it (or borrowed there: `opt.insert(|x| ..)`), and what is made of those.
fn closure_locals(body: &Body) -> Set {
    let n = body.locals.len();
    let found = RefCell::new(Set::new(n));
    let mut flows = value_flows(&body.root);
    // An assignment whose value has a closure literal, and a method that stores its arguments in its receiver
    // (`slot.insert(|x| ..)`, `slot.replace(f)`).
    let seed = |leaf: &Leaf, closures: &mut Set, flows: &mut Vec<(Vec<LocalId>, Vec<LocalId>)>| {
        for (receiver, args) in storing_exprs(&leaf.expr) {
            let Some(&(_, local)) = leaf.env.iter().rev().find(|(name, _)| *name == receiver) else { continue };
            if args.iter().any(expr_has_closure) {
                closures.insert(local);
            }
            let sources = args
                .iter()
                .flat_map(|a| leaf.env.iter().filter(|(name, _)| mentions(a, name)).map(|&(_, l)| l))
                .collect();
            flows.push((sources, vec![local]));
        }
    };
    walk_block(
        &body.root,
        &mut |node| {
            let binds = |scrut: &Leaf, binding: &Binding| {
                (scrut.uses.iter().map(|u| u.local).collect(), binding.locals.clone())
            };
            match node {
                Node::If { cond, .. } | Node::While { cond, .. } => {
                    for c in cond {
                        if let Cond::Let { binding, scrut } = c {
                            flows.push(binds(scrut, binding));
                            if expr_has_closure(&scrut.expr) {
                                binding.locals.iter().for_each(|&l| found.borrow_mut().insert(l));
                            }
                        }
                    }
                }
                Node::Match { scrut, arms } => {
                    for arm in arms {
                        flows.push(binds(scrut, &arm.binding));
                        if expr_has_closure(&scrut.expr) {
                            arm.binding.locals.iter().for_each(|&l| found.borrow_mut().insert(l));
                        }
                    }
                }
                Node::For { iter, binding, it, .. } if expr_has_closure(&iter.expr) => {
                    found.borrow_mut().insert(*it);
                    binding.locals.iter().for_each(|&l| found.borrow_mut().insert(l));
                }
                _ => {}
            }
        },
        &mut |l| {
            if l.init.as_ref().is_some_and(node_has_closure) {
                l.binding.locals.iter().for_each(|&local| found.borrow_mut().insert(local));
            }
        },
    );
    let mut closures = found.into_inner();
    for stmt in &body.root.stmts {
        match stmt {
            Stmt::Let(l) => {
                if let Some(init) = &l.init {
                    for_each_leaf(init, &mut |leaf| seed(leaf, &mut closures, &mut flows));
                }
                if let Some(d) = &l.diverge {
                    seed(d, &mut closures, &mut flows);
                }
            }
            Stmt::Expr(node, _) => for_each_leaf(node, &mut |leaf| seed(leaf, &mut closures, &mut flows)),
        }
    }
    for y in &body.yields {
        if let Some(v) = &y.value {
            seed(v, &mut closures, &mut flows);
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for (sources, targets) in &flows {
            if sources.iter().any(|&l| closures.contains(l)) {
                for &t in targets {
                    changed |= !closures.contains(t);
                    closures.insert(t);
                }
            }
        }
    }
    closures
}

/// The assignments to a local in `expr` (`f = |x| ..`), and the method calls that may store their arguments in
/// a local receiver (`slot.insert(x)`, `v.push(x)`): the local's name and the values.
fn storing_exprs(expr: &Expr) -> Vec<(String, Vec<Expr>)> {
    struct Finder(Vec<(String, Vec<Expr>)>);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            if let Expr::Path(p) = &*a.left
                && let Some(ident) = p.path.get_ident()
            {
                self.0.push((ident.to_string(), vec![(*a.right).clone()]));
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            let method = m.method.to_string();
            if matches!(method.as_str(), "insert" | "replace" | "get_or_insert" | "set" | "extend")
                || method.starts_with("push")
            {
                let receiver = match &*m.receiver {
                    Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
                    _ => None,
                };
                if let Some(name) = receiver {
                    let name = if name == "self" { "__self".to_string() } else { name };
                    self.0.push((name, m.args.iter().cloned().collect()));
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut finder = Finder(Vec::new());
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.0
}

/// `expr` mentions the identifier `name` (as a path of one segment).
fn mentions(expr: &Expr, name: &str) -> bool {
    struct Finder<'n>(&'n str, bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder<'_> {
        fn visit_path(&mut self, p: &'ast syn::Path) {
            self.1 |= p.get_ident().is_some_and(|i| i == self.0);
            syn::visit::visit_path(self, p);
        }
    }
    let mut finder = Finder(name, false);
    syn::visit::Visit::visit_expr(&mut finder, expr);
    finder.1
}
