//! The patient is always told the number that is answered now: with a coverage file, the
//! health centre by day and the night service at night and on holidays.

use mimamori::app::Loops;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, tokyo};

const COVERAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/coverage-minato.toml");

async fn the_number_told_is_the_one_answered_at_that_hour(engine: Engine) {
    let app = TestApp::spawn_with(engine, Loops::default(), &[("MIMAMORI_COVERAGE", COVERAGE)]).await;
    app.set_time(tokyo(2026, 11, 20, 10, 0)); // a Friday morning
    let (_, n) = app.enrol_telegram(9951, "Rin", &[]).await;
    app.tg_text(9951, "I feel worse", Some("en")).await;
    let day = app.wait_for_texts(n + 1).await[n].clone();
    assert!(day.contains("the Minato health centre (03-0000-0001)"), "{day}");

    app.set_time(tokyo(2026, 11, 20, 23, 0));
    let (_, n) = app.enrol_telegram(9952, "Sou", &[]).await;
    app.tg_text(9952, "I feel worse", Some("en")).await;
    let night = app.wait_for_texts(n + 1).await[n].clone();
    assert!(
        night.contains("the Tokyo follow-up centre for patients at home (0570-000-001)"),
        "{night}"
    );
}
both_engines!(the_number_told_is_the_one_answered_at_that_hour);

#[test]
fn a_broken_coverage_file_stops_the_start_with_what_is_wrong() {
    let dir = std::env::temp_dir().join(format!("mimamori-coverage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("coverage.toml");
    std::fs::write(
        &path,
        "[[line]]\nname = { ja = \"保健所\" }\nphone = \"03\"\nwhen = [\"friday\"]\n",
    )
    .expect("write");
    let vars = vec![("MIMAMORI_COVERAGE".to_string(), path.display().to_string())];
    let sources = mimamori::config::Sources::from_vars(vars).expect("sources");
    let err = mimamori::config::Config::load(&sources)
        .expect_err("refused")
        .to_string();
    assert!(err.contains("MIMAMORI_COVERAGE") && err.contains("friday"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}
