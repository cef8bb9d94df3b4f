//! Browser plumbing for shared links: the page's fragment, the site's base
//! URL, the clipboard and mailto links, and how a link problem is shown.

use leptos::prelude::*;
use partnerfit_core::share::ShareError;

use crate::routes::{is_respond_path, site_dir};

/// The fragment of the current URL, without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The path of the current page.
fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Whether this page was opened as the partner's respond page.
pub fn is_respond_page() -> bool {
    is_respond_path(&pathname())
}

/// The site's base URL (origin + the directory the workbench is served from + `/`),
/// also from the partner's page one directory down.
pub fn site() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}/", site_dir(&pathname()))
}

/// Copy `text` to the clipboard (asynchronously; the browser may refuse).
pub fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// A `mailto:` link with subject and body, percent-encoded.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
    format!(
        "mailto:{}?subject={}&body={}",
        enc(to),
        enc(subject),
        enc(body)
    )
}

/// A link problem as the pages show it: the message in plain words, and the
/// technical detail (what a parser or decoder said) apart, behind
/// "Details".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkProblem {
    pub message: String,
    pub detail: Option<String>,
}

impl From<ShareError> for LinkProblem {
    fn from(e: ShareError) -> LinkProblem {
        LinkProblem {
            detail: e.detail(),
            message: e.to_string(),
        }
    }
}

impl From<String> for LinkProblem {
    fn from(message: String) -> LinkProblem {
        LinkProblem {
            message,
            detail: None,
        }
    }
}

/// A link problem: the message announced, the detail in a closed
/// `<details>` disclosure (both rendered as text).
#[component]
pub fn LinkError(problem: LinkProblem, testid: &'static str) -> impl IntoView {
    view! {
        <div class="import-errors link-error" data-testid=testid>
            <p role="alert">{problem.message}</p>
            {problem.detail.map(|d| view! {
                <details class="error-detail">
                    <summary>"Details"</summary>
                    <p data-testid="error-detail">{d}</p>
                </details>
            })}
        </div>
    }
}
