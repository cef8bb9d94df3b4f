fn main() {
    console_error_panic_hook::set_once();
    partnerfit::storage::local::adopt_unscoped_keys();
    leptos::mount::mount_to_body(partnerfit::App);
}
