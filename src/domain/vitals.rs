//! The values a patient measures, validated at the edge (docs/TRIAGE.md "Implausible values"):
//! SpO2, temperature, pulse and breathing rate; a value that cannot be real is refused and named
//! so the patient can be asked again.

use serde::{Deserialize, Serialize};

/// Oxygen saturation in percent, as shown by a pulse oximeter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Spo2(u8);

/// Body temperature in tenths of a degree Celsius (37.8 °C = 378).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Temperature(u16);

/// Pulse in beats per minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pulse(u16);

/// Below this an SpO2 may still be real in a dying patient: accepted, treated as an emergency
/// and the patient is asked to confirm it (docs/TRIAGE.md).
pub const SPO2_CRITICAL_BELOW: u8 = 70;

impl Spo2 {
    /// Anything from 0 to 100 is accepted; above 100 is impossible and refused.
    pub fn new(percent: f64) -> Result<Spo2, Invalid> {
        if !(0.0..=100.0).contains(&percent) {
            return Err(Invalid::Spo2);
        }
        // an oximeter shows whole numbers; if a decimal was typed, the lower value is the safer one
        Ok(Spo2(percent.floor() as u8))
    }
    pub fn percent(self) -> u8 {
        self.0
    }
    /// Below 70: possibly a typo, possibly a dying patient.
    pub fn is_critical(self) -> bool {
        self.0 < SPO2_CRITICAL_BELOW
    }
}

impl Temperature {
    pub const MIN_TENTHS: u16 = 340;
    pub const MAX_TENTHS: u16 = 430;

    pub fn new(celsius: f64) -> Result<Temperature, Invalid> {
        let tenths = (celsius * 10.0).round();
        if !(f64::from(Self::MIN_TENTHS)..=f64::from(Self::MAX_TENTHS)).contains(&tenths) {
            return Err(Invalid::Temperature);
        }
        Ok(Temperature(tenths as u16))
    }
    pub fn from_tenths(tenths: i64) -> Option<Temperature> {
        Temperature::new(tenths as f64 / 10.0).ok()
    }
    pub fn tenths(self) -> u16 {
        self.0
    }
    pub fn celsius(self) -> f64 {
        f64::from(self.0) / 10.0
    }
    /// "37.8": always one decimal, as thermometers show it.
    pub fn display(self) -> String {
        format!("{}.{}", self.0 / 10, self.0 % 10)
    }
}

impl Pulse {
    pub fn new(bpm: f64) -> Result<Pulse, Invalid> {
        if !(30.0..=250.0).contains(&bpm) {
            return Err(Invalid::Pulse);
        }
        Ok(Pulse(bpm.round() as u16))
    }
    pub fn bpm(self) -> u16 {
        self.0
    }
}

/// Breaths per minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RespiratoryRate(u16);

impl RespiratoryRate {
    pub fn new(per_minute: f64) -> Result<RespiratoryRate, Invalid> {
        if !(4.0..=80.0).contains(&per_minute) {
            return Err(Invalid::RespiratoryRate);
        }
        Ok(RespiratoryRate(per_minute.round() as u16))
    }
    pub fn per_minute(self) -> u16 {
        self.0
    }
}

/// A value that was read but is not plausible: the patient is asked to enter it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Invalid {
    Spo2,
    Temperature,
    Pulse,
    RespiratoryRate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_edges_follow_triage_md() {
        assert!(Temperature::new(34.0).is_ok());
        assert!(Temperature::new(43.0).is_ok());
        assert!(Temperature::new(33.9).is_err());
        assert!(Temperature::new(43.1).is_err());
        assert!(Spo2::new(100.0).is_ok());
        assert!(Spo2::new(100.5).is_err());
        assert!(Pulse::new(30.0).is_ok());
        assert!(Pulse::new(250.0).is_ok());
    }
}
