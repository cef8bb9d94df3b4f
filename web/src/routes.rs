//! The app's pages and their URLs. Every route is one path segment deep
//! (`/partners`, `/partner?id=…`), so the relative asset URLs Trunk writes
//! resolve from every page, and the app works under any sub-path of any static
//! host: the router's base is the directory the page was served from.

use partnerfit_core::Id;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Icp,
    Brief,
    Partners,
    Partner(Id),
    Compare(Vec<Id>),
    Scorecard,
    Workspace,
    Accounts,
    Overlap(Id),
    Motion(Id),
    Incentives(Id),
    SelfAssessment(Id),
    Pilot(Id),
    Deals,
    Metrics,
    Program,
    /// The rhythm's agendas, print-ready: the weekly review, then one QBR
    /// per partner in pilot or active, a page each.
    Agendas,
    /// The one-page tier sheet for partners.
    TierSheet,
    /// Answering a private comparison a partner sent (the partner's side).
    PrivateAnswer,
}

impl Page {
    /// The link to this page for `<A href>`: the router's base, then the path.
    /// (`<A>` does not add the base to absolute paths; `navigate` does, so it
    /// takes [`Page::href`].)
    pub fn link(&self) -> String {
        format!("{}{}", base(), self.href())
    }

    /// The path within the app, for `navigate`.
    pub fn href(&self) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Icp => "/icp".into(),
            Page::Brief => "/brief".into(),
            Page::Partners => "/partners".into(),
            Page::Partner(id) => format!("/partner?id={id}"),
            Page::Compare(ids) => format!(
                "/compare?ids={}",
                ids.iter().map(Id::as_str).collect::<Vec<_>>().join(",")
            ),
            Page::Scorecard => "/scorecard".into(),
            Page::Workspace => "/workspace".into(),
            Page::Accounts => "/accounts".into(),
            Page::Overlap(id) => format!("/overlap?id={id}"),
            Page::Motion(id) => format!("/motion?id={id}"),
            Page::Incentives(id) => format!("/incentives?id={id}"),
            Page::SelfAssessment(id) => format!("/self-assessment?id={id}"),
            Page::Pilot(id) => format!("/pilot?id={id}"),
            Page::Deals => "/deals".into(),
            Page::Metrics => "/metrics".into(),
            Page::Program => "/program".into(),
            Page::Agendas => "/agendas".into(),
            Page::TierSheet => "/tier-sheet".into(),
            Page::PrivateAnswer => "/private-answer".into(),
        }
    }
}

/// The directory a path was served from, without the trailing slash:
/// `/tools/partnerfit/partners` → `/tools/partnerfit`; `/` → ``.
pub fn base_of(pathname: &str) -> String {
    match pathname.rfind('/') {
        Some(i) => pathname[..i].to_owned(),
        None => String::new(),
    }
}

/// Whether a path is the partner's respond page: `…/respond` (served by the
/// workbench's 404 fallback), `…/respond/` or `…/respond/index.html` (the
/// partner's own small app in `dist/respond/`).
pub fn is_respond_path(pathname: &str) -> bool {
    let p = pathname.strip_suffix("index.html").unwrap_or(pathname);
    p.trim_end_matches('/').ends_with("/respond")
}

/// The site's directory seen from a page, without the trailing slash: the
/// router base, except from the partner's page, which lives one directory
/// down (`/pf/respond/` → `/pf`).
pub fn site_dir(pathname: &str) -> String {
    let dir = base_of(pathname);
    if is_respond_path(pathname) {
        if let Some(parent) = dir.strip_suffix("/respond") {
            return parent.to_owned();
        }
    }
    dir
}

/// The router base: the directory the app was first loaded from.
pub fn base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        base_of(&path)
    })
}
