//! Japanese public holidays, computed for any year under the Act on National Holidays as
//! amended (国民の祝日に関する法律): the named holidays, substitute holidays and citizens'
//! holidays. Pure: a date in, an answer out.

use chrono::{Datelike, NaiveDate, Weekday};

/// Why a date is a public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// A named national holiday (国民の祝日).
    National,
    /// 振替休日: the next free day after a holiday that fell on a Sunday.
    Substitute,
    /// 国民の休日: an ordinary day between two holidays.
    Citizens,
}

/// The named national holidays of `year` (without substitute and citizens' holidays).
fn national(year: i32) -> Vec<NaiveDate> {
    if year < 1949 {
        return Vec::new();
    }
    let mut days: Vec<(u32, u32)> = vec![(1, 1), (11, 3), (5, 3), (5, 5)];
    let d = |m: u32, day: u32| (m, day);
    // Coming of Age Day
    days.push(if year >= 2000 {
        d(1, nth_monday(year, 1, 2))
    } else {
        d(1, 15)
    });
    if year >= 1967 {
        days.push(d(2, 11)); // National Foundation Day
    }
    days.push(d(3, vernal_equinox(year)));
    days.push(d(4, 29)); // Emperor's Birthday → Greenery Day (1989) → Shōwa Day (2007)
    if year >= 2007 {
        days.push(d(5, 4)); // Greenery Day (before, 5/4 was a citizens' holiday)
    }
    match year {
        2020 => days.extend([d(7, 23), d(7, 24), d(8, 10)]),
        2021 => days.extend([d(7, 22), d(7, 23), d(8, 8)]),
        _ => {
            if year >= 2003 {
                days.push(d(7, nth_monday(year, 7, 3))); // Marine Day
            } else if year >= 1996 {
                days.push(d(7, 20));
            }
            if year >= 2016 {
                days.push(d(8, 11)); // Mountain Day
            }
            if year >= 2000 {
                days.push(d(10, nth_monday(year, 10, 2))); // Sports Day
            } else if year >= 1966 {
                days.push(d(10, 10));
            }
        }
    }
    if year >= 2003 {
        days.push(d(9, nth_monday(year, 9, 3))); // Respect for the Aged Day
    } else if year >= 1966 {
        days.push(d(9, 15));
    }
    days.push(d(9, autumnal_equinox(year)));
    days.push(d(11, 23)); // Labour Thanksgiving Day
    if year >= 2020 {
        days.push(d(2, 23)); // Emperor's Birthday (Reiwa)
    } else if (1989..=2018).contains(&year) {
        days.push(d(12, 23)); // Emperor's Birthday (Heisei)
    }
    // one-off holidays by special act
    match year {
        1959 => days.push(d(4, 10)),
        1989 => days.push(d(2, 24)),
        1990 => days.push(d(11, 12)),
        1993 => days.push(d(6, 9)),
        2019 => days.extend([d(5, 1), d(10, 22)]),
        _ => {}
    }
    let mut out: Vec<NaiveDate> = days
        .into_iter()
        .filter_map(|(m, day)| NaiveDate::from_ymd_opt(year, m, day))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether `date` is a public holiday in Japan, and why.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    let year = date.year();
    let named = national(year);
    let is_named = |d: NaiveDate| named.binary_search(&d).is_ok();
    if is_named(date) {
        return Some(Holiday::National);
    }
    // 振替休日 (since 12 April 1973): a holiday on a Sunday moves to the next day that is not a
    // holiday (since 2007; before, only to the Monday).
    let substitute_from = NaiveDate::from_ymd_opt(1973, 4, 12).unwrap_or(NaiveDate::MIN);
    if date >= substitute_from {
        let mut back = date.pred_opt();
        while let Some(prev) = back {
            if !is_named(prev) {
                break;
            }
            if prev.weekday() == Weekday::Sun && prev >= substitute_from {
                return Some(Holiday::Substitute);
            }
            if year < 2007 {
                break;
            }
            back = prev.pred_opt();
        }
    }
    // 国民の休日 (since 1986): a weekday-or-Saturday between two named holidays
    if year >= 1986 && date.weekday() != Weekday::Sun {
        let around = (date.pred_opt(), date.succ_opt());
        if let (Some(a), Some(b)) = around {
            let named_b = if b.year() == year { is_named(b) } else { false };
            if is_named(a) && named_b {
                return Some(Holiday::Citizens);
            }
        }
    }
    None
}

fn nth_monday(year: i32, month: u32, n: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1).map(|d| d.weekday().num_days_from_monday());
    let offset = first.map(|w| (7 - w) % 7).unwrap_or(0);
    1 + offset + 7 * (n - 1)
}

/// The day of the March equinox by the National Astronomical Observatory's approximation.
fn vernal_equinox(year: i32) -> u32 {
    equinox(year, [20.8357, 20.8431, 21.8510])
}

/// The day of the September equinox.
fn autumnal_equinox(year: i32) -> u32 {
    equinox(year, [23.2588, 23.2488, 24.2488])
}

fn equinox(year: i32, constants: [f64; 3]) -> u32 {
    let (c, base) = if year <= 1979 {
        (constants[0], 1983)
    } else if year <= 2099 {
        (constants[1], 1980)
    } else {
        (constants[2], 1980)
    };
    let y = f64::from(year - 1980);
    let leap = f64::from((year - base).div_euclid(4));
    (c + 0.242194 * y - leap).floor() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Cabinet Office's list of national holidays (内閣府「国民の祝日」, syukujitsu.csv),
    /// substitute and citizens' holidays included, 2020–2030.
    const OFFICIAL: &[(i32, &[(u32, u32)])] = &[
        (
            2020,
            &[
                (1, 1),
                (1, 13),
                (2, 11),
                (2, 23),
                (2, 24),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 23),
                (7, 24),
                (8, 10),
                (9, 21),
                (9, 22),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2021,
            &[
                (1, 1),
                (1, 11),
                (2, 11),
                (2, 23),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 22),
                (7, 23),
                (8, 8),
                (8, 9),
                (9, 20),
                (9, 23),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2022,
            &[
                (1, 1),
                (1, 10),
                (2, 11),
                (2, 23),
                (3, 21),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 18),
                (8, 11),
                (9, 19),
                (9, 23),
                (10, 10),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2023,
            &[
                (1, 1),
                (1, 2),
                (1, 9),
                (2, 11),
                (2, 23),
                (3, 21),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 17),
                (8, 11),
                (9, 18),
                (9, 23),
                (10, 9),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2024,
            &[
                (1, 1),
                (1, 8),
                (2, 11),
                (2, 12),
                (2, 23),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 15),
                (8, 11),
                (8, 12),
                (9, 16),
                (9, 22),
                (9, 23),
                (10, 14),
                (11, 3),
                (11, 4),
                (11, 23),
            ],
        ),
        (
            2025,
            &[
                (1, 1),
                (1, 13),
                (2, 11),
                (2, 23),
                (2, 24),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 21),
                (8, 11),
                (9, 15),
                (9, 23),
                (10, 13),
                (11, 3),
                (11, 23),
                (11, 24),
            ],
        ),
        (
            2026,
            &[
                (1, 1),
                (1, 12),
                (2, 11),
                (2, 23),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 20),
                (8, 11),
                (9, 21),
                (9, 22),
                (9, 23),
                (10, 12),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2027,
            &[
                (1, 1),
                (1, 11),
                (2, 11),
                (2, 23),
                (3, 21),
                (3, 22),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 19),
                (8, 11),
                (9, 20),
                (9, 23),
                (10, 11),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2028,
            &[
                (1, 1),
                (1, 10),
                (2, 11),
                (2, 23),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 17),
                (8, 11),
                (9, 18),
                (9, 22),
                (10, 9),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2029,
            &[
                (1, 1),
                (1, 8),
                (2, 11),
                (2, 12),
                (2, 23),
                (3, 20),
                (4, 29),
                (4, 30),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 16),
                (8, 11),
                (9, 17),
                (9, 23),
                (9, 24),
                (10, 8),
                (11, 3),
                (11, 23),
            ],
        ),
        (
            2030,
            &[
                (1, 1),
                (1, 14),
                (2, 11),
                (2, 23),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 15),
                (8, 11),
                (8, 12),
                (9, 16),
                (9, 23),
                (10, 14),
                (11, 3),
                (11, 4),
                (11, 23),
            ],
        ),
    ];

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    #[test]
    fn every_day_2020_to_2030_matches_the_official_list() {
        for (year, days) in OFFICIAL {
            let expected: Vec<NaiveDate> = days.iter().map(|&(m, d)| date(*year, m, d)).collect();
            let mut day = date(*year, 1, 1);
            let mut found = Vec::new();
            while day.year() == *year {
                if holiday(day).is_some() {
                    found.push(day);
                }
                day = day.succ_opt().expect("a next day");
            }
            assert_eq!(found, expected, "{year}");
        }
    }

    #[test]
    fn holidays_say_why() {
        assert_eq!(holiday(date(2026, 9, 22)), Some(Holiday::Citizens));
        assert_eq!(holiday(date(2024, 5, 6)), Some(Holiday::Substitute));
        // 2026-05-06: Constitution Day fell on a Sunday; 5/4 and 5/5 are taken, so Wednesday
        assert_eq!(holiday(date(2026, 5, 6)), Some(Holiday::Substitute));
        assert_eq!(holiday(date(2026, 5, 3)), Some(Holiday::National));
        assert_eq!(holiday(date(2026, 5, 7)), None);
        // 2019: the enthronement year
        assert_eq!(holiday(date(2019, 5, 1)), Some(Holiday::National));
        assert_eq!(holiday(date(2019, 4, 30)), Some(Holiday::Citizens));
        assert_eq!(holiday(date(2019, 5, 2)), Some(Holiday::Citizens));
        assert_eq!(holiday(date(2019, 5, 6)), Some(Holiday::Substitute));
        assert_eq!(holiday(date(2019, 10, 22)), Some(Holiday::National));
    }

    #[test]
    fn any_year_has_its_holidays() {
        // a year far from the test list still gets its fixed and computed holidays
        for year in [1990, 2045, 2099, 2120] {
            let n = (1..=366)
                .filter_map(|o| NaiveDate::from_yo_opt(year, o))
                .filter(|d| holiday(*d).is_some())
                .count();
            assert!((15..=22).contains(&n), "{year}: {n}");
            assert!(holiday(date(year, 1, 1)).is_some());
        }
    }
}
