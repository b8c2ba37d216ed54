//! What the check-in shows: its questions with their buttons, the acknowledgement of what was
//! recorded (symptoms and denials included), and how to report at any time.

use super::dialogue::{Dialogue, Step};
use crate::care::context::Ctx;
use crate::channels::{Choice, OutMessage};
use crate::domain::lexicon::{Concept, Polarity};
use crate::domain::reading::{Feeling, Pulse, Temperature};
use crate::domain::symptom::{self, PAGES, Symptom};
use crate::i18n::Lang;
use crate::store::reports::Report;

/// "SpO2 94%, 37.8 °C, pulse 88/min, symptoms: …"
pub fn summary(ctx: &Ctx<'_>, lang: Lang, r: &Report) -> String {
    let mut parts = Vec::new();
    if let Some(v) = r.spo2 {
        parts.push(ctx.t(lang, msg!("value-spo2"), &[("value", v.percent().into())]));
    }
    if let Some(t) = r.temperature.and_then(Temperature::from_tenths) {
        parts.push(ctx.t(lang, msg!("value-temperature"), &[("value", t.display().into())]));
    }
    if let Some(v) = r.pulse.and_then(|p| Pulse::new(p as f64).ok()) {
        parts.push(ctx.t(lang, msg!("value-pulse"), &[("value", i64::from(v.bpm()).into())]));
    }
    let symptoms = symptom::decode(r.symptoms.as_deref().unwrap_or(""));
    if !symptoms.is_empty() {
        let names: Vec<String> = symptoms.iter().map(|s| ctx.t(lang, &s.label_key(), &[])).collect();
        parts.push(ctx.t(lang, msg!("value-symptoms"), &[("list", names.join(" / ").into())]));
    }
    // what the patient said they do not have, so they can see it was not taken the other way
    let mut denied: Vec<Symptom> = Vec::new();
    for u in r.understood_list() {
        if let (Some(Concept::Symptom(s)), Polarity::Negated) = (Concept::from_code(&u.concept), u.polarity)
            && !symptoms.contains(&s)
            && !denied.contains(&s)
        {
            denied.push(s);
        }
    }
    if !denied.is_empty() {
        let names: Vec<String> = denied.iter().map(|s| ctx.t(lang, &s.label_key(), &[])).collect();
        parts.push(ctx.t(lang, msg!("value-denied"), &[("list", names.join(" / ").into())]));
    }
    if let Some(f) = r.feeling.as_deref().and_then(Feeling::from_code) {
        parts.push(ctx.t(lang, feeling_key(f), &[]));
    }
    parts.join(", ")
}

pub(super) fn feeling_key(f: Feeling) -> &'static str {
    match f {
        Feeling::Better => msg!("feeling-better"),
        Feeling::Same => msg!("feeling-same"),
        Feeling::Worse => msg!("feeling-worse"),
    }
}

/// The check-in's optional last step (`other_symptoms`): each common symptom the report does not hold yet, and "none" / "done".
pub fn other_symptoms_prompt(ctx: &Ctx<'_>, lang: Lang, report: &Report) -> OutMessage {
    let held = symptom::decode(report.symptoms.as_deref().unwrap_or(""));
    let picked = Symptom::OTHER.iter().any(|s| held.contains(s));
    let mut choices: Vec<Choice> = Symptom::OTHER
        .iter()
        .filter(|s| !held.contains(s))
        .map(|s| Choice {
            label: ctx.t(lang, &s.label_key(), &[]),
            data: format!("other:{}:{}", report.id, s.code()),
        })
        .collect();
    let (key, end) = if picked {
        (msg!("choice-done"), "done")
    } else {
        (msg!("choice-none"), "none")
    };
    choices.push(Choice {
        label: ctx.t(lang, key, &[]),
        data: format!("other:{}:{end}", report.id),
    });
    let text = if picked {
        msg!("ask-other-symptoms-more")
    } else {
        msg!("ask-other-symptoms")
    };
    OutMessage {
        text: ctx.t(lang, text, &[]),
        choices,
    }
}

/// How to report at any time, with examples.
pub fn how_to_report(ctx: &Ctx<'_>, lang: Lang) -> OutMessage {
    OutMessage {
        text: ctx.t(lang, msg!("how-to-report"), &[]),
        // a patient registered in a language they cannot read finds theirs here
        choices: vec![super::language::menu_button(ctx, lang)],
    }
}

pub(super) fn choice(label: String, data: String) -> Choice {
    Choice { label, data }
}

/// The question for `step`, with its buttons.
pub fn ask(ctx: &Ctx<'_>, lang: Lang, step: Step, d: &Dialogue, r: Option<&Report>) -> OutMessage {
    match step {
        Step::Spo2 => OutMessage {
            text: ctx.t(lang, msg!("ask-spo2"), &[]),
            choices: (89..=98)
                .rev()
                .map(|v| choice(format!("{v}%"), format!("v:spo2:{v}")))
                .collect(),
        },
        Step::Temperature => OutMessage {
            text: ctx.t(lang, msg!("ask-temperature"), &[]),
            choices: (360..=400)
                .step_by(5)
                .map(|t| choice(format!("{}.{}", t / 10, t % 10), format!("v:temp:{t}")))
                .collect(),
        },
        Step::Symptoms => {
            let picked = symptom::decode(r.and_then(|r| r.symptoms.as_deref()).unwrap_or(""));
            let list: Vec<String> = Symptom::URGENT
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{}. {}", i + 1, ctx.t(lang, &s.label_key(), &[])))
                .collect();
            let page = d.page.min(PAGES.len() - 1);
            let mut choices = Vec::new();
            if page == 0 {
                let (key, data) = if picked.is_empty() {
                    (msg!("choice-none"), "sym:none")
                } else {
                    (msg!("choice-done"), "sym:done")
                };
                choices.push(choice(ctx.t(lang, key, &[]), data.into()));
            }
            for s in PAGES[page].iter().filter(|s| !picked.contains(s)) {
                choices.push(choice(ctx.t(lang, &s.label_key(), &[]), format!("sym:{}", s.code())));
            }
            if page + 1 < PAGES.len() {
                choices.push(choice(
                    ctx.t(lang, msg!("choice-more"), &[]),
                    format!("sym:page:{}", page + 1),
                ));
            } else {
                choices.push(choice(ctx.t(lang, msg!("choice-done"), &[]), "sym:done".into()));
            }
            OutMessage {
                text: ctx.t(lang, msg!("ask-symptoms"), &[("list", list.join("\n").into())]),
                choices,
            }
        }
        Step::Feeling => OutMessage {
            text: ctx.t(lang, msg!("ask-feeling"), &[]),
            choices: [Feeling::Better, Feeling::Same, Feeling::Worse]
                .into_iter()
                .map(|f| choice(ctx.t(lang, feeling_key(f), &[]), format!("feel:{}", f.code())))
                .collect(),
        },
    }
}
