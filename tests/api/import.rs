//! `mimamori patient import`: the health centre's spreadsheet registered all at once or not at
//! all, the bad line named, and a sheet of enrolment codes that work.

use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp};

async fn a_spreadsheet_registers_every_patient_or_none_and_prints_their_codes(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let dir = std::env::temp_dir().join(format!("mimamori-import-{}-{engine:?}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    // a bad phone on line 3: nothing is registered, and the line is named
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "氏名,電話番号,生年月日,発症日,言語\n山田 花子,090-1111-2222,1950/04/01,2026/12/01,ja\n佐藤 次郎,12,1960/01/01,2026/12/01,\n",
    )
    .expect("write");
    let out = app.cli(&["patient", "import", bad.to_str().expect("path")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 3: phone is not a telephone number") && err.contains("nothing was registered"),
        "{err}"
    );
    assert_eq!(app.scalar_i64("SELECT COUNT(*) FROM patients").await, 0);

    // Excel's Shift_JIS with Japanese headings: all three registered in one go
    let good = dir.join("wave.csv");
    let csv = "氏名,電話番号,生年月日,発症日,言語,リスク,地区\n\
               山田 花子,090-1111-2222,1950/04/01,2026/12/01,ja,diabetes,Nerima\n\
               Nguyễn Văn An,080-3333-4444,1988-07-07,2026-12-02,vi,,Nerima\n\
               Maria Santos,070-5555-6666,1979-03-03,2026-12-03,pt-BR,,Nerima\n";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(csv);
    // (ễ and ă have no Shift_JIS form: this file is saved as UTF-8 with a BOM, as Excel does)
    let bytes = if unmappable {
        [b"\xEF\xBB\xBF".as_slice(), csv.as_bytes()].concat()
    } else {
        bytes.into_owned()
    };
    std::fs::write(&good, bytes).expect("write");
    let sheet = dir.join("wave-sheets.html");
    let out = app.cli(&[
        "patient",
        "import",
        good.to_str().expect("path"),
        "--sheet",
        sheet.to_str().expect("path"),
        "--json",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(summary["registered"], 3);
    let languages: Vec<Option<String>> = {
        let mut v = vec![];
        for p in summary["patients"].as_array().expect("patients") {
            let id = p["patient_id"].as_i64().expect("id");
            v.push(
                app.scalar_str(&format!("SELECT language FROM patients WHERE id = {id}"))
                    .await,
            );
        }
        v
    };
    assert_eq!(languages, [Some("ja".into()), Some("vi".into()), Some("pt".into())]);
    let html = std::fs::read_to_string(&sheet).expect("sheet");
    for p in summary["patients"].as_array().expect("patients") {
        assert!(
            html.contains(p["enrolment_code"].as_str().expect("code")),
            "every code on the sheet"
        );
    }
    assert_eq!(html.matches("<svg").count(), 3, "a Telegram QR code per patient");
    assert_eq!(html.matches("class=\"sheet\"").count(), 3, "a page each");
    // each page in its patient's language
    assert!(
        html.contains("登録コード：")
            && html.contains("Mã đăng ký của bạn:")
            && html.contains("Seu código de cadastro:")
    );
    // the codes work: the Vietnamese patient enrols and is greeted in Vietnamese
    let code = summary["patients"][1]["enrolment_code"]
        .as_str()
        .expect("code")
        .to_string();
    app.tg_text(9901, &code, None).await;
    app.settle().await;
    assert!(
        app.texts_to("9901").await.iter().any(|t| t.contains("Chào")),
        "{:?}",
        app.texts_to("9901").await
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'patient.register'")
            .await,
        3
    );
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'patient.import'")
            .await,
        1
    );
    let _ = std::fs::remove_dir_all(&dir);
}
both_engines!(a_spreadsheet_registers_every_patient_or_none_and_prints_their_codes);
