//! The background worker's wasm (`web/src/worker`): only the core's heavy
//! work, none of the user interface.

fn main() {
    console_error_panic_hook::set_once();
    partnerfit::worker::host::start();
}
