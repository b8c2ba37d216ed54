//! Symptoms: the 13 urgent symptoms (緊急性の高い症状) of the MHLW notice of 2020-04-27
//! (docs/TRIAGE.md), and the common ones that are not urgent on their own but matter to the rules
//! ("high-risk patient with new symptoms") and to release (new symptoms restart the clock).
//!
//! Any urgent one means the patient must contact the health centre at once. Codes are stable:
//! they are stored in the database and carried in button data. The words patients use for them
//! live in the lexicon (`lexicon/<lang>.toml`), not here.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    // Appearance
    PaleFace,
    PurpleLips,
    NotThemselves,
    // Breathing
    FastBreathing,
    SuddenBreathlessness,
    BreathlessOnExertion,
    ChestPain,
    CannotLieDown,
    ShoulderBreathing,
    SuddenWheezing,
    // Consciousness etc.
    Dazed,
    Confused,
    IrregularPulse,
    // Common, not urgent on their own
    Fever,
    Cough,
    SoreThroat,
    TasteSmellLoss,
    RunnyNose,
    Headache,
    BodyAches,
    Fatigue,
    Diarrhoea,
    Nausea,
    Chills,
}

/// How the check-in dialogue pages the checklist: LINE allows at most 13 quick replies, so the
/// 13 symptoms plus "done" are shown in two pages.
pub const PAGES: [&[Symptom]; 2] = [
    &[
        Symptom::PurpleLips,
        Symptom::PaleFace,
        Symptom::NotThemselves,
        Symptom::Dazed,
        Symptom::Confused,
        Symptom::IrregularPulse,
    ],
    &[
        Symptom::FastBreathing,
        Symptom::SuddenBreathlessness,
        Symptom::BreathlessOnExertion,
        Symptom::ChestPain,
        Symptom::CannotLieDown,
        Symptom::ShoulderBreathing,
        Symptom::SuddenWheezing,
    ],
];

impl Symptom {
    /// The MHLW urgent symptoms, in the notice's order.
    pub const URGENT: [Symptom; 13] = [
        Symptom::PaleFace,
        Symptom::PurpleLips,
        Symptom::NotThemselves,
        Symptom::FastBreathing,
        Symptom::SuddenBreathlessness,
        Symptom::BreathlessOnExertion,
        Symptom::ChestPain,
        Symptom::CannotLieDown,
        Symptom::ShoulderBreathing,
        Symptom::SuddenWheezing,
        Symptom::Dazed,
        Symptom::Confused,
        Symptom::IrregularPulse,
    ];

    /// The common symptoms the check-in offers as its optional last step (at most 11, so that
    /// they, "none" and "done" fit LINE's 13 quick replies).
    pub const OTHER: [Symptom; 11] = [
        Symptom::Fever,
        Symptom::Cough,
        Symptom::SoreThroat,
        Symptom::TasteSmellLoss,
        Symptom::RunnyNose,
        Symptom::Headache,
        Symptom::BodyAches,
        Symptom::Fatigue,
        Symptom::Diarrhoea,
        Symptom::Nausea,
        Symptom::Chills,
    ];

    /// Every symptom: the urgent ones, then the others.
    pub const ALL: [Symptom; 24] = {
        let mut all = [Symptom::PaleFace; 24];
        let mut i = 0;
        while i < 13 {
            all[i] = Symptom::URGENT[i];
            i += 1;
        }
        while i < 24 {
            all[i] = Symptom::OTHER[i - 13];
            i += 1;
        }
        all
    };

    /// One of the MHLW urgent symptoms.
    pub fn is_urgent(self) -> bool {
        self < Symptom::Fever
    }

    pub fn code(self) -> &'static str {
        match self {
            Symptom::PaleFace => "pale_face",
            Symptom::PurpleLips => "purple_lips",
            Symptom::NotThemselves => "not_themselves",
            Symptom::FastBreathing => "fast_breathing",
            Symptom::SuddenBreathlessness => "sudden_breathlessness",
            Symptom::BreathlessOnExertion => "breathless_on_exertion",
            Symptom::ChestPain => "chest_pain",
            Symptom::CannotLieDown => "cannot_lie_down",
            Symptom::ShoulderBreathing => "shoulder_breathing",
            Symptom::SuddenWheezing => "sudden_wheezing",
            Symptom::Dazed => "dazed",
            Symptom::Confused => "confused",
            Symptom::IrregularPulse => "irregular_pulse",
            Symptom::Fever => "fever",
            Symptom::Cough => "cough",
            Symptom::SoreThroat => "sore_throat",
            Symptom::TasteSmellLoss => "taste_smell_loss",
            Symptom::RunnyNose => "runny_nose",
            Symptom::Headache => "headache",
            Symptom::BodyAches => "body_aches",
            Symptom::Fatigue => "fatigue",
            Symptom::Diarrhoea => "diarrhoea",
            Symptom::Nausea => "nausea",
            Symptom::Chills => "chills",
        }
    }

    pub fn from_code(code: &str) -> Option<Symptom> {
        Symptom::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The fluent message id of the symptom's short label.
    pub fn label_key(self) -> String {
        format!("symptom-{}", self.code().replace('_', "-"))
    }
}

/// Encodes a set of symptoms for storage ("purple_lips,chest_pain").
pub fn encode(symptoms: &[Symptom]) -> String {
    symptoms.iter().map(|s| s.code()).collect::<Vec<_>>().join(",")
}

/// Decodes what [`encode`] wrote; unknown codes (from a newer version) are skipped.
pub fn decode(stored: &str) -> Vec<Symptom> {
    stored.split(',').filter_map(|c| Symptom::from_code(c.trim())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_symptom_round_trips_through_its_code() {
        for s in Symptom::ALL {
            assert_eq!(Symptom::from_code(s.code()), Some(s));
        }
        assert_eq!(decode(&encode(&Symptom::ALL)), Symptom::ALL.to_vec());
    }

    #[test]
    fn the_pages_hold_each_symptom_exactly_once_within_lines_quick_reply_limit() {
        let mut all: Vec<Symptom> = PAGES.iter().flat_map(|p| p.iter().copied()).collect();
        all.sort();
        let mut expected = Symptom::URGENT.to_vec();
        expected.sort();
        assert_eq!(all, expected);
        // each page shows its symptoms plus "none/done" and "next" buttons
        assert!(PAGES.iter().all(|p| p.len() + 2 <= 13));
    }

    #[test]
    fn urgent_and_other_symptoms_are_told_apart() {
        assert!(Symptom::URGENT.iter().all(|s| s.is_urgent()));
        assert!(Symptom::OTHER.iter().all(|s| !s.is_urgent()));
        assert_eq!(Symptom::ALL[..13], Symptom::URGENT);
        assert!(
            Symptom::OTHER.len() + 2 <= 13,
            "they, none and done fit LINE's quick replies"
        );
    }
}
