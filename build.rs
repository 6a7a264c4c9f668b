//! With the `split` feature, the wasm binary keeps its relocations (`--emit-relocs`) so that
//! wasm-split-cli can cut the lazy routes out of it (tools/split.mjs). A link argument of the
//! binary only: the dependencies are not rebuilt.
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
