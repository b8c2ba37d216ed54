//! Who takes part in a run: the providers on the rosters, the stock and the beds, and the
//! patients, drawn for the whole run and registered by the health centre as they arrive.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rand::Rng;

use super::course;
use super::people::{self, Say};
use super::run::{Act, PATIENT_CHATS, PROVIDER_CHATS, Who, World, midnight};
use super::vocabulary::Vocabulary;
use crate::domain::equipment::UnitKind;
use crate::domain::station::BedKind;
use crate::store::patients::NewPatient;
use crate::store::providers::NewProvider;
use crate::store::{equipment, rosters, station};

impl World {
    /// Providers, rosters, stock, beds, and the arrivals of the whole run.
    pub(super) async fn set_up(&mut self) -> anyhow::Result<()> {
        let now = crate::clock::Clock::now(&self.clock);
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
        // the patients who write in another language than Japanese write as its lexicon says
        let vocabularies: std::collections::BTreeMap<String, std::sync::Arc<Vocabulary>> =
            if s.population.languages.is_empty() {
                Default::default()
            } else {
                Vocabulary::shipped()
                    .into_iter()
                    .map(|(l, v)| (l, std::sync::Arc::new(v)))
                    .collect()
            };
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
                let words = vocabularies.get(person.language.code()).cloned();
                self.patients.push(people::Patient::new(person, rng, words));
                self.patient_ids.push(None);
                self.at(at, Act::Register(index));
            }
        }
        Ok(())
    }

    pub(super) async fn register(&mut self, index: usize, now: DateTime<Utc>) -> anyhow::Result<()> {
        let s = &self.scenario;
        let p = &self.patients[index].person;
        let area = s.areas[index % s.areas.len()].clone();
        let name = format!("模擬 {index:05}");
        let phone = format!("090-0000-{index:05}");
        let born = s.start.with_year_minus(p.age);
        let risk = if p.risk_factor { "diabetes" } else { "" };
        // the family doctor: one of the area's day doctors, in turn
        let family_doctor = if p.family_doctor && s.roster.doctors > 0 {
            let conn = self.held.get(&self.state.db.relaxed).await?;
            let doctors = rosters::area(conn, &area, "mon").await?.covering("day", Some("doctor"));
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
            language: Some(p.language.code()),
            risk_factors: risk.to_string(),
            area: Some(&area),
            asymptomatic: p.asymptomatic,
            family_doctor_id: family_doctor,
            pharmacy_id: None,
            independent: Some(p.independent),
            address: None,
        };
        let mut tx = self.state.db.begin_worker_on(&mut self.held).await?;
        let ctx = self.state.ctx();
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
