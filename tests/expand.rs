//! The expansion cases `tests/expand/*.rs` compile and do what they say. Their snapshots (`*.expanded.rs`) are
//! checked in-process by the macro crate's `snapshots` test (see DEVELOPMENT.md); this makes sure every snapshot
//! shows the expansion of a coroutine that compiles.

/// Each case below, by its path in `tests/expand/` without `.rs`.
const CASES: &[&str] = &[
    "generator",
    "join_point",
    "loop_in_place",
    "method",
    "resume",
    "stream",
    "two_points",
    "unit_resume",
    "wide_tag",
];

#[test]
fn every_case_is_compiled_here() {
    fn cases(dir: &std::path::Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("tests/expand can be read") {
            let path = entry.expect("a readable entry").path();
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            if path.is_dir() {
                cases(&path, &format!("{prefix}{name}/"), out);
            } else if let Some(case) = name.strip_suffix(".rs").filter(|n| !n.ends_with(".expanded")) {
                out.push(format!("{prefix}{case}"));
            }
        }
    }
    let mut found = Vec::new();
    cases(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand"), "", &mut found);
    found.sort();
    assert_eq!(found, CASES, "add each case of tests/expand/ to tests/expand.rs, as a module and in `CASES`");
}

mod generator {
    include!("expand/generator.rs");

    #[test]
    fn runs() {
        assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
    }
}

mod stream {
    include!("expand/stream.rs");

    #[test]
    fn runs() {
        use core::pin::Pin;
        use core::task::{Context, Poll, Waker};
        use stackless::Stream;
        #[stackless::coroutine]
        fn numbers() -> impl stackless::Stream<Item = u32> {
            yield_!(1);
            yield_!(2);
        }
        let mut s = doubled(numbers(), core::future::ready(7));
        let mut cx = Context::from_waker(Waker::noop());
        let mut out = Vec::new();
        while let Poll::Ready(Some(x)) = Pin::new(&mut s).poll_next(&mut cx) {
            out.push(x);
        }
        assert_eq!(out, [7, 2, 4]);
    }
}

mod join_point {
    include!("expand/join_point.rs");

    #[test]
    fn runs() {
        assert_eq!(scaled(3).collect::<Vec<_>>(), [0, 1, 2, 3, 6]);
    }
}

mod loop_in_place {
    include!("expand/loop_in_place.rs");

    #[test]
    fn runs() {
        assert_eq!(two_points::<2>(2).collect::<Vec<_>>(), [0, 0, 1, 1]);
        // Suspended between the two points: the buffer, `rounds`, `i`, `slot` and a tag, as rustc lays it out.
        let mut g = two_points::<512>(3);
        g.next();
        assert!(core::mem::size_of_val(&g) <= 4096 + 4 * 8, "{}", core::mem::size_of_val(&g));
        assert_eq!(guarded(2).collect::<Vec<_>>(), [0, 0, 1, 2]);
        assert_eq!(replaced(7).collect::<Vec<_>>(), [0, 1, 2, 3, 4, 0, 1]);
    }
}

mod method {
    include!("expand/method.rs");

    #[test]
    fn runs() {
        let mut deal = Deck { cards: vec![10, 11, 12, 13, 14] }.deal(2);
        assert_eq!(deal.next(), Some((0, 10)));
        let fork = deal.clone();
        assert_eq!(deal.collect::<Vec<_>>(), [(1, 11), (0, 12), (1, 13), (0, 14)]);
        assert_eq!(fork.count(), 4);
    }
}

mod resume {
    use core::pin::Pin;
    use stackless::{Coroutine, CoroutineState};

    include!("expand/resume.rs");

    #[test]
    fn runs() {
        let mut sum = running_sum();
        assert_eq!(Pin::new(&mut sum).resume(2), CoroutineState::Yielded(2));
        assert_eq!(Pin::new(&mut sum).resume(5), CoroutineState::Yielded(7));
        assert_eq!(Pin::new(&mut sum).resume(0), CoroutineState::Complete(7));
    }
}

mod two_points {
    include!("expand/two_points.rs");

    #[test]
    fn runs() {
        let words = vec!["a".to_owned(), String::new(), "b".to_owned()];
        assert_eq!(pairs(words).collect::<Vec<_>>(), ["a", "A", ""]);
    }
}

mod unit_resume {
    use core::pin::Pin;
    use stackless::{Coroutine, CoroutineState};

    include!("expand/unit_resume.rs");

    #[test]
    fn runs() {
        let mut t = ticks(2);
        assert_eq!(Pin::new(&mut t).resume(()), CoroutineState::Yielded(0));
        assert_eq!(Pin::new(&mut t).resume(()), CoroutineState::Yielded(1));
        assert_eq!(Pin::new(&mut t).resume(()), CoroutineState::Complete(2));
    }
}

mod wide_tag {
    include!("expand/wide_tag.rs");

    #[test]
    fn runs() {
        assert_eq!(batches(2).collect::<Vec<_>>(), [0, 1, 1, 2]);
        // The `Vec`, the range and a word of tag, as a hand-written machine with a one-byte tag takes.
        assert_eq!(core::mem::size_of_val(&batches(2)), core::mem::size_of::<(Vec<u64>, core::ops::Range<u64>, u8)>());
    }
}
