//! The workspace as a whole: export, import, snapshots to go back to, start
//! over, and what is stored.

use leptos::prelude::*;
use partnerfit_core::changes::changes;
use partnerfit_core::format::{export_file_name, FORMAT_VERSION, MAX_FILE_BYTES};
use partnerfit_core::overlap::normalize::FREE_MAIL_SOURCE;
use partnerfit_core::snapshot::{size_text, Limits, Meta};
use partnerfit_core::words::capitalised;

use crate::clock;
use crate::components::import::ImportPanel;
use crate::components::status::{export_workspace, ExportNote, Exporting, WorkspaceResets};
use crate::files::download;
use crate::state::use_store;
use crate::storage::{local, snapshots};

#[component]
pub fn WorkspacePage() -> impl IntoView {
    let ws = use_store();
    let exporting = RwSignal::new(Exporting::Idle);
    let file_name = move || ws.with(|w| export_file_name(&w.profile.name, clock::today()));
    let summary = move || ws.with(|w| w.summary().to_string());
    let backups = RwSignal::new(local::unreadable_keys());
    view! {
        <h1>"Workspace"</h1>
        <p class="lede">"Everything here stays in this browser. A workspace file is how you hand your work to a colleague or keep a copy."</p>
        <section aria-labelledby="where-title" class="callout">
            <h2 id="where-title">"Where this browser keeps it"</h2>
            <p data-testid="storage-scope">{format!(
                "In this site's storage, under keys that start with \"{}\", so another Partnerfit on the same site address keeps its own workspace.",
                crate::storage::keys::prefix()
            )}</p>
            <StorageFigures/>
            <p>"Browsers share storage between every page of one origin (the scheme, host and port): any other page served from this origin can read it. Your customer lists and invitation secrets deserve an origin of their own: host Partnerfit on its own domain or subdomain, not beside other projects (as on a shared GitHub Pages address)."</p>
        </section>
        <section aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <p>{summary}</p>
            <button type="button" on:click=move |_| export_workspace(ws, exporting)>"Export workspace"</button>
            " "<span class="hint">"Saves "<code>{file_name}</code>{format!(" (format version {FORMAT_VERSION}).")}</span>
            <ExportNote state=exporting/>
        </section>
        <ImportPanel/>
        <p class="hint">{format!(
            "Workspace files up to {} MB are accepted: the files Partnerfit exports, from this version or an earlier one. A file is checked completely before anything changes, and every problem is listed with where it is.",
            MAX_FILE_BYTES / 1_000_000
        )}</p>
        <Snapshots/>
        <section aria-labelledby="reference-title">
            <h2 id="reference-title">"Reference data for matching accounts"</h2>
            <p>"Loaded from this site's own files when accounts are matched, never from elsewhere:"</p>
            <ul>
                <li>"The Public Suffix List (publicsuffix.org): where a company's registrable domain begins."</li>
                <li data-testid="free-mail-source">"Free-mail domains, never a company's key: "{FREE_MAIL_SOURCE}"."</li>
                <li>"Countries: every ISO 3166-1 code and the names people write for them, from the keshvar crate."</li>
            </ul>
        </section>
        <section aria-labelledby="reset-title">
            <h2 id="reset-title">"Start over"</h2>
            <WorkspaceResets/>
        </section>
        <Show when=move || backups.with(|b| !b.is_empty())>
            <section aria-labelledby="unreadable-title">
                <h2 id="unreadable-title">"Set-aside data"</h2>
                <p>"Saved workspaces this browser could not read were kept here rather than deleted."</p>
                <ul>
                    {move || backups.get().into_iter().map(|key| {
                        let k1 = key.clone();
                        let k2 = key.clone();
                        view! {
                            <li>
                                <code>{key.clone()}</code>" "
                                <button type="button" on:click=move |_| {
                                    if let Some(text) = local::read_named(&k1) {
                                        let _ = download(&format!("{}.json", k1.replace(':', "-")), "application/json", &text);
                                    }
                                }>"Download"</button>
                                <button type="button" class="danger" on:click=move |_| {
                                    local::remove_named(&k2);
                                    backups.set(local::unreadable_keys());
                                }>"Delete"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

/// The snapshots kept in this browser, newest first: when and why, how
/// big, what changed since, and restoring one (an undoable step).
#[component]
fn Snapshots() -> impl IntoView {
    let ws = use_store();
    // Re-read after every change and every snapshot kept (imports and
    // resets add one, perhaps once the step is done).
    let shelf = Memo::new(move |_| {
        ws.track();
        snapshots::track_kept();
        let mut list = snapshots::list().unwrap_or_default();
        list.reverse();
        list
    });
    let reload = RwSignal::new(0u32);
    let message = RwSignal::new(None::<Result<String, String>>);
    let limits = Limits::default();
    let used = move || {
        reload.track();
        shelf.with(|s| s.iter().map(|m| m.size).sum::<usize>())
    };
    view! {
        <section aria-labelledby="snapshots-title" data-testid="snapshots">
            <h2 id="snapshots-title">"Snapshots"</h2>
            <p class="hint">{move || format!(
                "The workspace as it was before each import, merge, reset, scorecard restore and snapshot restore, and at the start of each day. This browser keeps the last {} ({} at most; {} used); the oldest go first.",
                limits.count, size_text(limits.chars), size_text(used())
            )}</p>
            {move || message.get().map(|r| match r {
                Ok(m) => view! { <p class="ok" role="status">{m}" Undo takes it back."</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
            {move || {
                reload.track();
                let list = shelf.get();
                if list.is_empty() {
                    return view! { <p>"No snapshot yet: one is taken before anything replaces your workspace."</p> }.into_any();
                }
                view! {
                    <table class="snapshots">
                        <thead><tr><th scope="col">"Taken"</th><th scope="col">"Why"</th><th scope="col">"Size"</th>
                            <th scope="col">"What it holds"</th><th scope="col">"Since then"</th><th scope="col">"Actions"</th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|m| view! { <SnapshotRow meta=m message reload/> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

/// One snapshot.
#[component]
fn SnapshotRow(
    meta: Meta,
    message: RwSignal<Option<Result<String, String>>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let ws = use_store();
    let taken = snapshots::taken_text(&meta);
    let since = RwSignal::new(None::<Result<Vec<String>, String>>);
    let key = StoredValue::new(meta.clone());
    let show_changes = move |_| {
        let then = key.with_value(|m| snapshots::open(&m.id));
        since.set(Some(then.map(|then| {
            ws.with_untracked(|now| changes(&then, now))
                .iter()
                .map(|c| capitalised(&c.to_string()))
                .collect()
        })));
    };
    let restore = move |_| {
        message.set(Some(
            key.with_value(|m| snapshots::restore(ws, m))
                .map(|s| s + "."),
        ));
        reload.update(|r| *r += 1);
    };
    let delete = move |_| {
        key.with_value(|m| snapshots::delete(&m.id));
        reload.update(|r| *r += 1);
    };
    let label = format!("{taken} ({})", meta.reason.label());
    view! {
        <tr data-testid="snapshot">
            <td>{taken.clone()}</td>
            <td>{meta.reason.label()}</td>
            <td class="num">{size_text(meta.size)}</td>
            <td>{meta.summary.clone()}</td>
            <td>
                {move || match since.get() {
                    None => view! { <button type="button" class="link" aria-label=format!("What changed since the snapshot of {label}")
                        on:click=show_changes>"What changed?"</button> }.into_any(),
                    Some(Err(e)) => view! { <span class="error">{e}</span> }.into_any(),
                    Some(Ok(list)) if list.is_empty() => view! { <span>"Nothing: it is the workspace as it is now."</span> }.into_any(),
                    Some(Ok(list)) => view! { <ul class="changes">{list.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul> }.into_any(),
                }}
            </td>
            <td>
                <button type="button" on:click=restore aria-label=format!("Restore the snapshot of {taken}")>"Restore"</button>
                <button type="button" class="danger" on:click=delete aria-label=format!("Delete the snapshot of {taken}")>"Delete"</button>
            </td>
        </tr>
    }
}

/// Whether the browser keeps this site's storage, and how much is used.
#[component]
fn StorageFigures() -> impl IntoView {
    let ws = use_store();
    // Asked again when the workspace becomes the user's own (the request
    // is made then), and on each visit to this page.
    let figures = LocalResource::new(move || {
        let _ = ws.origin();
        crate::storage::quota::state()
    });
    let mb = |bytes: f64| size_text(bytes as usize);
    view! {
        <p data-testid="storage-figures">{move || figures.get().map(|s| {
            let kept = match s.persisted {
                Some(true) => "The browser has agreed to keep this site's data until you clear it.".to_owned(),
                Some(false) if ws.origin() == crate::state::Origin::Demo => "The browser has not been asked to keep this site's data yet: it is asked once the workspace holds your own data rather than the demo.".to_owned(),
                Some(false) => "The browser has not agreed to keep this site's data: under storage pressure it may clear it, so export a copy now and then.".to_owned(),
                None => "This browser does not say whether it keeps this site's data: export a copy now and then.".to_owned(),
            };
            let used = match (s.usage, s.quota) {
                (Some(u), Some(q)) => format!(" This site uses {} of the {} the browser allows it.", mb(u), mb(q)),
                _ => String::new(),
            };
            format!("{kept}{used}")
        })}</p>
    }
}
