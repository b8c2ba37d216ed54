//! The menus under the chat: `mimamori line setup` makes a rich menu per audience and language
//! within LINE's limits, gives each chat its reader's, and changes nothing when run again;
//! `mimamori telegram setup` sets each language's commands; a language change follows.

use std::sync::{Arc, Mutex};

use mimamori::i18n::{Lang, Locales};
use serde_json::{Value, json};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, Request, Respond, ResponseTemplate};

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

/// LINE's rich-menu store, played: created menus are listed by later calls.
#[derive(Clone, Default)]
struct RichMenus(Arc<Mutex<Vec<(String, String)>>>);

impl Respond for RichMenus {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut menus = self.0.lock().expect("menus");
        if request.method.as_str() == "GET" {
            let list: Vec<Value> = menus
                .iter()
                .map(|(id, name)| json!({"richMenuId": id, "name": name}))
                .collect();
            return ResponseTemplate::new(200).set_body_json(json!({"richmenus": list}));
        }
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let id = format!("richmenu-{}", menus.len() + 1);
        menus.push((id.clone(), body["name"].as_str().unwrap_or("").to_string()));
        ResponseTemplate::new(200).set_body_json(json!({"richMenuId": id}))
    }
}

async fn mount_line_menus(app: &TestApp) -> RichMenus {
    let store = RichMenus::default();
    Mock::given(method("GET"))
        .and(path("/v2/bot/richmenu/list"))
        .respond_with(store.clone())
        .mount(&app.line)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/bot/richmenu"))
        .respond_with(store.clone())
        .mount(&app.line)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(
            "^/v2/bot/(richmenu/validate|richmenu/[^/]+/content|user/[^/]+/richmenu/[^/]+)$",
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&app.line)
        .await;
    store
}

/// The requests LINE received at `path_re`, with their bodies.
async fn line_calls(app: &TestApp, verb: &str, path_re: &str) -> Vec<(String, Vec<u8>, Option<String>)> {
    let re = regex_lite(path_re);
    app.line
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.method.as_str() == verb && re(r.url.path()))
        .map(|r| {
            let kind = r
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            (r.url.path().to_string(), r.body, kind)
        })
        .collect()
}

/// A path test: `prefix*suffix` with one `*`.
fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool + '_ {
    move |p: &str| match pattern.split_once('*') {
        Some((a, b)) => p.starts_with(a) && p.ends_with(b) && p.len() >= a.len() + b.len(),
        None => p == pattern,
    }
}

async fn line_setup_makes_a_menu_per_language_links_each_chat_and_runs_again_unchanged(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let store = mount_line_menus(&app).await;
    let locales = Locales::load().expect("locales");
    // a Vietnamese patient and an English-speaking doctor, enrolled before the menus exist
    let (_, code) = app.add_patient("Trần Thị Mai", &["--language", "vi"]);
    app.line_text("Umenu-vi", &code).await;
    app.settle().await;
    let (_, doctor_code) = crate::helpers::provider(&app, "Dr. Mori", "doctor", "en");
    app.line_text("Umenu-dr", &doctor_code).await;
    app.settle().await;

    let out = app.cli(&["line", "setup", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_slice(&out.stdout).expect("json");
    let patient_languages = Lang::all().count();
    let expected = patient_languages + Lang::with_file("provider").count();
    assert_eq!(summary["created"], expected, "{summary}");
    assert_eq!(summary["chats_queued"], 2, "{summary}");

    // every menu within LINE's limits, with the language's own words
    let created = line_calls(&app, "POST", "/v2/bot/richmenu").await;
    assert_eq!(created.len(), expected);
    let menus: Vec<Value> = created
        .iter()
        .map(|(_, body, _)| serde_json::from_slice(body).expect("json"))
        .collect();
    for m in &menus {
        mimamori::channels::line_menu::check(m).unwrap_or_else(|e| panic!("{e}: {m}"));
        assert!(
            m["chatBarText"]
                .as_str()
                .is_some_and(|t| (1..=14).contains(&t.chars().count()))
        );
        assert_eq!(m["areas"].as_array().map(Vec::len), Some(4));
    }
    let thai = menus
        .iter()
        .find(|m| {
            m["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("mimamori patient/th "))
        })
        .expect("a Thai patients' menu");
    assert_eq!(thai["areas"][1]["action"]["data"], "kw:worse");
    assert_eq!(
        thai["areas"][1]["action"]["displayText"],
        locales.text(Lang::from_code("th").expect("th"), "menu-worse", &[])
    );
    assert!(
        thai["areas"][2]["action"]["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("tel:")),
        "{thai}"
    );
    // each image a PNG of the menu's size, under LINE's 1 MB
    let images = line_calls(&app, "POST", "/v2/bot/richmenu/*/content").await;
    assert_eq!(images.len(), expected);
    for (_, png, kind) in &images {
        assert_eq!(kind.as_deref(), Some("image/png"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() < 1_000_000);
        assert_eq!(&png[16..24], &[0, 0, 0x09, 0xC4, 0, 0, 0x03, 0x4B], "2500 × 843");
    }
    // the default for those not enrolled is the Japanese patients' menu; each chat has its own
    let menu_of = |prefix: &str| {
        store
            .0
            .lock()
            .expect("menus")
            .iter()
            .find(|(_, n)| n.starts_with(prefix))
            .map(|(id, _)| id.clone())
            .expect("menu")
    };
    // the CLI queued the links by the wall clock; the service's clock catches up
    app.advance(chrono::Duration::seconds(5));
    let default = line_calls(&app, "POST", "/v2/bot/user/all/richmenu/*").await;
    assert_eq!(default.len(), 1);
    assert!(default[0].0.ends_with(&menu_of("mimamori patient/ja ")));
    app.settle().await;
    let linked = line_calls(&app, "POST", "/v2/bot/user/Umenu-*").await;
    let links: Vec<&str> = linked.iter().map(|(p, _, _)| p.as_str()).collect();
    assert!(
        links.contains(&format!("/v2/bot/user/Umenu-vi/richmenu/{}", menu_of("mimamori patient/vi ")).as_str()),
        "{links:?}"
    );
    assert!(
        links.contains(&format!("/v2/bot/user/Umenu-dr/richmenu/{}", menu_of("mimamori provider/en ")).as_str()),
        "{links:?}"
    );

    // run again: nothing new is made and nothing removed
    let out = app.cli(&["line", "setup", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let again: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        (
            again["created"].clone(),
            again["kept"].clone(),
            again["removed"].clone()
        ),
        (json!(0), json!(expected), json!(0))
    );
    // (the second run links each chat again, queued by the wall clock: those go out first)
    app.advance(chrono::Duration::seconds(5));
    app.settle().await;

    // the patient chooses Thai: their chat gets the Thai menu
    app.line_postback("Umenu-vi", "lang:set:th").await;
    app.settle().await;
    let linked = line_calls(&app, "POST", "/v2/bot/user/Umenu-vi/*").await;
    assert!(
        linked
            .last()
            .is_some_and(|(p, _, _)| p.ends_with(&menu_of("mimamori patient/th "))),
        "{:?}",
        linked.iter().map(|l| &l.0).collect::<Vec<_>>()
    );
}
both_engines!(line_setup_makes_a_menu_per_language_links_each_chat_and_runs_again_unchanged);

async fn telegram_setup_sets_each_languages_commands_and_each_chats_own(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let locales = Locales::load().expect("locales");
    let (_, code) = app.add_patient("Soe Soe", &["--language", "my"]);
    app.tg_text(9301, &code, None).await;
    app.settle().await;
    let out = app.cli(&["telegram", "setup", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // the CLI queued the chat's list by the wall clock; the service's clock catches up
    app.advance(chrono::Duration::seconds(5));
    app.settle().await;
    let calls: Vec<Value> = app
        .telegram
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path().ends_with("/setMyCommands"))
        .map(|r| serde_json::from_slice(&r.body).expect("json"))
        .collect();
    // one list for every private chat per two-letter language, Japanese for the rest
    let defaults: Vec<&Value> = calls
        .iter()
        .filter(|c| c["scope"]["type"] == "all_private_chats")
        .collect();
    let codes: Vec<&str> = defaults
        .iter()
        .map(|c| c["language_code"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(codes.len(), Lang::all().filter(|l| l.code().len() == 2).count());
    assert!(codes.contains(&"") && codes.contains(&"vi") && codes.contains(&"ne") && !codes.contains(&"ja-easy"));
    let ko = defaults
        .iter()
        .find(|c| c["language_code"] == "ko")
        .expect("Korean commands");
    let ko_lang = Lang::from_code("ko").expect("ko");
    assert_eq!(
        ko["commands"][1],
        json!({"command": "worse", "description": locales.text(ko_lang, "menu-worse", &[])})
    );
    for c in &defaults {
        for command in c["commands"].as_array().into_iter().flatten() {
            let name = command["command"].as_str().unwrap_or("");
            assert!(name.chars().all(|ch| ch.is_ascii_lowercase()) && (1..=32).contains(&name.len()));
        }
    }
    // the Burmese patient's chat has its own list in Burmese, set at enrolment and by setup
    let mine: Vec<&Value> = calls.iter().filter(|c| c["scope"]["chat_id"] == 9301).collect();
    assert!(mine.len() >= 2, "{calls:?}");
    let my_lang = Lang::from_code("my").expect("my");
    assert_eq!(
        mine[0]["commands"][0]["description"],
        locales.text(my_lang, "menu-report", &[])
    );
    let button = app
        .telegram
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path().ends_with("/setChatMenuButton"))
        .count();
    assert_eq!(button, 1);
    // /worse is the menu's "I feel worse"
    app.tg_text(9301, "/worse", None).await;
    app.settle().await;
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM reports WHERE feeling = 'worse'")
            .await,
        1,
        "/worse is recorded as feeling worse"
    );
}
both_engines!(telegram_setup_sets_each_languages_commands_and_each_chats_own);

async fn a_provider_who_is_off_is_skipped_and_sees_their_open_requests(engine: Engine) {
    use crate::helpers::{friday_morning, offer_buttons, patient, provider, wait_text_to};
    let app = TestApp::spawn(engine).await;
    app.set_time(friday_morning());
    let (family, code) = provider(&app, "Dr Away", "doctor", "en");
    app.tg_text(7401, &format!("/start {code}"), None).await;
    wait_text_to(&app, "7401", "Welcome").await;
    let (rostered, code) = provider(&app, "Dr On", "doctor", "en");
    app.tg_text(7402, &format!("/start {code}"), None).await;
    wait_text_to(&app, "7402", "Welcome").await;
    crate::helpers::load_roster(
        &app,
        &format!("away-{engine:?}"),
        &format!("[[cover]]\nprovider = {rostered}\nareas = [\"Nerima\"]\nshifts = [\"day\"]\n"),
    );
    // the family doctor says they are off, from their menu (Telegram's /off)
    app.tg_text(7401, "/off", None).await;
    wait_text_to(&app, "7401", "you are off").await;
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM providers WHERE id = {family} AND away_since IS NOT NULL"
        ))
        .await,
        1
    );
    // a worsening patient's request skips them at once: the rostered doctor is asked first
    patient(&app, "Uaway", &["--family-doctor", &family.to_string()]).await;
    app.line_text("Uaway", "I feel worse, it is harder to breathe").await;
    let (accept, _) = offer_buttons(&app, 7402).await;
    assert!(
        !app.texts_to("7401").await.iter().any(|t| t.contains("Home visit")),
        "an away doctor is not offered the request"
    );
    app.tg_press(7402, &accept).await;
    wait_text_to(&app, "7402", "is yours").await;
    // "my open requests" lists what they hold
    app.tg_press(7402, "prov:open").await;
    let held = wait_text_to(&app, "7402", "Home visit: Pat Doe").await;
    assert!(held.starts_with("Home visit: Pat Doe (090-1234-5678)"), "{held}");
    // back on duty
    app.tg_press(7401, "prov:available").await;
    wait_text_to(&app, "7401", "you are available").await;
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT COUNT(*) FROM providers WHERE id = {family} AND away_since IS NULL"
        ))
        .await,
        1
    );
    let audited = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action IN ('provider.away', 'provider.available')")
        .await;
    assert_eq!(audited, 2);
}
both_engines!(a_provider_who_is_off_is_skipped_and_sees_their_open_requests);
