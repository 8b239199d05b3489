//! What the process does before anything else, so no secret leaves it by a
//! side door (DESIGN.md §7): no core dumps (a dump would hold the
//! unlocked keys), files created private whatever the umask, and the
//! passphrase in `KLUIS_PASSWORD` taken out of the environment, so no child
//! process inherits it.

use zeroize::Zeroizing;

/// Call first in `main`, while the process has one thread. Returns
/// `KLUIS_PASSWORD`, if it was set.
pub fn harden() -> Option<Zeroizing<String>> {
    no_core_dumps();
    private_files();
    let password = std::env::var("KLUIS_PASSWORD").ok().map(Zeroizing::new);
    if password.is_some() {
        // SAFETY: `harden` runs at the start of `main`, before any thread is
        // started, so nothing reads or writes the environment meanwhile.
        unsafe { std::env::remove_var("KLUIS_PASSWORD") };
    }
    password
}

/// `RLIMIT_CORE` 0 everywhere on Unix; on Linux also not dumpable, which
/// stops a core dump through a pipe handler (systemd-coredump, apport) and
/// ptrace by other processes of the same user. Failure leaves the
/// defaults: there is nobody to tell yet, and it changes no data.
fn no_core_dumps() {
    #[cfg(unix)]
    {
        use rustix::process::{Resource, Rlimit, setrlimit};
        let _ = setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        );
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{DumpableBehavior, set_dumpable_behavior};
        let _ = set_dumpable_behavior(DumpableBehavior::NotDumpable);
    }
}

/// The umask 077: everything the program creates (sled's files, exports) is
/// for its owner only. The vault also checks its folder at open (`vault::private`).
fn private_files() {
    #[cfg(unix)]
    {
        use rustix::fs::Mode;
        rustix::process::umask(Mode::from_bits_truncate(0o077));
    }
}
