fn main() {
    let env_password = kluis::process_guard::harden();
    kluis::panic_guard::install();
    std::process::exit(kluis::cli::run(env_password));
}
