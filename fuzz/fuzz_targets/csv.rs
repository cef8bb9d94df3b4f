//! Fuzz the CRM export readers: any bytes as an account list and as a deal
//! export, through encoding, delimiter, header and column detection, and
//! the rows as the app takes them in. Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerfit_core::overlap::import as list;
use partnerfit_core::pipeline::import as deals;
use partnerfit_core::Currency;

fuzz_target!(|data: &[u8]| {
    if let Ok(p) = list::prepare(data) {
        let population = list::default_population(&p.mapping);
        let _ = list::accounts(&p, &p.mapping, population, Some(Currency::EUR));
    }
    if let Ok(p) = deals::prepare(data) {
        let _ = deals::read_rows(&p, &p.mapping, Currency::EUR, &[]);
    }
});
