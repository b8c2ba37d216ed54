//! A patient's record as a FHIR R4 Bundle, built with the typed models of the `fhir` crate:
//! the Patient; an Observation per reading (LOINC codes, UCUM units) and per symptom (SNOMED CT
//! where a standard concept is well known, text otherwise); a RiskAssessment per triage; a
//! ServiceRequest per care request with a Task for its outcome; a DeviceRequest per oxygen
//! order; an Encounter per station stay.

use fhir::coded::Coded;
use fhir::r4::choice::Primitive;
use fhir::r4::codes::{EncounterStatus, ObservationStatus, RequestIntent, RequestStatus, TaskIntent, TaskStatus};
use fhir::r4::resources::{
    Bundle, DeviceRequest, Encounter, Observation, Patient, Resource, RiskAssessment, ServiceRequest, Task,
    bundle::BundleEntry, device_request, observation, risk_assessment, service_request,
};
use fhir::r4::types;

use crate::domain::symptom::{self, Symptom};
use crate::store::orders::Order;
use crate::store::patients::Patient as PatientRecord;
use crate::store::reports::Report;
use crate::store::station::Admission;
use crate::store::views::{AssessmentRow, RequestRow};

pub const LOINC: &str = "http://loinc.org";
pub const UCUM: &str = "http://unitsofmeasure.org";
pub const SNOMED: &str = "http://snomed.info/sct";
const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
/// The service's own code systems, for what has no standard code.
pub const SYSTEM: &str = "urn:mimamori";

/// Everything known of one patient, as read from the store.
pub struct Record<'a> {
    pub patient: &'a PatientRecord,
    pub reports: &'a [Report],
    pub assessments: &'a [AssessmentRow],
    pub requests: &'a [RequestRow],
    pub orders: &'a [Order],
    pub admissions: &'a [Admission],
}

fn s(v: impl Into<String>) -> types::String {
    types::String(v.into())
}

fn when(t: chrono::DateTime<chrono::Utc>) -> types::DateTime {
    types::DateTime(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

fn coding(system: &str, code: &str, display: &str) -> types::Coding {
    types::Coding {
        system: Some(types::Uri(system.to_string())),
        code: Some(types::Code(code.to_string())),
        display: Some(s(display)),
        ..Default::default()
    }
}

fn concept(codings: Vec<types::Coding>, text: &str) -> types::CodeableConcept {
    types::CodeableConcept {
        coding: codings,
        text: Some(s(text)),
        ..Default::default()
    }
}

fn reference(to: &str) -> types::Reference {
    types::Reference {
        reference: Some(s(to)),
        ..Default::default()
    }
}

fn quantity(value: &str, unit: &str, ucum: &str) -> Option<types::Quantity> {
    Some(types::Quantity {
        value: Some(types::Decimal::new(value).ok()?),
        unit: Some(s(unit)),
        system: Some(types::Uri(UCUM.to_string())),
        code: Some(types::Code(ucum.to_string())),
        ..Default::default()
    })
}

/// SNOMED CT concepts for the symptoms that have a well-known one.
fn snomed(symptom: Symptom) -> Option<(&'static str, &'static str)> {
    Some(match symptom.code() {
        "fever" => ("386661006", "Fever"),
        "cough" => ("49727002", "Cough"),
        "sudden_breathlessness" => ("267036007", "Dyspnea"),
        "chest_pain" => ("29857009", "Chest pain"),
        "headache" => ("25064002", "Headache"),
        "diarrhoea" => ("62315008", "Diarrhea"),
        "nausea" => ("422587007", "Nausea"),
        "fatigue" => ("84229001", "Fatigue"),
        "sore_throat" => ("162397003", "Pain in throat"),
        "purple_lips" => ("3415004", "Cyanosis"),
        "sudden_wheezing" => ("56018004", "Wheezing"),
        "cannot_lie_down" => ("62744007", "Orthopnea"),
        "fast_breathing" => ("271823003", "Tachypnea"),
        _ => return None,
    })
}

fn vital(
    id: String,
    patient: &str,
    at: chrono::DateTime<chrono::Utc>,
    codes: Vec<types::Coding>,
    text: &str,
    value: Option<types::Quantity>,
) -> Observation {
    Observation {
        id: Some(s(id)),
        status: Coded::Known(ObservationStatus::Final),
        category: vec![concept(
            vec![coding(OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")],
            "Vital Signs",
        )],
        code: concept(codes, text),
        subject: Some(reference(patient)),
        effective: Some(observation::ObservationEffective::DateTime(Primitive {
            value: when(at),
            extension: None,
        })),
        value: value.map(|q| observation::ObservationValue::Quantity(Box::new(q))),
        ..Default::default()
    }
}

fn entry(resource: Resource, kind: &str, id: &str) -> anyhow::Result<BundleEntry> {
    Ok(BundleEntry {
        full_url: Some(types::Uri(format!("urn:mimamori:{kind}/{id}"))),
        resource: Some(serde_json::to_value(resource)?),
        ..Default::default()
    })
}

/// The patient's Bundle (type `collection`); references are `Patient/<id>` and the like.
pub fn bundle(record: &Record<'_>, now: chrono::DateTime<chrono::Utc>) -> anyhow::Result<Bundle> {
    let p = record.patient;
    let subject = format!("Patient/{}", p.id);
    let mut entries = Vec::new();
    let patient = Patient {
        id: Some(s(p.id.to_string())),
        identifier: vec![types::Identifier {
            system: Some(types::Uri(format!("{SYSTEM}:patient"))),
            value: Some(s(p.id.to_string())),
            ..Default::default()
        }],
        name: vec![types::HumanName {
            text: Some(s(&p.name)),
            ..Default::default()
        }],
        telecom: vec![types::ContactPoint {
            system: Some(Coded::Unknown("phone".into())),
            value: Some(s(&p.phone)),
            ..Default::default()
        }],
        birth_date: Some(types::Date(p.birth_date.clone())),
        ..Default::default()
    };
    entries.push(entry(
        Resource::Patient(Box::new(patient)),
        "Patient",
        &p.id.to_string(),
    )?);

    for r in record.reports.iter().filter(|r| r.corrected_at.is_none()) {
        let mut observations = vec![];
        if let Some(v) = r.counted_spo2() {
            observations.push(vital(
                format!("report-{}-spo2", r.id),
                &subject,
                r.created_at,
                vec![
                    coding(
                        LOINC,
                        "59408-5",
                        "Oxygen saturation in Arterial blood by Pulse oximetry",
                    ),
                    coding(LOINC, "2708-6", "Oxygen saturation in Arterial blood"),
                ],
                "SpO2",
                quantity(&v.percent().to_string(), "%", "%"),
            ));
        }
        if let Some(t) = r.temperature {
            observations.push(vital(
                format!("report-{}-temperature", r.id),
                &subject,
                r.created_at,
                vec![coding(LOINC, "8310-5", "Body temperature")],
                "Body temperature",
                quantity(&format!("{:.1}", t as f64 / 10.0), "°C", "Cel"),
            ));
        }
        if let Some(v) = r.pulse {
            observations.push(vital(
                format!("report-{}-pulse", r.id),
                &subject,
                r.created_at,
                vec![coding(LOINC, "8867-4", "Heart rate")],
                "Heart rate",
                quantity(&v.to_string(), "/min", "/min"),
            ));
        }
        if let Some(v) = r.respiratory_rate {
            observations.push(vital(
                format!("report-{}-respiratory-rate", r.id),
                &subject,
                r.created_at,
                vec![coding(LOINC, "9279-1", "Respiratory rate")],
                "Respiratory rate",
                quantity(&v.to_string(), "/min", "/min"),
            ));
        }
        for sym in r.symptoms.as_deref().map(symptom::decode).unwrap_or_default() {
            let mut codes = vec![coding(&format!("{SYSTEM}:symptom"), sym.code(), sym.code())];
            if let Some((code, display)) = snomed(sym) {
                codes.insert(0, coding(SNOMED, code, display));
            }
            let mut o = vital(
                format!("report-{}-{}", r.id, sym.code()),
                &subject,
                r.created_at,
                codes,
                sym.code(),
                None,
            );
            o.category = vec![concept(
                vec![coding(OBSERVATION_CATEGORY, "survey", "Survey")],
                "Survey",
            )];
            o.value = Some(observation::ObservationValue::Boolean(Primitive {
                value: types::Boolean(true),
                extension: None,
            }));
            observations.push(o);
        }
        for o in observations {
            let id = o.id.as_ref().map(|i| i.0.clone()).unwrap_or_default();
            entries.push(entry(Resource::Observation(Box::new(o)), "Observation", &id)?);
        }
    }

    for a in record.assessments {
        let reasons: Vec<crate::domain::triage::Reason> = serde_json::from_str(&a.reasons).unwrap_or_default();
        let rationale: Vec<String> = reasons.iter().map(|r| r.key.clone()).collect();
        let assessment = RiskAssessment {
            id: Some(s(format!("assessment-{}", a.id))),
            status: Coded::Known(ObservationStatus::Final),
            method: Some(concept(vec![], &format!("mimamori ruleset {}", a.ruleset_version))),
            subject: reference(&subject),
            occurrence: Some(risk_assessment::RiskAssessmentOccurrence::DateTime(Primitive {
                value: when(a.created_at),
                extension: None,
            })),
            basis: a
                .report_id
                .map(|r| reference(&format!("Observation/report-{r}-spo2")))
                .into_iter()
                .collect(),
            prediction: vec![risk_assessment::RiskAssessmentPrediction {
                qualitative_risk: Some(concept(
                    vec![coding(&format!("{SYSTEM}:level"), a.level.code(), a.level.code())],
                    a.level.code(),
                )),
                rationale: Some(s(rationale.join("; "))),
                ..Default::default()
            }],
            ..Default::default()
        };
        entries.push(entry(
            Resource::RiskAssessment(Box::new(assessment)),
            "RiskAssessment",
            &format!("assessment-{}", a.id),
        )?);
    }

    for c in record.requests {
        let status = match c.status.code() {
            "done" => RequestStatus::Completed,
            "cancelled" => RequestStatus::Revoked,
            _ => RequestStatus::Active,
        };
        let id = format!("request-{}", c.id);
        let request = ServiceRequest {
            id: Some(s(&id)),
            status: Coded::Known(status),
            intent: Coded::Known(RequestIntent::Order),
            code: Some(concept(
                vec![coding(&format!("{SYSTEM}:request-kind"), c.kind.code(), c.kind.code())],
                c.kind.code(),
            )),
            subject: reference(&subject),
            authored_on: Some(when(c.created_at)),
            occurrence: Some(service_request::ServiceRequestOccurrence::DateTime(Primitive {
                value: when(c.target_at),
                extension: None,
            })),
            performer: c
                .provider_name
                .as_ref()
                .map(|n| types::Reference {
                    display: Some(s(n)),
                    ..Default::default()
                })
                .into_iter()
                .collect(),
            ..Default::default()
        };
        entries.push(entry(
            Resource::ServiceRequest(Box::new(request)),
            "ServiceRequest",
            &id,
        )?);
        if let Some(outcome) = &c.outcome {
            let task = Task {
                id: Some(s(format!("{id}-outcome"))),
                status: Coded::Known(TaskStatus::Completed),
                intent: Coded::Known(TaskIntent::Order),
                focus: Some(reference(&format!("ServiceRequest/{id}"))),
                r#for: Some(reference(&subject)),
                business_status: Some(concept(
                    vec![coding(&format!("{SYSTEM}:outcome"), outcome, outcome)],
                    c.outcome_note.as_deref().unwrap_or(outcome),
                )),
                ..Default::default()
            };
            entries.push(entry(Resource::Task(Box::new(task)), "Task", &format!("{id}-outcome"))?);
        }
    }

    for o in record.orders {
        let id = format!("oxygen-{}", o.id);
        let status = match o.status.code() {
            "ended" => RequestStatus::Completed,
            "cancelled" => RequestStatus::Revoked,
            _ => RequestStatus::Active,
        };
        let device = DeviceRequest {
            id: Some(s(&id)),
            status: Some(Coded::Known(status)),
            intent: Coded::Known(RequestIntent::Order),
            code: Some(device_request::DeviceRequestCode::CodeableConcept(Box::new(concept(
                vec![coding(&format!("{SYSTEM}:oxygen-kit"), o.kit.code(), o.kit.code())],
                &format!("home oxygen: {}", o.kit.code()),
            )))),
            parameter: vec![device_request::DeviceRequestParameter {
                code: Some(concept(vec![], "flow rate")),
                value: quantity(&format!("{:.1}", o.flow_tenths as f64 / 10.0), "L/min", "L/min")
                    .map(|q| device_request::DeviceRequestParameterValue::Quantity(Box::new(q))),
                ..Default::default()
            }],
            subject: reference(&subject),
            authored_on: Some(when(o.created_at)),
            ..Default::default()
        };
        entries.push(entry(Resource::DeviceRequest(Box::new(device)), "DeviceRequest", &id)?);
    }

    for a in record.admissions {
        let id = format!("admission-{}", a.id);
        let status = match a.status.code() {
            "admitted" => EncounterStatus::InProgress,
            "discharged" | "transferred" => EncounterStatus::Finished,
            "declined" | "cancelled" => EncounterStatus::Cancelled,
            _ => EncounterStatus::Planned,
        };
        let stay = Encounter {
            id: Some(s(&id)),
            status: Coded::Known(status),
            class: coding(
                "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                "IMP",
                "inpatient encounter",
            ),
            subject: Some(reference(&subject)),
            period: Some(types::Period {
                start: Some(when(a.created_at)),
                ..Default::default()
            }),
            service_type: Some(concept(vec![], "oxygen/medical station")),
            ..Default::default()
        };
        entries.push(entry(Resource::Encounter(Box::new(stay)), "Encounter", &id)?);
    }

    Ok(Bundle {
        id: Some(s(format!("patient-{}-{}", p.id, now.timestamp()))),
        r#type: Coded::Known(fhir::r4::codes::BundleType::Collection),
        timestamp: Some(types::Instant(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))),
        entry: entries,
        ..Default::default()
    })
}
