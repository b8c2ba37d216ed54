//! The run: the real service — event worker, timers, care workflows, outbox — on a virtual clock,
//! with the synthetic people as its only users. People's messages go in as Telegram updates,
//! stored and processed as a webhook's are; what the outbox holds is read as the platform would
//! deliver it and handed to the person it was for. The clock jumps to the next thing due.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::SeedableRng;
use rand::rngs::StdRng;
use serde_json::json;

use super::course;
use super::people::{self, Say};
use super::scenario::Scenario;
use super::tally::{Gauges, Tally};
use crate::app::App;
use crate::care::context::Ctx;
use crate::channels::{NewEvent, Platform};
use crate::clock::ManualClock;
use crate::config::{Config, Sources};
use crate::domain::station::AdmissionStatus;
use crate::runtime::state::AppState;
use crate::runtime::{timers, worker};
use crate::store::outbox::{self, Body};
use crate::store::{Db, Held, events, station};

/// Chat ids of the synthetic people (Telegram's are numbers).
pub(super) const PATIENT_CHATS: i64 = 1_000_000_000;
pub(super) const PROVIDER_CHATS: i64 = 2_000_000_000;
/// Outbox rows read per claim.
const OUTBOX_CLAIM: i64 = 256;

/// Who a chat belongs to.
#[derive(Clone, Copy)]
pub(super) enum Who {
    Patient(usize),
    Provider(usize),
}

/// Something due at a time.
pub(super) enum Act {
    /// A patient is registered by the health centre (their index).
    Register(usize),
    /// A person sends something.
    Say(i64, Say),
    /// The station's hotline decides on requested admissions, and patients go home.
    StationRound,
}

/// What a run reports besides its tally: where its time went.
pub struct Progress<'a> {
    pub on_hour: &'a (dyn Fn(u64) + Sync),
}

pub(super) struct World {
    pub(super) state: AppState,
    pub(super) clock: ManualClock,
    pub(super) scenario: Scenario,
    pub(super) tz: chrono_tz::Tz,
    pub(super) agenda: BTreeMap<(DateTime<Utc>, u64), Act>,
    pub(super) seq: u64,
    pub(super) update: i64,
    pub(super) patients: Vec<people::Patient>,
    pub(super) patient_ids: Vec<Option<i64>>,
    pub(super) providers: Vec<people::Provider>,
    pub(super) chats: HashMap<String, Who>,
    pub(super) requests: HashMap<i64, usize>,
    pub messages_in: u64,
    pub messages_out: u64,
    /// Events were stored since the worker last took every one (its wake, as a webhook's).
    pub(super) events_waiting: bool,
    /// The earliest pending timer as the last claim read it (`None`: none pending). Only what
    /// a step does adds or moves timers, and every step that does anything ends with a claim
    /// that fired none.
    pub(super) next_timer_at: Option<DateTime<Utc>>,
    /// The one connection (see `Db::connect_single`), kept from step to step as each of the
    /// service's loops keeps its own: a connection taken from the pool and given back costs
    /// more hand-overs to SQLite's thread than most statements do.
    pub(super) held: Held,
}

/// The service's settings for a run: the scenario's, over what a simulation needs.
pub fn config(scenario: &Scenario, database: &str, dir: &std::path::Path) -> anyhow::Result<Config> {
    let mut vars = vec![
        ("MIMAMORI_DATABASE_URL".to_string(), database.to_string()),
        // the simulator is the only sender: nothing to pace
        ("MIMAMORI_TELEGRAM_CHAT_GAP_MS".to_string(), "0".to_string()),
    ];
    for (key, value) in &scenario.service {
        let path = dir.join(value);
        let value = if matches!(key.as_str(), "rules" | "coverage" | "lexicon_dir") && path.exists() {
            path.to_string_lossy().into_owned()
        } else {
            value.clone()
        };
        vars.push((format!("MIMAMORI_{}", key.to_ascii_uppercase()), value));
    }
    Ok(Config::load(&Sources::from_vars(vars)?)?)
}

/// Runs a scenario on `config`'s database (an empty one) and tallies what happened.
pub async fn run(scenario: &Scenario, config: Config, progress: Progress<'_>) -> anyhow::Result<Tally> {
    crate::store::timers::watching_scheduled(run_watched(scenario, config, progress)).await
}

async fn run_watched(scenario: &Scenario, config: Config, progress: Progress<'_>) -> anyhow::Result<Tally> {
    let tz = config.timezone;
    let start = midnight(tz, scenario.start)?;
    let clock = ManualClock::new(start);
    // one connection for everything (see `Db::connect_single`): what the service keeps a
    // connection for between rounds (`Held`) takes it for one call here
    let db = Db::connect_single(&config.database_url).await?;
    let app = App::build_on(db, config, Arc::new(clock.clone())).await?;
    let mut world = World {
        state: app.state,
        clock,
        scenario: scenario.clone(),
        tz,
        agenda: BTreeMap::new(),
        seq: 0,
        update: 0,
        patients: Vec::new(),
        patient_ids: Vec::new(),
        providers: Vec::new(),
        chats: HashMap::new(),
        requests: HashMap::new(),
        messages_in: 0,
        messages_out: 0,
        events_waiting: false,
        next_timer_at: Some(start),
        held: Held::default(),
    };
    world.set_up().await?;
    let end = midnight(tz, scenario.start + Days::new(u64::from(scenario.days)))?;
    let mut gauges = Vec::new();
    let mut next_hour = start;
    let mut hours = 0;
    loop {
        let now = world.clock.now_utc();
        // the event worker's poll, hourly here (the service's is `poll_interval`): an event put
        // back for later is taken then
        world.events_waiting |= now >= next_hour;
        world.act_due(now).await?;
        world.settle(now).await?;
        if now >= next_hour && next_hour < end {
            gauges.push(world.gauges(next_hour).await?);
            next_hour += chrono::Duration::hours(1);
            hours += 1;
            (progress.on_hour)(hours);
        }
        if now >= end {
            break;
        }
        let mut next = next_hour.min(end);
        if let Some(((at, _), _)) = world.agenda.first_key_value() {
            next = next.min(*at);
        }
        if let Some(at) = world.next_timer_at {
            next = next.min(at);
        }
        world.clock.set(next.max(now + chrono::Duration::seconds(1)));
    }
    world.held.let_go();
    Tally::read(
        &world.state,
        &world.scenario,
        start,
        end,
        gauges,
        world.messages_in,
        world.messages_out,
    )
    .await
}

pub(super) fn midnight(tz: chrono_tz::Tz, day: NaiveDate) -> anyhow::Result<DateTime<Utc>> {
    crate::domain::episode::start_of_day(day, tz).ok_or_else(|| anyhow::anyhow!("no midnight on {day}"))
}

trait Now {
    fn now_utc(&self) -> DateTime<Utc>;
}

impl Now for ManualClock {
    fn now_utc(&self) -> DateTime<Utc> {
        crate::clock::Clock::now(self)
    }
}

impl World {
    pub(super) fn ctx(&self) -> Ctx<'_> {
        self.state.ctx()
    }

    pub(super) fn at(&mut self, at: DateTime<Utc>, act: Act) {
        self.seq += 1;
        self.agenda.insert((at, self.seq), act);
    }

    pub(super) fn rng(&self, stream: u64, index: usize) -> StdRng {
        StdRng::seed_from_u64(self.scenario.seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index as u64)
    }

    /// Everything due now: registrations, what people send (as webhook events), station rounds.
    async fn act_due(&mut self, now: DateTime<Utc>) -> anyhow::Result<()> {
        let mut events = Vec::new();
        while let Some(entry) = self.agenda.first_entry() {
            if entry.key().0 > now {
                break;
            }
            match entry.remove() {
                Act::Register(index) => self.register(index, now).await?,
                Act::Say(chat, say) => {
                    if let Some(payload) = self.update_for(chat, say, now).await? {
                        self.update += 1;
                        events.push((
                            NewEvent {
                                platform: Platform::Telegram,
                                key: self.update.to_string(),
                                chat_key: Some(format!("telegram:{chat}")),
                                payload,
                            },
                            now,
                        ));
                    }
                }
                Act::StationRound => self.station_round(now).await?,
            }
        }
        self.messages_in += events.len() as u64;
        self.events_waiting |= !events.is_empty();
        for chunk in events.chunks(256) {
            events::store(&self.state.db, &mut self.held, chunk).await?;
        }
        Ok(())
    }

    /// A Telegram update for what a person sends.
    async fn update_for(&mut self, chat: i64, say: Say, now: DateTime<Utc>) -> anyhow::Result<Option<String>> {
        let language = match self.chats.get(&chat.to_string()) {
            Some(Who::Patient(index)) => self.patients[*index].person.language.code(),
            _ => "ja",
        };
        let from = json!({"id": chat, "is_bot": false, "first_name": "sim", "language_code": language});
        let message = |text: &str| {
            json!({"update_id": self.update + 1, "message": {
                "message_id": self.update + 1, "date": now.timestamp(),
                "chat": {"id": chat, "type": "private", "first_name": "sim"},
                "from": from, "text": text}})
        };
        let press = |data: &str| {
            json!({"update_id": self.update + 1, "callback_query": {
                "id": format!("cq{}", self.update + 1), "chat_instance": "sim", "data": data, "from": from}})
        };
        let update = match say {
            Say::Start(code) => message(&format!("/start {code}")),
            Say::Text(text) => message(&text),
            Say::Press(data) => press(&data),
            Say::Outcome { request, choices } => {
                let severity = match self.requests.get(&request) {
                    Some(&index) => self.patients[index].person.severity_on(self.local_day(now)),
                    None => course::Severity::Mild,
                };
                match people::pick_outcome(&choices, severity) {
                    Some(data) => press(&data),
                    None => return Ok(None),
                }
            }
        };
        Ok(Some(update.to_string()))
    }

    fn local_day(&self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.tz).date_naive()
    }

    /// Runs the service until nothing more is due now: events, timers, the outbox, again.
    /// Timers are claimed only when one is due: the last claim said when the next was, and
    /// what was scheduled since is watched (`timers::watching_scheduled`). Most steps of the
    /// clock have an event or a timer due, not both; a claim finding nothing is a transaction
    /// like one finding something.
    async fn settle(&mut self, now: DateTime<Utc>) -> anyhow::Result<()> {
        loop {
            let mut busy = false;
            if std::mem::take(&mut self.events_waiting) {
                while worker::process_events_once(&self.state, false, &mut self.held).await? {}
            }
            self.note_scheduled();
            if self.timer_due(now) {
                loop {
                    let round = timers::fire_timers_once(&self.state, &mut self.held).await?;
                    // the claim said when the next timer left was due; those the fired ones
                    // scheduled are noted after it
                    self.next_timer_at = round.next_at;
                    self.note_scheduled();
                    // (a claim that came back short took every timer due)
                    if round.fired < timers::TIMER_CLAIM {
                        break;
                    }
                }
                busy |= self.timer_due(now);
            }
            busy |= self.deliver().await?;
            if !busy {
                return Ok(());
            }
        }
    }

    /// Folds the timers scheduled since the last look into when the next is due.
    fn note_scheduled(&mut self) {
        if let Some(at) = crate::store::timers::take_scheduled() {
            self.next_timer_at = Some(self.next_timer_at.map_or(at, |next| next.min(at)));
        }
    }

    fn timer_due(&self, now: DateTime<Utc>) -> bool {
        self.next_timer_at.is_some_and(|at| at <= now)
    }

    /// Delivers what the outbox holds to the people it is for; returns whether there was any.
    async fn deliver(&mut self) -> anyhow::Result<bool> {
        // the service wakes its dispatcher whenever it queued a message: no wake, nothing queued
        if futures_util::FutureExt::now_or_never(self.state.wake_outbox.notified()).is_none() {
            return Ok(false);
        }
        let mut any = false;
        loop {
            let now = self.clock.now_utc();
            let db = self.state.db.clone();
            // (delivered as taken: a synthetic person cannot fail to receive)
            let rows = outbox::claim_sent(&db, &mut self.held, &self.state.instance, now, OUTBOX_CLAIM).await?;
            if rows.is_empty() {
                return Ok(any);
            }
            any = true;
            // as the dispatcher does: a claim that came back short, with no chat's next message
            // waiting behind what it took, took every message due
            let last = (rows.len() as i64) < OUTBOX_CLAIM && !rows.iter().any(|r| r.queued_behind);
            for row in rows {
                let Ok(Body::Messages { messages }) = serde_json::from_str::<Body>(&row.body) else {
                    continue;
                };
                self.messages_out += 1;
                let Some(who) = self.chats.get(&row.external_id).copied() else {
                    continue;
                };
                let chat: i64 = row.external_id.parse().unwrap_or_default();
                let answers = match who {
                    Who::Patient(index) => {
                        let today = self.local_day(now);
                        self.patients[index].answer(&self.scenario.answers, &messages, now, today)
                    }
                    Who::Provider(index) => {
                        let answers = self.providers[index].answer(&self.scenario.providers, &messages, now);
                        for (_, say) in &answers {
                            if let Say::Outcome { request, .. } = say {
                                self.remember_request(*request).await?;
                            }
                        }
                        answers
                    }
                };
                for (minutes, say) in answers {
                    self.at(now + chrono::Duration::minutes(minutes.max(0)), Act::Say(chat, say));
                }
            }
            if last {
                return Ok(true);
            }
        }
    }

    /// Which synthetic patient a care request is for (the outcome depends on how they are).
    async fn remember_request(&mut self, request: i64) -> anyhow::Result<()> {
        if self.requests.contains_key(&request) {
            return Ok(());
        }
        let patient: Option<i64> = sqlx::query_scalar("SELECT patient_id FROM care_requests WHERE id = $1")
            .bind(request)
            .fetch_optional(self.held.get(&self.state.db.relaxed).await?)
            .await?;
        if let Some(index) = patient.and_then(|p| self.patient_ids.iter().position(|id| *id == Some(p))) {
            self.requests.insert(request, index);
        }
        Ok(())
    }

    /// The hotline accepts what it can, patients arrive, and go home after their stay.
    async fn station_round(&mut self, now: DateTime<Utc>) -> anyhow::Result<()> {
        let s = &self.scenario.station;
        let accept_after = chrono::Duration::minutes(i64::from(s.accept_minutes));
        let stay = chrono::Duration::days(i64::from(s.stay_days));
        let mut tx = self.state.db.begin_worker_on(&mut self.held).await?;
        let open = station::admissions(&mut tx, true).await?;
        let ctx = self.state.ctx();
        for a in open {
            let waited = now - a.updated_at;
            let to = match a.status {
                AdmissionStatus::Requested if waited >= accept_after => AdmissionStatus::Accepted,
                AdmissionStatus::Accepted if waited >= chrono::Duration::hours(2) => AdmissionStatus::Admitted,
                AdmissionStatus::Admitted if waited >= stay => AdmissionStatus::Discharged,
                _ => continue,
            };
            if let Ok(moved) = station::move_admission(&mut tx, a.id, to, Some("simulation"), now).await {
                crate::care::oxygen::admission::admission_moved(&mut tx, &ctx, &moved, to).await?;
            }
        }
        self.state.commit(tx).await?;
        Ok(())
    }

    /// What is in use at `at`: patients at home, oxygen, beds.
    async fn gauges(&mut self, at: DateTime<Utc>) -> anyhow::Result<Gauges> {
        Gauges::read(self.held.get(&self.state.db.relaxed).await?, at).await
    }
}
