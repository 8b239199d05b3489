//! The allocator's settings for a command that reads a large file whole
//! (`kluis import`). glibc's malloc raises its threshold for memory mapped
//! blocks to the largest such block freed so far, and the size of free
//! memory it keeps at the top of the heap with it: once the import file's
//! buffer (tens of megabytes) is freed, every later block up to that size
//! comes from the heap, and the heap keeps what the import frees, 40 MiB of
//! its peak at 10 000 people. A fixed threshold (glibc's default) keeps
//! large blocks mapped, and their memory goes back when they are freed.
//! Only for such a command: commands that free little before they end
//! would pay for the mapping without gaining memory.

/// glibc's default mmap threshold, kept from rising.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

pub fn lean_for_bulk() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt changes a parameter of the allocator, which takes
    // its own lock; no memory is touched. A refusal (0) keeps the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    }
}
