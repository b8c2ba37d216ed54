//! How long reading one patient message takes: every message of the understanding corpus
//! (`tests/corpus/`, every language) read as its patients' messages are — their own lexicon with
//! Japanese and English — many times over.
//!
//! `cargo run --release --example understand -- [--rounds 20]`

use std::time::Instant;

use mimamori::domain::lexicon::Lexicons;
use mimamori::domain::reading;

fn main() -> anyhow::Result<()> {
    let rounds: usize = std::env::args()
        .skip_while(|a| a != "--rounds")
        .nth(1)
        .map(|r| r.parse())
        .transpose()?
        .unwrap_or(20);
    let lexicons = Lexicons::shipped();
    let mut messages = Vec::new();
    for lang in mimamori::i18n::Lang::all() {
        let text = std::fs::read_to_string(format!(
            "{}/tests/corpus/{}.txt",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        ))?;
        messages.extend(
            text.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once(" =>").map(|(m, _)| (m.trim().to_string(), lang.lexicon()))),
        );
    }
    let mut found = 0usize;
    let started = Instant::now();
    let mut each = Vec::with_capacity(rounds * messages.len());
    for _ in 0..rounds {
        for (m, lexicon) in &messages {
            let t = Instant::now();
            found += reading::parse_as(m, &lexicons, lexicon).understood.len();
            each.push(t.elapsed());
        }
    }
    let total = started.elapsed();
    each.sort();
    let pct = |p: f64| each[((each.len() as f64 * p) as usize).min(each.len() - 1)];
    println!(
        "{} messages × {rounds} rounds: {:.1} µs a message on average, p50 {:.1} µs, p99 {:.1} µs ({found} findings)",
        messages.len(),
        total.as_secs_f64() * 1e6 / each.len() as f64,
        pct(0.5).as_secs_f64() * 1e6,
        pct(0.99).as_secs_f64() * 1e6,
    );
    Ok(())
}
