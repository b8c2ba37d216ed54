//! The run: the real service — event worker, timers, care workflows, outbox — on a virtual clock,
//! with the synthetic people as its only users. People's messages go in as Telegram updates,
//! stored and processed as a webhook's are; what the outbox holds is read as the platform would
//! deliver it and handed to the person it was for. The clock jumps to the next thing due.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
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
use crate::domain::equipment::UnitKind;
use crate::domain::station::{AdmissionStatus, BedKind};
use crate::runtime::state::AppState;
use crate::runtime::{timers, worker};
use crate::store::outbox::{self, Body};
use crate::store::patients::NewPatient;
use crate::store::providers::NewProvider;
use crate::store::{Db, Held, equipment, events, rosters, station};

/// Chat ids of the synthetic people (Telegram's are numbers).
const PATIENT_CHATS: i64 = 1_000_000_000;
const PROVIDER_CHATS: i64 = 2_000_000_000;
/// How long a claimed outbox row is the simulator's.
const LEASE: chrono::Duration = chrono::Duration::minutes(5);
/// Outbox rows read per claim.
const OUTBOX_CLAIM: i64 = 256;

/// Who a chat belongs to.
#[derive(Clone, Copy)]
enum Who {
    Patient(usize),
    Provider(usize),
}

/// Something due at a time.
enum Act {
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

struct World {
    state: AppState,
    clock: ManualClock,
    scenario: Scenario,
    tz: chrono_tz::Tz,
    agenda: BTreeMap<(DateTime<Utc>, u64), Act>,
    seq: u64,
    update: i64,
    patients: Vec<people::Patient>,
    patient_ids: Vec<Option<i64>>,
    providers: Vec<people::Provider>,
    chats: HashMap<String, Who>,
    requests: HashMap<i64, usize>,
    pub messages_in: u64,
    pub messages_out: u64,
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
    };
    world.set_up().await?;
    let end = midnight(tz, scenario.start + Days::new(u64::from(scenario.days)))?;
    let mut gauges = Vec::new();
    let mut next_hour = start;
    let mut hours = 0;
    loop {
        let now = world.clock.now_utc();
        world.act_due(now).await?;
        world.settle().await?;
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
        if let Some(at) = world.next_timer().await? {
            next = next.min(at);
        }
        world.clock.set(next.max(now + chrono::Duration::seconds(1)));
    }
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

fn midnight(tz: chrono_tz::Tz, day: NaiveDate) -> anyhow::Result<DateTime<Utc>> {
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
    fn ctx(&self) -> Ctx<'_> {
        self.state.ctx()
    }

    fn at(&mut self, at: DateTime<Utc>, act: Act) {
        self.seq += 1;
        self.agenda.insert((at, self.seq), act);
    }

    fn rng(&self, stream: u64, index: usize) -> StdRng {
        StdRng::seed_from_u64(self.scenario.seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index as u64)
    }

    /// Providers, rosters, stock, beds, and the arrivals of the whole run.
    async fn set_up(&mut self) -> anyhow::Result<()> {
        let now = self.clock.now_utc();
        let s = self.scenario.clone();
        let mut tx = self.state.db.begin().await?;
        let mut entries = Vec::new();
        let roles: [(&str, u32, &[&str]); 7] = [
            ("doctor", s.roster.doctors, &["day", "holiday"]),
            ("doctor", s.roster.night_doctors, &["night"]),
            ("nurse", s.roster.nurses, &["day", "holiday"]),
            ("pharmacist", s.roster.pharmacists, &["day", "holiday"]),
            ("contractor", s.roster.contractors, &[]),
            ("support_centre", s.roster.support_centre, &[]),
            ("doctor", s.roster.area_directors, &["area_director"]),
        ];
        for area in &s.areas {
            for (role, n, shifts) in roles {
                for i in 0..n {
                    let index = self.providers.len();
                    let name = format!("{role} {area} {}", i + 1);
                    let phone = format!("03-0000-{index:04}");
                    let areas = [area.clone()];
                    let provider = NewProvider {
                        name: &name,
                        role,
                        phone: &phone,
                        organisation: None,
                        language: Some("ja"),
                        areas: &areas,
                    };
                    let ctx = self.ctx();
                    let registered =
                        crate::conversation::enrolment::register_provider(&mut tx, &ctx, &provider).await?;
                    for shift in shifts {
                        entries.push(rosters::Entry {
                            provider_id: registered.provider_id,
                            area: area.clone(),
                            shift: shift.to_string(),
                            weekdays: String::new(),
                        });
                    }
                    let chat = PROVIDER_CHATS + index as i64;
                    self.chats.insert(chat.to_string(), Who::Provider(index));
                    self.providers.push(people::Provider::new(self.rng(2, index)));
                    let code = registered.code.as_payload().to_string();
                    self.at(now, Act::Say(chat, Say::Start(code)));
                }
            }
        }
        rosters::replace(&mut tx, &entries).await?;
        let units = [
            (UnitKind::Concentrator, s.stock.concentrators, "C"),
            (UnitKind::Cylinder, s.stock.cylinders, "Y"),
            (UnitKind::Regulator, s.stock.regulators, "R"),
        ];
        for (kind, n, prefix) in units {
            for i in 0..n {
                equipment::add(&mut tx, kind, &format!("SIM-{prefix}-{i:04}"), "simulation", now).await?;
            }
        }
        if s.station.oxygen_beds > 0 {
            station::add(&mut tx, "simulation", &[(BedKind::Oxygen, s.station.oxygen_beds)], now).await?;
            let mut round = now;
            let end = now + chrono::Duration::days(i64::from(s.days));
            while round < end {
                round += chrono::Duration::minutes(15);
                self.at(round, Act::StationRound);
            }
        }
        tx.commit().await?;
        // the health centre registers the day's new patients between 9:00 and 18:00; those at
        // home already are registered as the run starts
        for day in 0..s.days {
            let date = s.start + Days::new(u64::from(day));
            let n = s.arrivals.on_day(day) + if day == 0 { s.arrivals.initial } else { 0 };
            let initial = if day == 0 { s.arrivals.initial } else { 0 };
            let opening = midnight(self.tz, date)? + chrono::Duration::hours(9);
            for i in 0..n {
                let index = self.patients.len();
                let mut rng = self.rng(1, index);
                let (first_day, at) = if i < initial {
                    // at home for some days already
                    (
                        date - Days::new(rng.gen_range(0..=5)),
                        now + chrono::Duration::seconds(i64::from(i)),
                    )
                } else {
                    let k = i64::from(i - initial);
                    let spread = 9 * 3600 * k / i64::from((n - initial).max(1));
                    (date, opening + chrono::Duration::seconds(spread))
                };
                let person = course::draw(&mut rng, &s.population, &s.course, first_day);
                self.patients.push(people::Patient::new(person, rng));
                self.patient_ids.push(None);
                self.at(at, Act::Register(index));
            }
        }
        Ok(())
    }

    async fn register(&mut self, index: usize, now: DateTime<Utc>) -> anyhow::Result<()> {
        let s = &self.scenario;
        let p = &self.patients[index].person;
        let area = s.areas[index % s.areas.len()].clone();
        let name = format!("模擬 {index:05}");
        let phone = format!("090-0000-{index:05}");
        let born = s.start.with_year_minus(p.age);
        let risk = if p.risk_factor { "diabetes" } else { "" };
        // the family doctor: one of the area's day doctors, in turn
        let family_doctor = if p.family_doctor && s.roster.doctors > 0 {
            let mut conn = self.state.db.pool.acquire().await?;
            let doctors = rosters::area(&mut conn, &area, "mon")
                .await?
                .covering("day", Some("doctor"));
            doctors.get(index % doctors.len().max(1)).map(|d| d.id)
        } else {
            None
        };
        let new = NewPatient {
            name: &name,
            phone: &phone,
            birth_date: born,
            onset_date: p.onset,
            test_date: Some(p.onset),
            language: Some("ja"),
            risk_factors: risk.to_string(),
            area: Some(&area),
            asymptomatic: p.asymptomatic,
            family_doctor_id: family_doctor,
            pharmacy_id: None,
            independent: Some(p.independent),
            address: None,
        };
        let mut tx = self.state.db.begin().await?;
        let ctx = self.ctx();
        let registered = crate::conversation::enrolment::register(&mut tx, &ctx, &new).await?;
        tx.commit().await?;
        self.patient_ids[index] = Some(registered.patient_id);
        let chat = PATIENT_CHATS + index as i64;
        self.chats.insert(chat.to_string(), Who::Patient(index));
        let minutes = self.patients[index].rng.gen_range(1..=30);
        let code = registered.code.as_payload().to_string();
        self.at(
            now + chrono::Duration::minutes(minutes),
            Act::Say(chat, Say::Start(code)),
        );
        Ok(())
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
        for chunk in events.chunks(256) {
            events::store(&self.state.db, &mut Held::default(), chunk).await?;
        }
        Ok(())
    }

    /// A Telegram update for what a person sends.
    async fn update_for(&mut self, chat: i64, say: Say, now: DateTime<Utc>) -> anyhow::Result<Option<String>> {
        let from = json!({"id": chat, "is_bot": false, "first_name": "sim", "language_code": "ja"});
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
    async fn settle(&mut self) -> anyhow::Result<()> {
        loop {
            let mut busy = false;
            while worker::process_events_once(&self.state, false, &mut Held::default()).await? {
                busy = true;
            }
            // (a claim that came back short took every timer due)
            loop {
                let fired = timers::fire_timers_once(&self.state).await?;
                busy |= fired > 0;
                if fired < timers::TIMER_CLAIM {
                    break;
                }
            }
            busy |= self.deliver().await?;
            if !busy {
                return Ok(());
            }
        }
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
            let rows = outbox::claim(
                &db,
                &mut Held::default(),
                &self.state.instance,
                now,
                LEASE,
                OUTBOX_CLAIM,
            )
            .await?;
            if rows.is_empty() {
                return Ok(any);
            }
            any = true;
            // as the dispatcher does: a claim that came back short, with no chat's next message
            // waiting behind what it took, took every message due
            let last = (rows.len() as i64) < OUTBOX_CLAIM && !rows.iter().any(|r| r.queued_behind);
            let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
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
            outbox::mark_sent_alone(&db, &mut Held::default(), &ids, now).await?;
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
            .fetch_optional(&self.state.db.pool)
            .await?;
        if let Some(index) = patient.and_then(|p| self.patient_ids.iter().position(|id| *id == Some(p))) {
            self.requests.insert(request, index);
        }
        Ok(())
    }

    async fn next_timer(&mut self) -> anyhow::Result<Option<DateTime<Utc>>> {
        let mut conn = self.state.db.pool.acquire().await?;
        Ok(crate::store::timers::next_due(&mut conn).await?)
    }

    /// The hotline accepts what it can, patients arrive, and go home after their stay.
    async fn station_round(&mut self, now: DateTime<Utc>) -> anyhow::Result<()> {
        let s = &self.scenario.station;
        let accept_after = chrono::Duration::minutes(i64::from(s.accept_minutes));
        let stay = chrono::Duration::days(i64::from(s.stay_days));
        let mut tx = self.state.db.begin().await?;
        let open = station::admissions(&mut tx, true).await?;
        let ctx = self.ctx();
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
        let mut conn = self.state.db.pool.acquire().await?;
        Gauges::read(&mut conn, at).await
    }
}

/// A birth date `years` before a day.
trait YearsBefore {
    fn with_year_minus(self, years: u32) -> NaiveDate;
}

impl YearsBefore for NaiveDate {
    fn with_year_minus(self, years: u32) -> NaiveDate {
        let year = chrono::Datelike::year(&self) - i32::try_from(years).unwrap_or(0);
        NaiveDate::from_ymd_opt(year, 6, 15).unwrap_or(self)
    }
}
