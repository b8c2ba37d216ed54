//! Records out for Excel: patients, reports, care requests, oxygen units and admissions as CSV
//! (UTF-8 with a BOM, Japanese headings unless asked), for a period and an area, from the API
//! and the command line, audited.

use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, api_get_text, staff_token};

async fn reports_and_patients_come_out_for_excel_by_period_and_area(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    let (nerima, n) = app.enrol_line("Uexp1", "練馬 太郎", &["--area", "Nerima"]).await;
    app.line_text("Uexp1", "SpO2 97 37.5 せき").await;
    app.wait_for_texts(n + 1).await;
    let (_, m) = app.enrol_line("Uexp2", "豊島 花子", &["--area", "Toshima"]).await;
    app.line_text("Uexp2", "SpO2 96 36.8").await;
    app.wait_for_texts(m + 1).await;

    // Japanese headings by default, a BOM first so Excel reads UTF-8
    let (status, csv) = api_get_text(&app, &token, "/api/v1/exports/reports").await;
    assert_eq!(status, 200, "{csv}");
    assert!(csv.starts_with('\u{feff}'), "a BOM first");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("報告ID,患者ID,氏名,報告日時,SpO2（%）,体温（℃）"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("練馬 太郎") && l.contains(",97,37.5,") && l.contains("cough")),
        "{csv}"
    );

    // English headings; one area
    let (_, csv) = api_get_text(&app, &token, "/api/v1/exports/reports?lang=en&area=Nerima").await;
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        lines[0].starts_with("Report ID,Patient ID,Name,Reported at,SpO2 (%)"),
        "{}",
        lines[0]
    );
    assert_eq!(lines.len(), 2);
    assert!(lines[1].contains(&format!(",{nerima},")), "{csv}");

    // a period that holds nothing: the headings only
    let (_, csv) = api_get_text(&app, &token, "/api/v1/exports/patients?from=2020-01-01&to=2020-01-31").await;
    assert_eq!(csv.trim_start_matches('\u{feff}').lines().count(), 1, "{csv}");
    let (_, csv) = api_get_text(&app, &token, "/api/v1/exports/patients").await;
    assert_eq!(csv.trim_start_matches('\u{feff}').lines().count(), 3, "{csv}");
    for kind in ["care_requests", "oxygen_units", "admissions"] {
        let (status, csv) = api_get_text(&app, &token, &format!("/api/v1/exports/{kind}?lang=en")).await;
        assert_eq!(status, 200, "{kind}: {csv}");
        assert!(csv.starts_with('\u{feff}'), "{kind}");
    }
    let (status, _) = api_get_text(&app, &token, "/api/v1/exports/everything").await;
    assert_eq!(status, 404);
    let (status, body) = api_get_text(&app, &token, "/api/v1/exports/reports?from=2026-12-10&to=2026-12-01").await;
    assert_eq!(status, 400, "{body}");

    // staff limited to an area must name theirs
    let out = app.cli(&[
        "staff",
        "add",
        "--name",
        "区 職員",
        "--role",
        "staff",
        "--areas",
        "Toshima",
        "--json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let limited: Value = serde_json::from_slice(&out.stdout).expect("json");
    let limited = limited["token"].as_str().expect("token");
    let (status, _) = api_get_text(&app, limited, "/api/v1/exports/patients").await;
    assert_eq!(status, 400);
    let (status, _) = api_get_text(&app, limited, "/api/v1/exports/patients?area=Nerima").await;
    assert_eq!(status, 400);
    let (status, csv) = api_get_text(&app, limited, "/api/v1/exports/patients?area=Toshima").await;
    assert_eq!(status, 200);
    assert!(csv.contains("豊島 花子") && !csv.contains("練馬 太郎"), "{csv}");

    // every export is audited with its filter
    let audited = app
        .scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'export.%'")
        .await;
    assert_eq!(audited, 8);
    let detail = app
        .scalar_str("SELECT detail FROM audit_log WHERE action = 'export.patients' ORDER BY id DESC LIMIT 1")
        .await;
    assert_eq!(detail.as_deref(), Some("from= to= area=Toshima"));
    // "who saw this patient" finds the exports that held them, and only those
    let toshima_id = app.scalar_i64("SELECT id FROM patients WHERE area = 'Toshima'").await;
    let held = app
        .scalar_i64(&format!(
            "SELECT COUNT(*) FROM audit_patients ap JOIN audit_log a ON a.id = ap.audit_id
             WHERE a.action LIKE 'export.%' AND ap.patient_id = {toshima_id}"
        ))
        .await;
    assert_eq!(
        held, 3,
        "all reports, all patients, and the limited staff's Toshima export"
    );

    // the command line writes the same file
    let dir = std::env::temp_dir().join(format!("mimamori-export-{}-{engine:?}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("reports.csv");
    let out = app.cli(&[
        "export",
        "csv",
        "reports",
        "--lang",
        "en",
        "--out",
        file.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&file).expect("file");
    assert!(written.starts_with("\u{feff}Report ID,"));
    assert_eq!(written.lines().count(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}
both_engines!(reports_and_patients_come_out_for_excel_by_period_and_area);

async fn a_large_export_streams_every_row(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    let (id, _) = app.add_patient("大量 一郎", &[]);
    // 20,000 reports, written straight into the table
    let pool = app.pool();
    let mut tx = pool.begin().await.expect("tx");
    for chunk in 0..20 {
        let values: Vec<String> = (0..1000)
            .map(|i| {
                let n = chunk * 1000 + i;
                format!("({id}, 'free_text', 'w{n}', 96, 365, {})", 1_780_000_000_000i64 + n)
            })
            .collect();
        sqlx::query(&format!(
            "INSERT INTO reports (patient_id, source, source_text, spo2, temperature, created_at) VALUES {}",
            values.join(",")
        ))
        .execute(&mut *tx)
        .await
        .expect("insert");
    }
    tx.commit().await.expect("commit");
    let (status, csv) = api_get_text(&app, &token, "/api/v1/exports/reports?lang=en").await;
    assert_eq!(status, 200);
    assert_eq!(csv.lines().count(), 20_001, "every row, and the headings");
    assert!(
        csv.lines().last().is_some_and(|l| l.ends_with(",w19999")),
        "the last row whole"
    );
}
both_engines!(a_large_export_streams_every_row);
