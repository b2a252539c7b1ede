//! The layer rules of docs/ARCHITECTURE.md, checked on the source: imports only
//! go down. It reads every file under `src/` and fails on
//!
//! - a `model.rs`, `store.rs` or `protocol.rs` that names an adapter (an `api`,
//!   `pages` or `apub` module, the inbox, the router) or `publishing`;
//! - a file of `publishing` other than its adapters that names an adapter;
//! - `src/posts` naming communities, materials, cases or publishing;
//! - SQL outside a `store.rs` or `src/db/`;
//! - an import circle between files of different feature folders.
//!
//! What breaks a rule today is listed in `tests/layers-allowed.txt`, one finding a
//! line; the list may only shrink: a finding not on it fails, and so does a line
//! that no longer matches anything (take it off).

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

const ADAPTERS: &[&str] = &["api", "pages", "apub"];
const KINDS: &[&str] = &["communities", "materials", "cases", "publishing"];
const SQL: &[&str] = &[
    "SELECT ",
    "INSERT INTO ",
    "UPDATE ",
    "DELETE FROM ",
    "CREATE TABLE",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::a::b…` path a file names, flattened out of `use` trees, as
/// the segments after `crate`.
fn crate_paths(source: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = source.as_bytes();
    let mut at = 0;
    while let Some(found) = source[at..].find("crate::") {
        let start = at + found + "crate::".len();
        // `$crate::` in macros is the same crate; `mycrate::` is not ours.
        let before = source[..at + found].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            at = start;
            continue;
        }
        let end = tree_end(bytes, start);
        flatten(&source[start..end], &mut Vec::new(), &mut out);
        at = end.max(start);
    }
    out
}

/// Where the path or use tree starting at `start` ends.
fn tree_end(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0i32;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b'}' => return i,
            b';' | b'(' | b')' | b'<' | b'>' | b'!' | b'=' | b'&' | b'[' | b']' | b'"'
                if depth == 0 =>
            {
                return i;
            }
            b',' | b' ' | b'\n' | b'.' if depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

fn flatten(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let depth_before = prefix.len();
        prefix.extend(head);
        for part in split_top(inner) {
            flatten(part, prefix, out);
        }
        prefix.truncate(depth_before);
    } else {
        let mut path = prefix.clone();
        path.extend(
            tree.split(" as ")
                .next()
                .unwrap_or_default()
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "self")
                .map(String::from),
        );
        if !path.is_empty() {
            out.push(path);
        }
    }
}

/// The comma-separated parts of a use group, not splitting nested groups.
fn split_top(inner: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
}

/// Whether a path names an adapter: `x::api`, `x::pages`, `x::apub`, the inbox,
/// the router, or publishing.
fn names_adapter(path: &[String]) -> bool {
    let first = path.first().map(String::as_str);
    let second = path.get(1).map(String::as_str);
    first == Some("publishing")
        || first == Some("api")
        || (first == Some("federation") && second == Some("inbox"))
        || (first == Some("web") && second == Some("routes"))
        || second.is_some_and(|s| ADAPTERS.contains(&s))
}

/// Lines of code, without comments (a doc comment may mention anything).
fn code_lines(source: &str) -> String {
    source
        .lines()
        .map(|l| match l.trim_start() {
            t if t.starts_with("//") => "",
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The file a `crate::a::b…` path is in (`src/a/b.rs`, else `src/a/mod.rs` or
/// `src/a.rs`), relative to the crate root.
fn file_of(root: &Path, path: &[String]) -> Option<String> {
    let first = path.first()?;
    if let Some(second) = path.get(1) {
        let candidate = format!("src/{first}/{second}.rs");
        if root.join(&candidate).exists() {
            return Some(candidate);
        }
    }
    [format!("src/{first}/mod.rs"), format!("src/{first}.rs")]
        .into_iter()
        .find(|c| root.join(c).exists())
}

/// The folder a file belongs to (`src/posts/model.rs` → `posts`).
fn folder(file: &str) -> &str {
    let rest = file.strip_prefix("src/").unwrap_or(file);
    rest.split('/')
        .next()
        .unwrap_or(rest)
        .trim_end_matches(".rs")
}

/// Groups of files that import each other round in a circle (strongly connected
/// components of the import graph, Tarjan's algorithm) and span more than one
/// folder.
fn circles(graph: &std::collections::BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'g> {
        graph: &'g std::collections::BTreeMap<String, BTreeSet<String>>,
        index: std::collections::HashMap<&'g str, usize>,
        low: std::collections::HashMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'g>(w: &mut Walk<'g>, v: &'g str) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        w.on_stack.insert(v);
        for u in w.graph.get(v).into_iter().flatten() {
            let u = u.as_str();
            if !w.index.contains_key(u) {
                visit(w, u);
                let low = w.low[v].min(w.low[u]);
                w.low.insert(v, low);
            } else if w.on_stack.contains(u) {
                let low = w.low[v].min(w.index[u]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut group = Vec::new();
            while let Some(u) = w.stack.pop() {
                w.on_stack.remove(u);
                group.push(u.to_string());
                if u == v {
                    break;
                }
            }
            let folders: BTreeSet<&str> = group.iter().map(|f| folder(f)).collect();
            if folders.len() > 1 {
                group.sort();
                w.out.push(group);
            }
        }
    }
    let mut w = Walk {
        graph,
        index: Default::default(),
        low: Default::default(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !w.index.contains_key(v.as_str()) {
            visit(&mut w, v);
        }
    }
    w.out
}

fn findings() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut found = BTreeSet::new();
    let mut graph: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for path in files {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let source = code_lines(&fs::read_to_string(&path).unwrap());
        // Unit tests may reach anything.
        let source = source
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .to_string();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let lower_tier = matches!(name.as_str(), "model.rs" | "store.rs" | "protocol.rs");
        // Publishing is below the adapters: its own adapters sit beside it.
        let publishing_core =
            rel.starts_with("src/publishing/") && !ADAPTERS.contains(&name.trim_end_matches(".rs"));
        let edges = graph.entry(rel.clone()).or_default();
        for p in crate_paths(&source) {
            let target = p.iter().take(2).cloned().collect::<Vec<_>>().join("::");
            if let Some(file) = file_of(root, &p).filter(|f| *f != rel) {
                edges.insert(file);
            }
            if lower_tier && names_adapter(&p) {
                found.insert(format!("{rel} imports {target}"));
            }
            let own =
                p[0] == "publishing" && !p.get(1).is_some_and(|s| ADAPTERS.contains(&s.as_str()));
            if publishing_core && names_adapter(&p) && !own {
                found.insert(format!("{rel} imports {target}"));
            }
            if rel.starts_with("src/posts/") && KINDS.contains(&p[0].as_str()) {
                found.insert(format!("{rel} names {}", p[0]));
            }
        }
        let sql_allowed = name == "store.rs" || rel.starts_with("src/db/");
        if !sql_allowed && SQL.iter().any(|s| source.contains(&format!("\"{s}"))) {
            found.insert(format!("{rel} has SQL"));
        }
    }
    for group in circles(&graph) {
        found.insert(format!("circle: {}", group.join(" ")));
    }
    found
}

#[test]
fn imports_only_go_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let allowed: BTreeSet<String> = fs::read_to_string(root.join("tests/layers-allowed.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    let found = findings();
    let new: Vec<_> = found.difference(&allowed).collect();
    let gone: Vec<_> = allowed.difference(&found).collect();
    assert!(
        new.is_empty(),
        "these break the layer rules (docs/ARCHITECTURE.md):\n{}",
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        gone.is_empty(),
        "fixed: take these off tests/layers-allowed.txt:\n{}",
        gone.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_checker_sees_use_trees_and_inline_paths() {
    let paths = crate_paths(
        "use crate::{accounts::{model::Account, store as a}, posts::apub::Note};\n\
         fn f() { crate::communities::model::of(x); $crate::db::Db::x; }",
    );
    let flat: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        flat,
        [
            "accounts::model::Account",
            "accounts::store",
            "posts::apub::Note",
            "communities::model::of",
            "db::Db::x",
        ]
    );
    let graph = [
        ("src/a/model.rs", &["src/b/model.rs"][..]),
        ("src/b/model.rs", &["src/a/model.rs"][..]),
        ("src/c/model.rs", &["src/c/store.rs"][..]),
        ("src/c/store.rs", &["src/c/model.rs"][..]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
    .collect();
    assert_eq!(
        circles(&graph),
        vec![vec![
            "src/a/model.rs".to_string(),
            "src/b/model.rs".to_string()
        ]],
        "a circle within one folder is no finding"
    );
    assert!(names_adapter(&["posts".into(), "apub".into()]));
    assert!(names_adapter(&["federation".into(), "inbox".into()]));
    assert!(!names_adapter(&["federation".into(), "queue".into()]));
}
