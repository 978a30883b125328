//! The random program generator: seeded, reproducible, std only (it is also compiled into `build.rs` through
//! `#[path]`, so it cannot use the crate's other modules).
//!
//! - A program is a coroutine body over locals of several unannotated types, built as a tree of [`Stmt`]s whose
//!   ids let a shrinker delete or unwrap statements; [`Program::coroutine_fn`] and [`Program::plain_fn`] render
//!   the same body text into both twins.
//! - The generator tracks every local's type and whether it is live, moved or maybe moved, so programs compile:
//!   a value is moved only where the move is legal (never an outer local inside a loop or labeled block), used
//!   only while surely live, and never borrowed across a `yield_!`.
//! - Every loop is bounded by a counter or a finite iterator, so every program terminates.
//! - Constructs are named features ([`FEATURES`]); a feature that is off is never generated. Those off by default
//!   are not supported by the macro yet or are excluded because of a known macro bug (see the README).

// Small numbers (lengths, ranges, seeds) are converted freely; generated names are alike on purpose.
#![allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_possible_wrap, clippy::similar_names)]

use std::collections::HashSet;
use std::fmt::Write as _;

/// `(name, on by default, what it generates)`.
pub const FEATURES: &[(&str, bool, &str)] = &[
    (
        "subexpr-yield",
        true,
        "`yield_!` inside a larger expression: `fx(\"f\", yield_!(1))`, conditions, operands, `break`/`yield_!` values",
    ),
    (
        "expr-forms",
        true,
        "integer operands built from array/tuple/struct/`Some` literals, indexing, casts, unary minus, `if`/`match`/block \
         expressions, `vec!`/`format!` arguments, fn-item callees and drop-logging temporaries with method calls \
         (with `subexpr-yield`: a `yield_!` can land in any of them), projected aggregates whose first operand \
         suspends before a later one creates a temporary, and struct literals with a shorthand field (`P { a, b }`) \
         whose local is held across a `yield_!` in a later field",
    ),
    ("let-else-yield", true, "`yield_!` in the `else` block of `let ... else`"),
    ("tail-yield", true, "a block's tail `yield_!(e)`: `let v = { ..; yield_!(e) };`, match arms `_ => yield_!(e)`"),
    ("resume-assign", true, "`x = yield_!(e);` into an existing local, at the top level of the fn body"),
    ("resume-assign-nested", true, "`x = yield_!(e);` inside a nested block (branch, loop body)"),
    (
        "value-multi-yield",
        true,
        "a value-producing `let` initializer (block/if/match/loop) with two or more `yield_!`s",
    ),
    ("labeled-block-yield", true, "`yield_!` inside a labeled block used as a `let` initializer"),
    ("assign-outer", true, "inside a loop, `x = e` overwriting a local declared outside the loop"),
    ("loop-exit", true, "an unconditional `break`/`return` inside a loop body"),
    (
        "closure-capture",
        true,
        "a `move` closure capturing an integer local, inside a statement (`.map(move |z| z * k)`)",
    ),
    (
        "int-fallback",
        true,
        "unsuffixed integer literals (locals typed by integer-literal inference); off: every literal is `i64`-suffixed",
    ),
    (
        "multi-use",
        true,
        "one expression reading the same non-`Copy` local twice (`format!(\"{}{}\", s, lens(&s))`, `v.push(sumv(&v))`)",
    ),
    ("resume-in-loop", true, "reading the resume binding `r` inside a loop before any top-level `yield_!`"),
    (
        "loop-last-use",
        true,
        "a local whose last read is inside a loop without yields; off: such locals are read again after the loop",
    ),
    ("while-let-binding", true, "reading the binding of a `while let`"),
    ("let-yield", true, "`let p = yield_!(e);`"),
    (
        "extended-temporary",
        true,
        "a temporary `let` extends to the end of the block: `let r = &D::new(..);`, `let ref r = ..`, \
         `let (ref r, _) = (D::new(..), D::new(..));`, `let (a, b) = (fx(..), &D::new(..));`, read once",
    ),
    ("value-if", true, "`let v = if c { ..; 1 } else { ..; 2 };`"),
    ("value-match", true, "`let v = match md(e, 3) { 0 => { ..; 1 } .. };`"),
    ("value-block", true, "`let v = { ..; e };` (also `String`-valued)"),
    ("value-loop", true, "`let v = loop { .. break e; .. };`"),
    ("labeled-block", true, "`let v = 'b: { .. break 'b e; .. e };`"),
    ("if", true, "`if`/`else` statements"),
    ("if-let", true, "`if let Some(x) = o { .. } else { .. }`"),
    ("match", true, "`match` statements on integers and `Option`s"),
    ("loop", true, "`loop` with a counter"),
    ("while", true, "`while` with a counter"),
    ("while-let", true, "`while let Some(x) = it.next()` / `v.pop()`"),
    ("for", true, "`for` over ranges, `Vec`s (moved or cloned), `Vec<D>`s and iterator locals"),
    ("labels", true, "labeled loops and `break 'l` / `continue 'l` from inner loops"),
    ("break", true, "`break`/`continue` (conditional or at a block's end)"),
    ("return", true, "early `return`"),
    ("try", true, "`?` on `Option`/`Result`"),
    ("let-else", true, "`let Some(x) = e else { return/break/continue/panic };`"),
    ("shadow", true, "shadowing a local (same or other type)"),
    ("move", true, "moves: `let b = a;`, `drop(a)`, `consume(a)`, into tuples/`Option`s/`Vec`s"),
    ("cond-move", true, "conditional moves `if c { drop(a); }` (drop flags)"),
    (
        "replace",
        true,
        "a value moved and assigned again in one statement: `d = renew(d);`, `s = s + \"r\";`, \
         `if c { drop(d); d = D::new(..); }`",
    ),
    ("destructure", true, "`let (a, b) = t;`"),
    (
        "closure",
        true,
        "closure locals (capturing integers, `D`s or `String`s by move), created before the first `yield_!` and outside loops unless `closure-anywhere`",
    ),
    (
        "closure-anywhere",
        true,
        "closures (`closure`, `iter-closure`) also after a `yield_!` and in loops, where several resume arms reach their `let` (join points)",
    ),
    ("iter", true, "iterator adapter locals without closures (`rev`, `skip`, `chain`, `take`, `into_iter`)"),
    (
        "deferred-init",
        true,
        "`let mut v;` up to three statements (yields, loops…) before `v = init;`, for any local type",
    ),
    (
        "iter-closure",
        true,
        "iterator adapter locals holding a closure (`map(move |z| ..)`), where `closure` allows closures",
    ),
    ("branch-reuse", true, "a local moved in one branch of an `if`/`match` and used in a later branch"),
    ("panic", true, "explicit `panic!` under a condition"),
    ("block", true, "nested plain blocks `{ .. }`"),
    (
        "await",
        true,
        "stream programs only: `later(k, e).await` (Pending k times, then `e`) around operands, conditions, \
         strings, `D`s and as statements",
    ),
    (
        "stream-operand-yield",
        true,
        "stream programs only: a `yield_!` (of type `()`) inside an operand: `fx(\"f\", { yield_!(e); x })`",
    ),
    (
        "stream-closure-anywhere",
        true,
        "stream programs only: closures (and iterators holding them) also after an `.await` or in loops; off: only \
         before the first `.await` and outside loops (at 1885324 the macro held the poll's `&mut Context` in the \
         state of such programs: E0521; fixed by 20c5ffd)",
    ),
];

#[derive(Clone, Debug)]
pub struct Config {
    /// About how many statements a program has.
    pub budget: i32,
    /// How deeply compound statements nest.
    pub max_depth: u32,
    /// Features switched off.
    pub off: HashSet<String>,
}

impl Default for Config {
    fn default() -> Self {
        let off = FEATURES.iter().filter(|f| !f.1).map(|f| f.0.to_string()).collect();
        Config { budget: 14, max_depth: 3, off }
    }
}

impl Config {
    pub fn on(&self, feature: &str) -> bool {
        debug_assert!(FEATURES.iter().any(|f| f.0 == feature), "unknown feature {feature}");
        !self.off.contains(feature)
    }

    /// Applies comma-separated feature lists (`DIFFTEST_ENABLE`, `DIFFTEST_DISABLE`); `all` means every feature.
    pub fn apply(&mut self, enable: &str, disable: &str) -> Result<(), String> {
        for (list, on) in [(enable, true), (disable, false)] {
            for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let names: Vec<&str> = if name == "all" {
                    FEATURES.iter().map(|f| f.0).collect()
                } else if FEATURES.iter().any(|f| f.0 == name) {
                    vec![name]
                } else {
                    return Err(format!("unknown difftest feature `{name}`"));
                };
                for n in names {
                    if on {
                        self.off.remove(n);
                    } else {
                        self.off.insert(n.to_string());
                    }
                }
            }
        }
        Ok(())
    }
}

pub fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seed of program `index` of a sweep with seed `base`.
pub fn program_seed(base: u64, index: u64) -> u64 {
    splitmix64(base ^ splitmix64(index))
}

/// xorshift64*.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(splitmix64(seed) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: u32) -> u32 {
        (self.next_u64() >> 33) as u32 % n.max(1)
    }
    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: u32) -> bool {
        self.below(100) < pct
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + i64::from(self.below((hi - lo + 1) as u32))
    }
}

// ---------------------------------------------------------------------------------------------------------
// The program tree.

pub enum Piece {
    Text(String),
    Block(Block),
}

/// A statement (or a block's tail expression): text interleaved with nested blocks.
pub struct Stmt {
    pub id: u32,
    pub pieces: Vec<Piece>,
}

#[derive(Default)]
pub struct Block {
    pub stmts: Vec<Stmt>,
}

impl Block {
    fn render(&self, indent: usize, out: &mut String) {
        out.push_str("{\n");
        self.render_inner(indent + 1, out);
        out.push_str(&"    ".repeat(indent));
        out.push('}');
    }
    fn render_inner(&self, indent: usize, out: &mut String) {
        for s in &self.stmts {
            out.push_str(&"    ".repeat(indent));
            for p in &s.pieces {
                match p {
                    Piece::Text(t) => out.push_str(t),
                    Piece::Block(b) => b.render(indent, out),
                }
            }
            out.push('\n');
        }
    }

    /// Statement ids in pre-order (outer statements before the statements nested in them).
    pub fn ids(&self, out: &mut Vec<u32>) {
        for s in &self.stmts {
            if s.id != 0 {
                out.push(s.id);
            }
            for p in &s.pieces {
                if let Piece::Block(b) = p {
                    b.ids(out);
                }
            }
        }
    }

    /// Ids of statements that contain blocks.
    pub fn compound_ids(&self, out: &mut Vec<u32>) {
        for s in &self.stmts {
            if s.id != 0 && s.pieces.iter().any(|p| matches!(p, Piece::Block(_))) {
                out.push(s.id);
            }
            for p in &s.pieces {
                if let Piece::Block(b) = p {
                    b.compound_ids(out);
                }
            }
        }
    }

    /// Shrinking: removes the statements in `delete`, and replaces each statement in `unwrap` by the statements
    /// of its blocks.
    pub fn edit(&mut self, delete: &[u32], unwrap: &[u32]) {
        let stmts = std::mem::take(&mut self.stmts);
        for mut s in stmts {
            if delete.contains(&s.id) {
                continue;
            }
            for p in &mut s.pieces {
                if let Piece::Block(b) = p {
                    b.edit(delete, unwrap);
                }
            }
            if unwrap.contains(&s.id) {
                for p in s.pieces {
                    if let Piece::Block(b) = p {
                        self.stmts.extend(b.stmts);
                    }
                }
            } else {
                self.stmts.push(s);
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `-> impl Coroutine<i64, Yield = i64, Return = Option<i64>>`
    Opt,
    /// `-> impl Coroutine<i64, Yield = i64, Return = Result<i64, String>>`
    Res,
    /// `-> impl Iterator<Item = i64>`
    Gen,
}

pub struct Param {
    pub name: String,
    pub ty: &'static str,
    pub ctor: String,
}

pub struct Program {
    pub index: u64,
    pub seed: u64,
    pub kind: Kind,
    /// An async generator (`-> impl Stream<Item = i64>`, kind `Gen`) compared with an `async fn` twin.
    pub stream: bool,
    pub params: Vec<Param>,
    pub body: Block,
}

impl Program {
    pub fn name(&self) -> String {
        format!("prog_{}", self.index)
    }

    fn params_text(&self) -> String {
        self.params.iter().map(|p| format!("mut {}: {}", p.name, p.ty)).collect::<Vec<_>>().join(", ")
    }

    /// The `#[stackless::coroutine]` twin, named `co_<index>`.
    pub fn coroutine_fn(&self) -> String {
        let (attr, ret) = match self.kind {
            Kind::Opt => (
                "#[stackless::coroutine(resume = mut r)]",
                "impl ::stackless::Coroutine<i64, Yield = i64, Return = Option<i64>>",
            ),
            Kind::Res => (
                "#[stackless::coroutine(resume = mut r)]",
                "impl ::stackless::Coroutine<i64, Yield = i64, Return = Result<i64, String>>",
            ),
            Kind::Gen => ("#[stackless::coroutine]", "impl Iterator<Item = i64>"),
        };
        let mut out = format!("{attr}\nfn co_{}({}) -> {ret} ", self.index, self.params_text());
        self.body.render(0, &mut out);
        out.push('\n');
        out
    }

    /// The plain twin, `plain_<index>`: the same body after a local `macro_rules! yield_`.
    pub fn plain_fn(&self) -> String {
        let (first, ret, yield_fn) = match self.kind {
            Kind::Opt => ("mut r: i64", " -> Option<i64>", "plain_yield"),
            Kind::Res => ("mut r: i64", " -> Result<i64, String>", "plain_yield"),
            Kind::Gen => ("", "", "plain_yield_unit"),
        };
        let params = [first.to_string(), self.params_text()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        let mut out = format!("fn plain_{}({params}){ret} {{\n", self.index);
        let _ = writeln!(out, "    macro_rules! yield_ {{ ($e:expr) => {{ {yield_fn}($e) }}; }}");
        self.body.render_inner(1, &mut out);
        out.push_str("}\n");
        out
    }

    /// Both twins plus the two entry points the test calls and the source text.
    pub fn render(&self) -> String {
        let i = self.index;
        let mut out = String::new();
        let _ = writeln!(out, "// ---- program {i} (seed {:#x})", self.seed);
        let co = self.coroutine_fn();
        let _ = writeln!(out, "const SRC_{i}: &str = {co:?};");
        out.push_str(&co);
        out.push_str(&self.plain_fn());
        let ctors: Vec<&str> = self.params.iter().map(|p| p.ctor.as_str()).collect();
        let wrap = if self.kind == Kind::Gen { "generator" } else { "co" };
        let _ = writeln!(out, "fn make_co_{i}() -> Box<dyn DynCo> {{ {wrap}(co_{i}({})) }}", ctors.join(", "));
        let mut run = format!("fn run_plain_{i}() -> String {{ ");
        let mut args = Vec::new();
        if self.kind != Kind::Gen {
            args.push("r".to_string());
        }
        for (k, c) in ctors.iter().enumerate() {
            let _ = write!(run, "let a{k} = {c}; ");
            args.push(format!("a{k}"));
        }
        if self.kind != Kind::Gen {
            run.push_str("let r = first_resume(); ");
        }
        let _ = writeln!(run, "format!(\"{{:?}}\", plain_{i}({})) }}", args.join(", "));
        out.push_str(&run);
        out
    }

    /// The async generator twin of a stream program, `sco_<index>`.
    pub fn stream_fn(&self) -> String {
        let mut out = format!(
            "#[stackless::coroutine]\nfn sco_{}({}) -> impl ::stackless::Stream<Item = i64> ",
            self.index,
            self.params_text()
        );
        self.body.render(0, &mut out);
        out.push('\n');
        out
    }

    /// The `async fn` twin of a stream program, `splain_<index>`: the same body after a local `macro_rules!
    /// yield_` that logs the value and awaits a future that is `Pending` once (marked as a yield).
    pub fn async_fn(&self) -> String {
        let mut out = format!("async fn splain_{}({}) {{\n", self.index, self.params_text());
        out.push_str(
            "    macro_rules! yield_ { ($e:expr) => { { let v: i64 = $e; stream_yield(v); yield_now().await } }; }\n",
        );
        self.body.render_inner(1, &mut out);
        out.push_str("}\n");
        out
    }

    /// A stream program: both twins and the two entry points.
    pub fn render_stream(&self) -> String {
        let i = self.index;
        let mut out = String::new();
        let _ = writeln!(out, "// ---- stream program {i} (seed {:#x})", self.seed);
        let co = self.stream_fn();
        let _ = writeln!(out, "const SSRC_{i}: &str = {co:?};");
        out.push_str(&co);
        out.push_str(&self.async_fn());
        let ctors: Vec<&str> = self.params.iter().map(|p| p.ctor.as_str()).collect();
        let _ = writeln!(out, "fn make_sco_{i}() -> Box<dyn DynStream> {{ stream(sco_{i}({})) }}", ctors.join(", "));
        let mut run = format!("fn make_splain_{i}() -> PlainFuture {{ ");
        let mut args = Vec::new();
        for (k, c) in ctors.iter().enumerate() {
            let _ = write!(run, "let a{k} = {c}; ");
            args.push(format!("a{k}"));
        }
        let _ = writeln!(run, "plain_future(splain_{i}({})) }}", args.join(", "));
        out.push_str(&run);
        out
    }

    pub fn stream_case_entry(&self) -> String {
        let i = self.index;
        format!(
            "StreamCase {{ name: \"stream_{i}\", seed: {:#x}, index: {i}, source: SSRC_{i}, make: make_sco_{i}, plain: make_splain_{i} }},\n",
            self.seed
        )
    }

    pub fn case_entry(&self) -> String {
        let i = self.index;
        format!(
            "Case {{ name: \"{}\", seed: {:#x}, index: {i}, source: SRC_{i}, co: make_co_{i}, plain: run_plain_{i} }},\n",
            self.name(),
            self.seed
        )
    }
}

/// The whole `programs.rs`: every program, then `CASES`.
pub fn render_file(programs: &[Program], header: &str) -> String {
    let mut out = String::new();
    out.push_str(header);
    for p in programs {
        out.push_str(&p.render());
    }
    out.push_str("pub static CASES: &[Case] = &[\n");
    for p in programs {
        out.push_str(&p.case_entry());
    }
    out.push_str("];\n");
    out
}

/// The whole `streams.rs`: every stream program, then `STREAM_CASES`.
pub fn render_stream_file(programs: &[Program], header: &str) -> String {
    let mut out = String::new();
    out.push_str(header);
    for p in programs {
        out.push_str(&p.render_stream());
    }
    out.push_str("pub static STREAM_CASES: &[StreamCase] = &[\n");
    for p in programs {
        out.push_str(&p.stream_case_entry());
    }
    out.push_str("];\n");
    out
}

// ---------------------------------------------------------------------------------------------------------
// Generation.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    /// An integer (`i64` once inference sees it meet one; `i32` by fallback otherwise).
    Int,
    /// `u8`, from a suffixed literal; read as `x as i64`.
    Small,
    Str,
    VecI,
    VecD,
    /// `(integer, String)`
    Tup,
    OptI,
    OptS,
    D,
    /// `move |z: i64| -> i64`
    Clo,
    /// `impl Iterator<Item = i64>`
    Iter,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum St {
    Live,
    Moved,
    Maybe,
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: Ty,
    st: St,
    /// How many loops / labeled blocks enclose the declaration: only a local declared at the current depth can
    /// be moved (moving an outer one inside a loop would move it again on the next iteration).
    depth: u32,
    /// May be assigned (`x = ..`, `x = yield_!(..)`); false for loop counters.
    assignable: bool,
    /// A `Vec` being drained by a `while let` must not grow.
    frozen: bool,
    /// The `resume = mut r` binding.
    resume: bool,
}

#[derive(Clone, Debug)]
struct Ctx {
    label: Option<String>,
    /// `loop`/`while`/`for` (can `continue`), else a labeled block.
    is_loop: bool,
    /// A value-producing `loop` or labeled block: `break` must carry an integer.
    value: bool,
}

struct G<'c> {
    rng: Rng,
    /// A stream program: `.await`s are written (only then are the extra random draws made).
    stream: bool,
    /// `.await`s written so far (stream programs).
    awaits: u32,
    /// Writing a closure's `let` in a stream program: no `.await` in it (see `closures`).
    no_await: bool,
    cfg: &'c Config,
    kind: Kind,
    scopes: Vec<Vec<Var>>,
    ctxs: Vec<Ctx>,
    depth: u32,
    next_id: u32,
    next_name: u32,
    budget: i32,
    yields: u32,
    /// How many more `yield_!`s may be written here (inside a value-producing initializer), if limited.
    yield_cap: Option<u32>,
    /// Inside a `yield_!`'s own argument or an `if let` scrutinee (no drop-logging temporaries there: see
    /// `int_form`).
    yield_arg_depth: u32,
    /// Non-`Copy` locals read by the expression being written (unless `multi-use` is on, each at most once).
    expr_used: Vec<String>,
    /// How deeply the statement being written is nested in blocks (0: the fn body).
    nesting: u32,
    /// A `yield_!` statement at the top level of the body has been written (so it ran before what follows).
    top_yield: bool,
    /// Integer-valued reads of locals (by value), with the text read: `loop-last-use` repeats them after loops.
    reads: Vec<((usize, usize), String)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tail {
    None,
    Int,
    Str,
}

/// Generates program `index` of the sweep with seed `base`.
pub fn generate(cfg: &Config, base: u64, index: u64) -> Program {
    generate_with(cfg, base, index, false)
}

/// What a sweep's seed is mixed with for its stream programs (their own random stream).
pub const STREAM_SALT: u64 = 0x57ea_4a5e_0000_0001;

/// Generates stream program `index` of the sweep with seed `base`: an async generator (a `Gen` body that also
/// `.await`s), from its own random stream (`base ^ STREAM_SALT`), so the other programs don't change.
pub fn generate_stream(cfg: &Config, base: u64, index: u64) -> Program {
    generate_with(cfg, base ^ STREAM_SALT, index, true)
}

fn generate_with(cfg: &Config, base: u64, index: u64, stream: bool) -> Program {
    let seed = program_seed(base, index);
    let mut rng = Rng::new(seed);
    let kind = match rng.below(10) {
        _ if stream => Kind::Gen,
        0..=3 => Kind::Opt,
        4..=6 => Kind::Res,
        _ => Kind::Gen,
    };
    let mut g = G {
        rng,
        stream,
        awaits: 0,
        no_await: false,
        cfg,
        kind,
        scopes: vec![Vec::new()],
        ctxs: Vec::new(),
        depth: 0,
        next_id: 0,
        next_name: 0,
        budget: cfg.budget,
        yields: 0,
        yield_cap: None,
        yield_arg_depth: 0,
        expr_used: Vec::new(),
        nesting: 0,
        top_yield: false,
        reads: Vec::new(),
    };
    let mut params = Vec::new();
    if kind != Kind::Gen {
        g.declare("r".into(), Ty::Int);
        g.scopes[0][0].resume = true;
    }
    for k in 0..g.rng.below(4) {
        let name = format!("p{k}");
        let v = g.rng.range(0, 9);
        let (ty, ty_text, ctor) = match g.rng.below(4) {
            0 => (Ty::Int, "i64", format!("{v}")),
            1 => (Ty::Str, "String", format!("String::from(\"{name}\")")),
            2 => (Ty::VecI, "Vec<i64>", format!("vec![{v}, {}]", v + 1)),
            _ => (Ty::D, "D", format!("D::new(\"{name}\", {v})")),
        };
        g.declare(name.clone(), ty);
        params.push(Param { name, ty: ty_text, ctor });
    }
    let body = g.body();
    Program { index, seed, kind, stream, params, body }
}

impl G<'_> {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }
    fn fresh(&mut self, prefix: &str) -> String {
        self.next_name += 1;
        format!("{prefix}{}", self.next_name)
    }
    fn line(&mut self, text: String) -> Stmt {
        Stmt { id: self.id(), pieces: vec![Piece::Text(text)] }
    }
    /// A statement the shrinker never deletes (id 0): a loop's counter check or increment, without which the loop
    /// might not terminate.
    fn pinned(text: String) -> Stmt {
        Stmt { id: 0, pieces: vec![Piece::Text(text)] }
    }
    fn on(&self, f: &str) -> bool {
        self.cfg.on(f)
    }
    fn coroutine(&self) -> bool {
        self.kind != Kind::Gen
    }
    fn in_loop(&self) -> bool {
        self.ctxs.iter().any(|c| c.is_loop)
    }
    /// Whether an unconditional `break`/`return` may be written here.
    fn may_exit(&self) -> bool {
        self.on("loop-exit") || !self.in_loop()
    }
    /// Closures of a feature may be created here: anywhere with `closure-anywhere`, else only before the first
    /// `yield_!` and outside loops (where one resume arm reaches them, so the macro needs no join point).
    fn closures(&self, feature: &str) -> bool {
        if self.stream && !self.on("stream-closure-anywhere") && (self.awaits > 0 || self.in_loop()) {
            return false;
        }
        self.on(feature) && (self.on("closure-anywhere") || (self.yields == 0 && !self.in_loop()))
    }

    fn can_yield(&self) -> bool {
        self.yield_cap != Some(0)
    }
    /// Counts one written `yield_!`.
    fn note_yield(&mut self) {
        self.yields += 1;
        if let Some(c) = &mut self.yield_cap {
            *c = c.saturating_sub(1);
        }
    }

    fn declare(&mut self, name: String, ty: Ty) {
        let depth = self.depth;
        self.scopes.last_mut().expect("a scope").push(Var {
            name,
            ty,
            st: St::Live,
            depth,
            assignable: true,
            frozen: false,
            resume: false,
        });
    }

    /// (scope, index) of every local its name currently refers to.
    fn visible(&self) -> Vec<(usize, usize)> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (si, scope) in self.scopes.iter().enumerate().rev() {
            for (vi, v) in scope.iter().enumerate().rev() {
                if seen.insert(v.name.clone()) {
                    out.push((si, vi));
                }
            }
        }
        out
    }

    fn var(&self, at: (usize, usize)) -> &Var {
        &self.scopes[at.0][at.1]
    }
    fn var_mut(&mut self, at: (usize, usize)) -> &mut Var {
        &mut self.scopes[at.0][at.1]
    }

    fn pick(&mut self, pred: impl Fn(&Var) -> bool) -> Option<(usize, usize)> {
        let hide_resume = self.in_loop() && !self.top_yield && !self.on("resume-in-loop");
        let all: Vec<_> = self
            .visible()
            .into_iter()
            .filter(|&at| pred(self.var(at)) && !(hide_resume && self.var(at).resume))
            .collect();
        if all.is_empty() {
            None
        } else {
            let i = self.rng.below(all.len() as u32) as usize;
            Some(all[i])
        }
    }

    fn pick_live(&mut self, tys: &[Ty]) -> Option<(usize, usize)> {
        self.pick(|v| v.st == St::Live && tys.contains(&v.ty))
    }

    fn pick_movable(&mut self, tys: &[Ty]) -> Option<(usize, usize)> {
        let depth = self.depth;
        self.pick(|v| {
            v.st == St::Live && tys.contains(&v.ty) && v.depth == depth && v.ty != Ty::Int && v.ty != Ty::Small
        })
    }

    /// Marks a local moved and returns its name.
    fn take(&mut self, at: (usize, usize)) -> String {
        let v = self.var_mut(at);
        v.st = St::Moved;
        v.name.clone()
    }

    fn states(&self) -> Vec<Vec<St>> {
        self.scopes.iter().map(|s| s.iter().map(|v| v.st).collect()).collect()
    }
    fn restore(&mut self, states: &[Vec<St>]) {
        for (scope, sts) in self.scopes.iter_mut().zip(states) {
            for (v, st) in scope.iter_mut().zip(sts) {
                v.st = *st;
            }
        }
    }
    /// Starts the next sibling branch. Unless `branch-reuse` is on, a local that an earlier branch moved is not
    /// used in a later one.
    fn next_branch(&mut self, before: &[Vec<St>], outs: &[(Vec<Vec<St>>, bool)]) {
        self.restore(before);
        if self.on("branch-reuse") {
            return;
        }
        for (out, _) in outs {
            for (si, sts) in out.iter().enumerate() {
                for (vi, st) in sts.iter().enumerate() {
                    if *st != before[si][vi] {
                        self.scopes[si][vi].st = St::Maybe;
                    }
                }
            }
        }
    }

    /// The states after a branch: what flows out of every branch that does not diverge.
    fn merge(&mut self, outs: &[(Vec<Vec<St>>, bool)], before: &[Vec<St>]) -> bool {
        let flowing: Vec<&Vec<Vec<St>>> = outs.iter().filter(|o| !o.1).map(|o| &o.0).collect();
        if flowing.is_empty() {
            self.restore(before);
            return true;
        }
        let mut merged = flowing[0].clone();
        for other in &flowing[1..] {
            for (ms, os) in merged.iter_mut().zip(other.iter()) {
                for (m, o) in ms.iter_mut().zip(os) {
                    if *m != *o {
                        *m = if *m == St::Moved && *o == St::Moved { St::Moved } else { St::Maybe };
                    }
                }
            }
        }
        self.restore(&merged);
        false
    }

    // ---- expressions -------------------------------------------------------------------------------------

    fn lit(&mut self) -> String {
        let v = self.rng.range(-2, 9);
        let suffix = if self.on("int-fallback") { "" } else { "i64" };
        if v < 0 { format!("({v}{suffix})") } else { format!("{v}{suffix}") }
    }

    /// A small non-negative literal (counters, loop bounds).
    fn lit_n(&self, n: i64) -> String {
        if self.on("int-fallback") { n.to_string() } else { format!("{n}i64") }
    }

    /// Marks a non-`Copy` local as read by the current expression; false if it already was.
    fn use_once(&mut self, name: &str) -> bool {
        if self.on("multi-use") {
            return true;
        }
        if self.expr_used.iter().any(|n| n == name) {
            return false;
        }
        self.expr_used.push(name.to_string());
        true
    }

    /// A literal or an integer local: safe to use inside closures (captured by copy).
    fn int_simple(&mut self) -> String {
        if self.rng.chance(50)
            && let Some(at) = self.pick_live(&[Ty::Int])
        {
            let n = self.var(at).name.clone();
            self.reads.push((at, n.clone()));
            return n;
        }
        self.lit()
    }

    /// An integer-valued leaf reading some local, or a literal.
    fn int_atom(&mut self) -> String {
        if self.rng.chance(20) {
            return self.lit();
        }
        let Some(at) = self.pick_live(&[
            Ty::Int,
            Ty::Small,
            Ty::Str,
            Ty::VecI,
            Ty::VecD,
            Ty::Tup,
            Ty::OptI,
            Ty::OptS,
            Ty::D,
            Ty::Clo,
            Ty::Iter,
        ]) else {
            return self.lit();
        };
        let v = self.var(at).clone();
        let n = &v.name;
        if !matches!(v.ty, Ty::Int | Ty::Small | Ty::OptI) && !self.use_once(n) {
            return self.lit();
        }
        let text = match v.ty {
            Ty::Int => n.clone(),
            Ty::Small => format!("({n} as i64)"),
            Ty::Str => format!("lens(&{n})"),
            Ty::VecI => {
                if self.rng.chance(50) {
                    format!("sumv(&{n})")
                } else {
                    format!("lenv(&{n})")
                }
            }
            Ty::VecD => format!("lenv(&{n})"),
            Ty::Tup => format!("{n}.0"),
            Ty::OptI => {
                let d = self.lit();
                format!("{n}.unwrap_or({d})")
            }
            Ty::OptS => format!("i64::from({n}.is_some())"),
            Ty::D => format!("{n}.get()"),
            Ty::Clo => {
                let a = self.int_simple();
                format!("{n}({a})")
            }
            Ty::Iter => {
                let d = self.lit();
                format!("{n}.next().unwrap_or({d})")
            }
        };
        if matches!(v.ty, Ty::Int | Ty::Small | Ty::OptI | Ty::Tup) {
            self.reads.push((at, text.clone()));
        }
        text
    }

    /// A yielded value: an integer expression without drop-logging temporaries (see `int_form`).
    fn yield_arg(&mut self, depth: u32) -> String {
        self.yield_arg_depth += 1;
        let e = self.int(depth);
        self.yield_arg_depth -= 1;
        e
    }

    fn int(&mut self, depth: u32) -> String {
        if self.stream {
            if self.on("await") && !self.no_await && self.rng.chance(10) {
                self.awaits += 1;
                let k = self.rng.below(3);
                let e = self.int(depth.saturating_sub(1));
                return format!("later({k}, {e}).await");
            }
            if self.on("stream-operand-yield") && self.can_yield() && self.rng.chance(4) {
                let y = self.yield_arg(depth.saturating_sub(1));
                self.note_yield();
                let e = self.int(depth.saturating_sub(1));
                return format!("{{ yield_!({y}); {e} }}");
            }
        }
        if self.coroutine() && self.on("subexpr-yield") && self.can_yield() && self.rng.chance(8) {
            let e = self.yield_arg(depth.saturating_sub(1));
            self.note_yield();
            return format!("yield_!({e})");
        }
        if depth == 0 || self.rng.chance(45) {
            return self.int_atom();
        }
        if self.on("expr-forms") && self.rng.chance(35) {
            return self.int_form(depth);
        }
        match self.rng.below(5) {
            0 | 1 => {
                let t = self.fresh("f");
                let e = self.int(depth - 1);
                format!("fx(\"{t}\", {e})")
            }
            2 => {
                let (a, b) = (self.int(depth - 1), self.int(depth - 1));
                format!("({a} + {b})")
            }
            3 => {
                let (a, b) = (self.int(depth - 1), self.int(depth - 1));
                format!("({a} - {b})")
            }
            _ => {
                let a = self.int(depth - 1);
                format!("md({a}, {})", self.rng.range(2, 5))
            }
        }
    }

    /// An integer expression of a compound form (`expr-forms`); with `subexpr-yield`, its operands are where
    /// the yields land.
    fn int_form(&mut self, depth: u32) -> String {
        let d = depth - 1;
        match self.rng.below(16) {
            0 => {
                let (a, b, i) = (self.int(d), self.int(d), self.int(d));
                format!("[{a}, {b}][md({i}, 2) as usize]")
            }
            1 => {
                let (a, b) = (self.int(d), self.int(d));
                format!("({a}, {b}).1")
            }
            2 => {
                let (a, b) = (self.int(d), self.int(d));
                format!("Some({a}).unwrap_or({b})")
            }
            3 => {
                let (a, b) = (self.int(d), self.int(d));
                format!("pts(P {{ a: {a}, b: {b} }})")
            }
            4 => {
                let a = self.int(d);
                format!("((-({a} as i64)) as u8 as i64)")
            }
            5 => {
                let c = self.cond(0);
                let (a, b) = (self.int(d), self.int(d));
                format!("(if {c} {{ {a} }} else {{ {b} }})")
            }
            6 => {
                let (s, a, b) = (self.int(d), self.int(d), self.int(d));
                format!("(match md({s}, 2) {{ 0 => {a}, _ => {b} }})")
            }
            7 => {
                let (a, b) = (self.int(d), self.int(d));
                format!("sumv(&vec![{a}, {b}])")
            }
            8 => {
                let a = self.int(d);
                format!("lens(&format!(\"{{}}.\", {a}))")
            }
            9 => {
                let (a, b) = (self.int(d), self.int(d));
                format!("(md)({a}, 3 + md({b}, 2))")
            }
            10 => {
                let q = self.fresh("q");
                let (a, b) = (self.int(d), self.int(d));
                format!("{{ let {q} = {a}; {q} + {b} }}")
            }
            // A temporary lives until the end of its statement, across any later `yield_!` in it. (One created
            // inside a yielded value itself, or in an `if let` scrutinee, is dropped before suspending: a
            // documented deviation, so never generated there.)
            11 if self.yield_arg_depth == 0 => {
                let t = self.fresh("t");
                let (a, b) = (self.int(d), self.int(d));
                format!("(D::new(\"{t}\", {a}).get() + {b})")
            }
            // Method arguments on a local receiver (a place: borrowed after its arguments are evaluated).
            12 if let Some(at) = self.pick_live(&[Ty::VecI]) => {
                let n = self.var(at).name.clone();
                if !self.use_once(&n) {
                    return self.int_atom();
                }
                let (i, b) = (self.int(d), self.int(d));
                format!("{n}.get(md({i}, 3) as usize).copied().unwrap_or({b})")
            }
            // A struct literal's field written shorthand (`P { a, b }`) from a local held across a suspension
            // point later in the literal: an arm that reaches the local in place through a reference must write
            // the shorthand out.
            13 if self.yield_arg_depth == 0 => {
                let a = self.int(d);
                let b = self.suspending_int(d);
                format!("{{ let a = {a}; pts(P {{ a, b: {b} }}) }}")
            }
            // An aggregate, projected, with a suspension point before an operand that creates a temporary:
            // the temporary lives until the end of the statement, after the projection and whatever uses it.
            14 | 15 if self.yield_arg_depth == 0 => self.aggregate_with_temporary(d),
            _ => {
                let (a, b) = (self.int(d), self.int(d));
                format!("((md({a}, 4)..md({b}, 4) + 1).count() as i64)")
            }
        }
    }

    /// An integer operand that is a `yield_!` when one is allowed here, else any integer.
    fn suspending_int(&mut self, d: u32) -> String {
        if self.coroutine() && self.on("subexpr-yield") && self.can_yield() {
            let e = self.yield_arg(d);
            self.note_yield();
            format!("yield_!({e})")
        } else {
            self.int(d)
        }
    }

    /// `[yield_!(..), (D::new(..).get() + b)][i]`, the same as a tuple field or a struct literal's field, or an
    /// aggregate nested in one: the first operand suspends when a `yield_!` is allowed here.
    fn aggregate_with_temporary(&mut self, d: u32) -> String {
        let first = self.suspending_int(d);
        let t = self.fresh("t");
        let (a, b) = (self.int(d), self.int(d));
        let temporary = format!("(D::new(\"{t}\", {a}).get() + {b})");
        match self.rng.below(4) {
            0 => {
                let i = self.int(d);
                format!("[{first}, {temporary}][md({i}, 2) as usize]")
            }
            1 => format!("({first}, {temporary}).1"),
            2 => format!("(P {{ a: {first}, b: {temporary} }}).b"),
            _ => format!("[({first}, [{temporary}, 0]).1[0], 1][0]"),
        }
    }

    fn cond(&mut self, depth: u32) -> String {
        if self.stream && self.on("await") && !self.no_await && self.rng.chance(10) {
            self.awaits += 1;
            let k = self.rng.below(3);
            let c = self.cond(depth.saturating_sub(1));
            return format!("later({k}, {c}).await");
        }
        match self.rng.below(if depth == 0 { 4 } else { 7 }) {
            0 => {
                let (a, b) = (self.int(1), self.int(1));
                format!("{a} < {b}")
            }
            1 => {
                let t = self.fresh("c");
                let a = self.int(1);
                format!("cnd(\"{t}\", {a})")
            }
            2 => {
                let (a, b) = (self.int(1), self.lit());
                format!("{a} == {b}")
            }
            3 => {
                if let Some(at) = self.pick_live(&[Ty::OptI, Ty::OptS]) {
                    let n = self.var(at).name.clone();
                    if self.rng.chance(50) { format!("{n}.is_some()") } else { format!("{n}.is_none()") }
                } else {
                    let (a, b) = (self.int(1), self.int(1));
                    format!("{a} >= {b}")
                }
            }
            4 => {
                let c = self.cond(depth - 1);
                format!("!({c})")
            }
            5 => {
                let (a, b) = (self.cond(depth - 1), self.cond(depth - 1));
                format!("({a} && {b})")
            }
            _ => {
                let (a, b) = (self.cond(depth - 1), self.cond(depth - 1));
                format!("({a} || {b})")
            }
        }
    }

    fn str_expr(&mut self) -> String {
        if self.stream && self.on("await") && !self.no_await && self.rng.chance(15) {
            self.awaits += 1;
            let k = self.rng.below(3);
            let e = self.str_expr();
            return format!("later({k}, {e}).await");
        }
        match self.rng.below(4) {
            0 => {
                let t = self.fresh("s");
                format!("String::from(\"{t}\")")
            }
            1 => {
                let t = self.fresh("s");
                let e = self.int(1);
                format!("sv(\"{t}\", {e})")
            }
            _ => {
                let free = self
                    .pick_live(&[Ty::Str])
                    .filter(|&at| self.on("multi-use") || !self.expr_used.contains(&self.var(at).name));
                if let Some(at) = free {
                    let n = self.var(at).name.clone();
                    self.use_once(&n);
                    if self.rng.chance(50) {
                        let e = self.int(1);
                        format!("format!(\"{{}}-{{}}\", {n}, {e})")
                    } else {
                        format!("{n}.clone()")
                    }
                } else {
                    let t = self.fresh("s");
                    format!("String::from(\"{t}\")")
                }
            }
        }
    }

    fn d_new(&mut self) -> String {
        let t = self.fresh("d");
        let e = self.int(1);
        if self.stream && self.on("await") && !self.no_await && self.rng.chance(15) {
            self.awaits += 1;
            let k = self.rng.below(3);
            return format!("later({k}, D::new(\"{t}\", {e})).await");
        }
        format!("D::new(\"{t}\", {e})")
    }

    fn ret_value(&mut self) -> String {
        match self.kind {
            Kind::Opt => {
                if self.rng.chance(25) {
                    "None".into()
                } else {
                    let e = self.int(2);
                    format!("Some({e})")
                }
            }
            Kind::Res => {
                if self.rng.chance(25) {
                    let e = self.int(1);
                    let t = self.fresh("e");
                    format!("Err(sv(\"{t}\", {e}))")
                } else {
                    let e = self.int(2);
                    format!("Ok({e})")
                }
            }
            Kind::Gen => String::new(),
        }
    }

    // ---- blocks ------------------------------------------------------------------------------------------

    fn body(&mut self) -> Block {
        let mut b = Block::default();
        // Every program holds a drop-logging value from the start.
        let name = self.fresh("v");
        let d = self.d_new();
        b.stmts.push(self.line(format!("let mut {name} = {d};")));
        self.declare(name, Ty::D);
        let mut diverged = false;
        while self.budget > 0 && !diverged {
            diverged = self.stmt(0, &mut b.stmts);
        }
        if !diverged && self.yields == 0 {
            let e = self.yield_arg(1);
            b.stmts.push(self.line(format!("yield_!({e});")));
            self.note_yield();
        }
        if !diverged && self.kind != Kind::Gen {
            let r = self.ret_value();
            b.stmts.push(self.line(r));
        }
        b
    }

    /// A nested block of up to `max` statements plus the tail; returns whether it diverges.
    fn block(&mut self, depth: u32, max: u32, tail: Tail) -> (Block, bool) {
        self.scopes.push(Vec::new());
        let mut b = Block::default();
        let n = 1 + self.rng.below(max);
        let mut diverged = false;
        for _ in 0..n {
            if self.budget <= 0 && !b.stmts.is_empty() {
                break;
            }
            diverged = self.stmt(depth, &mut b.stmts);
            if diverged {
                break;
            }
        }
        if !diverged {
            match tail {
                Tail::None => {
                    if self.kind == Kind::Gen && self.on("tail-yield") && self.can_yield() && self.rng.chance(10) {
                        let e = self.yield_arg(1);
                        self.note_yield();
                        b.stmts.push(self.line(format!("yield_!({e})")));
                    }
                }
                Tail::Int => {
                    let t = self.tail_int();
                    b.stmts.push(self.line(t));
                }
                Tail::Str => {
                    let t = match self.pick_movable(&[Ty::Str]) {
                        Some(at) if self.rng.chance(50) => self.take(at),
                        _ => self.str_expr(),
                    };
                    b.stmts.push(self.line(t));
                }
            }
        }
        self.scopes.pop();
        (b, diverged)
    }

    fn tail_int(&mut self) -> String {
        self.expr_used.clear();
        if self.coroutine() && self.on("tail-yield") && self.can_yield() && self.rng.chance(25) {
            let e = self.yield_arg(1);
            self.note_yield();
            format!("yield_!({e})")
        } else {
            self.int(2)
        }
    }

    /// `if c {B} else {B}`, with the state merge; `value` gives both branches an integer tail.
    fn if_stmt(&mut self, depth: u32, tail: Tail, semi: bool) -> (Stmt, bool) {
        let c = self.cond(2);
        let before = self.states();
        let (then, d1) = self.block(depth + 1, 3, tail);
        let out1 = self.states();
        let has_else = tail != Tail::None || self.rng.chance(60);
        let mut pieces = vec![Piece::Text(format!("if {c} ")), Piece::Block(then)];
        let mut outs = vec![(out1, d1)];
        self.next_branch(&before, &outs);
        if has_else {
            let (els, d2) = self.block(depth + 1, 3, tail);
            outs.push((self.states(), d2));
            pieces.push(Piece::Text(" else ".into()));
            pieces.push(Piece::Block(els));
        } else {
            outs.push((before.clone(), false));
        }
        if semi {
            pieces.push(Piece::Text(";".into()));
        }
        let diverged = self.merge(&outs, &before);
        (Stmt { id: self.id(), pieces }, diverged)
    }

    /// A `match` on an integer or an `Option`; arms are blocks (with the tail kind given).
    fn match_stmt(&mut self, depth: u32, tail: Tail, semi: bool) -> (Stmt, bool) {
        let before = self.states();
        let mut outs = Vec::new();
        let mut pieces = Vec::new();
        let mut opt_local = None;
        let choice = self.rng.below(3);
        if choice == 0 {
            opt_local = self.pick_live(&[Ty::OptI]);
        } else if choice == 1 {
            opt_local = self.pick_movable(&[Ty::OptS]);
        }
        if let Some(at) = opt_local {
            let ty = self.var(at).ty;
            let scrut = if ty == Ty::OptS { self.take(at) } else { self.var(at).name.clone() };
            let after_scrut = self.states();
            let x = self.fresh("v");
            pieces.push(Piece::Text(format!("match {scrut} {{ Some(mut {x}) => ")));
            self.scopes.push(Vec::new());
            self.declare(x, if ty == Ty::OptS { Ty::Str } else { Ty::Int });
            let (b1, d1) = self.block(depth + 1, 3, tail);
            self.scopes.pop();
            outs.push((self.states(), d1));
            self.next_branch(&after_scrut, &outs);
            pieces.push(Piece::Block(b1));
            pieces.push(Piece::Text(" None => ".into()));
            let (b2, d2) = self.block(depth + 1, 3, tail);
            outs.push((self.states(), d2));
            pieces.push(Piece::Block(b2));
            pieces.push(Piece::Text(" }".into()));
            // The scrutinee is moved on the `Some` path only.
            let diverged = self.merge(&outs, &before);
            if ty == Ty::OptS && !diverged {
                self.var_mut(at).st = St::Maybe;
            }
            if semi {
                pieces.push(Piece::Text(";".into()));
            }
            return (Stmt { id: self.id(), pieces }, diverged);
        }
        let e = self.int(2);
        pieces.push(Piece::Text(format!("match md({e}, 3) {{ 0 => ")));
        let (b0, d0) = self.block(depth + 1, 2, tail);
        outs.push((self.states(), d0));
        self.next_branch(&before, &outs);
        pieces.push(Piece::Block(b0));
        pieces.push(Piece::Text(" 1 => ".into()));
        let (b1, d1) = self.block(depth + 1, 2, tail);
        outs.push((self.states(), d1));
        self.next_branch(&before, &outs);
        pieces.push(Piece::Block(b1));
        if tail == Tail::Int && self.coroutine() && self.on("tail-yield") && self.can_yield() && self.rng.chance(40) {
            let e = self.yield_arg(1);
            self.note_yield();
            pieces.push(Piece::Text(format!(" _ => yield_!({e}), }}")));
            outs.push((self.states(), false));
        } else {
            pieces.push(Piece::Text(" _ => ".into()));
            let (b2, d2) = self.block(depth + 1, 2, tail);
            outs.push((self.states(), d2));
            pieces.push(Piece::Block(b2));
            pieces.push(Piece::Text(" }".into()));
        }
        if semi {
            pieces.push(Piece::Text(";".into()));
        }
        let diverged = self.merge(&outs, &before);
        (Stmt { id: self.id(), pieces }, diverged)
    }

    /// Loop header bookkeeping: a label (sometimes), a deeper move depth, the jump context.
    fn enter_loop(&mut self, is_loop: bool, value: bool) -> Option<String> {
        let label = if self.on("labels") && self.rng.chance(40) { Some(format!("'l{}", self.fresh(""))) } else { None };
        self.ctxs.push(Ctx { label: label.clone(), is_loop, value });
        self.depth += 1;
        label
    }
    fn leave_loop(&mut self) {
        self.ctxs.pop();
        self.depth -= 1;
    }
    fn label_text(label: Option<&String>) -> String {
        label.map(|l| format!("{l}: ")).unwrap_or_default()
    }

    /// `let mut cN = 0;` before a counted loop.
    fn counter(&mut self, out: &mut Vec<Stmt>) -> (String, i64) {
        let c = self.fresh("c");
        out.push(self.line(format!("let mut {c} = {};", self.lit_n(0))));
        let depth = self.depth;
        self.scopes.last_mut().expect("a scope").push(Var {
            name: c.clone(),
            ty: Ty::Int,
            st: St::Live,
            depth,
            assignable: false,
            frozen: false,
            resume: false,
        });
        (c, self.rng.range(1, 3))
    }

    /// A loop whose body is generated by `block` (loop-local moves only, so outer states do not change).
    fn loop_body(&mut self, depth: u32, prefix: Vec<Stmt>, declare: Option<(String, Ty)>) -> Block {
        self.scopes.push(Vec::new());
        if let Some((n, ty)) = declare {
            self.declare(n, ty);
        }
        let (mut b, _) = self.block(depth + 1, 3, Tail::None);
        self.scopes.pop();
        let mut stmts = prefix;
        stmts.append(&mut b.stmts);
        Block { stmts }
    }

    // ---- statements --------------------------------------------------------------------------------------

    /// Generates one statement (sometimes a few) into `out`; returns whether control never reaches past it.
    fn stmt(&mut self, depth: u32, out: &mut Vec<Stmt>) -> bool {
        self.budget -= 1;
        self.expr_used.clear();
        self.nesting = depth;
        let nested = depth < self.cfg.max_depth;
        if self.stream && self.on("await") && self.rng.chance(6) {
            self.awaits += 1;
            let k = self.rng.below(3);
            out.push(self.line(format!("later({k}, ()).await;")));
            return false;
        }
        for _ in 0..20 {
            let choice = self.rng.below(100);
            let done = match choice {
                0..=14 => self.s_let(out),
                15..=29 => self.s_yield(out),
                30..=37 => self.s_mutate(out),
                38..=40 if self.on("extended-temporary") && self.rng.chance(30) => {
                    self.s_extended_temporary(out);
                    true
                }
                38..=40 => {
                    let t = self.fresh("f");
                    let e = self.int(2);
                    out.push(self.line(format!("fx(\"{t}\", {e});")));
                    true
                }
                41..=47 => self.s_move(out),
                48..=55 if nested => self.s_let_value(depth, out),
                56..=62 if nested => return self.s_if(depth, out),
                63..=66 if nested => return self.s_match(depth, out),
                67..=76 if nested => self.s_loop(depth, out),
                77..=81 => match self.s_jump(out) {
                    Some(d) => return d,
                    None => false,
                },
                82..=83 if self.on("return") => {
                    let r = self.ret_value();
                    if self.rng.chance(75) || !self.may_exit() {
                        let c = self.cond(1);
                        out.push(self.line(format!("if {c} {{ return {r}; }}")));
                        return false;
                    }
                    out.push(self.line(format!("return {r};")));
                    return true;
                }
                84..=87 => self.s_try(out),
                88..=90 => self.s_let_else(out),
                91..=93 => self.s_shadow(out),
                94 if self.on("panic") => {
                    let c = self.cond(1);
                    let t = self.fresh("p");
                    out.push(self.line(format!("if {c} {{ panic!(\"{t}\"); }}")));
                    true
                }
                95..=97 if nested && self.on("block") => {
                    let (b, d) = self.block(depth + 1, 3, Tail::None);
                    out.push(Stmt { id: self.id(), pieces: vec![Piece::Block(b)] });
                    return d;
                }
                98..=99 if self.on("destructure") => {
                    if let Some(at) = self.pick_movable(&[Ty::Tup]) {
                        let t = self.take(at);
                        let (a, b) = (self.fresh("v"), self.fresh("v"));
                        out.push(self.line(format!("let (mut {a}, mut {b}) = {t};")));
                        self.declare(a, Ty::Int);
                        self.declare(b, Ty::Str);
                        true
                    } else {
                        false
                    }
                }
                _ => false,
            };
            if done {
                return false;
            }
        }
        let e = self.int(1);
        let t = self.fresh("f");
        out.push(self.line(format!("fx(\"{t}\", {e});")));
        false
    }

    fn s_let(&mut self, out: &mut Vec<Stmt>) -> bool {
        let name = self.fresh("v");
        let (ty, init) = match self.rng.below(11) {
            0 | 1 => (Ty::Int, self.int(2)),
            2 => (Ty::Small, format!("{}u8", self.rng.range(0, 9))),
            3 => (Ty::Str, self.str_expr()),
            4 => {
                if self.rng.chance(60) {
                    let (a, b) = (self.int(1), self.int(1));
                    (Ty::VecI, format!("vec![{a}, {b}]"))
                } else {
                    let a = if self.on("closure-capture") { self.int_simple() } else { self.lit() };
                    (Ty::VecI, format!("(0..{}i64).map(move |z| z * {a}).collect::<Vec<i64>>()", self.rng.range(1, 3)))
                }
            }
            5 => {
                let (a, b) = (self.d_new(), self.d_new());
                (Ty::VecD, format!("vec![{a}, {b}]"))
            }
            6 => {
                let a = self.int(1);
                match self.pick_movable(&[Ty::Str]) {
                    Some(at) if self.on("move") && self.rng.chance(50) => {
                        let s = self.take(at);
                        (Ty::Tup, format!("({a}, {s})"))
                    }
                    _ => {
                        let s = self.str_expr();
                        (Ty::Tup, format!("({a}, {s})"))
                    }
                }
            }
            7 => {
                if self.rng.chance(50) {
                    let t = self.fresh("o");
                    let e = self.int(1);
                    (Ty::OptI, format!("opt(\"{t}\", {e})"))
                } else {
                    let e = self.int(1);
                    (Ty::OptI, format!("Some({e})"))
                }
            }
            8 => match self.pick_movable(&[Ty::Str]) {
                Some(at) if self.on("move") && self.rng.chance(50) => {
                    let s = self.take(at);
                    (Ty::OptS, format!("Some({s})"))
                }
                _ => {
                    let (c, s) = (self.cond(0), self.str_expr());
                    (Ty::OptS, format!("if {c} {{ Some({s}) }} else {{ None }}"))
                }
            },
            9 if self.closures("closure") => {
                self.no_await = self.stream && !self.on("stream-closure-anywhere");
                let k = self.int_simple();
                match self.rng.below(3) {
                    0 => match self.pick_movable(&[Ty::D]) {
                        Some(at) => {
                            let d = self.take(at);
                            (Ty::Clo, format!("move |z: i64| z + {k} + {d}.get()"))
                        }
                        None => (Ty::Clo, format!("move |z: i64| z * 2 + {k}")),
                    },
                    1 => match self.pick_movable(&[Ty::Str]) {
                        Some(at) => {
                            let s = self.take(at);
                            (Ty::Clo, format!("move |z: i64| z - lens(&{s})"))
                        }
                        None => (Ty::Clo, format!("move |z: i64| z - {k}")),
                    },
                    _ => {
                        let d = self.d_new();
                        (Ty::Clo, format!("{{ let dd = {d}; move |z: i64| z + dd.get() + {k} }}"))
                    }
                }
            }
            10 if self.on("iter") => {
                self.no_await = self.stream && !self.on("stream-closure-anywhere");
                let k = self.int_simple();
                let n = self.rng.range(1, 4);
                let closures = self.closures("iter-closure");
                match self.rng.below(5) {
                    0 if closures => (Ty::Iter, format!("(0..{n}i64).map(move |z| z + {k})")),
                    0 => (Ty::Iter, format!("(0..{n}i64).skip(1)")),
                    1 => (Ty::Iter, format!("(0..{n}i64).rev().skip(1)")),
                    2 => (Ty::Iter, format!("(1..{n}i64).chain({k}..3)")),
                    3 => match self.pick_movable(&[Ty::VecI]) {
                        Some(at) if self.on("move") => {
                            let v = self.take(at);
                            (Ty::Iter, format!("{v}.into_iter().rev()"))
                        }
                        _ => (Ty::Iter, format!("(0..{n}i64).take(2)")),
                    },
                    _ => match self.pick_movable(&[Ty::VecD]) {
                        Some(at) if self.on("move") && closures => {
                            let v = self.take(at);
                            (Ty::Iter, format!("{v}.into_iter().map(|d| d.get() * 2)"))
                        }
                        _ if closures => (Ty::Iter, format!("(0..{n}i64).map(|z| z * 3)")),
                        _ => (Ty::Iter, format!("({n}..6i64).rev()")),
                    },
                }
            }
            _ => (Ty::D, self.d_new()),
        };
        self.no_await = false;
        if self.on("deferred-init") && !out.is_empty() && self.rng.chance(15) {
            // Declared up to three statements earlier in the same block, without a value.
            let back = 1 + self.rng.below(out.len().min(3) as u32) as usize;
            let decl = self.line(format!("let mut {name};"));
            out.insert(out.len() - back, decl);
            out.push(self.line(format!("{name} = {init};")));
        } else {
            out.push(self.line(format!("let mut {name} = {init};")));
        }
        self.declare(name, ty);
        true
    }

    fn s_yield(&mut self, out: &mut Vec<Stmt>) -> bool {
        if !self.can_yield() {
            return false;
        }
        let e = self.yield_arg(2);
        self.note_yield();
        if self.coroutine() {
            match self.rng.below(4) {
                0 if self.on("let-yield") => {
                    let p = self.fresh("v");
                    out.push(self.line(format!("let mut {p} = yield_!({e});")));
                    self.declare(p, Ty::Int);
                    return true;
                }
                1 if self.on("resume-assign") => {
                    let nested_ok = self.nesting == 0 || self.on("resume-assign-nested");
                    if let Some(at) = self.pick(|v| v.ty == Ty::Int && v.assignable).filter(|_| nested_ok) {
                        let n = self.var(at).name.clone();
                        out.push(self.line(format!("{n} = yield_!({e});")));
                        return true;
                    }
                }
                _ => {}
            }
        }
        out.push(self.line(format!("yield_!({e});")));
        if self.nesting == 0 {
            self.top_yield = true;
        }
        true
    }

    fn s_mutate(&mut self, out: &mut Vec<Stmt>) -> bool {
        let Some(at) = self
            .pick(|v| v.st == St::Live && v.assignable && !matches!(v.ty, Ty::Small | Ty::Clo | Ty::Tup | Ty::OptS))
        else {
            return false;
        };
        let v = self.var(at).clone();
        let n = v.name;
        if !matches!(v.ty, Ty::Int | Ty::OptI) {
            self.use_once(&n);
        }
        // Overwriting (without reading) is fine unless it is an outer local inside a loop.
        let overwrite = v.depth == self.depth || !self.in_loop() || self.on("assign-outer");
        let text = match v.ty {
            Ty::Int => {
                let e = self.int(2);
                if self.rng.chance(50) && overwrite { format!("{n} = {e};") } else { format!("{n} += {e};") }
            }
            Ty::Str if self.on("replace") && self.rng.chance(25) => format!("{n} = {n} + \"r\";"),
            Ty::Str => {
                if self.rng.chance(50) && overwrite {
                    let e = self.str_expr();
                    format!("{n} = {e};")
                } else {
                    format!("{n}.push_str(\"x\");")
                }
            }
            Ty::VecI if !v.frozen => {
                let e = self.int(1);
                format!("{n}.push({e});")
            }
            Ty::VecD if !v.frozen => {
                let d = self.d_new();
                format!("{n}.push({d});")
            }
            Ty::OptI if overwrite => {
                let t = self.fresh("o");
                let e = self.int(1);
                format!("{n} = opt(\"{t}\", {e});")
            }
            Ty::D if self.on("replace") && self.rng.chance(40) => {
                if self.rng.chance(50) {
                    format!("{n} = renew({n});")
                } else {
                    // The new value is made of a literal: `n` is moved when it is made.
                    let (c, t, e) = (self.cond(1), self.fresh("d"), self.lit());
                    format!("if {c} {{ drop({n}); {n} = D::new(\"{t}\", {e}); }}")
                }
            }
            Ty::D if overwrite => {
                // Assigning drops the old value right here.
                let d = self.d_new();
                format!("{n} = {d};")
            }
            Ty::Iter => {
                let d = self.lit();
                format!("{n}.next().unwrap_or({d});")
            }
            _ => return false,
        };
        out.push(self.line(text));
        true
    }

    /// In a stream program, sometimes `later(k, e).await` instead of `e` (a moved local travels through a
    /// future, dropped with it if the stream is dropped while it is pending).
    fn maybe_later(&mut self, e: String) -> String {
        if self.stream && self.on("await") && !self.no_await && self.rng.chance(40) {
            self.awaits += 1;
            let k = self.rng.below(3);
            format!("later({k}, {e}).await")
        } else {
            e
        }
    }

    fn s_move(&mut self, out: &mut Vec<Stmt>) -> bool {
        if !self.on("move") {
            return false;
        }
        let Some(at) = self.pick_movable(&[Ty::Str, Ty::VecI, Ty::VecD, Ty::Tup, Ty::OptS, Ty::D, Ty::Clo, Ty::Iter])
        else {
            return false;
        };
        let ty = self.var(at).ty;
        match self.rng.below(5) {
            0 if self.on("cond-move") => {
                let c = self.cond(1);
                let n = self.var(at).name.clone();
                self.var_mut(at).st = St::Maybe;
                out.push(self.line(format!("if {c} {{ drop({n}); }}")));
            }
            1 => {
                let n = self.take(at);
                let n = self.maybe_later(n);
                let t = self.fresh("m");
                out.push(self.line(format!("consume(\"{t}\", {n});")));
            }
            2 => {
                let n = self.take(at);
                let n = self.maybe_later(n);
                let b = self.fresh("v");
                out.push(self.line(format!("let mut {b} = {n};")));
                self.declare(b, ty);
            }
            3 if ty == Ty::D => {
                if let Some(vd) = self.pick_live(&[Ty::VecD]).filter(|&vd| !self.var(vd).frozen) {
                    let n = self.take(at);
                    let v = self.var(vd).name.clone();
                    out.push(self.line(format!("{v}.push({n});")));
                } else {
                    let n = self.take(at);
                    out.push(self.line(format!("drop({n});")));
                }
            }
            _ => {
                let n = self.take(at);
                out.push(self.line(format!("drop({n});")));
            }
        }
        true
    }

    fn s_let_value(&mut self, depth: u32, out: &mut Vec<Stmt>) -> bool {
        let mark = self.loop_mark();
        let cap = self.yield_cap;
        if !self.on("value-multi-yield") {
            self.yield_cap = Some(cap.unwrap_or(1).min(1));
        }
        let before = self.yields;
        let done = self.s_let_value_inner(depth, out);
        self.yield_cap = cap.map(|c| c.saturating_sub(self.yields - before));
        if done {
            self.keep_alive(mark, out);
        }
        done
    }

    fn s_let_value_inner(&mut self, depth: u32, out: &mut Vec<Stmt>) -> bool {
        let name = self.fresh("v");
        let stmt = match self.rng.below(6) {
            0 if self.on("value-if") => {
                let tail = if self.rng.chance(20) { Tail::Str } else { Tail::Int };
                let (s, diverged) = self.if_stmt(depth, tail, true);
                if diverged {
                    out.push(s);
                    return true;
                }
                let mut s = s;
                s.pieces.insert(0, Piece::Text(format!("let mut {name} = ")));
                self.declare(name, if tail == Tail::Str { Ty::Str } else { Ty::Int });
                s
            }
            1 if self.on("value-match") => {
                let (mut s, diverged) = self.match_stmt(depth, Tail::Int, true);
                if diverged {
                    out.push(s);
                    return true;
                }
                s.pieces.insert(0, Piece::Text(format!("let mut {name} = ")));
                self.declare(name, Ty::Int);
                s
            }
            2 if self.on("value-block") => {
                let tail = if self.rng.chance(30) { Tail::Str } else { Tail::Int };
                let (b, diverged) = self.block(depth + 1, 3, tail);
                let s = Stmt {
                    id: self.id(),
                    pieces: vec![Piece::Text(format!("let mut {name} = ")), Piece::Block(b), Piece::Text(";".into())],
                };
                if diverged {
                    return false;
                }
                self.declare(name, if tail == Tail::Str { Ty::Str } else { Ty::Int });
                s
            }
            3 if self.on("value-loop") => {
                let (c, k) = self.counter(out);
                let label = self.enter_loop(true, true);
                let brk = self.int(1);
                let head = Self::pinned(format!("if {c} >= {k} {{ break {brk}; }}"));
                let inc = Self::pinned(format!("{c} += 1;"));
                let body = self.loop_body(depth, vec![head, inc], None);
                self.leave_loop();
                self.declare(name.clone(), Ty::Int);
                Stmt {
                    id: self.id(),
                    pieces: vec![
                        Piece::Text(format!("let mut {name} = {}loop ", Self::label_text(label.as_ref()))),
                        Piece::Block(body),
                        Piece::Text(";".into()),
                    ],
                }
            }
            4 if self.on("labeled-block") => {
                let label = format!("'b{}", self.fresh(""));
                self.ctxs.push(Ctx { label: Some(label.clone()), is_loop: false, value: true });
                self.depth += 1;
                let cap = self.yield_cap;
                if !self.on("labeled-block-yield") {
                    self.yield_cap = Some(0);
                }
                let (b, diverged) = self.block(depth + 1, 3, Tail::Int);
                self.yield_cap = cap;
                self.depth -= 1;
                self.ctxs.pop();
                // A block that ends by jumping away may still be left by a `break 'b value`, but when it
                // isn't, its type is `!` and no code after it could use the value: bind nothing.
                let binding = if diverged { String::new() } else { format!("let mut {name} = ") };
                if !diverged {
                    self.declare(name.clone(), Ty::Int);
                }
                Stmt {
                    id: self.id(),
                    pieces: vec![Piece::Text(format!("{binding}{label}: ")), Piece::Block(b), Piece::Text(";".into())],
                }
            }
            _ => return false,
        };
        out.push(stmt);
        true
    }

    fn s_if(&mut self, depth: u32, out: &mut Vec<Stmt>) -> bool {
        if self.on("if-let") && self.rng.chance(30) {
            let before = self.states();
            let (scrut, ty, at) = match self.pick_live(&[Ty::OptI]) {
                Some(at) if self.rng.chance(50) => (self.var(at).name.clone(), Ty::Int, None),
                _ => match self.pick_movable(&[Ty::OptS]) {
                    Some(at) => (self.take(at), Ty::Str, Some(at)),
                    None => {
                        let t = self.fresh("o");
                        // Its temporaries would live through the block, across its yields: a documented
                        // deviation (README), so none here.
                        self.yield_arg_depth += 1;
                        let e = self.int(1);
                        self.yield_arg_depth -= 1;
                        (format!("opt(\"{t}\", {e})"), Ty::Int, None)
                    }
                },
            };
            let after_scrut = self.states();
            let x = self.fresh("v");
            self.scopes.push(Vec::new());
            self.declare(x.clone(), ty);
            let (b1, d1) = self.block(depth + 1, 3, Tail::None);
            self.scopes.pop();
            let mut outs = vec![(self.states(), d1)];
            self.next_branch(&after_scrut, &outs);
            let mut pieces = vec![Piece::Text(format!("if let Some(mut {x}) = {scrut} ")), Piece::Block(b1)];
            if self.rng.chance(50) {
                let (b2, d2) = self.block(depth + 1, 3, Tail::None);
                outs.push((self.states(), d2));
                pieces.push(Piece::Text(" else ".into()));
                pieces.push(Piece::Block(b2));
            } else {
                outs.push((after_scrut, false));
            }
            let diverged = self.merge(&outs, &before);
            if let Some(at) = at
                && !diverged
            {
                self.var_mut(at).st = St::Maybe;
            }
            out.push(Stmt { id: self.id(), pieces });
            return diverged;
        }
        if !self.on("if") {
            return false;
        }
        let (s, d) = self.if_stmt(depth, Tail::None, false);
        out.push(s);
        d
    }

    fn s_match(&mut self, depth: u32, out: &mut Vec<Stmt>) -> bool {
        if !self.on("match") {
            return false;
        }
        let (s, d) = self.match_stmt(depth, Tail::None, false);
        out.push(s);
        d
    }

    /// Unless `loop-last-use` is on: after a loop without yields, reads again every outer integer local that
    /// the loop read, so that no local's last read is inside such a loop.
    fn keep_alive(&mut self, mark: (usize, usize, u32), out: &mut Vec<Stmt>) {
        let (reads, scopes, yields) = mark;
        if self.on("loop-last-use") || self.yields != yields {
            return;
        }
        let visible = self.visible();
        let mut done = Vec::new();
        let all = std::mem::take(&mut self.reads);
        for (at, text) in &all[reads..] {
            let at = *at;
            if at.0 < scopes && visible.contains(&at) && self.var(at).st == St::Live && !done.contains(&at) {
                done.push(at);
                let t = self.fresh("k");
                out.push(self.line(format!("fx(\"{t}\", {text});")));
            }
        }
        self.reads = all;
    }

    fn loop_mark(&self) -> (usize, usize, u32) {
        (self.reads.len(), self.scopes.len(), self.yields)
    }

    fn s_loop(&mut self, depth: u32, out: &mut Vec<Stmt>) -> bool {
        let mark = self.loop_mark();
        let done = self.s_loop_inner(depth, out);
        if done {
            self.keep_alive(mark, out);
        }
        done
    }

    fn s_loop_inner(&mut self, depth: u32, out: &mut Vec<Stmt>) -> bool {
        match self.rng.below(6) {
            0 if self.on("loop") => {
                let (c, k) = self.counter(out);
                let label = self.enter_loop(true, false);
                let head = Self::pinned(format!("if {c} >= {k} {{ break; }}"));
                let inc = Self::pinned(format!("{c} += 1;"));
                let body = self.loop_body(depth, vec![head, inc], None);
                self.leave_loop();
                out.push(Stmt {
                    id: self.id(),
                    pieces: vec![Piece::Text(format!("{}loop ", Self::label_text(label.as_ref()))), Piece::Block(body)],
                });
            }
            1 if self.on("while") => {
                let (c, k) = self.counter(out);
                let label = self.enter_loop(true, false);
                let inc = Self::pinned(format!("{c} += 1;"));
                let body = self.loop_body(depth, vec![inc], None);
                self.leave_loop();
                out.push(Stmt {
                    id: self.id(),
                    pieces: vec![
                        Piece::Text(format!("{}while {c} < {k} ", Self::label_text(label.as_ref()))),
                        Piece::Block(body),
                    ],
                });
            }
            2 if self.on("while-let") => {
                let x = self.fresh("v");
                let (src, ty, frozen) = match self.pick_live(&[Ty::Iter, Ty::VecI, Ty::VecD]) {
                    Some(at) if self.var(at).ty == Ty::Iter => (format!("{}.next()", self.var(at).name), Ty::Int, None),
                    Some(at) if !self.var(at).frozen => {
                        let ty = if self.var(at).ty == Ty::VecD { Ty::D } else { Ty::Int };
                        (format!("{}.pop()", self.var(at).name), ty, Some(at))
                    }
                    _ => {
                        let it = self.fresh("v");
                        let n = self.rng.range(1, 3);
                        let k = self.int_simple();
                        let init = if self.closures("iter-closure") {
                            format!("(0..{n}i64).map(move |z| z + {k})")
                        } else {
                            format!("({k}..{n}i64).rev()")
                        };
                        out.push(self.line(format!("let mut {it} = {init};")));
                        self.declare(it.clone(), Ty::Iter);
                        (format!("{it}.next()"), Ty::Int, None)
                    }
                };
                if let Some(at) = frozen {
                    self.var_mut(at).frozen = true;
                }
                let label = self.enter_loop(true, false);
                // The binding is only read when `while-let-binding` is on (macro bug, see README).
                let binding = if self.on("while-let-binding") { Some((x.clone(), ty)) } else { None };
                let body = self.loop_body(depth, vec![], binding);
                self.leave_loop();
                if let Some(at) = frozen {
                    self.var_mut(at).frozen = false;
                }
                out.push(Stmt {
                    id: self.id(),
                    pieces: vec![
                        Piece::Text(format!("{}while let Some(mut {x}) = {src} ", Self::label_text(label.as_ref()))),
                        Piece::Block(body),
                    ],
                });
            }
            3..=5 if self.on("for") => {
                let x = self.fresh("v");
                let (src, ty) = match self.rng.below(5) {
                    0 => match self.pick_movable(&[Ty::VecI, Ty::VecD, Ty::Iter]) {
                        Some(at) if self.on("move") => {
                            let ty = if self.var(at).ty == Ty::VecD { Ty::D } else { Ty::Int };
                            (self.take(at), ty)
                        }
                        _ => {
                            let n = self.rng.range(1, 3);
                            (format!("0..{}", self.lit_n(n)), Ty::Int)
                        }
                    },
                    1 => match self.pick_live(&[Ty::VecI]) {
                        Some(at) => (format!("{}.clone()", self.var(at).name), Ty::Int),
                        None => {
                            let n = self.rng.range(2, 4);
                            (format!("(1..{}).rev()", self.lit_n(n)), Ty::Int)
                        }
                    },
                    2 => {
                        let (a, b) = (self.d_new(), self.d_new());
                        (format!("vec![{a}, {b}]"), Ty::D)
                    }
                    _ => {
                        let n = self.rng.range(1, 3);
                        (format!("0..{}", self.lit_n(n)), Ty::Int)
                    }
                };
                let label = self.enter_loop(true, false);
                let body = self.loop_body(depth, vec![], Some((x.clone(), ty)));
                self.leave_loop();
                out.push(Stmt {
                    id: self.id(),
                    pieces: vec![
                        Piece::Text(format!("{}for mut {x} in {src} ", Self::label_text(label.as_ref()))),
                        Piece::Block(body),
                    ],
                });
            }
            _ => return false,
        }
        true
    }

    /// `break`/`continue` to some enclosing loop or labeled block: under a condition, or ending the block.
    fn s_jump(&mut self, out: &mut Vec<Stmt>) -> Option<bool> {
        if !self.on("break") || self.ctxs.is_empty() {
            return None;
        }
        let n = self.ctxs.len();
        let mut target = n - 1;
        if self.on("labels") && self.rng.chance(40) {
            target = self.rng.below(n as u32) as usize;
        }
        let ctx = self.ctxs[target].clone();
        let innermost = target == n - 1;
        if !innermost && ctx.label.is_none() {
            return None;
        }
        if innermost && !ctx.is_loop && ctx.label.is_none() {
            return None;
        }
        // An unlabeled `break` inside a labeled block is an error: name the target unless it is an innermost loop.
        let label = if innermost && ctx.is_loop && (ctx.label.is_none() || self.rng.chance(50)) {
            String::new()
        } else {
            format!(" {}", ctx.label.clone().expect("checked"))
        };
        let cont = ctx.is_loop && self.rng.chance(35);
        let text = if cont {
            format!("continue{label};")
        } else if ctx.value {
            let e = self.int(1);
            // `break 'l { .. }` reads like a labeled block after an unlabeled `break` (a rustc lint).
            let e = if label.is_empty() || !e.starts_with('{') { e } else { format!("({e})") };
            format!("break{label} {e};")
        } else {
            format!("break{label};")
        };
        if self.rng.chance(70) || (!cont && !self.may_exit()) {
            let c = self.cond(1);
            out.push(self.line(format!("if {c} {{ {text} }}")));
            Some(false)
        } else {
            out.push(self.line(text));
            Some(true)
        }
    }

    fn s_try(&mut self, out: &mut Vec<Stmt>) -> bool {
        if !self.on("try") || self.kind == Kind::Gen {
            return false;
        }
        let t = self.fresh("q");
        let e = self.int(1);
        let src = if self.kind == Kind::Opt { format!("opt(\"{t}\", {e})?") } else { format!("res(\"{t}\", {e})?") };
        if self.rng.chance(30) {
            let f = self.fresh("f");
            out.push(self.line(format!("fx(\"{f}\", {src});")));
        } else {
            let v = self.fresh("v");
            out.push(self.line(format!("let mut {v} = {src};")));
            self.declare(v, Ty::Int);
        }
        true
    }

    fn s_let_else(&mut self, out: &mut Vec<Stmt>) -> bool {
        if !self.on("let-else") {
            return false;
        }
        let t = self.fresh("e");
        let e = self.int(1);
        let (pat, src) = if self.kind == Kind::Res && self.rng.chance(50) {
            ("Ok", format!("res(\"{t}\", {e})"))
        } else {
            ("Some", format!("opt(\"{t}\", {e})"))
        };
        let mut div = String::new();
        if self.coroutine() && self.on("let-else-yield") && self.can_yield() && self.rng.chance(50) {
            let y = self.yield_arg(1);
            self.note_yield();
            let _ = write!(div, "yield_!({y}); ");
        }
        let innermost_loop = self.ctxs.last().filter(|c| c.is_loop && !c.value && c.label.is_none());
        let jump = match self.rng.below(4) {
            0 if innermost_loop.is_some() => "break;".to_string(),
            1 if innermost_loop.is_some() => "continue;".to_string(),
            2 if self.on("panic") => format!("panic!(\"{}\");", self.fresh("p")),
            _ => {
                if self.kind == Kind::Gen {
                    "return;".to_string()
                } else {
                    let r = self.ret_value();
                    format!("return {r};")
                }
            }
        };
        div.push_str(&jump);
        let v = self.fresh("v");
        out.push(self.line(format!("let {pat}(mut {v}) = {src} else {{ {div} }};")));
        self.declare(v, Ty::Int);
        true
    }

    /// A `let` whose temporary Rust extends to the end of the block, the reference read once: the temporary
    /// drops there, after any suspension point that follows in the block.
    fn s_extended_temporary(&mut self, out: &mut Vec<Stmt>) {
        let r = self.fresh("r");
        // Made without borrowing a local (`lens(&p0)`, `v1.get()`): the macro leaves a value made from a borrow
        // as written (README), since it may hold the borrow.
        let owned = |g: &mut Self, e: String| if e.contains(['&', '.']) { g.rng.range(0, 9).to_string() } else { e };
        let d_new = |g: &mut Self| {
            let (t, e) = (g.fresh("d"), g.int(1));
            format!("D::new(\"{t}\", {})", owned(g, e))
        };
        let d = d_new(self);
        let (decl, read) = match self.rng.below(7) {
            0 => (format!("let {r} = &{d};"), format!("{r}.get()")),
            1 => (format!("let ref {r} = {d};"), format!("{r}.get()")),
            2 => {
                let other = d_new(self);
                (format!("let (ref {r}, _) = ({d}, {other});"), format!("{r}.get()"))
            }
            3 => {
                let e = self.int(1);
                let e = owned(self, e);
                (format!("let {r} = &({d}, {e}).0;"), format!("{r}.get()"))
            }
            // A call evaluated after the extended operand, one before it, and an array of two. Of literals: what
            // a pattern binds from a value made of a resumed value or the resume argument is held across later
            // suspension points whatever its type (the macro's known limitation), which would hold the borrow of
            // the temporary.
            n => {
                let (a, b) = (self.rng.range(0, 9), self.rng.range(0, 9));
                let (tf, ta, tb) = (self.fresh("f"), self.fresh("d"), self.fresh("d"));
                let decl = if n == 4 {
                    format!("let ({r}b, {r}a) = (&D::new(\"{ta}\", {b}), fx(\"{tf}\", {a}));")
                } else if n == 5 {
                    format!("let ({r}a, {r}b) = (fx(\"{tf}\", {a}), &D::new(\"{ta}\", {b}));")
                } else {
                    format!("let [{r}a, {r}b] = [&D::new(\"{ta}\", {a}), &D::new(\"{tb}\", {b})];")
                };
                let read = if n < 6 { format!("({r}a + {r}b.get())") } else { format!("({r}a.get() + {r}b.get())") };
                (decl, read)
            }
        };
        let t = self.fresh("f");
        out.push(self.line(format!("{decl} fx(\"{t}\", {read});")));
    }

    fn s_shadow(&mut self, out: &mut Vec<Stmt>) -> bool {
        if !self.on("shadow") {
            return false;
        }
        let Some(at) = self.pick(|v| v.st == St::Live && v.assignable && matches!(v.ty, Ty::Int | Ty::Str | Ty::D))
        else {
            return false;
        };
        let v = self.var(at).clone();
        let n = v.name.clone();
        if !matches!(v.ty, Ty::Int) {
            self.use_once(&n);
        }
        let (ty, init) = match (v.ty, self.rng.below(2)) {
            (Ty::Int, _) => {
                self.reads.push((at, n.clone()));
                let e = self.int(1);
                (Ty::Int, format!("{n} + {e}"))
            }
            (Ty::Str, 0) => (Ty::Int, format!("lens(&{n})")),
            (Ty::Str, _) => {
                let e = self.int(1);
                (Ty::Str, format!("format!(\"{{}}{{}}\", {n}, {e})"))
            }
            (_, 0) => (Ty::Int, format!("{n}.get() + 1")),
            _ => {
                let t = self.fresh("d");
                (Ty::D, format!("D::new(\"{t}\", {n}.get() * 2)"))
            }
        };
        out.push(self.line(format!("let mut {n} = {init};")));
        self.declare(n, ty);
        true
    }
}
