//! The 13 urgent symptoms (緊急性の高い症状) of the MHLW notice of 2020-04-27 (TRIAGE.md).
//!
//! Any one of them means the patient must contact the health centre at once. Codes are stable:
//! they are stored in the database and carried in button data.

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
    pub const ALL: [Symptom; 13] = [
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
        }
    }

    pub fn from_code(code: &str) -> Option<Symptom> {
        Symptom::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The fluent message id of the symptom's short label.
    pub fn label_key(self) -> String {
        format!("symptom-{}", self.code().replace('_', "-"))
    }

    /// Words a patient may type for the symptom, already in the parser's normal form
    /// (NFKC, lower case). Longer, more specific phrases come first in [`KEYWORDS`].
    fn keywords(self) -> &'static [&'static str] {
        match self {
            Symptom::PaleFace => &["顔色が悪い", "顔色悪", "顔が青", "pale"],
            Symptom::PurpleLips => &[
                "唇が紫",
                "唇紫",
                "くちびるが紫",
                "チアノーゼ",
                "purple lips",
                "blue lips",
                "lips purple",
                "lips blue",
            ],
            Symptom::NotThemselves => &["様子がおかしい", "いつもと違う", "not themselves", "not myself"],
            Symptom::FastBreathing => &[
                "息が荒い",
                "呼吸が速い",
                "呼吸が早い",
                "breathing fast",
                "fast breathing",
                "rapid breathing",
            ],
            Symptom::SuddenBreathlessness => &[
                "息苦しい",
                "息苦しく",
                "息ぐるしい",
                "呼吸が苦しい",
                "short of breath",
                "breathless",
                "can't breathe",
                "cannot breathe",
            ],
            Symptom::BreathlessOnExertion => &["少し動くと息", "動くと息", "息切れ", "exertion"],
            Symptom::ChestPain => &["胸の痛み", "胸が痛", "胸痛", "chest pain"],
            Symptom::CannotLieDown => &["横になれない", "座らないと", "cannot lie down", "can't lie down"],
            Symptom::ShoulderBreathing => &["肩で息", "shoulders"],
            Symptom::SuddenWheezing => &["ゼーゼー", "ぜーぜー", "ゼイゼイ", "wheez"],
            Symptom::Dazed => &["ぼんやり", "反応が弱い", "dazed", "drowsy"],
            Symptom::Confused => &["もうろう", "返事がない", "confused"],
            Symptom::IrregularPulse => &[
                "脈がとぶ",
                "脈が飛ぶ",
                "脈が乱れ",
                "脈のリズム",
                "irregular pulse",
                "pulse skipping",
                "palpitation",
            ],
        }
    }

    /// Every symptom named in `normalised` text (see [`crate::domain::reading::normalise`]).
    pub fn find_in(normalised: &str) -> Vec<Symptom> {
        Symptom::ALL
            .into_iter()
            .filter(|s| s.keywords().iter().any(|k| normalised.contains(k)))
            .collect()
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
        let mut expected = Symptom::ALL.to_vec();
        expected.sort();
        assert_eq!(all, expected);
        // each page shows its symptoms plus "none/done" and "next" buttons
        assert!(PAGES.iter().all(|p| p.len() + 2 <= 13));
    }

    #[test]
    fn japanese_and_english_phrases_are_recognised() {
        assert_eq!(Symptom::find_in("息苦しい"), vec![Symptom::SuddenBreathlessness]);
        assert_eq!(Symptom::find_in("唇が紫です"), vec![Symptom::PurpleLips]);
        assert_eq!(Symptom::find_in("chest pain"), vec![Symptom::ChestPain]);
        assert!(Symptom::find_in("元気です").is_empty());
    }
}
