//! `partnerfit`: the command line on the same core as the web app.

mod commands;
mod input;
mod system;

use std::process::ExitCode;

/// The allocator the benches measure with (faster than glibc's at many small strings).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};

/// Partnerfit: choose channel partners that scale. Works on workspace files
/// exported from the app; nothing leaves this machine.
#[derive(Parser)]
#[command(name = "partnerfit", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a workspace file: exit 0 and a summary, or exit 1 and every problem.
    Validate(commands::validate::Args),
    /// Rewrite a workspace file in the current format version.
    Migrate(commands::migrate::Args),
    /// Print the JSON Schema of the workspace file.
    Schema,
    /// Print the partner ranking with verdicts, reasons and sensitivity.
    Report(commands::report::Args),
    /// Match two CRM exports: the overlap matrix and the matched pairs.
    Overlap(commands::overlap::Args),
    /// Account overlap with a partner without handing over either list
    /// (private set intersection): start, show, answer, finish.
    Psi(commands::psi::Args),
    /// Import a CRM export (CSV) into a workspace file as an account list.
    AddList(commands::add_list::Args),
    /// Model a partner's incentive plans: quarters, scale, biggest levers.
    Incentives(commands::incentives::Args),
    /// Print a partner's rules-of-engagement one-pager as Markdown.
    Motion(commands::motion::Args),
    /// Create a self-assessment invitation for a partner and print its link.
    Invite(commands::invite::Args),
    /// Decode and validate a partner's response (link or file).
    Response(commands::response::Args),
    /// Take a CRM deal export (CSV) into a workspace file's pipeline.
    AddDeals(commands::add_deals::Args),
    /// A partner's pilot on a day: its day, success criteria, recommendation.
    Pilot(commands::pilot::Args),
    /// Governance metrics by month or quarter: pipeline, win rate, cycle
    /// time, retention, plan against actual.
    Metrics(commands::metrics::Args),
    /// The operating rhythm as an iCalendar file (.ics): one recurring
    /// event per meeting.
    Calendar(commands::calendar::Args),
    /// The program view: owner and number, concentration, tiers, inactive
    /// partners, enablement, the health check, the 30-60-90 plan.
    Program(commands::program::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(a) => commands::validate::run(&a),
        Command::Migrate(a) => commands::migrate::run(&a),
        Command::Schema => commands::schema::run(),
        Command::Report(a) => commands::report::run(&a),
        Command::Overlap(a) => commands::overlap::run(&a),
        Command::Psi(a) => commands::psi::run(&a),
        Command::AddList(a) => commands::add_list::run(&a),
        Command::Incentives(a) => commands::incentives::run(&a),
        Command::Motion(a) => commands::motion::run(&a),
        Command::Invite(a) => commands::invite::run(&a),
        Command::Response(a) => commands::response::run(&a),
        Command::AddDeals(a) => commands::add_deals::run(&a),
        Command::Pilot(a) => commands::pilot::run(&a),
        Command::Metrics(a) => commands::metrics::run(&a),
        Command::Calendar(a) => commands::calendar::run(&a),
        Command::Program(a) => commands::program::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("partnerfit: {message}");
            ExitCode::from(2)
        }
    }
}
