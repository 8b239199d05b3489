//! The vault's files on disk (DESIGN.md §7): private whatever the umask (L5), a
//! keyring that is a symbolic link refused (L10), and key derivation
//! parameters in the keyring header bounded before any work (L9).

// Tests stop at the first surprise: unwrap, expect and panic are how they fail.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod common {
    pub mod cli;
    pub mod files;
    pub mod fixture;
    pub mod vault;
}

use common::{cli::*, files::*, fixture::*, vault::*};
use kluis::vault::{Vault, VaultError};
use std::fs;
use std::path::{Path, PathBuf};

/// Every folder and file under `dir`, with its permission bits.
#[cfg(unix)]
fn modes(dir: &Path) -> Vec<(PathBuf, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = vec![(
        dir.to_path_buf(),
        fs::metadata(dir).unwrap().permissions().mode() & 0o777,
    )];
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        if meta.is_dir() {
            out.extend(modes(&path));
        } else {
            out.push((path, meta.permissions().mode() & 0o777));
        }
    }
    out
}

#[cfg(unix)]
fn assert_private(dir: &Path) {
    let open: Vec<_> = modes(dir)
        .into_iter()
        .filter(|(_, mode)| mode & 0o077 != 0)
        .collect();
    assert!(open.is_empty(), "readable by others: {open:?}");
}

#[cfg(unix)]
#[test]
fn init_under_umask_000_into_an_open_folder_makes_everything_private() {
    use std::os::unix::fs::PermissionsExt;
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    fs::create_dir(&vault).unwrap();
    fs::set_permissions(&vault, fs::Permissions::from_mode(0o777)).unwrap();
    let mut c = kluis_std(&vault);
    c.arg("init");
    let args: Vec<_> = c.get_args().map(|a| a.to_owned()).collect();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(c.get_program())
        .args(&args)
        .envs(c.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_private(&vault);
    assert_eq!(modes(&vault)[0].1, 0o700);
}

#[cfg(unix)]
#[test]
fn open_repairs_files_made_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    for (path, _) in modes(&vault) {
        let open = if path.is_dir() { 0o777 } else { 0o666 };
        fs::set_permissions(&path, fs::Permissions::from_mode(open)).unwrap();
    }
    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_private(&vault);
}

#[cfg(unix)]
#[test]
fn a_keyring_that_is_a_symbolic_link_is_refused_and_left_alone() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    practice_vault(&vault);
    let elsewhere = tmp.path().join("keyring-elsewhere");
    fs::rename(vault.join("keyring"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, vault.join("keyring")).unwrap();
    let target = fs::read(&elsewhere).unwrap();

    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_clean_error(&r, &["symbolic link"]);
    assert!(matches!(
        Vault::open(&vault, PASS.as_bytes()),
        Err(VaultError::KeyringNotAFile(_))
    ));
    assert!(
        fs::symlink_metadata(vault.join("keyring"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read(&elsewhere).unwrap(), target);
}

/// The keyring with its KDF parameters (`memory_kib`, `iterations`)
/// replaced, as an edited or damaged header has them.
fn set_kdf(vault: &Path, memory_kib: u32, iterations: u32) {
    let path = vault.join("keyring");
    let mut bytes = fs::read(&path).unwrap();
    bytes[10..14].copy_from_slice(&memory_kib.to_be_bytes());
    bytes[14..18].copy_from_slice(&iterations.to_be_bytes());
    fs::write(&path, bytes).unwrap();
}

#[test]
fn kdf_parameters_beyond_1_gib_or_10_passes_are_a_damaged_keyring() {
    let _serial = serial();
    let tmp = tempfile::tempdir().unwrap();
    let vault = tmp.path().join("vault");
    new_vault(&vault);
    let good = fs::read(vault.join("keyring")).unwrap();
    // 11 passes of FAST's 1 MiB: cheap to try, so this also shows the
    // refusal comes before the key derivation (it would say "wrong
    // passphrase" after it).
    set_kdf(&vault, FAST.memory_kib, 11);
    let before = snapshot(&vault);
    match Vault::open(&vault, PASS.as_bytes()) {
        Err(VaultError::KeyringDamaged { reason, .. }) => {
            assert!(
                reason.contains("1 GiB") && reason.contains("10 passes"),
                "{reason}"
            )
        }
        Err(e) => panic!("not refused as damaged: {e}"),
        Ok(_) => panic!("opened"),
    }
    let r = run(kluis(&vault).args(["status", "--json"]));
    assert_eq!(r.code, 1);
    assert_clean_error(&r, &["damaged", "10 passes"]);
    assert_same_files(&before, &snapshot(&vault), "a refused keyring");

    // 2 GiB is refused at once, without allocating it.
    fs::write(vault.join("keyring"), &good).unwrap();
    set_kdf(&vault, 2 * 1024 * 1024, 1);
    let started = std::time::Instant::now();
    assert!(matches!(
        Vault::open(&vault, PASS.as_bytes()),
        Err(VaultError::KeyringDamaged { .. })
    ));
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}
