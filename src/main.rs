//! The browser entry point (built by trunk). Natively there is nothing to run: use `cargo test`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    fordeling::ui::start();
}
