//! The partner's page on its own (`web/respond/index.html` → `dist/respond/`):
//! only the respond mode, a fraction of the workbench's download.

fn main() {
    console_error_panic_hook::set_once();
    partnerfit::storage::local::adopt_unscoped_keys();
    leptos::mount::mount_to_body(partnerfit::pages::respond::RespondApp);
}
