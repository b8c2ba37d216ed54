//! The house: no module of `src/` imports one that imports it back, and each top-level module
//! uses only those `lib.rs` lists before it (the map reads top-down).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `care::oxygen::order` for `src/care/oxygen/order.rs`; `care` for `src/care/mod.rs`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src").with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths a source names from `crate::`, `super::` or `self::`, groups spread
/// (`super::{a, b::c}` is `super::a` and `super::b::c`).
fn paths(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| chars[i..].iter().take(p.len()).copied().eq(p.chars()));
        let fresh = i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == ':');
        match starts {
            Some(_) if fresh => {
                let (found, end) = path_at(&chars, i);
                out.extend(found);
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Reads `a::b::{c, d::e}` from `at`; returns the spread paths and where reading stopped.
fn path_at(chars: &[char], mut at: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        let start = at;
        while at < chars.len() && is_ident(chars[at]) {
            at += 1;
        }
        if at > start {
            prefix.push(chars[start..at].iter().collect::<String>());
        }
        if chars.get(at) == Some(&':') && chars.get(at + 1) == Some(&':') {
            at += 2;
            if chars.get(at) == Some(&'{') {
                at += 1;
                let mut all = Vec::new();
                loop {
                    while chars.get(at).is_some_and(|c| c.is_whitespace() || *c == ',') {
                        at += 1;
                    }
                    if chars.get(at).is_none_or(|c| *c == '}') {
                        return (all, at + 1);
                    }
                    let (inner, next) = path_at(chars, at);
                    for p in inner {
                        all.push(prefix.iter().cloned().chain(p).collect());
                    }
                    // skip an `as name`
                    at = next;
                    while chars.get(at).is_some_and(|c| *c != ',' && *c != '}') {
                        at += 1;
                    }
                }
            }
            continue;
        }
        return (vec![prefix], at);
    }
}

#[test]
fn no_module_imports_one_that_imports_it_back_and_lib_rs_reads_top_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let modules: BTreeMap<Vec<String>, PathBuf> = all.iter().map(|f| (module_of(&src, f), f.clone())).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).expect("source");
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        let is_mod = file.ends_with("mod.rs") || file.ends_with("lib.rs");
        let mut targets = Vec::new();
        for path in paths(text) {
            let (mut base, rest): (Vec<String>, &[String]) = match path.first().map(String::as_str) {
                Some("crate") => (vec![], &path[1..]),
                Some("self") if is_mod => (module.clone(), &path[1..]),
                Some("self") => (module[..module.len() - 1].to_vec(), &path[1..]),
                Some("super") => {
                    let mut base = module.clone();
                    let mut rest = &path[..];
                    if !is_mod {
                        base.pop();
                        rest = &rest[1..];
                    }
                    while rest.first().map(String::as_str) == Some("super") {
                        base.pop();
                        rest = &rest[1..];
                    }
                    (base, rest)
                }
                _ => continue,
            };
            base.extend(rest.iter().cloned());
            targets.push(base);
        }
        if is_mod {
            // a mod.rs naming its own children by bare paths
            for line in text.lines() {
                if let Some(child) = line.strip_prefix("pub mod ").and_then(|l| l.strip_suffix(';')) {
                    let named = text.contains(&format!(" {child}::")) || text.contains(&format!("({child}::"));
                    if named || text.contains(&format!("pub use {child}")) {
                        let mut m = module.clone();
                        m.push(child.to_string());
                        targets.push(m);
                    }
                }
            }
        }
        for mut t in targets {
            // the longest prefix that is a module
            while !t.is_empty() && !modules.contains_key(&t) {
                t.pop();
            }
            if !t.is_empty() && &t != module {
                edges.entry(module.clone()).or_default().insert(t);
            }
        }
    }
    // strongly connected components (Tarjan)
    struct Walk<'a> {
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        cycles: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a Vec<String>) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        if let Some(next) = w.edges.get(v) {
            for u in next {
                if !w.index.contains_key(u) {
                    visit(w, u);
                    let l = w.low[u].min(w.low[v]);
                    w.low.insert(v, l);
                } else if w.stack.contains(&u) {
                    let l = w.index[u].min(w.low[v]);
                    w.low.insert(v, l);
                }
            }
        }
        if w.low[v] == w.index[v] {
            let mut component = Vec::new();
            while let Some(u) = w.stack.pop() {
                component.push(u.join("::"));
                if u == v {
                    break;
                }
            }
            if component.len() > 1 {
                w.cycles.push(component);
            }
        }
    }
    let mut walk = Walk {
        edges: &edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        cycles: Vec::new(),
    };
    for m in modules.keys() {
        if !walk.index.contains_key(m) {
            visit(&mut walk, m);
        }
    }
    assert!(walk.cycles.is_empty(), "import cycles: {:?}", walk.cycles);

    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let order: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ").and_then(|l| l.strip_suffix(';')))
        .collect();
    let place = |m: &Vec<String>| m.first().and_then(|top| order.iter().position(|o| o == top));
    let mut upward = Vec::new();
    for (from, tos) in &edges {
        for to in tos {
            if let (Some(a), Some(b)) = (place(from), place(to))
                && b > a
            {
                upward.push(format!("{} uses {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "lib.rs lists these later than their users: {upward:#?}"
    );
}
