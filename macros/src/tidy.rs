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
//! - a generated label (`'__break0:`, `'__continue0:`) that no `break` or `continue` names is removed.
//!
//! A block that follows anything else (`if c {}`, `loop {}`, `=> {}`, `|x| {}`, a label, a path) keeps its braces;
//! tokens inside a macro invocation (`name!{..}`, `name!(..)`) or an attribute are left exactly as written, and
//! so is every label the user wrote.
//!
//! Input: `{ { let x = 1; '__break0: { f(x); } } {} }` — Output: `{ let x = 1; { f(x); } }`

use std::collections::HashSet;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

/// `tokens` without nested-only and empty statement blocks, nor unused generated labels.
pub fn tidy(tokens: TokenStream) -> TokenStream {
    let mut used = HashSet::new();
    jump_targets(tokens.clone(), &mut used);
    Tidy { used }.stream(tokens)
}

/// The labels that a `break` or `continue` names, anywhere in `tokens`.
fn jump_targets(tokens: TokenStream, used: &mut HashSet<String>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Group(g) => jump_targets(g.stream(), used),
            TokenTree::Ident(jump) if jump == "break" || jump == "continue" => {
                if let (Some(TokenTree::Punct(quote)), Some(TokenTree::Ident(label))) =
                    (trees.get(i + 1), trees.get(i + 2))
                    && quote.as_char() == '\''
                {
                    used.insert(label.to_string());
                }
            }
            _ => {}
        }
    }
}

/// `tokens` have a labeled `break` or `continue` in them. (An unlabeled one in a labeled block jumps out of a loop
/// inside it: directly in the block it would be rustc's E0695, which the block's label doesn't change.)
fn has_labeled_jump(tokens: TokenStream) -> bool {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    trees.iter().enumerate().any(|(i, tree)| match tree {
        TokenTree::Ident(jump) if jump == "break" || jump == "continue" => {
            matches!(trees.get(i + 1), Some(TokenTree::Punct(quote)) if quote.as_char() == '\'')
        }
        TokenTree::Group(g) => has_labeled_jump(g.stream()),
        _ => false,
    })
}

struct Tidy {
    /// The labels jumped to ([`jump_targets`]).
    used: HashSet<String>,
}

impl Tidy {
    fn stream(&self, tokens: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut out: Vec<TokenTree> = Vec::new();
        let mut i = 0;
        while i < trees.len() {
            if self.unused_generated_label(&trees[i..]) {
                // `'__breakN` and its `:`.
                i += 3;
                continue;
            }
            let tree = match &trees[i] {
                TokenTree::Group(g) if written_as_is(&out) => TokenTree::Group(g.clone()),
                TokenTree::Group(g) => TokenTree::Group(self.group(g)),
                other => other.clone(),
            };
            out.push(tree);
            i += 1;
        }
        out.into_iter().collect()
    }

    /// `trees` starts with a label of the macro's own (`'__name:`) that nothing jumps to, on a block without any
    /// labeled `break` or `continue` in it (one naming a label that doesn't exist is the user's mistake: rustc says
    /// so, and, without a labeled block around it, would add that it jumps out of the step's closure).
    fn unused_generated_label(&self, trees: &[TokenTree]) -> bool {
        matches!(
            trees,
            [TokenTree::Punct(quote), TokenTree::Ident(label), TokenTree::Punct(colon), TokenTree::Group(block), ..]
                if quote.as_char() == '\''
                    && colon.as_char() == ':'
                    && label.to_string().starts_with("__")
                    && !self.used.contains(&label.to_string())
                    && !has_labeled_jump(block.stream())
        )
    }

    /// One group, tidied inside; a brace group whose whole content is one brace group becomes that group.
    fn group(&self, group: &Group) -> Group {
        let mut inner = self.stream(group.stream());
        if group.delimiter() == Delimiter::Brace {
            inner = without_empty_statements(inner);
            let trees: Vec<TokenTree> = inner.clone().into_iter().collect();
            if let [TokenTree::Group(only)] = &trees[..]
                && only.delimiter() == Delimiter::Brace
            {
                return only.clone();
            }
        }
        let mut tidied = Group::new(group.delimiter(), inner);
        tidied.set_span(group.span());
        tidied
    }
}

/// A group after these tokens is a macro's input or an attribute's content: `name!(..)`, `!{..}`,
/// `macro_rules! name {..}`, `#[..]`.
fn written_as_is(before: &[TokenTree]) -> bool {
    let punct = |tree: Option<&TokenTree>, c: char| matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == c);
    let last = before.last();
    punct(last, '!')
        || punct(last, '#')
        || (matches!(last, Some(TokenTree::Ident(_)))
            && punct(before.len().checked_sub(2).and_then(|i| before.get(i)), '!'))
}

/// The content of a block without its empty blocks in statement position.
fn without_empty_statements(content: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    for tree in content {
        let empty_block =
            matches!(&tree, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace && g.stream().is_empty());
        let statement_position = match out.last() {
            None => true,
            Some(TokenTree::Punct(p)) => p.as_char() == ';',
            Some(TokenTree::Group(g)) => g.delimiter() == Delimiter::Brace,
            Some(_) => false,
        };
        if empty_block && statement_position {
            continue;
        }
        out.push(tree);
    }
    out.into_iter().collect()
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
