//! How the synthetic people answer what the service sends them (pure): a patient answers a
//! check-in as their illness and habits say, a provider takes or declines an offer and later
//! reports what they found. Each answer is a message or a button press after a delay.

use chrono::{DateTime, NaiveDate, Utc};
use rand::Rng;
use rand::rngs::StdRng;

use super::course::{self, Answer, Person, Phrasing, Severity, Vitals};
use super::scenario::{Answers, Behaviour};
use super::vocabulary::{Layout, Vocabulary};
use crate::channels::OutMessage;

/// What a person sends.
#[derive(Debug, Clone, PartialEq)]
pub enum Say {
    /// `/start CODE`
    Start(String),
    Text(String),
    Press(String),
    /// A provider reports the outcome of the request they hold, chosen when it is due (by how
    /// the patient is then).
    Outcome {
        request: i64,
        choices: Vec<String>,
    },
}

/// A patient and what they remember of the conversation.
pub struct Patient {
    pub person: Person,
    pub rng: StdRng,
    /// How they write when it is not Japanese.
    vocabulary: Option<std::sync::Arc<Vocabulary>>,
    /// When the last check-in prompt came (a prompt within this one's reach is its reminder).
    prompted_at: Option<DateTime<Utc>>,
    /// When the patient last sent a report.
    reported_at: Option<DateTime<Utc>>,
}

/// A reminder, or the staff's call, comes within this long of the prompt it follows.
const SAME_PROMPT: chrono::Duration = chrono::Duration::minutes(150);
/// A prompt to measure again comes within this long of the report.
const REMEASURE: chrono::Duration = chrono::Duration::minutes(30);

fn data(messages: &[OutMessage]) -> Vec<&str> {
    messages
        .iter()
        .flat_map(|m| m.choices.iter().map(|c| c.data.as_str()))
        .collect()
}

impl Patient {
    pub fn new(person: Person, rng: StdRng, vocabulary: Option<std::sync::Arc<Vocabulary>>) -> Patient {
        Patient {
            person,
            rng,
            vocabulary,
            prompted_at: None,
            reported_at: None,
        }
    }

    /// What the patient does with what the service sent: (minutes from now, what they send).
    pub fn answer(
        &mut self,
        habits: &Answers,
        messages: &[OutMessage],
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Vec<(i64, Say)> {
        let choices = data(messages);
        let has = |prefix: &str| choices.iter().any(|d| d.starts_with(prefix));
        let v = self.person.vitals(&mut self.rng, today);
        let quick = |rng: &mut StdRng| rng.gen_range(1..=3);
        if let Some(q) = choices.iter().find(|d| d.starts_with("q:") && d.ends_with(":yes")) {
            // a safety question ("are you short of breath?"): answered as it is
            let yes = self.person.severity_on(today) >= Severity::Moderate2;
            let press = if yes { q.to_string() } else { q.replace(":yes", ":no") };
            return vec![(quick(&mut self.rng), Say::Press(press))];
        }
        if has("v:spo2:") {
            if self.reported_at.is_some_and(|at| now - at < REMEASURE) {
                // measured again after a rest, as asked
                return vec![(self.rng.gen_range(3..=8), Say::Text(course::spo2_text(&v)))];
            }
            if self.prompted_at.is_some_and(|at| now - at < SAME_PROMPT) {
                // the reminder of a prompt already decided on
                return vec![];
            }
            self.prompted_at = Some(now);
            let minutes = match course::answer(&mut self.rng, habits) {
                Answer::OnTime(m) | Answer::Late(m) => i64::from(m),
                Answer::Silent => return vec![],
            };
            self.reported_at = Some(now + chrono::Duration::minutes(minutes));
            let how = course::phrasing(&mut self.rng, habits);
            return vec![(minutes, Say::Text(self.report(&v, how)))];
        }
        if has("v:temp:") {
            return vec![(quick(&mut self.rng), Say::Text(course::temperature_only(&v)))];
        }
        if has("sym:") {
            let mine = [
                (v.cannot_lie_down, "sym:cannot_lie_down"),
                (v.breathless && !v.cannot_lie_down, "sym:breathless_on_exertion"),
            ];
            let press = mine
                .iter()
                .find(|(on, code)| *on && choices.contains(code))
                .map(|(_, code)| code.to_string())
                .or_else(|| {
                    // the breathing symptoms are on the checklist's second page
                    let wanted = mine.iter().any(|(on, _)| *on);
                    (wanted && !choices.contains(&"sym:done"))
                        .then(|| {
                            choices
                                .iter()
                                .find(|d| d.starts_with("sym:page:"))
                                .map(|d| d.to_string())
                        })
                        .flatten()
                })
                .or_else(|| {
                    ["sym:done", "sym:none"]
                        .into_iter()
                        .find(|d| choices.contains(d))
                        .map(str::to_string)
                });
            return press
                .map(|p| vec![(quick(&mut self.rng), Say::Press(p))])
                .unwrap_or_default();
        }
        if has("feel:") {
            return vec![(quick(&mut self.rng), Say::Press(format!("feel:{}", v.feeling.code())))];
        }
        if has("kw:worse") {
            // the message was not understood: written again, plainly
            let text = self.report(&v, Phrasing::Numbers);
            return vec![(quick(&mut self.rng), Say::Text(text))];
        }
        vec![]
    }

    /// A whole check-in in one message, in the patient's language.
    fn report(&self, v: &Vitals, how: Phrasing) -> String {
        match &self.vocabulary {
            None => course::report_text(v, how),
            Some(words) => words.report(
                v,
                match how {
                    Phrasing::Numbers => Layout::Labelled,
                    Phrasing::Typed => Layout::Units,
                    Phrasing::Sentence => Layout::WordsFirst,
                },
            ),
        }
    }
}

/// A provider: their own dice, and when they are free again.
pub struct Provider {
    pub rng: StdRng,
    busy_until: Option<DateTime<Utc>>,
}

impl Provider {
    pub fn new(rng: StdRng) -> Provider {
        Provider { rng, busy_until: None }
    }

    /// What the provider does with what the service sent.
    pub fn answer(&mut self, habits: &Behaviour, messages: &[OutMessage], now: DateTime<Utc>) -> Vec<(i64, Say)> {
        let mut out = Vec::new();
        let choices = data(messages);
        let between = |rng: &mut StdRng, [low, high]: [u32; 2]| i64::from(rng.gen_range(low..=high));
        for offer in choices
            .iter()
            .filter(|d| d.starts_with("offer:") && d.ends_with(":accept"))
        {
            if self.busy_until.is_some_and(|until| until > now) {
                // with a patient: the offer goes unanswered
                continue;
            }
            let roll = self.rng.r#gen::<f64>();
            let after = between(&mut self.rng, habits.answer_minutes);
            if roll < habits.accept {
                out.push((after, Say::Press(offer.to_string())));
                let work = between(&mut self.rng, habits.work_minutes);
                self.busy_until = Some(now + chrono::Duration::minutes(after + work));
            } else if roll < habits.accept + habits.decline {
                out.push((after, Say::Press(offer.replace(":accept", ":decline"))));
            }
        }
        let outcomes: Vec<String> = choices
            .iter()
            .filter(|d| d.starts_with("outcome:") || d.starts_with("delegate:") || d.starts_with("handback:"))
            .map(|d| d.to_string())
            .collect();
        if let Some(request) = outcomes
            .iter()
            .find_map(|d| d.strip_prefix("outcome:")?.split(':').next()?.parse::<i64>().ok())
        {
            let work = self
                .busy_until
                .map_or(between(&mut self.rng, habits.work_minutes), |until| {
                    (until - now).num_minutes().max(1)
                });
            out.push((
                work,
                Say::Outcome {
                    request,
                    choices: outcomes,
                },
            ));
        }
        // a doctor asked to order oxygen orders a concentrator; a coordinator picks a doctor
        for prefix in ["o2:", "nplan:"] {
            let pick = choices
                .iter()
                .find(|d| d.starts_with(prefix) && d.contains("concentrator"))
                .or_else(|| choices.iter().find(|d| d.starts_with(prefix)));
            if let Some(p) = pick {
                out.push((between(&mut self.rng, habits.answer_minutes), Say::Press(p.to_string())));
            }
        }
        if let Some(d) = choices
            .iter()
            .find(|d| d.starts_with("delegate:") && d.matches(':').count() == 2)
        {
            out.push((between(&mut self.rng, habits.answer_minutes), Say::Press(d.to_string())));
        }
        out
    }
}

/// The outcome a provider reports, by how the patient is when they see them.
pub fn pick_outcome(choices: &[String], severity: Severity) -> Option<String> {
    let code = |d: &String| {
        d.strip_prefix("outcome:")
            .and_then(|r| r.split(':').nth(1))
            .map(str::to_string)
    };
    let codes: Vec<String> = choices.iter().filter_map(code).collect();
    let find = |c: &str| choices.iter().find(|d| code(d).as_deref() == Some(c)).cloned();
    if codes.iter().any(|c| c == "consulted") {
        // a doctor's call or visit
        let wanted = match severity {
            Severity::Severe => "admission",
            Severity::Moderate2 => "oxygen",
            Severity::Moderate1 => "prescribed",
            Severity::Mild => "consulted",
        };
        return find(wanted);
    }
    if codes.iter().any(|c| c == "admission_arranged") {
        // the support centre: a hospital bed for who needs one; a visit goes to a doctor; the
        // rest goes back to the health centre
        if severity >= Severity::Moderate2 {
            return find("admission_arranged");
        }
        return choices
            .iter()
            .find(|d| d.starts_with("delegate:"))
            .or_else(|| choices.iter().find(|d| d.starts_with("handback:")))
            .cloned();
    }
    // a job (delivered, collected, arrived, …): the first outcome is the one done
    choices.iter().find(|d| d.starts_with("outcome:")).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offered(data: &[&str]) -> Vec<OutMessage> {
        vec![OutMessage {
            text: String::new(),
            choices: data
                .iter()
                .map(|d| crate::channels::Choice {
                    label: String::new(),
                    data: d.to_string(),
                })
                .collect(),
        }]
    }

    #[test]
    fn a_doctor_reports_what_the_patient_needs() {
        let doctor: Vec<String> = [
            "consulted",
            "visited",
            "prescribed",
            "oxygen",
            "admission",
            "no_contact",
        ]
        .iter()
        .map(|c| format!("outcome:7:{c}"))
        .collect();
        assert_eq!(
            pick_outcome(&doctor, Severity::Moderate2).as_deref(),
            Some("outcome:7:oxygen")
        );
        assert_eq!(
            pick_outcome(&doctor, Severity::Mild).as_deref(),
            Some("outcome:7:consulted")
        );
        let centre = vec!["outcome:9:admission_arranged".to_string(), "handback:9".to_string()];
        assert_eq!(pick_outcome(&centre, Severity::Mild).as_deref(), Some("handback:9"));
        assert_eq!(
            pick_outcome(&centre, Severity::Severe).as_deref(),
            Some("outcome:9:admission_arranged")
        );
    }

    #[test]
    fn a_busy_provider_lets_offers_go_unanswered() {
        use rand::SeedableRng;
        let habits = Behaviour {
            accept: 1.0,
            decline: 0.0,
            answer_minutes: [2, 2],
            work_minutes: [30, 30],
        };
        let mut p = Provider::new(StdRng::seed_from_u64(1));
        let now = chrono::DateTime::<Utc>::UNIX_EPOCH;
        let first = p.answer(&habits, &offered(&["offer:1:accept", "offer:1:decline"]), now);
        assert_eq!(first, vec![(2, Say::Press("offer:1:accept".into()))]);
        let busy = p.answer(
            &habits,
            &offered(&["offer:2:accept"]),
            now + chrono::Duration::minutes(10),
        );
        assert!(busy.is_empty());
        let free = p.answer(
            &habits,
            &offered(&["offer:3:accept"]),
            now + chrono::Duration::minutes(40),
        );
        assert_eq!(free.len(), 1);
    }
}
