fn main() {
    kluis::panic_guard::install();
    std::process::exit(kluis::cli::run());
}
