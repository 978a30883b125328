//! Phase 5: the emitted step, without the blocks that only nest other blocks.
//!
//! Emission builds each construct in a block of its own (a continuation's scopes, a spilled operand, a
//! suspension point), so the step is full of blocks whose only content is another block, and of empty blocks
//! standing for an empty rest. Neither changes what the code does, but `cargo expand` shows every one of them on
//! its own lines. This pass removes them from the tokens:
//!
//! - `{ { .. } }` becomes `{ .. }`: a block whose whole content is one block expression has that block's value,
//!   drops its locals where that block does, and declares nothing itself;
//! - an empty block in statement position (first in a block, or after a `;` or another block) is removed: it is
//!   an empty statement, or the block's unit value, which the block without it has too.
//!
//! A block that follows anything else (`if c {}`, `loop {}`, `=> {}`, `|x| {}`, a label, a path) keeps its braces;
//! tokens inside a macro invocation (`name!{..}`, `name!(..)`) or an attribute are left exactly as written.
//!
//! Input: `{ { let x = 1; { f(x); } } {} }` — Output: `{ let x = 1; { f(x); } }`

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

/// `tokens` without nested-only and empty statement blocks.
pub fn tidy(tokens: TokenStream) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    for tree in tokens {
        let tree = match tree {
            TokenTree::Group(g) if written_as_is(&out) => TokenTree::Group(g),
            TokenTree::Group(g) => TokenTree::Group(tidy_group(&g)),
            other => other,
        };
        out.push(tree);
    }
    out.into_iter().collect()
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

/// One group, tidied inside; a brace group whose whole content is one brace group becomes that group.
fn tidy_group(group: &Group) -> Group {
    let mut inner = tidy(group.stream());
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
