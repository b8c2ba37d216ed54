//! The things a patient can say that the service acts on.

use crate::domain::symptom::Symptom;

/// Something a patient can say that the service acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Concept {
    Symptom(Symptom),
    /// Feels worse than at the last check.
    Worse,
    Better,
    Same,
    /// "苦しい", "struggling": breathing or being is harder, without a named symptom.
    HarderToBreathe,
    /// Wants a person to call.
    AsksToTalk,
    CannotEatOrDrink,
    /// "症状なし", "no symptoms".
    NoSymptoms,
    /// "助けて", "help me": distress that needs a question if no reading says how bad.
    Distress,
    /// "違う", "that's wrong": the last report was misread.
    Correction,
}

impl Concept {
    /// Every concept, in the order the scorecard lists them.
    pub fn all() -> Vec<Concept> {
        let mut all: Vec<Concept> = Symptom::ALL.into_iter().map(Concept::Symptom).collect();
        all.extend([
            Concept::Worse,
            Concept::Better,
            Concept::Same,
            Concept::HarderToBreathe,
            Concept::AsksToTalk,
            Concept::CannotEatOrDrink,
            Concept::NoSymptoms,
            Concept::Distress,
            Concept::Correction,
        ]);
        all
    }

    pub fn code(self) -> &'static str {
        match self {
            Concept::Symptom(s) => s.code(),
            Concept::Worse => "worse",
            Concept::Better => "better",
            Concept::Same => "same",
            Concept::HarderToBreathe => "harder_to_breathe",
            Concept::AsksToTalk => "asks_to_talk",
            Concept::CannotEatOrDrink => "cannot_eat_or_drink",
            Concept::NoSymptoms => "no_symptoms",
            Concept::Distress => "distress",
            Concept::Correction => "correction",
        }
    }

    pub fn from_code(code: &str) -> Option<Concept> {
        Concept::all().into_iter().find(|c| c.code() == code)
    }

    /// Something the patient does rather than has: never negated ("違います、胸は痛くない" is
    /// still a correction).
    pub fn is_act(self) -> bool {
        matches!(self, Concept::Correction | Concept::Distress)
    }

    /// A sign that must never be missed: asked back when unsure, never silently dropped.
    pub fn is_danger(self) -> bool {
        matches!(self, Concept::Symptom(s) if s.is_urgent())
    }
}

/// Whole-message answers (the message says only this).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    /// "なし", "none": nothing to report (the symptom question).
    None,
}
