use crate::both_engines;
use crate::helpers::{Engine, TestApp};

async fn health_readiness_and_metrics_answer(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let get = |p: &str| app.http.get(format!("{}{p}", app.base)).send();
    assert_eq!(get("/healthz").await.expect("healthz").status(), 200);
    assert_eq!(get("/readyz").await.expect("readyz").status(), 200);
    app.line_text("Uhealth", "hello").await;
    app.settle().await;
    let metrics = get("/metrics").await.expect("metrics").text().await.expect("text");
    assert!(metrics.contains("mimamori_webhook_events_total"), "{metrics}");
    assert!(metrics.contains("platform=\"line\""), "{metrics}");
}
both_engines!(health_readiness_and_metrics_answer);

async fn readyz_fails_when_the_database_is_gone(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    // closed to every new use at once; not awaited: that waits for the connections the loops
    // keep (the dispatcher's claim, the ingest writer), which they give back only when they end
    let pool = app.pool();
    drop(pool.close());
    let r = app
        .http
        .get(format!("{}/readyz", app.base))
        .send()
        .await
        .expect("readyz");
    assert_eq!(r.status(), 503);
}
both_engines!(readyz_fails_when_the_database_is_gone);
