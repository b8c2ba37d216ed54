//! Reports: the step-by-step check-in (SpO2 → temperature → urgent symptoms → better/same/worse)
//! and the one-message report at any time. Every value read is stored at once in a draft report,
//! so nothing read is lost; a dangerous value is answered with "call" at once, before the
//! remaining questions.

pub use super::dialogue::{Dialogue, Step, next_step};
use super::prompts::{ask, choice, how_to_report, other_symptoms_prompt, summary};
use crate::care::context::Ctx;
use crate::care::{observation, triage};
use crate::channels::OutMessage;
use crate::domain::reading::{Feeling, Invalid, Parsed, Spo2, Temperature};
use crate::domain::symptom::{self, PAGES, Symptom};
use crate::domain::triage::{Input, Level, assess};
use crate::i18n::Lang;
use crate::store::dialogue::{self, DialogueStep};
use crate::store::patients::Patient;
use crate::store::reports::Report;
use crate::store::timers::TimerKind;
use crate::store::{Conn, patients, reports};

pub const CHECK_IN_REMINDER: TimerKind = TimerKind::CheckInReminder;
pub const REMEASURE: TimerKind = TimerKind::Remeasure;

/// How urgent a draft report already is, by the ward's rules and what has been read so far
/// (no history): urgent or worse is answered at once, before the remaining questions.
fn draft_level(ctx: &Ctx<'_>, r: &Report) -> Level {
    let input = Input {
        // a draft without SpO2 yet is not judged on the missing value: the question follows
        spo2: Some(r.counted_spo2().map_or(100, Spo2::percent)),
        pulse: r.pulse.and_then(|v| u16::try_from(v).ok()),
        respiratory_rate: r.respiratory_rate.and_then(|v| u16::try_from(v).ok()),
        symptoms: symptom::decode(r.symptoms.as_deref().unwrap_or("")),
        ..Input::default()
    };
    assess(&ctx.config.rules, &input).level
}

pub(super) fn apply(r: &mut Report, p: &Parsed, source: &str) {
    if let Some(v) = p.spo2 {
        r.spo2 = Some(v);
    }
    if let Some(v) = p.temperature {
        r.temperature = Some(i64::from(v.tenths()));
    }
    if let Some(v) = p.pulse {
        r.pulse = Some(i64::from(v.bpm()));
    }
    if let Some(v) = p.respiratory_rate {
        r.respiratory_rate = Some(i64::from(v.per_minute()));
    }
    if !p.symptoms.is_empty() {
        let mut all = symptom::decode(r.symptoms.as_deref().unwrap_or(""));
        for s in &p.symptoms {
            if !all.contains(s) {
                all.push(*s);
            }
        }
        r.symptoms = Some(symptom::encode(&all));
    } else if p.no_symptoms && r.symptoms.is_none() {
        r.symptoms = Some(String::new());
    }
    if let Some(f) = p.feeling {
        r.feeling = Some(f.code().to_string());
    }
    // what the words said counts wherever they were said, not only in a message of words alone
    if p.harder_to_breathe {
        r.harder_to_breathe = true;
    }
    if p.asks_to_talk {
        r.asks_to_talk = true;
    }
    if p.cannot_eat_or_drink {
        r.cannot_eat_or_drink = true;
    }
    r.add_understood(&p.understood);
    if !r.source_text.is_empty() {
        r.source_text.push('\n');
    }
    r.source_text.push_str(source);
}

/// Records and answers what a message said.
pub async fn understood(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    parsed: Parsed,
    text: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    if parsed.only_raises_questions() {
        // words that only raise a question: kept as they came, triaged by the answer
        let mut report = Report::new(patient.id, "free_text", ctx.now);
        apply(&mut report, &parsed, text);
        reports::store(conn, &mut report).await?;
        return Ok(vec![]);
    }
    if parsed.is_empty() {
        let mut out = vec![OutMessage::text(ctx.t(lang, msg!("reading-unreadable"), &[]))];
        if let Some(d) = Dialogue::load(patient) {
            let (report, step) = current(conn, &d).await?;
            out.push(ask(ctx, lang, step, &d, report.as_ref()));
        } else {
            // words we could not place may still mean trouble: one tap says so
            let mut help = how_to_report(ctx, lang);
            help.choices = vec![
                choice(ctx.t(lang, msg!("choice-feel-worse"), &[]), "kw:worse".into()),
                choice(ctx.t(lang, msg!("choice-talk"), &[]), "kw:talk".into()),
            ];
            out.push(help);
        }
        return Ok(out);
    }
    let dialogue_step = match Dialogue::load(patient) {
        Some(d) if d.remeasure_of.is_none() && d.check_in => Some(current(conn, &d).await?.1),
        _ => None,
    };
    // during a check-in, symptoms typed at the symptom question and feelings typed at the last
    // one answer it; anything else said in words is honoured at once
    let answers_step = match dialogue_step {
        Some(Step::Feeling) => true,
        Some(Step::Symptoms) => parsed.feeling.is_none() && !parsed.asks_to_talk && !parsed.cannot_eat_or_drink,
        _ => false,
    };
    if parsed.is_keyword_only() && !answers_step {
        return on_keyword(conn, ctx, patient, lang, &parsed, text).await;
    }
    record(conn, ctx, patient, lang, parsed, text).await
}

/// A button of the check-in dialogue (a value, a symptom, a feeling).
pub async fn on_choice(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    data: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    let Some(mut d) = Dialogue::load(patient) else {
        return Ok(vec![
            OutMessage::text(ctx.t(lang, msg!("check-in-closed"), &[])),
            how_to_report(ctx, lang),
        ]);
    };
    let mut parsed = Parsed::default();
    let mut parts = data.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some("v"), Some("spo2"), Some(v)) => parsed.spo2 = v.parse::<f64>().ok().and_then(|v| Spo2::new(v).ok()),
        (Some("v"), Some("temp"), Some(v)) => {
            parsed.temperature = v.parse::<f64>().ok().and_then(|v| Temperature::new(v / 10.0).ok())
        }
        (Some("sym"), Some("none"), None) => {
            parsed.no_symptoms = true;
            d.picking = false;
        }
        (Some("sym"), Some("done"), None) => {
            parsed.no_symptoms = true; // "done" with nothing ticked means none
            d.picking = false;
        }
        (Some("sym"), Some("page"), Some(page)) => {
            d.page = page.parse::<usize>().unwrap_or(0).min(PAGES.len() - 1);
            d.picking = true;
        }
        (Some("sym"), Some(code), None) => {
            if let Some(s) = Symptom::from_code(code) {
                parsed.symptoms = vec![s];
                d.picking = true;
            }
        }
        (Some("feel"), Some(code), None) => parsed.feeling = Feeling::from_code(code),
        _ => {}
    }
    let label = format!("[{data}]");
    // (stored by `record`, which writes the dialogue on every path)
    let patient = Patient {
        dialogue: Some(serde_json::to_string(&d)?),
        ..patient.clone()
    };
    record(conn, ctx, &patient, lang, parsed, &label).await
}

/// Merges what was read into the draft report, answers, and asks the next question. A complete
/// report is triaged at once, or — for a first SpO2 in the re-measure range that decides the
/// level — the patient is asked to measure again first.
async fn record(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    mut parsed: Parsed,
    source: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    let mut d = Dialogue::load(patient).unwrap_or_default();
    if let (Some(original), Some(second)) = (d.remeasure_of, parsed.spo2)
        && let Some(mut report) = reports::get(conn, original).await?
    {
        parsed.spo2 = None;
        apply(&mut report, &parsed, source);
        report.spo2_remeasured = Some(second);
        let history = reports::complete(conn, &mut report, crate::care::release::RELEASE).await?;
        let step = DialogueStep {
            dialogue: Some(None),
            cancel: &[REMEASURE],
            ..DialogueStep::default()
        };
        dialogue::step(conn, patient.id, &step, ctx.now).await?;
        let counted = report.counted_spo2().map_or(0, Spo2::percent);
        let note = ctx.t(lang, msg!("remeasure-counted"), &[("value", counted.into())]);
        let (_, mut out) = triage::decide_with(conn, ctx, patient, lang, &report, &history, None).await?;
        let at = usize::from(
            out.first()
                .is_some_and(|m| m.text == ctx.t(lang, msg!("alert-emergency"), &ctx.phone_args(lang))),
        );
        out.insert(at, OutMessage::text(note));
        return Ok(out);
    }
    d.remeasure_of = None;
    let draft = match d.report_id {
        Some(id) => reports::get(conn, id).await?,
        None => None,
    };
    // a new report is stored once, with what this message said (one statement, not two)
    let mut report = match draft {
        Some(r) => r,
        None => Report::new(patient.id, if d.check_in { "check_in" } else { "free_text" }, ctx.now),
    };
    apply(&mut report, &parsed, source);

    let mut out = Vec::new();
    let complete_in_one = parsed.spo2.is_some() && parsed.temperature.is_some() && parsed.invalid.is_empty();
    let step = if complete_in_one { None } else { next_step(&report, &d) };
    if step.is_none() {
        report.completed_at = Some(ctx.now);
        // with it the history the rules read (one round trip)
        let history = reports::complete(conn, &mut report, crate::care::release::RELEASE).await?;
        // the check-in is answered. Outside one there is nothing to cancel: only a check-in
        // prompt schedules these, and should one be pending still (its dialogue replaced), it
        // finds this report when it fires and does nothing (`unanswered_since`)
        let answered: &[TimerKind] = if d.check_in {
            &[CHECK_IN_REMINDER, observation::STAFF_CALL]
        } else {
            &[]
        };
        let summary = summary(ctx, lang, &report);
        if super::remeasure::wants_remeasure(ctx, patient, &report, &history.reports) {
            let wait = ctx.config.rules.remeasure_wait_minutes;
            let d = Dialogue {
                remeasure_of: Some(report.id),
                ..Dialogue::default()
            };
            let json = serde_json::to_string(&d)?;
            let cancel = [answered, &[REMEASURE]].concat();
            let step = DialogueStep {
                dialogue: Some(Some(&json)),
                cancel: &cancel,
                schedule: &[(REMEASURE, ctx.now + chrono::Duration::minutes(wait))],
                ..DialogueStep::default()
            };
            dialogue::step(conn, patient.id, &step, ctx.now).await?;
            out.push(OutMessage::text(ctx.t(
                lang,
                msg!("report-noted"),
                &[("summary", summary.into())],
            )));
            let mut args = ctx.phone_args(lang);
            args.push(("minutes", wait.into()));
            out.push(OutMessage {
                text: ctx.t(lang, msg!("remeasure-ask"), &args),
                choices: ask(ctx, lang, Step::Spo2, &d, None).choices,
            });
        } else {
            let step = DialogueStep {
                dialogue: patient.dialogue.is_some().then_some(None),
                cancel: answered,
                ..DialogueStep::default()
            };
            dialogue::step(conn, patient.id, &step, ctx.now).await?;
            let (_, messages) = triage::decide_with(conn, ctx, patient, lang, &report, &history, Some(summary)).await?;
            out.extend(messages);
            if d.check_in {
                // the optional last step rides on the last answer: one message, not one more
                let prompt = other_symptoms_prompt(ctx, lang, &report);
                match out.last_mut() {
                    Some(last) if last.choices.is_empty() => {
                        last.text.push_str("\n\n");
                        last.text.push_str(&prompt.text);
                        last.choices = prompt.choices;
                    }
                    _ => out.push(prompt),
                }
            }
        }
    } else {
        let level = draft_level(ctx, &report);
        if !report.warned && level >= Level::Urgent {
            // the first thing the patient reads, before the rest of the questions
            let key = if level == Level::Emergency {
                msg!("alert-emergency")
            } else {
                msg!("alert-call")
            };
            out.push(OutMessage::text(ctx.t(lang, key, &ctx.phone_args(lang))));
            report.warned = true;
        }
        reports::store(conn, &mut report).await?;
        d.report_id = Some(report.id);
        patients::set_dialogue(conn, patient.id, Some(&serde_json::to_string(&d)?)).await?;
        if parsed.spo2.is_some() || parsed.temperature.is_some() {
            out.push(OutMessage::text(ctx.t(
                lang,
                msg!("partial-noted"),
                &[("summary", summary(ctx, lang, &report).into())],
            )));
        }
    }
    for invalid in &parsed.invalid {
        let key = match invalid {
            Invalid::Spo2 => msg!("reenter-spo2"),
            Invalid::Temperature => msg!("reenter-temperature"),
            Invalid::Pulse => msg!("reenter-pulse"),
            Invalid::RespiratoryRate => msg!("reenter-respiratory-rate"),
        };
        out.push(OutMessage::text(ctx.t(lang, key, &[])));
    }
    if parsed.spo2.is_some_and(Spo2::is_critical) {
        out.push(OutMessage::text(ctx.t(lang, msg!("confirm-low-spo2"), &[])));
    }
    if let Some(step) = step {
        out.push(ask(ctx, lang, step, &d, Some(&report)));
    }
    Ok(out)
}

/// "worse" / "悪化" / "苦しい" / "help" / "相談": honoured at once, also in the middle of a
/// check-in, which then goes on where it was.
pub async fn on_keyword(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    patient: &Patient,
    lang: Lang,
    parsed: &Parsed,
    text: &str,
) -> anyhow::Result<Vec<OutMessage>> {
    let mut report = Report::new(patient.id, "keyword", ctx.now);
    apply(&mut report, parsed, text);
    report.harder_to_breathe = parsed.harder_to_breathe;
    report.asks_to_talk = parsed.asks_to_talk;
    report.cannot_eat_or_drink = parsed.cannot_eat_or_drink;
    report.completed_at = Some(ctx.now);
    let history = reports::complete(conn, &mut report, crate::care::release::RELEASE).await?;
    let (_, mut out) = triage::decide_with(conn, ctx, patient, lang, &report, &history, None).await?;
    if let Some(d) = Dialogue::load(patient).filter(|d| d.remeasure_of.is_none()) {
        let (draft, step) = current(conn, &d).await?;
        out.push(ask(ctx, lang, step, &d, draft.as_ref()));
    }
    Ok(out)
}

/// The draft report of a dialogue, and the question it waits on.
pub(super) async fn current(conn: &mut Conn, d: &Dialogue) -> anyhow::Result<(Option<Report>, Step)> {
    let report = match d.report_id {
        Some(id) => reports::get(conn, id).await?,
        None => None,
    };
    let step = report.as_ref().and_then(|r| next_step(r, d)).unwrap_or(Step::Spo2);
    Ok((report, step))
}
