//! Oxygen lent at home (the Minato scheme) and the oxygen/medical station's beds (the Nerima
//! scheme), as state machines; and the oxygen route that knows capacity (docs/TRIAGE.md: station
//! admission when a bed is free and the patient qualifies, else oxygen at home, else hospital).
//! Pure: storage moves a row only along an edge allowed here.

use std::fmt;

/// A kind of lent equipment, counted unit by unit (each has a serial number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitKind {
    Cylinder,
    /// A breath-synchronising regulator (呼吸同調器), used with a cylinder.
    Regulator,
    Concentrator,
}

impl UnitKind {
    pub const ALL: [UnitKind; 3] = [UnitKind::Cylinder, UnitKind::Regulator, UnitKind::Concentrator];

    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Cylinder => "cylinder",
            UnitKind::Regulator => "regulator",
            UnitKind::Concentrator => "concentrator",
        }
    }

    pub fn from_code(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

/// Where a unit is. A unit is in exactly one state, with at most one patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitState {
    Available,
    /// Held for an order, in stock.
    Reserved,
    OutForDelivery,
    /// At the patient's home.
    InUse,
    /// Oxygen ended; the contractor must fetch it.
    ToCollect,
    Cleaning,
    OutOfService,
}

impl UnitState {
    pub const ALL: [UnitState; 7] = [
        UnitState::Available,
        UnitState::Reserved,
        UnitState::OutForDelivery,
        UnitState::InUse,
        UnitState::ToCollect,
        UnitState::Cleaning,
        UnitState::OutOfService,
    ];

    pub fn code(self) -> &'static str {
        match self {
            UnitState::Available => "available",
            UnitState::Reserved => "reserved",
            UnitState::OutForDelivery => "out_for_delivery",
            UnitState::InUse => "in_use",
            UnitState::ToCollect => "to_collect",
            UnitState::Cleaning => "cleaning",
            UnitState::OutOfService => "out_of_service",
        }
    }

    pub fn from_code(s: &str) -> Option<UnitState> {
        UnitState::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    /// The states a unit may come to this one from.
    pub fn allowed_from(self) -> &'static [UnitState] {
        use UnitState::*;
        match self {
            // back in stock after cleaning or repair; an order cancelled before delivery
            Available => &[Cleaning, OutOfService, Reserved],
            // the contractor could not deliver: the unit is still held for the order
            Reserved => &[Available, OutForDelivery],
            OutForDelivery => &[Reserved],
            InUse => &[OutForDelivery],
            ToCollect => &[InUse],
            Cleaning => &[ToCollect],
            // never while a patient has it or it is on its way
            OutOfService => &[Available, Cleaning],
        }
    }

    /// The state moves staff may make by hand; the rest follow orders and jobs.
    pub fn set_by_staff(self) -> bool {
        matches!(self, UnitState::Available | UnitState::OutOfService)
    }

    /// Whether the unit is with, or on its way to, a patient.
    pub fn with_patient(self) -> bool {
        matches!(
            self,
            UnitState::Reserved | UnitState::OutForDelivery | UnitState::InUse | UnitState::ToCollect
        )
    }
}

/// A move a state machine refuses, said so a member of staff understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub what: &'static str,
    pub from: &'static str,
    pub to: &'static str,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a {} that is {} cannot become {}",
            self.what,
            self.from.replace('_', " "),
            self.to.replace('_', " ")
        )
    }
}

impl std::error::Error for Refused {}

/// Checks one move of a unit.
pub fn unit_move(from: UnitState, to: UnitState) -> Result<(), Refused> {
    if to.allowed_from().contains(&from) {
        Ok(())
    } else {
        Err(Refused {
            what: "unit",
            from: from.code(),
            to: to.code(),
        })
    }
}

crate::code_enum! {
    /// Where a doctor's oxygen order stands: ordered → delivered → started → ended, or cancelled.
    pub enum OrderStatus {
        Ordered = "ordered",
        Delivered = "delivered",
        Started = "started",
        Ended = "ended",
        Cancelled = "cancelled",
    }
}

/// What a doctor orders: the units it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kit {
    /// A cylinder with a breath-synchronising regulator.
    Cylinder,
    Concentrator,
}

impl Kit {
    pub const ALL: [Kit; 2] = [Kit::Cylinder, Kit::Concentrator];

    pub fn code(self) -> &'static str {
        match self {
            Kit::Cylinder => "cylinder",
            Kit::Concentrator => "concentrator",
        }
    }

    pub fn from_code(s: &str) -> Option<Kit> {
        Kit::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    pub fn units(self) -> &'static [UnitKind] {
        match self {
            Kit::Cylinder => &[UnitKind::Cylinder, UnitKind::Regulator],
            Kit::Concentrator => &[UnitKind::Concentrator],
        }
    }
}

/// Oxygen flow in litres per minute, kept in tenths (0.5–15 L/min: home equipment's range).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct FlowRate(u16);

impl FlowRate {
    pub const MIN_TENTHS: u16 = 5;
    pub const MAX_TENTHS: u16 = 150;

    /// "2", "2.5", "2L/min", "２.５ L/分" → the rate; anything else or out of range → `None`.
    pub fn parse(s: &str) -> Option<FlowRate> {
        let s: String = s
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '．' => '.',
                c => c,
            })
            .collect();
        let number: String = s
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let rest = s.trim()[number.len()..].trim().to_ascii_lowercase();
        if !(rest.is_empty() || ["l/min", "l/分", "l", "lpm"].contains(&rest.as_str())) {
            return None;
        }
        let value: f64 = number.parse().ok()?;
        let tenths = (value * 10.0).round();
        if !(f64::from(Self::MIN_TENTHS)..=f64::from(Self::MAX_TENTHS)).contains(&tenths) {
            return None;
        }
        Some(FlowRate(tenths as u16))
    }

    pub fn from_tenths(t: i64) -> Option<FlowRate> {
        u16::try_from(t)
            .ok()
            .filter(|t| (Self::MIN_TENTHS..=Self::MAX_TENTHS).contains(t))
            .map(FlowRate)
    }

    pub fn tenths(self) -> u16 {
        self.0
    }

    /// "2", "2.5".
    pub fn display(self) -> String {
        if self.0 % 10 == 0 {
            format!("{}", self.0 / 10)
        } else {
            format!("{}.{}", self.0 / 10, self.0 % 10)
        }
    }
}

/// A doctor's order typed in chat: "cylinder 2.5", "oxygen concentrator 1", "ボンベ 2L/min",
/// "酸素濃縮器 1.5" → the kit and flow; anything else → `None` (it is a note, not an order).
pub fn parse_order_text(s: &str) -> Option<(Kit, FlowRate)> {
    let s = s.trim().to_lowercase();
    const KITS: [(&str, Kit); 6] = [
        ("酸素ボンベ", Kit::Cylinder),
        ("ボンベ", Kit::Cylinder),
        ("cylinder", Kit::Cylinder),
        ("酸素濃縮器", Kit::Concentrator),
        ("濃縮器", Kit::Concentrator),
        ("concentrator", Kit::Concentrator),
    ];
    let rest = s.strip_prefix("oxygen").unwrap_or(&s).trim_start();
    let (kit, rest) = KITS
        .iter()
        .find_map(|(word, kit)| rest.strip_prefix(word).map(|r| (*kit, r)))?;
    let flow = rest.trim().trim_start_matches(['：', ':', ',', '、']).trim();
    Some((kit, FlowRate::parse(flow)?))
}

// ---- the station ---------------------------------------------------------------------------

/// A kind of station bed: oxygen, or antibody/therapy (the Nerima station had 24 + 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BedKind {
    Oxygen,
    Therapy,
}

impl BedKind {
    pub const ALL: [BedKind; 2] = [BedKind::Oxygen, BedKind::Therapy];

    pub fn code(self) -> &'static str {
        match self {
            BedKind::Oxygen => "oxygen",
            BedKind::Therapy => "therapy",
        }
    }

    pub fn from_code(s: &str) -> Option<BedKind> {
        BedKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

/// "oxygen=24,therapy=11" → the beds to create, refusing unknown kinds, repeats and zero.
pub fn parse_beds(s: &str) -> Result<Vec<(BedKind, u32)>, String> {
    let mut out: Vec<(BedKind, u32)> = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((kind, n)) = part.split_once('=') else {
            return Err(format!("{part:?}: write kind=number, e.g. oxygen=24,therapy=11"));
        };
        let Some(kind) = BedKind::from_code(kind) else {
            return Err(format!("{:?} is not a bed kind (oxygen or therapy)", kind.trim()));
        };
        let n: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("{:?} is not a number of beds", n.trim()))?;
        if n == 0 || n > 1000 {
            return Err(format!("{part:?}: a station has 1 to 1000 beds of a kind"));
        }
        if out.iter().any(|(k, _)| *k == kind) {
            return Err(format!("{} beds are given twice", kind.code()));
        }
        out.push((kind, n));
    }
    if out.is_empty() {
        return Err("give the beds, e.g. --beds oxygen=24,therapy=11".into());
    }
    Ok(out)
}

/// Where an admission to the station is (the hotline flow, and the therapy referral).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AdmissionStatus {
    /// Asked for; a bed is held while the hotline decides.
    Requested,
    /// The station said yes; transport and arrival follow.
    Accepted,
    Declined,
    /// In a bed.
    Admitted,
    /// Therapy given (therapy beds).
    Treated,
    /// Home again.
    Discharged,
    /// Moved to hospital.
    Transferred,
    Cancelled,
}

impl AdmissionStatus {
    pub const ALL: [AdmissionStatus; 8] = [
        AdmissionStatus::Requested,
        AdmissionStatus::Accepted,
        AdmissionStatus::Declined,
        AdmissionStatus::Admitted,
        AdmissionStatus::Treated,
        AdmissionStatus::Discharged,
        AdmissionStatus::Transferred,
        AdmissionStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AdmissionStatus::Requested => "requested",
            AdmissionStatus::Accepted => "accepted",
            AdmissionStatus::Declined => "declined",
            AdmissionStatus::Admitted => "admitted",
            AdmissionStatus::Treated => "treated",
            AdmissionStatus::Discharged => "discharged",
            AdmissionStatus::Transferred => "transferred",
            AdmissionStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(s: &str) -> Option<AdmissionStatus> {
        AdmissionStatus::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    pub fn allowed_from(self) -> &'static [AdmissionStatus] {
        use AdmissionStatus::*;
        match self {
            Requested => &[],
            Accepted | Declined => &[Requested],
            Admitted => &[Requested, Accepted],
            Treated => &[Admitted],
            Discharged | Transferred => &[Admitted, Treated],
            Cancelled => &[Requested, Accepted],
        }
    }

    /// The bed an admission in this state holds: held, occupied or given back.
    pub fn bed(self) -> BedState {
        use AdmissionStatus::*;
        match self {
            Requested | Accepted => BedState::Held,
            Admitted | Treated => BedState::Occupied,
            Declined | Discharged | Transferred | Cancelled => BedState::Free,
        }
    }

    pub fn is_open(self) -> bool {
        self.bed() != BedState::Free
    }
}

/// Checks one move of an admission.
pub fn admission_move(from: AdmissionStatus, to: AdmissionStatus) -> Result<(), Refused> {
    if to.allowed_from().contains(&from) {
        Ok(())
    } else {
        Err(Refused {
            what: "station admission",
            from: from.code(),
            to: to.code(),
        })
    }
}

/// A bed: free, held for an admission being decided or on its way, occupied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BedState {
    Free,
    Held,
    Occupied,
}

impl BedState {
    pub const ALL: [BedState; 3] = [BedState::Free, BedState::Held, BedState::Occupied];

    pub fn code(self) -> &'static str {
        match self {
            BedState::Free => "free",
            BedState::Held => "held",
            BedState::Occupied => "occupied",
        }
    }

    pub fn from_code(s: &str) -> Option<BedState> {
        BedState::ALL.into_iter().find(|k| k.code() == s.trim())
    }
}

// ---- routing -------------------------------------------------------------------------------

/// Where a patient who needs oxygen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OxygenRoute {
    /// A free oxygen bed at the station, for a patient who qualifies.
    Station,
    /// Equipment delivered at home on a doctor's order.
    Home,
    /// Neither: hospital admission must be arranged now, and staff are alerted.
    Hospital,
}

impl OxygenRoute {
    pub fn code(self) -> &'static str {
        match self {
            OxygenRoute::Station => "station",
            OxygenRoute::Home => "home",
            OxygenRoute::Hospital => "hospital",
        }
    }
}

/// What routing knows of the patient.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Independent in daily living (ADL); `None` when not recorded.
    pub independent: Option<bool>,
    /// An emergency sign in the latest assessment: the station is not the place.
    pub emergency: bool,
}

impl Candidate {
    /// The station takes patients who are otherwise mild and independent; an unknown ADL does
    /// not qualify (a doubt sends the patient to the route with a doctor at the bedside).
    pub fn qualifies_for_station(&self) -> bool {
        self.independent == Some(true) && !self.emergency
    }
}

/// The oxygen route for a patient, given what is free now.
pub fn route_oxygen(candidate: &Candidate, oxygen_bed_free: bool, kit_available: bool) -> OxygenRoute {
    if oxygen_bed_free && candidate.qualifies_for_station() {
        OxygenRoute::Station
    } else if kit_available && !candidate.emergency {
        OxygenRoute::Home
    } else {
        OxygenRoute::Hospital
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every edge of the unit machine, as the issue lists it, and nothing else.
    #[test]
    fn units_move_only_along_the_lending_cycle() {
        use UnitState::*;
        let allowed = [
            (Available, Reserved),
            (Reserved, OutForDelivery),
            (OutForDelivery, InUse),
            (InUse, ToCollect),
            (ToCollect, Cleaning),
            (Cleaning, Available),
            (Reserved, Available),
            (OutForDelivery, Reserved),
            (Available, OutOfService),
            (Cleaning, OutOfService),
            (OutOfService, Available),
        ];
        for from in UnitState::ALL {
            for to in UnitState::ALL {
                let ok = unit_move(from, to).is_ok();
                assert_eq!(ok, allowed.contains(&(from, to)), "{from:?} → {to:?}");
            }
        }
        let refused = unit_move(InUse, Available).expect_err("in use → available");
        assert_eq!(refused.to_string(), "a unit that is in use cannot become available");
    }

    #[test]
    fn a_unit_with_a_patient_cannot_be_taken_out_of_service() {
        for s in UnitState::ALL.into_iter().filter(|s| s.with_patient()) {
            assert!(unit_move(s, UnitState::OutOfService).is_err(), "{s:?}");
        }
    }

    #[test]
    fn admissions_hold_then_occupy_then_free_the_bed() {
        use AdmissionStatus::*;
        let allowed = [
            (Requested, Accepted),
            (Requested, Declined),
            (Requested, Admitted),
            (Accepted, Admitted),
            (Admitted, Treated),
            (Admitted, Discharged),
            (Treated, Discharged),
            (Admitted, Transferred),
            (Treated, Transferred),
            (Requested, Cancelled),
            (Accepted, Cancelled),
        ];
        for from in AdmissionStatus::ALL {
            for to in AdmissionStatus::ALL {
                assert_eq!(
                    admission_move(from, to).is_ok(),
                    allowed.contains(&(from, to)),
                    "{from:?} → {to:?}"
                );
            }
        }
        assert_eq!(Requested.bed(), BedState::Held);
        assert_eq!(Admitted.bed(), BedState::Occupied);
        assert_eq!(Discharged.bed(), BedState::Free);
        assert_eq!(
            admission_move(Discharged, Admitted).expect_err("closed").to_string(),
            "a station admission that is discharged cannot become admitted"
        );
    }

    #[test]
    fn codes_round_trip() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(k.code()), Some(k));
        }
        for s in UnitState::ALL {
            assert_eq!(UnitState::from_code(s.code()), Some(s));
        }
        for s in AdmissionStatus::ALL {
            assert_eq!(AdmissionStatus::from_code(s.code()), Some(s));
        }
        for s in BedState::ALL {
            assert_eq!(BedState::from_code(s.code()), Some(s));
        }
        for k in Kit::ALL {
            assert_eq!(Kit::from_code(k.code()), Some(k));
        }
        assert_eq!(UnitKind::from_code("tank"), None);
    }

    #[test]
    fn flow_rates_are_read_as_doctors_write_them() {
        assert_eq!(FlowRate::parse("2").map(FlowRate::tenths), Some(20));
        assert_eq!(FlowRate::parse("2.5 L/min").map(FlowRate::tenths), Some(25));
        assert_eq!(FlowRate::parse("２．５L/min").map(FlowRate::tenths), Some(25));
        assert_eq!(FlowRate::parse("0.5").map(FlowRate::tenths), Some(5));
        assert_eq!(FlowRate::parse("15").map(FlowRate::tenths), Some(150));
        for bad in ["0", "0.4", "15.1", "20", "two", "", "2 bar", "-1"] {
            assert_eq!(FlowRate::parse(bad), None, "{bad:?}");
        }
        assert_eq!(FlowRate::parse("3").map(FlowRate::display).as_deref(), Some("3"));
        assert_eq!(FlowRate::parse("1.5").map(FlowRate::display).as_deref(), Some("1.5"));
    }

    #[test]
    fn doctors_may_type_an_order() {
        let read = |s: &str| parse_order_text(s).map(|(k, f)| (k, f.tenths()));
        assert_eq!(read("cylinder 2.5"), Some((Kit::Cylinder, 25)));
        assert_eq!(read("Oxygen concentrator 1"), Some((Kit::Concentrator, 10)));
        assert_eq!(read("ボンベ 2L/min"), Some((Kit::Cylinder, 20)));
        assert_eq!(read("酸素濃縮器　１．５"), Some((Kit::Concentrator, 15)));
        for note in [
            "cylinder",
            "patient is stable",
            "cylinder 40",
            "2.5",
            "concentrator soon",
        ] {
            assert_eq!(read(note), None, "{note:?}");
        }
    }

    #[test]
    fn beds_are_given_as_kind_equals_number() {
        assert_eq!(
            parse_beds("oxygen=24,therapy=11"),
            Ok(vec![(BedKind::Oxygen, 24), (BedKind::Therapy, 11)])
        );
        assert_eq!(parse_beds(" oxygen = 3 "), Ok(vec![(BedKind::Oxygen, 3)]));
        for bad in ["", "oxygen", "icu=3", "oxygen=0", "oxygen=x", "oxygen=2,oxygen=3"] {
            assert!(parse_beds(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_oxygen_route_knows_capacity_and_who_qualifies() {
        let independent = Candidate {
            independent: Some(true),
            emergency: false,
        };
        let dependent = Candidate {
            independent: Some(false),
            emergency: false,
        };
        let unknown = Candidate {
            independent: None,
            emergency: false,
        };
        let emergency = Candidate {
            independent: Some(true),
            emergency: true,
        };
        assert_eq!(route_oxygen(&independent, true, true), OxygenRoute::Station);
        assert_eq!(route_oxygen(&independent, true, false), OxygenRoute::Station);
        assert_eq!(route_oxygen(&independent, false, true), OxygenRoute::Home);
        assert_eq!(route_oxygen(&independent, false, false), OxygenRoute::Hospital);
        assert_eq!(route_oxygen(&dependent, true, true), OxygenRoute::Home);
        assert_eq!(route_oxygen(&unknown, true, true), OxygenRoute::Home);
        assert_eq!(route_oxygen(&dependent, true, false), OxygenRoute::Hospital);
        // emergency signs: neither the station nor a cylinder at home
        assert_eq!(route_oxygen(&emergency, true, true), OxygenRoute::Hospital);
    }
}
