//! Phase 5, last: the emitted step, without the blocks that only nest other blocks.
//!
//! Emission builds each construct in a block of its own (a continuation's scopes, a spilled operand, a
//! suspension point), so the step is full of blocks whose only content is another block, of empty blocks
//! standing for an empty rest, and of labels that no jump uses. None changes what the code does, but `cargo
//! expand` shows every one of them on its own lines. This pass removes them from the tokens:
//!
//! - `{ { .. } }` becomes `{ .. }`: a block whose whole content is one block expression has that block's value,
//!   drops its locals where that block does, and declares nothing itself;
//! - an empty block in statement position (first in a block, or after a `;` or another block) is removed: it is
//!   an empty statement, or the block's unit value, which the block without it has too;
//! - a generated label (`'__break0:`, `'__continue0:`) on a block with no labeled `break` or `continue` inside
//!   is removed (only a jump inside the block can name its label).
//!
//! A block that follows anything else (`if c {}`, `loop {}`, `=> {}`, `|x| {}`, a label, a path) keeps its braces;
//! tokens inside a macro invocation (`name!{..}`, `name!(..)`) or an attribute are left exactly as written, and
//! so is every label the user wrote.
//!
//! Input: `{ { let x = 1; '__break0: { f(x); } } {} }` — Output: `{ let x = 1; { f(x); } }`

use proc_macro2::{Delimiter, Group, Punct, Spacing, TokenStream, TokenTree};

/// `tokens` without nested-only and empty statement blocks, nor unused generated labels.
pub fn tidy(tokens: TokenStream) -> TokenStream {
    let tidied = tidied_trees(tokens);
    tidied.trees.into_iter().map(|(tree, _)| tree).collect()
}

/// What one pass over a token stream gives: its trees, tidied, each with whether it is now an empty `{}`; whether
/// a labeled `break` or `continue` is among them at any depth (an unlabeled one in a labeled block jumps out of a
/// loop inside it: directly in the block it would be rustc's E0695, which the block's label doesn't change); and
/// whether anything changed.
///
/// Inside rustc every token operation is a call across the proc-macro bridge, and this pass sees every token
/// the macro emits: so a group in which nothing changed is kept as it is instead of being rebuilt, an empty
/// block is known from its tidied trees instead of by asking for its stream again, and an identifier is only
/// read as text when a label follows it.
struct Tidied {
    trees: Vec<(TokenTree, bool)>,
    labeled_jump: bool,
    changed: bool,
}

/// One pass, inside out: a group's content is tidied before the group is rebuilt, so that a label is known to be
/// unused from its own block alone (a label is only in scope inside the block it names, and a jump naming a label
/// that doesn't exist is the user's mistake: rustc says so, and, without a labeled block around it, would add
/// that it jumps out of the step's closure).
fn tidied_trees(tokens: TokenStream) -> Tidied {
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<(TokenTree, bool)> = Vec::with_capacity(trees.len());
    let mut labeled_jump = false;
    let mut changed = false;
    let mut i = 0;
    while i < trees.len() {
        let label_follows = matches!(trees.get(i + 1), Some(TokenTree::Punct(quote)) if quote.as_char() == '\'');
        match &trees[i] {
            TokenTree::Ident(jump) if label_follows && (jump == "break" || jump == "continue") => {
                labeled_jump = true;
            }
            TokenTree::Punct(quote) if quote.as_char() == '\'' => {
                if let [_, TokenTree::Ident(label), TokenTree::Punct(colon), TokenTree::Group(block), ..] = &trees[i..]
                    && colon.as_char() == ':'
                    && label.to_string().starts_with("__")
                {
                    let (block, jumps, empty) = tidied_group(block);
                    labeled_jump |= jumps;
                    if jumps {
                        for tree in &mut trees[i..i + 3] {
                            out.push((take(tree), false));
                        }
                    } else {
                        // A generated label that nothing can jump to goes, with its `:`.
                        changed = true;
                    }
                    changed |= block.is_some();
                    out.push((block.map_or_else(|| take(&mut trees[i + 3]), TokenTree::Group), empty));
                    i += 4;
                    continue;
                }
            }
            TokenTree::Group(g) if written_as_is(&out) => {
                labeled_jump |= has_labeled_jump(g.stream());
            }
            TokenTree::Group(g) => {
                let (group, jumps, empty) = tidied_group(g);
                labeled_jump |= jumps;
                if let Some(group) = group {
                    changed = true;
                    out.push((TokenTree::Group(group), empty));
                } else {
                    out.push((take(&mut trees[i]), empty));
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        out.push((take(&mut trees[i]), false));
        i += 1;
    }
    Tidied { trees: out, labeled_jump, changed }
}

/// The tree at `slot`, moved out (a placeholder is left, which nothing reads): cloning a group would be one more
/// call across the bridge.
fn take(slot: &mut TokenTree) -> TokenTree {
    std::mem::replace(slot, TokenTree::Punct(Punct::new(';', Spacing::Alone)))
}

/// One group, tidied inside (a brace group whose whole content is one brace group becomes that group): the new
/// group, `None` when it stays as it was; whether a labeled jump is in it; whether it is an empty `{}`.
fn tidied_group(group: &Group) -> (Option<Group>, bool, bool) {
    let Tidied { mut trees, labeled_jump, mut changed } = tidied_trees(group.stream());
    if group.delimiter() == Delimiter::Brace {
        let before = trees.len();
        trees = without_empty_statements(trees);
        changed |= trees.len() != before;
        if let [(TokenTree::Group(only), empty)] = &trees[..]
            && only.delimiter() == Delimiter::Brace
        {
            return (Some(only.clone()), labeled_jump, *empty);
        }
    }
    let empty = group.delimiter() == Delimiter::Brace && trees.is_empty();
    if !changed {
        return (None, labeled_jump, empty);
    }
    let mut tidied = Group::new(group.delimiter(), trees.into_iter().map(|(tree, _)| tree).collect());
    tidied.set_span(group.span());
    (Some(tidied), labeled_jump, empty)
}

/// `tokens` (a macro's input or an attribute, left as written) have a labeled `break` or `continue` in them.
fn has_labeled_jump(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    trees.iter().enumerate().any(|(i, tree)| match tree {
        TokenTree::Ident(jump) => {
            matches!(trees.get(i + 1), Some(TokenTree::Punct(quote)) if quote.as_char() == '\'')
                && (jump == "break" || jump == "continue")
        }
        TokenTree::Group(g) => has_labeled_jump(g.stream()),
        _ => false,
    })
}

/// A group after these tokens is a macro's input or an attribute's content: `name!(..)`, `!{..}`,
/// `macro_rules! name {..}`, `#[..]`.
fn written_as_is(before: &[(TokenTree, bool)]) -> bool {
    let punct =
        |tree: Option<&(TokenTree, bool)>, c: char| matches!(tree, Some((TokenTree::Punct(p), _)) if p.as_char() == c);
    let last = before.last();
    punct(last, '!')
        || punct(last, '#')
        || (matches!(last, Some((TokenTree::Ident(_), _)))
            && punct(before.len().checked_sub(2).and_then(|i| before.get(i)), '!'))
}

/// The content of a block without its empty blocks in statement position.
fn without_empty_statements(content: Vec<(TokenTree, bool)>) -> Vec<(TokenTree, bool)> {
    let mut out: Vec<(TokenTree, bool)> = Vec::with_capacity(content.len());
    for (tree, empty_block) in content {
        let statement_position = match out.last() {
            None => true,
            Some((TokenTree::Punct(p), _)) => p.as_char() == ';',
            Some((TokenTree::Group(g), _)) => g.delimiter() == Delimiter::Brace,
            Some(_) => false,
        };
        if empty_block && statement_position {
            continue;
        }
        out.push((tree, empty_block));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::tidy;
    use quote::quote;

    fn tidied(tokens: proc_macro2::TokenStream) -> String {
        tidy(tokens).to_string()
    }

    #[test]
    fn nested_blocks_become_one() {
        assert_eq!(
            tidied(quote!({
                {
                    {
                        let x = 1;
                        f(x)
                    }
                }
            })),
            quote!({
                let x = 1;
                f(x)
            })
            .to_string()
        );
        assert_eq!(tidied(quote!(let v = { { 1 } };)), quote!(let v = { 1 };).to_string());
    }

    #[test]
    fn empty_statement_blocks_go_but_construct_blocks_stay() {
        assert_eq!(
            tidied(quote!({
                a();
                {}
                b();
            })),
            quote!({
                a();
                b();
            })
            .to_string()
        );
        assert_eq!(tidied(quote!({ {} })), quote!({}).to_string());
        assert_eq!(
            tidied(quote!({
                if c {
                } else {
                }
                loop {}
            })),
            quote!({
                if c {
                } else {
                }
                loop {}
            })
            .to_string()
        );
        assert_eq!(
            tidied(quote!({
                match x {
                    _ => {}
                }
            })),
            quote!({
                match x {
                    _ => {}
                }
            })
            .to_string()
        );
        assert_eq!(tidied(quote!({ 'l: {} })), quote!({ 'l: {} }).to_string());
    }

    #[test]
    fn unused_generated_labels_go() {
        let tokens = quote!({
            '__break0: {
                '__continue0: {
                    f();
                }
                loop {
                    break '__break0;
                }
            }
            'user: {
                g();
            }
        });
        assert_eq!(
            tidied(tokens),
            quote!({
                '__break0: {
                    {
                        f();
                    }
                    loop {
                        break '__break0;
                    }
                }
                'user: {
                    g();
                }
            })
            .to_string()
        );
        assert_eq!(
            tidied(quote!({
                '__break1: {
                    '__continue1: {
                        h();
                    }
                }
            })),
            quote!({
                h();
            })
            .to_string()
        );
    }

    #[test]
    fn a_label_is_known_unused_from_its_own_block() {
        // Arms number their labels alike: a jump to `'__break0` in one says nothing of the label in another.
        assert_eq!(
            tidied(quote!({
                '__break0: {
                    f();
                }
                '__break0: {
                    loop {
                        break '__break0;
                    }
                }
            })),
            quote!({
                {
                    f();
                }
                '__break0: {
                    loop {
                        break '__break0;
                    }
                }
            })
            .to_string()
        );
        // A jump inside a macro's input is a jump too.
        let kept = quote!({ '__break0: { m!(break '__break0) } });
        assert_eq!(tidied(kept.clone()), kept.to_string());
    }

    #[test]
    fn macro_arguments_and_attributes_are_untouched() {
        let tokens = quote!({
            m! { { x } }
            #[a({ { y } })]
            z
        });
        assert_eq!(tidied(tokens.clone()), tokens.to_string());
        let rules = quote!({
            macro_rules! twice {
                ($e:expr) => {{
                    $e;
                    $e
                }};
            }
            {}
            twice!({ { 1 } })
        });
        assert_eq!(
            tidied(rules),
            quote!({
                macro_rules! twice {
                    ($e:expr) => {{
                        $e;
                        $e
                    }};
                }
                twice!({ { 1 } })
            })
            .to_string()
        );
    }
}
