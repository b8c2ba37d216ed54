//! Records out as FHIR R4: a patient's Bundle parses back into the typed models, with LOINC
//! codes, UCUM units and references that resolve inside the Bundle.

use fhir::r4::resources::{Bundle, Resource};
use serde_json::Value;

use crate::both_engines;
use crate::helpers::{Engine, TestApp, staff_token};

fn codes(v: &Value) -> Vec<String> {
    v["code"]["coding"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            format!(
                "{}|{}",
                c["system"].as_str().unwrap_or(""),
                c["code"].as_str().unwrap_or("")
            )
        })
        .collect()
}

async fn a_patients_record_is_a_fhir_bundle_with_standard_codes(engine: Engine) {
    let app = TestApp::spawn(engine).await;
    let token = staff_token(&app);
    let (id, n) = app.enrol_line("Ufhir", "Fhir Hanako", &["--area", "Nerima"]).await;
    app.line_text("Ufhir", "SpO2 94 37.8 pulse 110 RR 24 息苦しい 咳").await;
    app.wait_for_texts(n + 1).await;
    app.settle().await;

    let r = app
        .http
        .get(format!("{}/api/v1/patients/{id}/fhir", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        r.headers().get("content-type").and_then(|v| v.to_str().ok()),
        Some("application/fhir+json")
    );
    let json: Value = r.json().await.expect("json");
    // the Bundle and every resource in it parse into the typed R4 models
    let bundle: Bundle = serde_json::from_value(json.clone()).expect("a FHIR R4 Bundle");
    let resources: Vec<Resource> = bundle
        .entry
        .iter()
        .map(|e| serde_json::from_value(e.resource.clone().expect("resource")).expect("a FHIR R4 resource"))
        .collect();
    assert!(resources.iter().any(|r| matches!(r, Resource::Patient(_))));
    assert!(resources.iter().any(|r| matches!(r, Resource::RiskAssessment(_))));
    assert!(
        resources.iter().any(|r| matches!(r, Resource::ServiceRequest(_))),
        "the urgent sign opened a request"
    );
    assert_eq!(json["type"], "collection");

    let entries: Vec<&Value> = json["entry"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| &e["resource"])
        .collect();
    let observation = |loinc: &str| {
        entries
            .iter()
            .find(|r| r["resourceType"] == "Observation" && codes(r).contains(&format!("http://loinc.org|{loinc}")))
            .copied()
            .unwrap_or_else(|| panic!("an Observation coded {loinc}"))
    };
    let spo2 = observation("59408-5");
    assert!(codes(spo2).contains(&"http://loinc.org|2708-6".to_string()));
    assert_eq!(spo2["valueQuantity"]["value"], 94);
    assert_eq!(spo2["valueQuantity"]["system"], "http://unitsofmeasure.org");
    assert_eq!(spo2["valueQuantity"]["code"], "%");
    assert_eq!(spo2["category"][0]["coding"][0]["code"], "vital-signs");
    let temperature = observation("8310-5");
    assert_eq!(temperature["valueQuantity"]["value"], 37.8);
    assert_eq!(temperature["valueQuantity"]["code"], "Cel");
    assert_eq!(observation("8867-4")["valueQuantity"]["code"], "/min");
    assert_eq!(observation("9279-1")["valueQuantity"]["value"], 24);
    // symptoms: SNOMED CT where a standard concept exists
    let dyspnea = entries
        .iter()
        .find(|r| codes(r).contains(&"http://snomed.info/sct|267036007".to_string()))
        .expect("breathlessness as SNOMED CT dyspnea");
    assert_eq!(dyspnea["valueBoolean"], true);
    assert!(
        entries
            .iter()
            .any(|r| codes(r).contains(&"http://snomed.info/sct|49727002".to_string())),
        "cough"
    );
    // the assessment carries its level, reasons and ruleset
    let risk = entries
        .iter()
        .find(|r| r["resourceType"] == "RiskAssessment")
        .expect("risk");
    assert!(risk["prediction"][0]["qualitativeRisk"]["coding"][0]["code"].is_string());
    assert!(
        risk["method"]["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("mimamori ruleset "))
    );
    // every reference to the patient resolves to the Bundle's Patient
    let patient_ref = format!("Patient/{id}");
    for r in &entries {
        let subject = r["subject"]["reference"].as_str().or(r["for"]["reference"].as_str());
        if r["resourceType"] != "Patient" {
            assert_eq!(subject, Some(patient_ref.as_str()), "{r}");
        }
    }
    let patient = entries
        .iter()
        .find(|r| r["resourceType"] == "Patient")
        .expect("patient");
    assert_eq!(patient["id"], id.to_string());
    assert_eq!(patient["name"][0]["text"], "Fhir Hanako");

    // the command line gives the same Bundle, and a batch as one Bundle a line
    let out = app.cli(&["export", "fhir", "--patient", &id.to_string()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let one: Bundle = serde_json::from_slice(&out.stdout).expect("a Bundle");
    assert_eq!(one.entry.len(), bundle.entry.len());
    let out = app.cli(&["export", "fhir", "--since", "2020-01-01"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Bundle> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one Bundle a line"))
        .collect();
    assert_eq!(lines.len(), 1);
    // audited, with the patient
    assert_eq!(
        app.scalar_i64("SELECT COUNT(*) FROM audit_log WHERE action = 'export.fhir'")
            .await,
        3
    );
}
both_engines!(a_patients_record_is_a_fhir_bundle_with_standard_codes);
