//! Typed text leaves no unwiped copy in freed memory (issue 13, L11): an
//! allocator that looks at every block as it is freed or moved finds no run
//! of the typed marker in it, however long the text grew.

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use kluis::app::input::TextInput;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The typed character, and how many of it in a row count as a copy.
const MARKER: u8 = b'Q';
const RUN: usize = 32;

static WATCHING: AtomicBool = AtomicBool::new(false);
static UNWIPED: AtomicUsize = AtomicUsize::new(0);

struct Inspecting;

/// Whether `len` bytes at `ptr` hold `RUN` markers in a row.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
unsafe fn holds_a_copy(ptr: *const u8, len: usize) -> bool {
    // SAFETY: the caller passes a live block of `len` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    bytes.windows(RUN).any(|w| w.iter().all(|&b| b == MARKER))
}

fn inspect(ptr: *const u8, len: usize) {
    // SAFETY: called with a block the allocator still owns, of its size.
    if WATCHING.load(Ordering::Relaxed) && unsafe { holds_a_copy(ptr, len) } {
        UNWIPED.fetch_add(1, Ordering::Relaxed);
    }
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// blocks are only read before they are given back.
unsafe impl GlobalAlloc for Inspecting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as the caller promised for `layout`.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        inspect(ptr, layout.size());
        // SAFETY: as the caller promised for `ptr` and `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A block that grows may move, leaving its old bytes behind.
        inspect(ptr, layout.size());
        // SAFETY: as the caller promised for `ptr`, `layout` and `new_size`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Inspecting = Inspecting;

#[test]
fn typing_a_long_secret_frees_no_unwiped_copy_of_it() {
    let key = KeyEvent::new(KeyCode::Char(MARKER as char), KeyModifiers::NONE);
    let home = KeyEvent::new(KeyCode::Home, KeyModifiers::NONE);
    let mut input = TextInput::default();
    WATCHING.store(true, Ordering::Relaxed);
    for i in 0..5000 {
        if i == 2500 {
            // Typing in the middle moves the text within its buffer.
            input.key(&home);
        }
        input.key(&key);
    }
    let typed = input.value().len();
    drop(input);
    WATCHING.store(false, Ordering::Relaxed);
    assert_eq!(typed, 5000);
    assert_eq!(
        UNWIPED.load(Ordering::Relaxed),
        0,
        "blocks holding typed text were freed or moved without being wiped"
    );
}
