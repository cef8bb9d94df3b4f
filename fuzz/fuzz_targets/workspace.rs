//! Fuzz the workspace file reader: any bytes as a picked file (UTF-8,
//! UTF-16, anything), through format, version, migration and validation.
//! Whatever loads must save and load again to the same workspace.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerfit_core::format;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = format::load_bytes(data) {
        let again = format::load(&format::save(&loaded.workspace)).expect("a loaded workspace saves and loads again");
        assert_eq!(again.workspace, loaded.workspace);
    }
});
