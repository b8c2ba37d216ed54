//! A real browser for the console's tests: Debian's headless Chromium driven through
//! chromedriver (WebDriver) by fantoccini. Without chromedriver on the machine the browser tests
//! are skipped, and that is said on stderr, never silently (`.ci/run` installs it).

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use super::TestApp;

/// A running chromedriver and a browser session on it; both end when this is dropped.
pub struct Browser {
    pub client: Client,
    _driver: Driver,
}

/// chromedriver in a process group of its own, stopped with the browser it started when
/// dropped: a browser left running keeps polling the console's port, which a later test's
/// stand-in may then own.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        // the whole group: chromedriver and every Chromium process it started
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.0.id())])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn chromedriver() -> Option<String> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(str::to_string)
        .or_else(|| std::env::var("CHROMEDRIVER").ok())
}

/// A browser of `width` × `height`, or `None` (said once on stderr) when the machine has none.
pub async fn open(width: u32, height: u32) -> Option<Browser> {
    let Some(driver) = chromedriver() else {
        static SAID: Once = Once::new();
        SAID.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "\n*** browser tests SKIPPED: install chromium and chromium-driver (apt-get install -y chromium chromium-driver) to run them ***\n"
            );
        });
        return None;
    };
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
        l.local_addr().expect("addr").port()
    };
    let driver = Driver(
        Command::new(driver)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        format!("--window-size={width},{height}"), "--lang=ja"]}),
    );
    let url = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        // chromedriver is on loopback: plain HTTP, no TLS stack
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps.clone());
        if let Ok(client) = builder.connect(&url).await {
            return Some(Browser {
                client,
                _driver: driver,
            });
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("chromedriver did not start");
}

impl Browser {
    pub async fn goto(&self, app: &TestApp, path: &str) {
        self.client
            .goto(&format!("{}{path}", app.base))
            .await
            .expect("navigate");
    }

    /// Signs in through the form.
    pub async fn sign_in(&self, app: &TestApp, login: &str, password: &str) {
        self.goto(app, "/console/signin").await;
        self.fill("input[name=login]", login).await;
        self.fill("input[name=password]", password).await;
        self.click("form button[type=submit]").await;
        self.wait_for("header.top").await;
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let e = self.wait_for(css).await;
        e.clear().await.expect("clear");
        e.send_keys(text).await.expect("type");
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.expect("click");
    }

    /// Waits (polling, up to 10 s) for an element; the page's own refresh may bring it.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        for _ in 0..200 {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                return e;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no element {css} on {:?}", self.client.current_url().await.ok());
    }

    /// Waits until the page's text holds `needle`; returns the text.
    pub async fn wait_text(&self, needle: &str) -> String {
        let mut last = String::new();
        for _ in 0..200 {
            if let Ok(body) = self.client.find(Locator::Css("body")).await {
                last = body.text().await.unwrap_or_default();
                if last.contains(needle) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the page never said {needle:?}; it says:\n{last}");
    }

    pub async fn has(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Saves a screenshot to `docs/screenshots/<name>.png` when `MIMAMORI_SCREENSHOTS` is set
    /// (the README shows them); otherwise takes nothing.
    pub async fn screenshot(&self, name: &str) {
        if std::env::var_os("MIMAMORI_SCREENSHOTS").is_none() {
            return;
        }
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/screenshots");
        std::fs::create_dir_all(dir).expect("screenshots dir");
        std::fs::write(format!("{dir}/{name}.png"), png).expect("write screenshot");
    }
}
