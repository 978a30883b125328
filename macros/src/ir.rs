//! The intermediate representation the lowering phase builds and later phases read.
//!
//! Only the constructs that contain a suspension point keep a structure of their own ([`Node`]); everything
//! without a `yield_!` stays a [`Leaf`]: the user's own syntax tree, emitted nearly verbatim. Every binding the
//! body declares (arguments, `let`s, pattern bindings, a `for` loop's iterator) is a [`Local`] with a stable id,
//! resolved once by name and scope, so later phases never look at names again.
//!
//! Nodes hold syntax trees by value: they are built once per expansion, so their size doesn't matter.
#![allow(clippy::large_enum_variant)]

use proc_macro2::Span;
use syn::{Attribute, Label, Pat};

pub type LocalId = usize;
pub type YieldId = usize;
pub type LoopId = usize;
pub type LeafId = usize;
pub type ScopeId = usize;

// Independent facts about a local, each read by other phases: no state machine among them.
#[allow(clippy::struct_excessive_bools)]
pub struct Local {
    /// The identifier the user wrote (for hidden locals: a mixed-site `__` name), made distinct from the names
    /// it shadows (`line_2`).
    pub ident: syn::Ident,
    /// The name as the user wrote it, for messages.
    pub written: String,
    pub scope: ScopeId,
    /// Declared `mut` by the user (restored locals keep it).
    pub mutable: bool,
    /// What its value is known to be, syntactically.
    pub value: Value,
    /// A hidden local the normalizer declared, and what for (`None`: the user's own).
    pub hidden: Option<crate::names::Hidden>,
    /// `*` of it reads through it (a guard, an `Rc`: [`crate::syntax::reads_through_deref`]), so `*x` by
    /// value is a use in place, not a move of `x` (which holds its lock to the end of its scope).
    pub reads_through_deref: bool,
    /// Its initializer leaves part of its type to later code (`None`, `Vec::new()`:
    /// [`crate::conventions::leaves_type_open`]): an arm that runs before that code can't tell its type.
    pub typed_later: bool,
    /// The whole temporary of a `match` on a value whose type later code infers (`__wild1 @ Err(_)` of `match
    /// w.parse()`, [`crate::conventions::typed_by_its_uses`]), held across a suspension point of its arm: rustc
    /// may not know yet there whether it is `Copy` (the type comes from a later arm), so it is stored as it is,
    /// not through `Hold`.
    pub typed_by_its_uses: bool,
    /// A `Vec`, `VecDeque` or array, by its written type or initializer
    /// ([`crate::conventions::indexed_type`]): a `for` loop over a borrow of it goes by index.
    pub indexed: bool,
    /// A `String` (or another owned string), by its written type or initializer
    /// ([`crate::conventions::text_type`]): a `for` loop over its chars, bytes, lines or words goes by position.
    pub text: bool,
    /// The type its `let` writes (`let mut count: u32 = 0;`): an arm that declares it again uninitialised (it is
    /// assigned there before any read) writes it too, so that a value of another type is reported where it is
    /// assigned, as in the plain fn, not where the local is next used.
    pub written_type: Option<syn::Type>,
    /// Its layout is a pointer's multiple, by its written type or initializer
    /// ([`crate::conventions::word_type`]): what decides the width of its group's tag.
    pub word: Option<crate::conventions::Word>,
    /// A number, `bool` or `char` by its written type or initializer ([`crate::conventions::scalar_type`]): a
    /// closure that names it borrows the local itself (not what it points to, as for a reference).
    pub scalar: bool,
    /// Bound from the fn's arguments (or the first resume argument): not a value the body took itself.
    pub argument: bool,
    /// An argument whose written type is surely no reference, a type parameter or an owned std type (`sep: T`,
    /// `name: String`; any other may be an alias of a reference): a closure that uses it by
    /// reference (`*x == sep`, `name.len()`) borrows the local itself, where for a reference argument it may borrow
    /// only what the reference points to.
    pub by_value_argument: bool,
}

/// What a local's value is known to be from the code alone (the macro sees no types).
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum Value {
    #[default]
    Unknown,
    /// No drop glue, and `Copy` (a reference, a primitive, a literal): it may be left out of the state once it
    /// is no longer used, since dropping it earlier is unobservable.
    Plain,
    /// A view into another value, without drop glue but maybe not `Copy` (what std's `chars`, `iter`, `lines`…
    /// return): left out of the state once no longer used, like a plain value.
    View,
    /// The iterator of a `for` loop over a range (`0..n`): no drop glue and no borrow, but not `Copy`; only the
    /// loop's `next` uses it.
    Range,
    /// A `&mut` reference (an argument or a `let` typed `&mut T`): no drop glue, so left out of the state once no
    /// longer used, but not `Copy` (a use by value moves it), and what its methods borrow is the data it points
    /// to, not the coroutine's state.
    MutRef,
    /// Owns its value, is no reference (`vec![..]`, `String::from(..)`, an argument of type `Vec<T>`): a
    /// borrowing iterator over it borrows the coroutine's state.
    Owned,
    /// Owns its value, and its items own theirs (`Vec<String>`, `[Vec<u8>; 2]`): a `for` loop over it by value
    /// binds owned locals.
    OwnedItems,
    /// Owns its value, and its items are plain (`Vec<&T>`, `VecDeque<u8>`): a `for` loop over it by value, or its
    /// `pop()`, binds plain locals.
    PlainItems,
    /// An array of plain items (`[0u64; 512]`, `[1, 2]`, a `[u8; 4]` argument): as [`Value::PlainItems`], and
    /// without drop glue.
    PlainArray,
    /// Owns its value, and its items are `&mut`s (`Vec<&mut Node>`): a `for` loop over it by value, or its `pop()`,
    /// binds [`Value::MutRef`] locals.
    MutRefItems,
}

impl Local {
    pub fn new(ident: syn::Ident, scope: ScopeId, mutable: bool) -> Self {
        let hidden = crate::names::hidden_kind(&ident);
        // `self` is bound as `__self` (see `expand`): messages name it as written.
        let written = if ident == "__self" { String::from("self") } else { ident.to_string() };
        Local {
            written,
            ident,
            scope,
            mutable,
            value: Value::Unknown,
            hidden,
            reads_through_deref: false,
            typed_later: false,
            typed_by_its_uses: false,
            indexed: false,
            text: false,
            written_type: None,
            word: None,
            scalar: false,
            argument: false,
            by_value_argument: false,
        }
    }

    /// [`Value::Plain`]: `Copy` without drop glue (stricter than [`Self::no_drop_glue`]).
    pub fn plain(&self) -> bool {
        self.value == Value::Plain
    }

    /// Dropping it earlier than at the end of its scope is unobservable.
    pub fn no_drop_glue(&self) -> bool {
        matches!(self.value, Value::Plain | Value::View | Value::Range | Value::MutRef | Value::PlainArray)
    }

    /// A field of it read by value is a copy: it is `Copy` ([`Value::Plain`]), or a `&mut` (which can't be moved
    /// out of).
    pub fn copies_fields(&self) -> bool {
        matches!(self.value, Value::Plain | Value::MutRef)
    }

    pub fn owned(&self) -> bool {
        matches!(
            self.value,
            Value::Owned | Value::OwnedItems | Value::PlainItems | Value::PlainArray | Value::MutRefItems
        )
    }
}

pub struct Scope {
    pub parent: Option<ScopeId>,
    /// The scope is (inside) a loop body: its end leads back to the loop, not towards the fn's end.
    pub in_loop: bool,
    /// Nothing runs between the end of this scope and the end of the fn (no statement follows it in any
    /// enclosing block, and it is not inside a loop): dropping its locals at the fn's end is just as timely.
    pub ends_at_exit: bool,
}

pub struct YieldPoint {
    /// The `yield_` token, for spans and the state's doc.
    pub span: Span,
    /// The `(..)` after `yield_!`: where the resumed value is, as far as rustc's diagnostics are concerned.
    pub args_span: Span,
    /// The yielded value (`None` for `yield_!()`).
    pub value: Option<Leaf>,
    /// Locals visible at the suspension, in declaration order.
    pub in_scope: Vec<LocalId>,
    /// Source text of the `yield_!` for the generated state's doc comment.
    pub text: String,
    /// The lint attributes of the statements around it (`#[allow(..)] let t = yield_!(n as u32);`): the yielded
    /// value is evaluated in a statement of its own, which takes them too.
    pub lints: Vec<Attribute>,
    /// Not a `yield_!`: a join point the emitter asked for, before a statement that several arms would emit
    /// (see [`JoinBefore`]). An arm reaching it stores the locals as at a suspension point but doesn't
    /// return: the step goes on in the join point's own arm, so that code after it is emitted once.
    pub join: bool,
}

/// A target of `break` (and, unless it is a labeled block, `continue`).
pub struct LoopInfo {
    pub label: Option<syn::Lifetime>,
    /// A labeled block with a suspension point: only `break 'label` targets it.
    pub is_block: bool,
    /// A `for` loop over a borrow of a sequence, lowered by index (`while let Some(x) = v.get(i)`): its item
    /// borrows the sequence anew each round.
    pub by_index: bool,
}

pub struct Body {
    pub locals: Vec<Local>,
    pub scopes: Vec<Scope>,
    pub yields: Vec<YieldPoint>,
    pub loops: Vec<LoopInfo>,
    pub leaf_count: usize,
    pub root: Block,
    /// The fn body's braces: a value of the wrong type at its end (a trailing `;`) is reported at the body, and
    /// what happens when the fn returns (its locals dropped, its value returned) at its closing brace.
    pub braces: proc_macro2::extra::DelimSpan,
    /// Items declared in the body (outside yield-free expressions), emitted at the generated fn's top.
    pub items: Vec<syn::Item>,
}

/// A pattern and the locals it declares.
#[derive(Clone)]
pub struct Binding {
    pub pat: Pat,
    pub locals: Vec<LocalId>,
}

pub struct Block {
    pub scope: ScopeId,
    pub stmts: Vec<Stmt>,
}

pub enum Stmt {
    Let(Let),
    Expr(Node, Option<syn::token::Semi>),
}

/// A statement that gets a join point before it, as the emitter names it: the same in every lowering of a body,
/// whatever join points it has.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum JoinBefore {
    /// The `let` of this [`Let::ordinal`].
    Let(usize),
    /// The expression statement (an assignment, or a block's tail) lowered as this leaf.
    Leaf(LeafId),
}

pub struct Let {
    /// The `let` statements are numbered in lowering order, which doesn't depend on the join points: the
    /// emitter names the `let`s that need one by this number.
    pub ordinal: usize,
    pub attrs: Vec<Attribute>,
    pub binding: Binding,
    pub init: Option<Node>,
    pub diverge: Option<Leaf>,
    /// The `let` of a `yield_from!`'s delegate: the user's operand, which the delegate holds across the
    /// delegation's suspension point.
    pub delegated: Option<syn::Expr>,
}

pub enum Node {
    Leaf(Leaf),
    Yield(YieldId),
    /// `id` is set for a labeled block, which `break 'label` can leave.
    Block {
        label: Option<Label>,
        id: Option<LoopId>,
        block: Block,
    },
    If {
        cond: Vec<Cond>,
        cond_scope: ScopeId,
        then: Block,
        els: Option<Box<Node>>,
    },
    Match {
        scrut: Leaf,
        arms: Vec<Arm>,
    },
    Loop {
        id: LoopId,
        label: Option<Label>,
        body: Block,
    },
    While {
        id: LoopId,
        label: Option<Label>,
        cond: Vec<Cond>,
        cond_scope: ScopeId,
        body: Block,
    },
    For {
        id: LoopId,
        label: Option<Label>,
        iter: Leaf,
        it: LocalId,
        it_scope: ScopeId,
        binding: Binding,
        pat_scope: ScopeId,
        body: Block,
    },
    /// `place = <value with a suspension point>`: the value is evaluated first, then the place.
    Assign {
        place: Leaf,
        value: Box<Node>,
    },
}

/// One part of an `if`/`while` condition: `a && let P = e && b` is three parts.
pub enum Cond {
    Expr(Leaf),
    Let { binding: Binding, scrut: Leaf },
}

pub struct Arm {
    pub attrs: Vec<Attribute>,
    pub binding: Binding,
    pub guard: Option<Leaf>,
    pub scope: ScopeId,
    pub body: Node,
}

/// A yield-free expression of the user's, with the names it uses already resolved.
pub struct Leaf {
    pub id: LeafId,
    pub expr: syn::Expr,
    /// The locals visible here, by name (innermost last): the walker resolves names against it again when
    /// emitting, so collection and rewriting agree on every use.
    pub env: Vec<(String, LocalId)>,
    /// The enclosing structured loops, innermost last: the targets of `break`/`continue` in this leaf.
    pub loops: Vec<LoopId>,
    pub uses: Vec<Use>,
    /// How the leaf's value is used (`let _ = x;` and a `match` whose patterns move nothing only read `x`): the
    /// context its uses were classified in, which emission classifies a place in again.
    pub ctx: UseKind,
    pub jumps: Vec<Jump>,
    /// The exits of [`Use::returns`] that jump to a structured loop of the body (a `break` out of it, or a
    /// `continue` of it), by id; the others return or panic.
    pub jump_exits: Vec<(u32, Jump)>,
    /// Control never continues past this leaf (`return`, `break`, `continue`, `panic!` at its top).
    pub diverges: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UseKind {
    /// Read or borrowed in place (`x.len()`, `&x`, `x == y`, `x.f = 1`).
    Place,
    /// The receiver of a method the macro doesn't know (`x.total()`): borrowed, or moved if the method takes
    /// `self`. Analysed as a borrow; where it is the local's last use, the arm owns its locals so that both
    /// compile.
    Receiver,
    /// Used by value (`f(x)`, `let y = x`, `x + 1`): a move, or a copy when the local is used again.
    Move,
    /// Assigned as a whole (`x = e`).
    Write,
}

#[derive(Clone, Debug)]
pub struct Use {
    pub local: LocalId,
    pub kind: UseKind,
    /// The branches, loop bodies and closures of the leaf around the use (construct ids, outermost first): it
    /// may not happen when there is one.
    pub conditions: Vec<u32>,
    /// How many jumps (`break`, `continue`, `return`, `?`) the leaf has before the use, in evaluation order.
    pub jumps_before: u32,
    /// The exclusive branches the use is in: (branching construct, which branch). Two uses that took
    /// different branches of the same construct never both happen.
    pub branches: Vec<(u32, u32)>,
    /// The loops of the leaf around the use: it may happen again, after any later use in them.
    pub repeats: Vec<u32>,
    /// On its path, the leaf leaves after it, so nothing after the leaf follows it: it returns or panics
    /// (`if c { drop(v); return; }`, `return v`, `Err(v)?`), or jumps to a loop of the body (`consume(x); break;`,
    /// a `break` value; [`Leaf::jump_exits`] says which). The ids of the exits around it (a statement list that
    /// ends in one, a `return`'s or `break`'s value, `Err(..)?`'s operand), innermost last. Empty when none.
    pub returns: Vec<u32>,
    /// A use as the root of a field moved out by value (`page.items` in `for x in page.items`): a place use
    /// of the local, which stays in scope; where the state keeps the local whole, the field is vacated.
    pub field_move: bool,
}

/// Whether a use is the last of its local's value in a leaf.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LastUse {
    /// A later use in the leaf can follow it (or a loop of the leaf runs it again).
    No,
    /// No later use in the leaf follows it (or the leaf returns after it): the last if the local is dead after
    /// the leaf.
    InLeaf,
    /// The leaf assigns the local again after it on every path, before any other use: `cur = next(cur)`,
    /// `if c { drop(cur); cur = new(); }`.
    BeforeOverwrite,
}

impl Leaf {
    /// Where control goes after `u` when the leaf leaves right after it on its path ([`Use::exit_after`]).
    pub fn exit_after(&self, u: &Use) -> Option<Jump> {
        u.exit_after(&self.jump_exits)
    }
}

impl LastUse {
    /// The use is the last of the value, so a use by value moves it; `live_after`: the local is live after the
    /// leaf (or where the leaf jumps to).
    pub fn moves(self, live_after: bool) -> bool {
        match self {
            LastUse::No => false,
            LastUse::InLeaf => !live_after,
            LastUse::BeforeOverwrite => true,
        }
    }
}

/// Per use: whether it is the last use of its local's value in the leaf ([`LastUse`]). Only such a use can move.
pub fn last_uses(uses: &[Use]) -> Vec<LastUse> {
    (0..uses.len())
        .map(|i| {
            let u = &uses[i];
            // Only the uses before the same exit (maybe inside a nested statement list) can follow a use before
            // an exit.
            let before_same_exit = |v: &Use| u.returns.last().is_none_or(|exit| v.returns.contains(exit));
            let next = uses[i + 1..].iter().find(|v| v.local == u.local && !v.exclusive_with(u) && before_same_exit(v));
            match next {
                Some(v) if v.kind == UseKind::Write && v.overwrites_after(u) => LastUse::BeforeOverwrite,
                None if !u.returns.is_empty() || u.repeats.is_empty() => LastUse::InLeaf,
                _ => LastUse::No,
            }
        })
        .collect()
}

impl Use {
    /// Where control goes after the use when the leaf leaves right after it on its path ([`Use::returns`]): a
    /// jump to a loop of the body (`jump_exits`, by exit id), or `Return` (a `return` or a panic). `None` when
    /// control goes on past the leaf.
    pub fn exit_after(&self, jump_exits: &[(u32, Jump)]) -> Option<Jump> {
        let exit = self.returns.last()?;
        Some(jump_exits.iter().find(|(e, _)| e == exit).map_or(Jump::Return, |&(_, jump)| jump))
    }

    /// Inside a branch, loop or closure of the leaf: may not happen.
    pub fn conditional(&self) -> bool {
        !self.conditions.is_empty()
    }

    /// The two uses can't both happen (they are in different branches of one `if`/`match`).
    pub fn exclusive_with(&self, other: &Use) -> bool {
        self.branches.iter().any(|(c, b)| other.branches.iter().any(|(c2, b2)| c == c2 && b != b2))
    }

    /// This use, later in the leaf than `earlier`, happens whenever `earlier` does, in the same iteration of the
    /// leaf's loops: every conditional context around it is around `earlier` too, and no jump is between them
    /// (`if c { break p; } p = 0;` may leave with `p`, which a `Copy` value keeps).
    fn overwrites_after(&self, earlier: &Use) -> bool {
        earlier.conditions.starts_with(&self.conditions)
            && earlier.repeats == self.repeats
            && earlier.jumps_before == self.jumps_before
    }
}

/// Calls `f` on `node` and every node inside it, and `on_let` on every `let` of their blocks.
pub fn walk_node(node: &Node, f: &mut dyn FnMut(&Node), on_let: &mut dyn FnMut(&Let)) {
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

pub fn walk_block(block: &Block, f: &mut dyn FnMut(&Node), on_let: &mut dyn FnMut(&Let)) {
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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Jump {
    Break(LoopId),
    Continue(LoopId),
    Return,
}
