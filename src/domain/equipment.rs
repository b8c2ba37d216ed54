//! Oxygen lent at home (the Minato scheme): equipment units as a state machine, the kits and
//! flow rates a doctor orders. Pure: storage moves a row only along an edge allowed here.

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

    /// The units an order must get (it fails if one is out of stock), and the one it takes
    /// besides when there is one in stock. A cylinder always travels with a standard regulator
    /// (not counted); a breath-synchronising one (`Regulator`) makes it last longer.
    pub fn units_for(self, regulator: RegulatorChoice) -> (&'static [UnitKind], Option<UnitKind>) {
        match (self, regulator) {
            (Kit::Cylinder, RegulatorChoice::Synchronising) => (&[UnitKind::Cylinder, UnitKind::Regulator], None),
            (Kit::Cylinder, RegulatorChoice::Standard) => (&[UnitKind::Cylinder], None),
            (Kit::Cylinder, RegulatorChoice::Either) => (&[UnitKind::Cylinder], Some(UnitKind::Regulator)),
            (Kit::Concentrator, _) => (&[UnitKind::Concentrator], None),
        }
    }

    /// The kit as the messages name it: `cylinder_sync` (with a breath-synchronising
    /// regulator), `cylinder` (with a standard one) or `concentrator`.
    pub fn words(self, synchronising: bool) -> &'static str {
        match (self, synchronising) {
            (Kit::Cylinder, true) => "cylinder_sync",
            (Kit::Cylinder, false) => "cylinder",
            (Kit::Concentrator, _) => "concentrator",
        }
    }
}

crate::code_enum! {
    /// Which regulator a doctor orders a cylinder with.
    pub enum RegulatorChoice {
        /// A breath-synchronising regulator (呼吸同調器): the order fails without one.
        Synchronising = "synchronising",
        /// The cylinder's standard regulator.
        Standard = "standard",
        /// A breath-synchronising one if in stock, else the standard one.
        Either = "either",
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
        if self.0.is_multiple_of(10) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cylinder_needs_a_synchronising_regulator_only_when_the_order_says_so() {
        use RegulatorChoice::*;
        assert_eq!(
            Kit::Cylinder.units_for(Synchronising),
            (&[UnitKind::Cylinder, UnitKind::Regulator][..], None)
        );
        assert_eq!(Kit::Cylinder.units_for(Standard), (&[UnitKind::Cylinder][..], None));
        assert_eq!(
            Kit::Cylinder.units_for(Either),
            (&[UnitKind::Cylinder][..], Some(UnitKind::Regulator))
        );
        assert_eq!(
            Kit::Concentrator.units_for(Either),
            (&[UnitKind::Concentrator][..], None)
        );
    }

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
    fn codes_round_trip() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(k.code()), Some(k));
        }
        for s in UnitState::ALL {
            assert_eq!(UnitState::from_code(s.code()), Some(s));
        }
        for k in Kit::ALL {
            assert_eq!(Kit::from_code(k.code()), Some(k));
        }
        assert_eq!(UnitKind::from_code("tank"), None);
    }
}
