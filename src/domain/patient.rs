//! Facts about a patient that the rules depend on.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// Whether a patient is under observation.
    pub enum PatientStatus {
        Active = "active",
        /// The episode ended: no more check-ins.
        Released = "released",
    }
}

/// Risk factors for severe disease (手引き, 2021 edition); age ≥ 65 is derived from the birth date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
#[value(rename_all = "snake_case")]
pub enum RiskFactor {
    Malignancy,
    Copd,
    ChronicKidneyDisease,
    Diabetes,
    Hypertension,
    Dyslipidaemia,
    Obesity,
    Smoking,
    Immunosuppression,
    Pregnancy,
}

impl RiskFactor {
    pub const ALL: [RiskFactor; 10] = [
        RiskFactor::Malignancy,
        RiskFactor::Copd,
        RiskFactor::ChronicKidneyDisease,
        RiskFactor::Diabetes,
        RiskFactor::Hypertension,
        RiskFactor::Dyslipidaemia,
        RiskFactor::Obesity,
        RiskFactor::Smoking,
        RiskFactor::Immunosuppression,
        RiskFactor::Pregnancy,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RiskFactor::Malignancy => "malignancy",
            RiskFactor::Copd => "copd",
            RiskFactor::ChronicKidneyDisease => "chronic_kidney_disease",
            RiskFactor::Diabetes => "diabetes",
            RiskFactor::Hypertension => "hypertension",
            RiskFactor::Dyslipidaemia => "dyslipidaemia",
            RiskFactor::Obesity => "obesity",
            RiskFactor::Smoking => "smoking",
            RiskFactor::Immunosuppression => "immunosuppression",
            RiskFactor::Pregnancy => "pregnancy",
        }
    }
}

/// Age in whole years on `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    let mut age = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

/// High risk: any risk factor, or 65 or older (docs/TRIAGE.md "Cadence").
pub fn is_high_risk(birth: NaiveDate, has_risk_factor: bool, today: NaiveDate) -> bool {
    has_risk_factor || age_on(birth, today) >= 65
}

/// Why a registration was refused (the CLI and the console say it in their own words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationProblem {
    NoName,
    BadPhone,
    BirthInFuture,
    OnsetInFuture,
    OnsetBeforeBirth,
    TestInFuture,
}

impl RegistrationProblem {
    /// The problem named by the field at fault, for the API and the command line (the console
    /// says it in the reader's language).
    pub fn field_message(self) -> &'static str {
        use RegistrationProblem::*;
        match self {
            NoName => "name is empty",
            BadPhone => "phone is not a telephone number",
            BirthInFuture => "birth_date is in the future",
            OnsetInFuture => "onset_date is in the future",
            OnsetBeforeBirth => "onset_date is before birth_date",
            TestInFuture => "test_date is in the future",
        }
    }
}

/// A telephone number as people write them: digits with `+ - ( )` and spaces, six digits at least.
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    digits >= 6 && phone.chars().all(|c| c.is_ascii_digit() || "+-() ".contains(c))
}

/// The checks every registration passes, whichever interface it comes from.
pub fn check_registration(
    name: &str,
    phone: &str,
    birth: NaiveDate,
    onset: NaiveDate,
    test: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), RegistrationProblem> {
    use RegistrationProblem::*;
    if name.trim().is_empty() {
        return Err(NoName);
    }
    if !is_phone(phone) {
        return Err(BadPhone);
    }
    if birth > today {
        return Err(BirthInFuture);
    }
    if onset > today {
        return Err(OnsetInFuture);
    }
    if onset < birth {
        return Err(OnsetBeforeBirth);
    }
    if test.is_some_and(|t| t > today) {
        return Err(TestInFuture);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn age_turns_on_the_birthday() {
        assert_eq!(age_on(d("1961-11-22"), d("2026-11-21")), 64);
        assert_eq!(age_on(d("1961-11-22"), d("2026-11-22")), 65);
        assert!(!is_high_risk(d("1961-11-22"), false, d("2026-11-21")));
        assert!(is_high_risk(d("1961-11-22"), false, d("2026-11-22")));
        assert!(is_high_risk(d("1990-01-01"), true, d("2026-11-22")));
    }
}
