//! Memory accounting for the `spawn` workload: a counting global allocator and the process's resident set.
//!
//! - [`Counting`] wraps the system allocator and counts calls and bytes; it is installed as the global
//!   allocator of the `bench` binary, so every `Box`, `Vec` and future a peer allocates is seen.
//! - Stackful coroutines `mmap` their stacks directly, which no allocator sees; [`resident_bytes`] (from
//!   `/proc/self/statm`) catches those, and also shows how much of a reserved stack is actually touched.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Global allocator that forwards to [`System`] and counts what passes through.
pub struct Counting;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static ALLOCATED_BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: `GlobalAlloc` is an `unsafe` trait by definition; this impl adds two relaxed counters and forwards
// every call unchanged to `System`, so it upholds exactly the contract `System` upholds. This is the one place
// the crate needs `unsafe` for itself.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ALLOCATED_BYTES.fetch_add(layout.size() as u64, Relaxed);
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ALLOCATED_BYTES.fetch_add(layout.size() as u64, Relaxed);
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Relaxed);
        ALLOCATED_BYTES.fetch_add(new_size as u64, Relaxed);
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocator counters at one moment; subtract two to get what happened in between.
#[derive(Clone, Copy, Debug, Default)]
pub struct Snapshot {
    /// Calls to `alloc`, `alloc_zeroed` and `realloc` so far.
    pub allocations: u64,
    /// Bytes requested by those calls so far (frees are not subtracted).
    pub bytes: u64,
    /// Resident set size of the process, in bytes (0 where `/proc` is unavailable).
    pub resident: u64,
}

impl Snapshot {
    /// Reads the counters and the resident set size now.
    pub fn now() -> Snapshot {
        Snapshot {
            allocations: ALLOCATIONS.load(Relaxed),
            bytes: ALLOCATED_BYTES.load(Relaxed),
            resident: resident_bytes(),
        }
    }
}

/// Resident set size of this process in bytes, from `/proc/self/statm` (its second field, in pages; pages
/// are 4 KiB on the x86-64 and aarch64 Linux machines this runs on). 0 where it can't be read.
pub fn resident_bytes() -> u64 {
    const PAGE: u64 = 4096;
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * PAGE)
}
