//! The configuration's tests: sources, defaults, refusals and a ward's lexicon.
use super::*;

fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

#[test]
fn defaults_follow_product_md() {
    let c = Config::load(&Sources::from_vars(vec![]).expect("sources")).expect("config");
    assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
    assert_eq!(c.database_url, "sqlite://mimamori.db");
    assert_eq!(c.timezone, chrono_tz::Asia::Tokyo);
    assert!(c.line.is_none() && c.telegram.is_none());
}

#[test]
fn a_ward_sets_its_service_hours_and_a_bad_window_is_named() {
    let c = Config::load(
        &Sources::from_vars(vars(&[
            ("MIMAMORI_PHARMACY_HOURS_SATURDAY", "09:30-13:00"),
            ("MIMAMORI_DOCTOR_HOURS_WEEKDAY", "08:30-18:00"),
        ]))
        .expect("sources"),
    )
    .expect("config");
    assert_eq!(c.service_hours.pharmacy_saturday, Window::new((9, 30), (13, 0)));
    assert_eq!(c.service_hours.doctor_weekday, Window::new((8, 30), (18, 0)));
    assert_eq!(
        c.service_hours.pharmacy_weekday,
        Window::new((10, 0), (17, 0)),
        "the rest stay"
    );
    let err =
        Config::load(&Sources::from_vars(vars(&[("MIMAMORI_DOCTOR_HOURS_HOLIDAY", "17:00-09:00")])).expect("sources"))
            .map(|_| ())
            .expect_err("refused")
            .to_string();
    assert!(err.contains("MIMAMORI_DOCTOR_HOURS_HOLIDAY"), "{err}");
}

#[test]
fn environment_wins_over_the_file_and_text_stays_text() {
    let dir = std::env::temp_dir().join(format!("mimamori-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("mimamori.toml");
    std::fs::write(&file, "bind = \"0.0.0.0:9000\"\nhealth_centre_phone = \"0312345678\"\ntelegram_webhook_secret = \"0123456789abcdef\"\ntelegram_bot_token = \"1:abc\"\n").expect("write");
    let c = Config::load(
        &Sources::from_vars(vars(&[
            ("MIMAMORI_CONFIG", file.to_str().expect("path")),
            ("MIMAMORI_BIND", "127.0.0.1:9100"),
        ]))
        .expect("sources"),
    )
    .expect("config");
    assert_eq!(c.bind.to_string(), "127.0.0.1:9100");
    assert_eq!(c.health_centre_phone, "0312345678");
    let tg = c.telegram.expect("telegram enabled");
    assert_eq!(tg.webhook_secret.expose(), "0123456789abcdef");
    assert!(!format!("{tg:?}").contains("0123456789abcdef"), "secrets never print");
}

#[test]
fn a_wards_ruleset_is_loaded_and_a_broken_one_stops_the_start_with_its_line() {
    let dir = std::env::temp_dir().join(format!("mimamori-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let good = dir.join("ward.toml");
    std::fs::write(
        &good,
        crate::domain::triage::DEFAULT_RULES.replace("mimamori-default", "ward-7"),
    )
    .expect("write");
    let c =
        Config::load(&Sources::from_vars(vars(&[("MIMAMORI_RULES", good.to_str().expect("path"))])).expect("sources"))
            .expect("config");
    assert!(c.rules.version.starts_with("ward-7"));
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        crate::domain::triage::DEFAULT_RULES.replace("\"dazed\"", "\"dizzy\""),
    )
    .expect("write");
    let err =
        Config::load(&Sources::from_vars(vars(&[("MIMAMORI_RULES", bad.to_str().expect("path"))])).expect("sources"))
            .expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains("bad.toml:") && text.contains("unknown symptom \"dizzy\""),
        "{text}"
    );
}

#[test]
fn a_wards_lexicon_adds_a_phrase_and_a_broken_one_stops_the_start_with_its_line() {
    let dir = std::env::temp_dir().join(format!("mimamori-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let Some((_, en)) = crate::domain::lexicon::SHIPPED
        .iter()
        .find(|(f, _)| f.ends_with("/en.toml"))
    else {
        panic!("en ships")
    };
    // the ward's own way of saying it: "my puff is gone" means breathless in this ward
    let ward = en.replacen("\"short of breath\",", "\"short of breath\", \"puff is gone\",", 1);
    assert_ne!(ward, *en);
    std::fs::write(dir.join("en.toml"), ward).expect("write");
    let load = |dir: &std::path::Path| {
        Config::load(
            &Sources::from_vars(vars(&[("MIMAMORI_LEXICON_DIR", dir.to_str().expect("path"))])).expect("sources"),
        )
    };
    let c = load(&dir).expect("config");
    let found = c.lexicons.understand("my puff is gone");
    assert!(
        found.iter().any(|f| f.concept.code() == "sudden_breathlessness"),
        "{found:?}"
    );
    assert_eq!(
        c.lexicons.languages.len(),
        crate::domain::lexicon::SHIPPED.len(),
        "in place of the shipped English, not beside it"
    );
    let bad = dir.join("bad");
    std::fs::create_dir_all(&bad).expect("dir");
    std::fs::write(bad.join("en.toml"), en.replacen("chest_pain = [", "chest_ache = [", 1)).expect("write");
    let text = load(&bad).expect_err("refused").to_string();
    assert!(
        text.starts_with("MIMAMORI_LEXICON_DIR: ") && text.contains("en.toml:") && text.contains("chest_ache"),
        "{text}"
    );
}

#[test]
fn a_bad_value_names_its_variable() {
    let err =
        Config::load(&Sources::from_vars(vars(&[("MIMAMORI_BIND", "here")])).expect("sources")).expect_err("refused");
    assert!(err.to_string().starts_with("MIMAMORI_BIND"));
    let err = Config::load(
        &Sources::from_vars(vars(&[
            ("MIMAMORI_TELEGRAM_BOT_TOKEN", "t"),
            ("MIMAMORI_TELEGRAM_WEBHOOK_SECRET", "bad secret!"),
        ]))
        .expect("sources"),
    )
    .expect_err("refused");
    assert!(!err.to_string().contains("bad secret"), "the secret is not echoed");
}

#[test]
fn short_webhook_secrets_stop_the_start() {
    let load =
        |k: &str, t: &str, v: &str| Config::load(&Sources::from_vars(vars(&[(k, v), (t, "token")])).expect("sources"));
    for (secret, token) in [
        ("MIMAMORI_TELEGRAM_WEBHOOK_SECRET", "MIMAMORI_TELEGRAM_BOT_TOKEN"),
        ("MIMAMORI_LINE_CHANNEL_SECRET", "MIMAMORI_LINE_CHANNEL_ACCESS_TOKEN"),
    ] {
        let err = load(secret, token, "x").expect_err("a 1-character secret is refused");
        assert!(err.to_string().starts_with(secret), "{err}");
        assert!(load(secret, token, "0123456789abcdef").is_ok());
    }
}

#[test]
fn event_workers_are_set_within_bounds() {
    let load = |v: &str| Config::load(&Sources::from_vars(vars(&[("MIMAMORI_EVENT_WORKERS", v)])).expect("sources"));
    assert_eq!(load("6").expect("config").event_workers, 6);
    for bad in ["0", "65", "two"] {
        let err = load(bad).expect_err("refused");
        assert!(err.to_string().starts_with("MIMAMORI_EVENT_WORKERS"), "{err}");
    }
    let c = Config::load(&Sources::from_vars(vec![]).expect("sources")).expect("config");
    assert_eq!(c.event_workers, DEFAULT_EVENT_WORKERS);
}
