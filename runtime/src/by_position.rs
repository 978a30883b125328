//! Loops by position over a string the coroutine owns: `for c in text.chars()` with a `yield_!` in its body,
//! where `text` is a `String` local or argument, is lowered by the macro to `while let Some(c) =
//! by_position::next_char(&text, &mut at)`. The state holds the byte offset `at` between two items, not a
//! `Chars` borrowing `text`, which the state couldn't hold (it moves with the coroutine). Each function gives the
//! next item of the std iterator of the same name over `&text[at..]` and moves `at` past it, so the loop sees
//! the same items as the plain fn's (the macro keeps the iterator where the body may change `text`, whose items
//! would then differ, and rustc rejects the plain fn).
//!
//! Called by path from the generated code, like [`crate::by_index`]; `at` is always on a char boundary, since
//! only these functions move it.

/// A borrow of a string a loop by position goes over, the loop's `&s`: of a `str` or one of std's owned strings,
/// whose text lives as long as the borrow, or of a reference to one (a local `s: &'t str`), whose text lives as
/// long as that reference, as the items of `s.split_whitespace()` would (the loop may yield them).
#[diagnostic::on_unimplemented(
    message = "a `for` loop with a `yield_!` in it over the characters, lines or words of a local goes by \
               position in a string, which `{Self}` doesn't borrow",
    label = "by position: an iterator of it would borrow what the coroutine's state holds",
    note = "a local goes by position in a loop over its `chars()`, `char_indices()`, `split_whitespace()` or \
            `split_ascii_whitespace()` when its type isn't known to be another, and over its `bytes()` or \
            `lines()` when its written type or initializer is a `String`",
    note = "iterate over owned copies, or collect what the loop needs first (`let items: Vec<_> = \
            x.chars().collect();`)"
)]
pub trait Text<'t> {
    /// The text.
    fn text(self) -> &'t str;
}

impl<'t> Text<'t> for &'t str {
    #[inline(always)]
    fn text(self) -> &'t str {
        self
    }
}

impl<'t> Text<'t> for &&'t str {
    #[inline(always)]
    fn text(self) -> &'t str {
        self
    }
}

impl<'t> Text<'t> for &'t &mut str {
    #[inline(always)]
    fn text(self) -> &'t str {
        self
    }
}

/// Std's owned strings, and references to them.
macro_rules! owned_strings {
    ($($(#[$attr:meta])* $ty:ty;)*) => {$(
        $(#[$attr])*
        impl<'t> Text<'t> for &'t $ty {
            #[inline(always)]
            fn text(self) -> &'t str {
                self
            }
        }

        $(#[$attr])*
        impl<'t> Text<'t> for &&'t $ty {
            #[inline(always)]
            fn text(self) -> &'t str {
                self
            }
        }

        $(#[$attr])*
        impl<'t> Text<'t> for &'t &mut $ty {
            #[inline(always)]
            fn text(self) -> &'t str {
                self
            }
        }
    )*};
}

owned_strings! {
    #[cfg(feature = "alloc")] alloc::string::String;
    #[cfg(feature = "alloc")] alloc::boxed::Box<str>;
    #[cfg(feature = "alloc")] alloc::rc::Rc<str>;
    #[cfg(feature = "alloc")] alloc::sync::Arc<str>;
    #[cfg(feature = "alloc")] alloc::borrow::Cow<'_, str>;
}

/// What is left of `text` from `at`.
#[inline(always)]
fn rest<'t>(text: impl Text<'t>, at: usize) -> &'t str {
    text.text().get(at..).unwrap_or_default()
}

/// The next item of `text.chars()` from `at`.
#[inline]
pub fn next_char<'t>(text: impl Text<'t>, at: &mut usize) -> Option<char> {
    let c = rest(text, *at).chars().next()?;
    *at += c.len_utf8();
    Some(c)
}

/// The next item of `text.char_indices()` from `at`: the char and its byte offset in `text`.
#[inline]
pub fn next_char_index<'t>(text: impl Text<'t>, at: &mut usize) -> Option<(usize, char)> {
    let start = *at;
    next_char(text, at).map(|c| (start, c))
}

/// The next item of `text.bytes()` from `at`.
#[inline]
pub fn next_byte<'t>(text: impl Text<'t>, at: &mut usize) -> Option<u8> {
    let b = *text.text().as_bytes().get(*at)?;
    *at += 1;
    Some(b)
}

/// Where a loop by position from the back (`text.chars().rev()`) starts: past the text's end.
#[inline]
pub fn text_end<'t>(text: impl Text<'t>) -> usize {
    text.text().len()
}

/// The next item of `text.chars().rev()` before `at`, which then points at it.
#[inline]
pub fn prev_char<'t>(text: impl Text<'t>, at: &mut usize) -> Option<char> {
    let c = text.text().get(..*at).unwrap_or_default().chars().next_back()?;
    *at -= c.len_utf8();
    Some(c)
}

/// The next item of `text.char_indices().rev()` before `at`: the char and its byte offset, which `at` then is.
#[inline]
pub fn prev_char_index<'t>(text: impl Text<'t>, at: &mut usize) -> Option<(usize, char)> {
    prev_char(text, at).map(|c| (*at, c))
}

/// The next item of `text.bytes().rev()` before `at`, which then points at it.
#[inline]
pub fn prev_byte<'t>(text: impl Text<'t>, at: &mut usize) -> Option<u8> {
    *at = at.checked_sub(1)?;
    text.text().as_bytes().get(*at).copied()
}

/// The next item of `text.lines()` from `at`: up to the next `\n` (or the end), without it nor a `\r` before it.
/// An empty rest has no line, so a final line ending ends the last line rather than starting an empty one.
#[inline]
pub fn next_line<'t>(text: impl Text<'t>, at: &mut usize) -> Option<&'t str> {
    let rest = rest(text, *at);
    if rest.is_empty() {
        return None;
    }
    let (line, taken) = match rest.find('\n') {
        Some(end) => (&rest[..end], end + 1),
        None => (rest, rest.len()),
    };
    *at += taken;
    // (Only before a `\n`: a last line without one keeps its `\r`, as `str::lines` does.)
    let ended = taken > line.len();
    Some(if ended { line.strip_suffix('\r').unwrap_or(line) } else { line })
}

/// The next item of `text.split_whitespace()` from `at`: the next run of chars that aren't whitespace.
#[inline]
pub fn next_word<'t>(text: impl Text<'t>, at: &mut usize) -> Option<&'t str> {
    next_run(rest(text, *at), at, char::is_whitespace)
}

/// The next item of `text.split_ascii_whitespace()` from `at`: the next run of chars that aren't ASCII
/// whitespace.
#[inline]
pub fn next_ascii_word<'t>(text: impl Text<'t>, at: &mut usize) -> Option<&'t str> {
    next_run(rest(text, *at), at, |c: char| c.is_ascii_whitespace())
}

/// The first run of chars of `rest` that aren't `space`s, with `at` moved to its end (or to the end of `rest`,
/// when there is none).
#[inline]
fn next_run<'t>(rest: &'t str, at: &mut usize, space: impl Fn(char) -> bool) -> Option<&'t str> {
    let Some(start) = rest.find(|c: char| !space(c)) else {
        *at += rest.len();
        return None;
    };
    let word = &rest[start..];
    let end = word.find(&space).unwrap_or(word.len());
    *at += start + end;
    Some(&word[..end])
}

#[cfg(all(test, feature = "alloc"))]
mod tests {
    use super::{
        next_ascii_word, next_byte, next_char, next_char_index, next_line, next_word, prev_byte, prev_char,
        prev_char_index,
    };
    use alloc::format;
    use alloc::string::String;
    use alloc::vec;
    use alloc::vec::Vec;

    /// Every string of up to five chars over an alphabet of line endings, whitespace (ASCII and not), and one- and
    /// multi-byte chars: each function's items are the std iterator's.
    #[test]
    fn the_same_items_as_std() {
        const ALPHABET: [char; 7] = ['a', ' ', '\n', '\r', '\u{2003}', 'é', '\t'];
        fn all<'t, T>(text: &'t str, next: impl Fn(&'t str, &mut usize) -> Option<T>) -> Vec<T> {
            let mut at = 0;
            core::iter::from_fn(|| next(text, &mut at)).collect()
        }
        fn all_back<'t, T>(text: &'t str, prev: impl Fn(&'t str, &mut usize) -> Option<T>) -> Vec<T> {
            let mut at = text.len();
            core::iter::from_fn(|| prev(text, &mut at)).collect()
        }
        let mut strings = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last.iter().flat_map(|s| ALPHABET.iter().map(move |c| format!("{s}{c}"))).collect();
            strings.extend(last.iter().cloned());
        }
        for s in &strings {
            let s = s.as_str();
            assert_eq!(all_back(s, prev_char), s.chars().rev().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all_back(s, prev_char_index), s.char_indices().rev().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all_back(s, prev_byte), s.bytes().rev().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all(s, next_char), s.chars().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all(s, next_char_index), s.char_indices().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all(s, next_byte), s.bytes().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all(s, next_line), s.lines().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all(s, next_word), s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
            assert_eq!(all(s, next_ascii_word), s.split_ascii_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    /// After the last item, each function keeps answering `None` (a loop that asks again after its end).
    #[test]
    fn none_after_the_end() {
        let text = "ab c\n";
        let mut at = 0;
        while next_word(text, &mut at).is_some() {}
        assert_eq!((next_word(text, &mut at), next_line(text, &mut at), next_char(text, &mut at)), (None, None, None));
    }
}
