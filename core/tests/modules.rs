//! The core's files form no cycle: if `a.rs` names something of `b.rs`,
//! `b.rs` names nothing of `a.rs`, directly or through others. A module may
//! use its own submodules (that is what they are for); a submodule using its
//! parent counts like any other dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every `.rs` file below `dir`, with its module path.
fn modules(dir: &Path, prefix: &[String], out: &mut BTreeMap<Module, String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            let mut p = prefix.to_vec();
            p.push(name);
            modules(&path, &p, out);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            let mut m = prefix.to_vec();
            if stem != "mod" && stem != "lib" {
                m.push(stem.to_owned());
            }
            out.insert(m, std::fs::read_to_string(&path).unwrap());
        }
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths named after `crate::` or `super::` in `text` (braced groups
/// expanded one level), as segments relative to the crate root.
fn references(text: &str, module: &Module) -> Vec<Module> {
    let mut out = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        let preceded = i > 0 && (is_ident(bytes[i - 1]) || bytes[i - 1] == ':');
        let (mut base, skip) = if rest.starts_with("crate::") && !preceded {
            (Vec::new(), 7)
        } else if rest.starts_with("super::") && !preceded {
            let mut b = module.clone();
            let mut j = i;
            while bytes[j..].iter().collect::<String>().starts_with("super::") {
                b.pop();
                j += 7;
            }
            (b, j - i)
        } else {
            i += 1;
            continue;
        };
        i += skip;
        let mut segs = Vec::new();
        loop {
            let start = i;
            while i < bytes.len() && is_ident(bytes[i]) {
                i += 1;
            }
            if i > start {
                segs.push(bytes[start..i].iter().collect::<String>());
            }
            if bytes[i..].starts_with(&[':', ':']) {
                i += 2;
                if bytes.get(i) == Some(&'{') {
                    let end = (i..bytes.len()).find(|&k| bytes[k] == '}').unwrap_or(i);
                    let inner: String = bytes[i + 1..end].iter().collect();
                    for item in inner.split(',') {
                        let first: Vec<String> = item
                            .trim()
                            .split("::")
                            .map(|s| s.trim().to_owned())
                            .take_while(|s| !s.is_empty() && s.chars().all(is_ident))
                            .collect();
                        let mut p = base.clone();
                        p.extend(segs.iter().cloned());
                        p.extend(first);
                        out.push(p);
                    }
                    i = end;
                    segs.clear();
                    break;
                }
                continue;
            }
            break;
        }
        if !segs.is_empty() {
            base.extend(segs);
            out.push(base);
        }
    }
    out
}

#[test]
fn the_core_has_no_module_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    modules(&src, &[], &mut files);
    let known: BTreeSet<Module> = files.keys().cloned().collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, text) in &files {
        if module.is_empty() {
            continue; // lib.rs declares and re-exports every module
        }
        // Unit tests (`mod tests { use super::*; }`) sit at the end of a file.
        let code = text.split("#[cfg(test)]").next().unwrap_or(text);
        // Comments name modules too (doc links) without depending on them.
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for path in references(&code, module) {
            let target = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| known.contains(p))
                .unwrap_or_default();
            if &target != module && !target.starts_with(module) && !target.is_empty() {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        m: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        stack: &mut Vec<Module>,
        done: &mut BTreeSet<Module>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(at) = stack.iter().position(|x| x == m) {
            let mut names: Vec<String> = stack[at..].iter().map(|x| x.join("::")).collect();
            names.push(m.join("::"));
            cycles.push(names.join(" → "));
            return;
        }
        if done.contains(m) {
            return;
        }
        stack.push(m.clone());
        for t in edges.get(m).into_iter().flatten() {
            visit(t, edges, stack, done, cycles);
        }
        stack.pop();
        done.insert(m.clone());
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for m in files.keys() {
        visit(m, &edges, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_cycle_finder_sees_references() {
    let m: Module = vec!["format".into(), "read".into()];
    let refs = references(
        "use super::cursor::{At, report};\nuse crate::partner::{kind::PartnerType, Score};\nlet x = super::super::id::Id::parse(s);",
        &m,
    );
    let refs: Vec<String> = refs.iter().map(|r| r.join("::")).collect();
    assert_eq!(
        refs,
        [
            "format::cursor::At",
            "format::cursor::report",
            "partner::kind::PartnerType",
            "partner::Score",
            "id::Id::parse"
        ]
    );
}
