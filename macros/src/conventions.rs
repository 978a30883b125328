//! Vocabulary: the tables of std names the macro knows by convention. Read by every phase; imports no phase.
//!
//! - Methods: how they take their receiver ([`consuming_method`], [`borrowing_method`], [`shared_method`]), the
//!   views of their receiver they return ([`std_view`]), the iterators and adapters that borrow it
//!   ([`BORROWING_ITERATORS`], [`ITERATOR_ADAPTERS`]), those that take or keep a sequence's items, those that
//!   change a sequence ([`sequence_change`]).
//! - Macros: those taking expressions by reference or by value ([`REF_MACROS`], [`VALUE_MACROS`],
//!   [`LOGGING_MACROS`]), those that
//!   end their arguments' temporaries ([`drops_own_temporaries`]), those that panic ([`PANIC_MACROS`]).
//! - Types: the std collections that own their items ([`owned_type`]), the types without drop glue
//!   ([`no_drop_type`]), the sequences a `for` loop over a borrow goes through by index ([`indexed_type`],
//!   [`indexed_expr`]), the strings a loop over their chars or lines goes through by position ([`text_type`],
//!   [`text_expr`]), those whose layout is a pointer's multiple ([`word_type`], [`word_expr`]), the scalars
//!   ([`scalar_type`], [`scalar_expr`]), and what an `Option` holds ([`option_of`]).
//!
//! A name here is a guess from syntax alone (the macro sees no types): each table says what it assumes and what a
//! user type with the same name would be taken for.

/// Macros whose arguments are expressions taken by reference (formatting and assertions). `matches!` takes a
/// pattern second, which the walker leaves alone.
pub const REF_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "format_args",
    "write",
    "writeln",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "unreachable",
    "todo",
    "unimplemented",
    "matches",
];

/// Macros whose arguments are expressions taken by value.
pub const VALUE_MACROS: &[&str] = &["vec", "dbg"];

/// The logging macros of `log` and `tracing` (`info!(target: "t", "{}", x)`, `event!(Level::INFO, ..)`): their
/// arguments are format arguments, read by reference, though not all of them parse as expressions. A local named
/// in any other macro the macro doesn't know may be moved by it (`consume!(x)`), as by a method it doesn't know.
pub const LOGGING_MACROS: &[&str] = &["trace", "debug", "info", "warn", "error", "log", "event"];

/// Consuming methods, by convention (`into_iter`, `unwrap`…): a receiver local there is moved.
pub fn consuming_method(name: &str) -> bool {
    name.starts_with("into_")
        || matches!(
            name,
            "into"
                | "unwrap"
                | "expect"
                | "unwrap_or"
                | "unwrap_or_else"
                | "unwrap_or_default"
                | "unwrap_err"
                | "expect_err"
                | "ok"
                | "err"
                | "ok_or"
                | "ok_or_else"
                | "map"
                | "map_err"
                | "and_then"
                | "or_else"
                | "collect"
                | "sum"
                | "product"
                | "count"
                | "last"
                | "fold"
                | "for_each"
                | "rev"
                | "zip"
                | "chain"
                | "enumerate"
                | "filter"
                | "filter_map"
                | "flat_map"
                | "flatten"
                | "skip"
                | "step_by"
                | "peekable"
                | "cycle"
                | "take_while"
                | "skip_while"
                | "map_while"
                | "scan"
                | "inspect"
                | "copied"
                | "cloned"
                | "map_or"
                | "map_or_else"
                // `Option::is_some_and(self, f)` and its kin take `self`, unlike the other `is_` methods.
                | "is_some_and"
                | "is_none_or"
                | "is_ok_and"
                | "is_err_and"
                // `str::lines(&self)` and `str::bytes(&self)` borrow, but `BufRead::lines(self)` and
                // `Read::bytes(self)` consume a reader: taken as a move, which is a copy of a `&str`, and drops
                // a `String` (unobservably) at the next suspension point.
                | "lines"
                | "bytes"
                // `StreamExt::boxed(self)` and `boxed_local(self)`: how a stream is made `Unpin`.
                | "boxed"
                | "boxed_local"
        )
}

/// The std collections whose `new()` and `with_capacity(..)` leave the item type to later code.
const GENERIC_COLLECTIONS: &[&str] =
    &["Vec", "VecDeque", "HashMap", "HashSet", "BTreeMap", "BTreeSet", "BinaryHeap", "LinkedList"];

/// The methods whose result type is a parameter that the caller's use of the result decides (without a
/// turbofish).
const GENERIC_RESULTS: &[&str] = &["parse", "collect", "into", "try_into", "sum", "product"];

/// An initializer whose type later code infers from its uses (`w.parse()`, `w.parse().unwrap()`, `it.collect()?`).
pub fn typed_by_its_uses(expr: &syn::Expr) -> bool {
    use syn::Expr;
    match expr {
        Expr::Paren(p) => typed_by_its_uses(&p.expr),
        Expr::Try(t) => typed_by_its_uses(&t.expr),
        Expr::MethodCall(m) if (m.method == "unwrap" || m.method == "expect") && m.turbofish.is_none() => {
            typed_by_its_uses(&m.receiver)
        }
        Expr::MethodCall(m) => {
            m.turbofish.is_none() && m.args.is_empty() && GENERIC_RESULTS.iter().any(|name| m.method == name)
        }
        _ => false,
    }
}

/// An initializer whose type is complete only with later code (`let mut last = None;` then `last = Some(x)`):
/// `None`, `Ok(..)`, `Err(..)`, `Default::default()`, `vec![]`, and a std collection's `new()` or
/// `with_capacity(..)`.
pub fn leaves_type_open(expr: &syn::Expr) -> bool {
    use syn::Expr;
    let path_is = |path: &syn::Path, names: &[&str]| {
        path.segments.last().is_some_and(|s| names.iter().any(|n| s.ident == n) && s.arguments.is_none())
    };
    match expr {
        Expr::Paren(p) => leaves_type_open(&p.expr),
        Expr::Path(p) => p.qself.is_none() && path_is(&p.path, &["None"]),
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else { return false };
            let segments: Vec<_> = f.path.segments.iter().collect();
            match segments[..] {
                [only] => (only.ident == "Ok" || only.ident == "Err") && c.args.len() == 1,
                [.., owner, method] => {
                    let collection = GENERIC_COLLECTIONS.iter().any(|n| owner.ident == n) && owner.arguments.is_none();
                    let constructor = (method.ident == "new" && c.args.is_empty())
                        || (method.ident == "with_capacity" && c.args.len() == 1);
                    (collection && constructor)
                        || (owner.ident == "Default" && method.ident == "default" && c.args.is_empty())
                }
                [] => false,
            }
        }
        Expr::Macro(m) => m.mac.path.is_ident("vec") && m.mac.tokens.is_empty(),
        _ => false,
    }
}

/// The std sequences whose items are reached by index with `get(i)`/`get_mut(i)`, as a `for` loop over a borrow
/// of one goes (see `lower`): arrays (and slices through them), `Vec`, `VecDeque`.
const INDEXED_SEQUENCES: &[&str] = &["Vec", "VecDeque"];

/// A written type that is an [`INDEXED_SEQUENCES`] or an array, or a `&mut` of one or of a slice (whose
/// iterator would reborrow through the `&mut` the state holds). A user type of the same name without `get` is
/// then reported by rustc at the loop's iterator.
pub fn indexed_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Array(_) => true,
        syn::Type::Reference(r) if r.mutability.is_some() => {
            matches!(&*r.elem, syn::Type::Slice(_))
                || (!matches!(&*r.elem, syn::Type::Reference(_)) && indexed_type(&r.elem))
        }
        syn::Type::Paren(p) => indexed_type(&p.elem),
        syn::Type::Group(g) => indexed_type(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => std_path(&p.path, INDEXED_SEQUENCES),
        _ => false,
    }
}

/// `Vec`, or std's path to it (`std::vec::Vec`, `alloc::collections::VecDeque`): not `my::Vec`.
fn std_path(path: &syn::Path, names: &[&str]) -> bool {
    let is_one = path.segments.last().is_some_and(|s| names.iter().any(|n| s.ident == n));
    let bare = path.segments.len() == 1 && path.leading_colon.is_none();
    let std = path.segments.first().is_some_and(|s| s.ident == "std" || s.ident == "alloc" || s.ident == "core");
    is_one && (bare || std)
}

/// An initializer that makes an [`INDEXED_SEQUENCES`] or an array: `vec![..]`, `[a, b]`, `[x; n]`, `.to_vec()`,
/// `.collect::<Vec<_>>()`, `Vec::new()`, `VecDeque::with_capacity(..)`, `Vec::from(..)`, `Vec::from_iter(..)`.
pub fn indexed_expr(expr: &syn::Expr) -> bool {
    use syn::Expr;
    match expr {
        Expr::Paren(p) => indexed_expr(&p.expr),
        Expr::Array(_) | Expr::Repeat(_) => true,
        Expr::Macro(m) => m.mac.path.is_ident("vec"),
        Expr::MethodCall(m) if m.method == "collect" => collected_type(m).is_some_and(indexed_type),
        Expr::MethodCall(m) => m.method == "to_vec" && m.args.is_empty(),
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else { return false };
            // `Vec::new`: the path without its last segment is the type's.
            let mut owner = f.path.clone();
            let method = owner.segments.pop();
            owner.segments.pop_punct();
            method
                .is_some_and(|m| matches!(m.ident.to_string().as_str(), "new" | "from" | "from_iter" | "with_capacity"))
                && std_path(&owner, INDEXED_SEQUENCES)
        }
        _ => false,
    }
}

/// A written type that is an owned string a `for` loop over its chars, bytes, lines or words goes through by
/// position (see `lower`): `String`, or std's path to it, and `Box<str>`, `Rc<str>`, `Arc<str>`, `Cow<str>`.
pub fn text_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Paren(p) => text_type(&p.elem),
        syn::Type::Group(g) => text_type(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            if std_path(&p.path, &["String"]) {
                return true;
            }
            // `Box<str>` and its kin: one type argument, `str` (after a lifetime for `Cow`).
            let Some(last) = p.path.segments.last() else { return false };
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return false };
            let of_str = args.args.iter().filter(|a| !matches!(a, syn::GenericArgument::Lifetime(_))).count() == 1
                && args
                    .args
                    .iter()
                    .any(|a| matches!(a, syn::GenericArgument::Type(syn::Type::Path(t)) if t.path.is_ident("str")));
            of_str && std_path(&p.path, &["Box", "Rc", "Arc", "Cow"])
        }
        _ => false,
    }
}

/// An initializer that makes a `String`: `String::new()`, `String::from(..)`, `String::with_capacity(..)`,
/// `format!(..)`, `x.to_string()`, `"..".to_owned()`, `s.to_uppercase()`, `s.replace(..)`, `words.join(" ")`,
/// `.collect::<String>()`, and `fs::read_to_string(..)` or `String::from_utf8(..)` unwrapped (`?`, `.unwrap()`,
/// `.expect(..)`, `.unwrap_or..`).
pub fn text_expr(expr: &syn::Expr) -> bool {
    use syn::Expr;
    let literal = |e: &Expr| matches!(unparenthesized(e), Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(_), .. }));
    match expr {
        Expr::Paren(p) => text_expr(&p.expr),
        Expr::Macro(m) => m.mac.path.is_ident("format"),
        Expr::MethodCall(m) if m.method == "collect" => collected_type(m).is_some_and(text_type),
        Expr::MethodCall(m) => match m.method.to_string().as_str() {
            "to_string" | "to_uppercase" | "to_lowercase" | "replace" | "replacen" => true,
            "to_owned" | "repeat" => literal(&m.receiver),
            "join" => m.args.first().is_some_and(literal),
            "unwrap" | "expect" | "unwrap_or_default" | "unwrap_or" | "unwrap_or_else" => unwrapped_text(&m.receiver),
            _ => false,
        },
        Expr::Try(t) => unwrapped_text(&t.expr),
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else { return false };
            let segments: Vec<String> = f.path.segments.iter().map(|s| s.ident.to_string()).collect();
            matches!(
                segments.iter().map(String::as_str).collect::<Vec<_>>()[..],
                [.., "String", "new" | "from" | "with_capacity"]
            )
        }
        _ => false,
    }
}

/// `e` without the parentheses around it (as `syntax::strip_parens`, which imports this module).
fn unparenthesized(mut e: &syn::Expr) -> &syn::Expr {
    while let syn::Expr::Paren(p) = e {
        e = &p.expr;
    }
    e
}

/// `fs::read_to_string(..)`, `String::from_utf8(..)`: a `Result` of a `String`.
fn unwrapped_text(expr: &syn::Expr) -> bool {
    let syn::Expr::Call(c) = unparenthesized(expr) else { return false };
    let syn::Expr::Path(f) = &*c.func else { return false };
    let segments: Vec<String> = f.path.segments.iter().map(|s| s.ident.to_string()).collect();
    matches!(
        segments.iter().map(String::as_str).collect::<Vec<_>>()[..],
        [.., "read_to_string"] | [.., "String", "from_utf8"]
    )
}

/// What a local's written type or initializer tells of its layout: a value whose alignment is a pointer's (or
/// more) and whose size is a multiple of it, on every target. A group of points whose every field is one of these
/// takes a pointer-sized tag for `at` at no cost in size (a one-byte tag would be padded to a pointer beside them
/// anyway), and with a [`Word::Buffer`] among them it should: see `layout::Group::wide_tag`.
///
/// A user type of the same name (`Vec` of `my::Vec` is not taken) can only make a state larger, never wrong.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Word {
    /// `usize`, `isize`, `u64`, `i64`, `f64`: integers and floats at least as wide as a pointer (a `u64` is
    /// aligned to at least a pointer's alignment on every target Rust supports).
    Number,
    /// A reference, `Box`, `Rc`, `Arc`, an array of words, an `Option` of one.
    Pointer,
    /// A `Vec`, `VecDeque` or `String` (or an `Option` of one): its capacity has more unused values than any
    /// narrower tag, so rustc puts the state's other variants there rather than in `at`'s tag.
    Buffer,
}

/// The std types whose capacity is a niche larger than a one-byte tag's (a [`Word::Buffer`]).
const BUFFERS: &[&str] = &["Vec", "VecDeque", "String"];
/// The numbers that are a [`Word::Number`].
const WORD_NUMBERS: &[&str] = &["usize", "isize", "u64", "i64", "f64"];
/// The std pointers that are a [`Word::Pointer`].
const WORD_POINTERS: &[&str] = &["Box", "Rc", "Arc"];

/// The [`Word`] of a written type.
pub fn word_type(ty: &syn::Type) -> Option<Word> {
    match ty {
        syn::Type::Reference(_) => Some(Word::Pointer),
        syn::Type::Paren(p) => word_type(&p.elem),
        syn::Type::Group(g) => word_type(&g.elem),
        syn::Type::Array(a) => word_type(&a.elem).map(|_| Word::Pointer),
        syn::Type::Path(p) if p.qself.is_none() => {
            let last = p.path.segments.last()?;
            if p.path.segments.len() == 1 && WORD_NUMBERS.iter().any(|n| last.ident == n) {
                return Some(Word::Number);
            }
            if std_path(&p.path, BUFFERS) {
                return Some(Word::Buffer);
            }
            if std_path(&p.path, WORD_POINTERS) {
                return Some(Word::Pointer);
            }
            // `Option<Vec<T>>`: the `None` takes one of the capacity's unused values, leaving plenty.
            option_of(ty).and_then(word_type)
        }
        _ => None,
    }
}

/// `T` of std's `Option<T>` (written bare or by std's path).
pub fn option_of(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    if p.qself.is_some() || !std_path(&p.path, &["Option"]) {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &p.path.segments.last()?.arguments else { return None };
    match &args.args.iter().collect::<Vec<_>>()[..] {
        [syn::GenericArgument::Type(inner)] => Some(inner),
        _ => None,
    }
}

/// The type written in `collect::<T>()`'s turbofish.
fn collected_type(m: &syn::ExprMethodCall) -> Option<&syn::Type> {
    if m.method != "collect" || !m.args.is_empty() {
        return None;
    }
    match m.turbofish.as_ref()?.args.first() {
        Some(syn::GenericArgument::Type(ty)) => Some(ty),
        _ => None,
    }
}

/// The [`Word`] of an initializer: a literal with a word's suffix (`0u64`), a cast to one (`x as usize`),
/// `usize::from(..)`, a collection's `len()`, a reference, a `Box::new(..)`, an array of words (`[0u64; 512]`), a
/// `Vec`/`String`/`VecDeque` made by `new`/`with_capacity`/`from`, `vec![..]`, `format!(..)`, `.to_vec()`,
/// `.to_string()`, a `collect::<Vec<_>>()`; a path is `of_path`'s (another local's, an argument's).
pub fn word_expr(expr: &syn::Expr, of_path: &dyn Fn(&syn::Ident) -> Option<Word>) -> Option<Word> {
    use syn::Expr;
    match expr {
        Expr::Paren(p) => word_expr(&p.expr, of_path),
        Expr::Group(g) => word_expr(&g.expr, of_path),
        Expr::Lit(l) => match &l.lit {
            syn::Lit::Int(i) => WORD_NUMBERS.contains(&i.suffix()).then_some(Word::Number),
            syn::Lit::Float(f) => (f.suffix() == "f64").then_some(Word::Number),
            _ => None,
        },
        Expr::Cast(c) => word_type(&c.ty).filter(|w| *w == Word::Number),
        Expr::Reference(_) => Some(Word::Pointer),
        Expr::Repeat(r) => word_expr(&r.expr, of_path).map(|_| Word::Pointer),
        Expr::Array(a) => a.elems.first().and_then(|e| word_expr(e, of_path)).map(|_| Word::Pointer),
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().and_then(of_path),
        Expr::Macro(m) if m.mac.path.is_ident("vec") || m.mac.path.is_ident("format") => Some(Word::Buffer),
        Expr::MethodCall(m) if m.args.is_empty() => match m.method.to_string().as_str() {
            "len" => Some(Word::Number),
            "to_vec" | "to_string" => Some(Word::Buffer),
            "collect" => word_type(collected_type(m)?).filter(|w| *w == Word::Buffer),
            _ => None,
        },
        Expr::Call(c) => {
            let Expr::Path(f) = &*c.func else { return None };
            let mut owner = f.path.clone();
            let function = owner.segments.pop()?.ident;
            owner.segments.pop_punct();
            let owner_is = |names: &[&str]| std_path(&owner, names);
            if owner_is(BUFFERS) && matches!(function.to_string().as_str(), "new" | "with_capacity" | "from") {
                Some(Word::Buffer)
            } else if owner_is(WORD_POINTERS) && function == "new" {
                Some(Word::Pointer)
            } else if owner.segments.len() == 1 && WORD_NUMBERS.iter().any(|n| owner.segments[0].ident == n) {
                (function == "from").then_some(Word::Number)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The primitive scalars: numbers, `bool`, `char`.
const SCALARS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize", "f32", "f64", "bool",
    "char",
];

/// A written type that is one of the [`SCALARS`].
pub fn scalar_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Paren(p) => scalar_type(&p.elem),
        syn::Type::Group(g) => scalar_type(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().is_some_and(|i| SCALARS.iter().any(|s| i == s)),
        _ => false,
    }
}

/// An initializer that makes one of the [`SCALARS`]: a literal (not a string), a cast to one, arithmetic or a
/// comparison of such (`a + 1`, `!b`), a path that `of_path` knows is one.
pub fn scalar_expr(expr: &syn::Expr, of_path: &dyn Fn(&syn::Ident) -> bool) -> bool {
    use syn::Expr;
    match expr {
        Expr::Paren(p) => scalar_expr(&p.expr, of_path),
        Expr::Group(g) => scalar_expr(&g.expr, of_path),
        Expr::Lit(l) => matches!(
            l.lit,
            syn::Lit::Int(_) | syn::Lit::Float(_) | syn::Lit::Bool(_) | syn::Lit::Char(_) | syn::Lit::Byte(_)
        ),
        Expr::Cast(c) => scalar_type(&c.ty),
        Expr::Unary(u) => !matches!(u.op, syn::UnOp::Deref(_)) && scalar_expr(&u.expr, of_path),
        Expr::Binary(b) => scalar_expr(&b.left, of_path) && scalar_expr(&b.right, of_path),
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().is_some_and(of_path),
        _ => false,
    }
}

/// Methods that take `self`, by name and argument count where std has a method of the same name that borrows:
/// the iterator methods (`Option::take(&mut self)` takes no argument, `Iterator::take(self, n)` one;
/// `Ord::max(self, other)` one, `Iterator::max(self)` none) and `JoinHandle::join(self)` (`[T]::join(&self, sep)`
/// and `Path::join(&self, p)` take one).
pub fn consuming_by_arity(name: &str, args: usize) -> bool {
    matches!(
        (name, args),
        ("take" | "max_by_key" | "min_by_key" | "max_by" | "min_by" | "reduce" | "partition", 1)
            | ("fuse" | "max" | "min" | "unzip" | "join", 0)
    )
}

/// Methods that borrow their receiver, by convention (`len`, `push`, `iter`…): a receiver local there stays in
/// place. Any other method the macro doesn't know may take `self` (`UseKind::Receiver`).
pub fn borrowing_method(name: &str) -> bool {
    name.starts_with("as_")
        || name.starts_with("is_")
        || name.starts_with("to_")
        || name.starts_with("get")
        || name.starts_with("push")
        || name.starts_with("pop")
        || name.starts_with("iter")
        || matches!(
            name,
            "len"
                | "capacity"
                | "clone"
                | "contains"
                | "contains_key"
                | "insert"
                | "remove"
                | "clear"
                | "truncate"
                | "extend"
                | "append"
                | "reserve"
                | "resize"
                | "retain"
                | "sort"
                | "sort_unstable"
                | "sort_by"
                | "sort_by_key"
                | "dedup"
                | "reverse"
                | "swap"
                | "fill"
                | "first"
                | "first_mut"
                | "last_mut"
                | "next"
                | "next_back"
                | "peek"
                | "starts_with"
                | "ends_with"
                | "find"
                | "chars"
                | "bytes"
                | "char_indices"
                | "lines"
                | "split"
                | "splitn"
                | "rsplit"
                | "rsplitn"
                | "split_terminator"
                | "split_inclusive"
                | "split_whitespace"
                | "matches"
                | "match_indices"
                | "windows"
                | "chunks"
                | "trim"
                | "keys"
                | "values"
                | "values_mut"
                | "entry"
                | "borrow"
                | "borrow_mut"
                | "set"
                | "replace"
                | "fmt"
                | "eq"
                | "ne"
                | "cmp"
                | "partial_cmp"
                | "hash"
                | "lock"
                | "write"
                | "read"
        )
}

/// Methods that take `&self`, trusted on any receiver (`str`'s views, `len`, `is_empty`): a drop-flagged
/// receiver is reached through a shared helper call, so that it can be read while a view of it is alive.
pub fn shared_method(name: &str) -> bool {
    // (`Peekable::peek` takes `&mut self`: only `BinaryHeap`'s takes `&self`.)
    matches!(name, "len" | "is_empty")
        || (name != "peek" && std_view(name).is_some_and(|(returns, on)| on == On::Any && returns != Returns::RefMut))
}

/// Methods of the std sequences (`Vec`, `VecDeque`, slices, arrays) that change their receiver (take `&mut self`):
/// the body of a loop by index that calls one on the sequence, or on an item, would change what the loop goes
/// over, where the plain fn's loop borrow is rustc's error. Any other method is taken for a read, as are
/// `RefCell::borrow_mut` (`&self`) and the methods of your own types (a change through one while no item is in
/// use goes on over what the sequence holds then).
pub fn sequence_change(name: &str) -> bool {
    (name.ends_with("_mut") && name != "borrow_mut")
        || ITEM_TAKERS.contains(&name)
        || matches!(
            name,
            "push"
                | "push_back"
                | "push_front"
                | "insert"
                | "clear"
                | "truncate"
                | "resize"
                | "resize_with"
                | "extend"
                | "extend_from_slice"
                | "extend_from_within"
                | "append"
                | "drain"
                | "retain"
                | "dedup"
                | "dedup_by"
                | "dedup_by_key"
                | "sort"
                | "sort_by"
                | "sort_by_key"
                | "sort_by_cached_key"
                | "sort_unstable"
                | "sort_unstable_by"
                | "sort_unstable_by_key"
                | "select_nth_unstable"
                | "reverse"
                | "swap"
                | "fill"
                | "fill_with"
                | "rotate_left"
                | "rotate_right"
                | "split_off"
                | "splice"
                | "copy_from_slice"
                | "clone_from_slice"
                | "copy_within"
                | "clone_from"
                | "reserve"
                | "reserve_exact"
                | "shrink_to"
                | "shrink_to_fit"
                | "make_contiguous"
                | "take"
                | "get_or_insert"
                | "get_or_insert_with"
                | "insert_entry"
                | "entry"
        )
}

/// What a std method that borrows its receiver returns (none has drop glue).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Returns {
    /// A reference, or an `Option` or pair of them: `Copy`.
    Ref,
    /// A `&mut` reference, or an `Option` of one.
    RefMut,
    /// An iterator.
    Iter,
}

/// On which receivers a method's name is std's for certain.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum On {
    /// Any: a `str` method (a type of one's own with such a method returning a value with drop glue would be
    /// taken for `str`).
    Any,
    /// Any, when the pattern argument is a string or `char` literal (`BufRead::split(b'\n')` owns its reader).
    LiteralPattern,
    /// A local known to own its value (`Vec`, `String`, the maps…): any type may have a `get` (and `lines` and
    /// `bytes` are also `io` methods returning iterators that own a reader).
    Owned,
}

/// The std methods that return a view of their receiver.
pub const STD_VIEWS: &[(&str, Returns, On)] = &[
    ("trim", Returns::Ref, On::Any),
    ("trim_start", Returns::Ref, On::Any),
    ("trim_end", Returns::Ref, On::Any),
    ("strip_prefix", Returns::Ref, On::Any),
    ("strip_suffix", Returns::Ref, On::Any),
    ("split_once", Returns::Ref, On::Any),
    ("rsplit_once", Returns::Ref, On::Any),
    ("as_str", Returns::Ref, On::Any),
    ("as_bytes", Returns::Ref, On::Any),
    // `Option`'s, `Result`'s, `Pin`'s and the `AsRef`/`AsMut` traits': a reference, or one in an `Option`.
    ("as_ref", Returns::Ref, On::Any),
    ("as_mut", Returns::RefMut, On::Any),
    ("as_deref", Returns::Ref, On::Any),
    ("as_deref_mut", Returns::RefMut, On::Any),
    // `Peekable`'s and `BinaryHeap`'s (not `peek_mut`, whose guard has a `Drop`).
    ("peek", Returns::Ref, On::Any),
    ("chars", Returns::Iter, On::Any),
    ("char_indices", Returns::Iter, On::Any),
    ("split_whitespace", Returns::Iter, On::Any),
    ("split_ascii_whitespace", Returns::Iter, On::Any),
    ("split", Returns::Iter, On::LiteralPattern),
    ("rsplit", Returns::Iter, On::LiteralPattern),
    ("split_terminator", Returns::Iter, On::LiteralPattern),
    ("matches", Returns::Iter, On::LiteralPattern),
    // `str`'s and slices' (no reader type has these names).
    ("splitn", Returns::Iter, On::Any),
    ("rsplitn", Returns::Iter, On::Any),
    ("split_inclusive", Returns::Iter, On::Any),
    ("rsplit_terminator", Returns::Iter, On::Any),
    ("rmatches", Returns::Iter, On::Any),
    ("match_indices", Returns::Iter, On::Any),
    ("rmatch_indices", Returns::Iter, On::Any),
    ("get", Returns::Ref, On::Owned),
    ("first", Returns::Ref, On::Owned),
    ("last", Returns::Ref, On::Owned),
    ("front", Returns::Ref, On::Owned),
    ("back", Returns::Ref, On::Owned),
    ("as_slice", Returns::Ref, On::Owned),
    ("split_at", Returns::Ref, On::Owned),
    ("split_first", Returns::Ref, On::Owned),
    ("split_last", Returns::Ref, On::Owned),
    ("get_mut", Returns::RefMut, On::Owned),
    ("first_mut", Returns::RefMut, On::Owned),
    ("last_mut", Returns::RefMut, On::Owned),
    ("front_mut", Returns::RefMut, On::Owned),
    ("back_mut", Returns::RefMut, On::Owned),
    ("as_mut_slice", Returns::RefMut, On::Owned),
    ("iter", Returns::Iter, On::Owned),
    ("iter_mut", Returns::Iter, On::Owned),
    ("lines", Returns::Iter, On::Owned),
    ("bytes", Returns::Iter, On::Owned),
    ("keys", Returns::Iter, On::Owned),
    ("values", Returns::Iter, On::Owned),
    ("values_mut", Returns::Iter, On::Owned),
    ("windows", Returns::Iter, On::Owned),
    ("chunks", Returns::Iter, On::Owned),
];

/// `Option`'s methods whose result is its receiver's value or another of the same type (an `Option` of a view
/// is an `Option` of the view after them, or the view itself after `unwrap`).
pub const VIEW_KEEPERS: &[&str] =
    &["or", "or_else", "xor", "filter", "unwrap", "expect", "unwrap_or", "unwrap_or_else", "unwrap_or_default"];

/// The methods of a map's `Entry` that return a `&mut` to the value (`counts.entry(k).or_default()`): on an
/// `entry(..)` of a local known to own its value, a view of that local, as [`STD_VIEWS`]' `get_mut`.
pub const ENTRY_VIEWS: &[&str] = &["or_default", "or_insert", "or_insert_with", "or_insert_with_key"];

/// The entry of [`STD_VIEWS`] for a method name.
pub fn std_view(method: &str) -> Option<(Returns, On)> {
    STD_VIEWS.iter().find(|(name, ..)| *name == method).map(|&(_, returns, on)| (returns, on))
}

/// Methods of the std sequences that move an item out (or an `Option` of one).
pub const ITEM_TAKERS: &[&str] = &["pop", "pop_front", "pop_back", "swap_remove", "remove"];

/// Iterator adapters whose items are their receiver's.
pub const ITEM_KEEPERS: &[&str] =
    &["rev", "skip", "take", "step_by", "peekable", "fuse", "filter", "skip_while", "take_while", "inspect"];

/// A type that owns what a borrowing iterator over it yields: `Vec<T>`, `String`, the std collections, arrays.
pub fn owned_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Array(_) => true,
        syn::Type::Paren(p) => owned_type(&p.elem),
        syn::Type::Group(g) => owned_type(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "Vec"
                    | "String"
                    | "VecDeque"
                    | "HashMap"
                    | "BTreeMap"
                    | "HashSet"
                    | "BTreeSet"
                    | "BinaryHeap"
                    // No references either: a borrow through one (`rc.iter()`, `cell.borrow()`) borrows the local.
                    | "Box"
                    | "Rc"
                    | "Arc"
                    | "RefCell"
                    | "Mutex"
                    | "RwLock"
            )
        }),
        _ => false,
    }
}

/// The std macros that panic: control never continues past them.
pub const PANIC_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

/// Whether the macro is one of [`PANIC_MACROS`] (by its last path segment).
pub fn panicking_macro(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|s| PANIC_MACROS.contains(&s.ident.to_string().as_str()))
}

/// Methods that return an iterator borrowing their receiver.
pub const BORROWING_ITERATORS: &[&str] = &[
    "iter",
    "iter_mut",
    "chars",
    "char_indices",
    "bytes",
    "lines",
    "windows",
    "chunks",
    "keys",
    "values",
    "values_mut",
    "drain",
    "split_whitespace",
    "by_ref",
];

/// Of [`BORROWING_ITERATORS`], the names that std also gives to methods taking `self`: `BufRead::lines` and
/// `Read::bytes` own their reader. A loop over them borrows only a local known to own a `String`.
pub const ALSO_CONSUMING: &[&str] = &["lines", "bytes"];

/// Of [`BORROWING_ITERATORS`], those of `str`: a `String` can't be iterated by value or by index.
pub const STR_ITERATORS: &[&str] = &["chars", "bytes", "lines", "split_whitespace"];

/// Iterator adapters that keep borrowing what their receiver borrows.
pub const ITERATOR_ADAPTERS: &[&str] = &[
    "map",
    "filter",
    "filter_map",
    "enumerate",
    "rev",
    "skip",
    "take",
    "step_by",
    "zip",
    "chain",
    "peekable",
    "skip_while",
    "take_while",
    "flat_map",
    "fuse",
    "inspect",
    "copied",
    "cloned",
    "flatten",
    "map_while",
    "scan",
    "cycle",
];

/// The std macros whose expansion ends its arguments' temporaries itself: `format!` and the `print!`s bind or use
/// the formatted value in a statement of their own block, `assert!`'s condition is an `if`'s.
pub fn drops_own_temporaries(mac: &syn::Macro) -> bool {
    let name = mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
    matches!(
        name.as_str(),
        "format"
            | "print"
            | "println"
            | "eprint"
            | "eprintln"
            | "assert"
            | "debug_assert"
            | "debug_assert_eq"
            | "debug_assert_ne"
    )
}

/// A call of an associated fn of a primitive type whose value is `Copy` without drop glue: the type itself
/// (`usize::from(byte)`, `u32::from_le_bytes(b)`, `i64::max(a, b)`, `u64::wrapping_add(a, 1)`), an `Option` or a
/// tuple of it (`checked_add`, `overflowing_add`, `char::from_u32`), a `u32` or a `bool` (`count_ones`,
/// `is_power_of_two`). Only names the type has itself (an inherent fn, or `From`/`Ord`'s): `Type::name` finds a
/// user's extension trait's method when the type has none of that name (`u32::checked_label(3)` may return
/// anything). Not `try_from` or `from_str_radix`, whose errors are other types.
pub fn plain_primitive_call(call: &syn::ExprCall) -> bool {
    let syn::Expr::Path(path) = &*call.func else { return false };
    if path.qself.is_some() {
        return false;
    }
    let segments: Vec<String> = path.path.segments.iter().map(|s| s.ident.to_string()).collect();
    let [ty, func] = &segments[..] else { return false };
    let func = func.as_str();
    let signed = matches!(ty.as_str(), "i8" | "i16" | "i32" | "i64" | "i128" | "isize");
    let unsigned = matches!(ty.as_str(), "u8" | "u16" | "u32" | "u64" | "u128" | "usize");
    let float = matches!(ty.as_str(), "f32" | "f64");
    let any = signed || unsigned || float || matches!(ty.as_str(), "bool" | "char");
    (any && ["from", "max", "min", "clamp"].contains(&func))
        || ((signed || unsigned) && INTEGER_FNS.contains(&func))
        || (signed && ["abs", "signum"].contains(&func))
        || (unsigned && ["is_power_of_two", "next_power_of_two"].contains(&func))
        || (float && FLOAT_FNS.contains(&func))
        || (ty == "char" && ["from_u32", "from_digit"].contains(&func))
}

/// The inherent associated fns of every integer type that [`plain_primitive_call`] knows.
const INTEGER_FNS: &[&str] = &[
    "from_le_bytes",
    "from_be_bytes",
    "from_ne_bytes",
    "from_le",
    "from_be",
    "pow",
    "wrapping_add",
    "wrapping_sub",
    "wrapping_mul",
    "saturating_add",
    "saturating_sub",
    "saturating_mul",
    "checked_add",
    "checked_sub",
    "checked_mul",
    "checked_div",
    "overflowing_add",
    "overflowing_sub",
    "overflowing_mul",
    "rotate_left",
    "rotate_right",
    "swap_bytes",
    "reverse_bits",
    "count_ones",
    "count_zeros",
    "leading_zeros",
    "trailing_zeros",
    "leading_ones",
    "trailing_ones",
    "div_euclid",
    "rem_euclid",
    "abs_diff",
    "ilog2",
    "ilog10",
    "isqrt",
];

/// The inherent associated fns of `f32` and `f64` that [`plain_primitive_call`] knows.
const FLOAT_FNS: &[&str] = &[
    "from_bits",
    "from_le_bytes",
    "from_be_bytes",
    "from_ne_bytes",
    "abs",
    "signum",
    "sqrt",
    "floor",
    "ceil",
    "round",
    "trunc",
    "mul_add",
    "powi",
    "powf",
    "div_euclid",
    "rem_euclid",
];

/// A type with no drop glue, syntactically: references, raw pointers, primitives and tuples/arrays of them.
pub fn no_drop_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(_) | syn::Type::Ptr(_) | syn::Type::Never(_) => true,
        syn::Type::Paren(p) => no_drop_type(&p.elem),
        syn::Type::Group(g) => no_drop_type(&g.elem),
        syn::Type::Tuple(t) => t.elems.iter().all(no_drop_type),
        syn::Type::Array(a) => no_drop_type(&a.elem),
        syn::Type::Path(p) if p.qself.is_none() => p.path.get_ident().is_some_and(|i| {
            matches!(
                i.to_string().as_str(),
                "u8" | "u16"
                    | "u32"
                    | "u64"
                    | "u128"
                    | "usize"
                    | "i8"
                    | "i16"
                    | "i32"
                    | "i64"
                    | "i128"
                    | "isize"
                    | "f32"
                    | "f64"
                    | "bool"
                    | "char"
            )
        }),
        _ => false,
    }
}

/// Methods that return a guard (or a shared pointer) whose `*` reads the value behind it: `*guard` by value
/// copies out of it, and never moves the guard itself (as `*b` moves out of a `Box`).
pub const GUARD_METHODS: &[&str] =
    &["lock", "try_lock", "read", "write", "try_read", "try_write", "borrow", "borrow_mut"];

/// Types whose `*` reads through them (written on a `let`, `let g: MutexGuard<u32> = ..`).
const DEREF_READ_TYPES: &[&str] =
    &["Rc", "Arc", "MutexGuard", "RwLockReadGuard", "RwLockWriteGuard", "Ref", "RefMut", "ReentrantLockGuard"];

/// A type written on a `let` that `*` reads through (see `syntax::reads_through_deref`).
pub fn deref_read_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| DEREF_READ_TYPES.iter().any(|t| s.ident == t)),
        syn::Type::Paren(p) => deref_read_type(&p.elem),
        syn::Type::Group(g) => deref_read_type(&g.elem),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Word, scalar_expr, scalar_type, word_expr, word_type};

    fn of_expr(text: &str) -> Option<Word> {
        let known = |i: &syn::Ident| (i == "n").then_some(Word::Number);
        word_expr(&syn::parse_str(text).expect("an expression"), &known)
    }

    fn of_type(text: &str) -> Option<Word> {
        word_type(&syn::parse_str(text).expect("a type"))
    }

    #[test]
    fn words_by_written_type() {
        for (ty, word) in [
            ("u64", Some(Word::Number)),
            ("usize", Some(Word::Number)),
            ("u32", None),
            ("bool", None),
            ("Vec<u8>", Some(Word::Buffer)),
            ("std::string::String", Some(Word::Buffer)),
            ("my::Vec<u8>", None),
            ("Option<String>", Some(Word::Buffer)),
            ("Option<u32>", None),
            ("&'a [u8]", Some(Word::Pointer)),
            ("Box<dyn Fn()>", Some(Word::Pointer)),
            ("[u64; 512]", Some(Word::Pointer)),
            ("[u8; 3]", None),
            ("(u64, u64)", None),
        ] {
            assert_eq!(of_type(ty), word, "{ty}");
        }
    }

    #[test]
    fn words_by_initializer() {
        for (expr, word) in [
            ("0u64", Some(Word::Number)),
            ("0", None),
            ("0u32", None),
            ("1.5", None),
            ("x as usize", Some(Word::Number)),
            ("x as u8", None),
            ("usize::from(b)", Some(Word::Number)),
            ("u8::from(b)", None),
            ("v.len()", Some(Word::Number)),
            ("n", Some(Word::Number)),
            ("m", None),
            ("&x", Some(Word::Pointer)),
            ("[0u64; 512]", Some(Word::Pointer)),
            ("[0u8; 512]", None),
            ("Vec::with_capacity(8)", Some(Word::Buffer)),
            ("String::from(\"a\")", Some(Word::Buffer)),
            ("my::Vec::new()", None),
            ("vec![1, 2]", Some(Word::Buffer)),
            ("format!(\"{x}\")", Some(Word::Buffer)),
            ("it.collect::<Vec<_>>()", Some(Word::Buffer)),
            ("it.collect()", None),
            ("Box::new(x)", Some(Word::Pointer)),
            ("HashMap::new()", None),
        ] {
            assert_eq!(of_expr(expr), word, "{expr}");
        }
    }

    #[test]
    fn scalars() {
        for (ty, scalar) in [("i32", true), ("char", true), ("&i32", false), ("String", false), ("my::i32", false)] {
            assert_eq!(scalar_type(&syn::parse_str(ty).expect("a type")), scalar, "{ty}");
        }
        let known = |i: &syn::Ident| i == "n";
        for (expr, scalar) in [
            ("3", true),
            ("'c'", true),
            ("true", true),
            ("\"s\"", false),
            ("n + 1", true),
            ("m + 1", false),
            ("!n", true),
            ("*r", false),
            ("x as u8", true),
            ("f(n)", false),
        ] {
            assert_eq!(scalar_expr(&syn::parse_str(expr).expect("an expression"), &known), scalar, "{expr}");
        }
    }
}
