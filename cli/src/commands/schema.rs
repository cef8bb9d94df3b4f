use std::process::ExitCode;

pub fn run() -> Result<ExitCode, String> {
    let schema = partnerfit_core::format::schema();
    println!(
        "{}",
        serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?
    );
    Ok(ExitCode::SUCCESS)
}
