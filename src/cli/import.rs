//! `mimamori patient import FILE.csv`: the health centre's spreadsheet of new patients,
//! registered all at once or not at all, with the first bad line named, and a printable sheet of
//! enrolment codes for the batch.
//!
//! The file is what Excel saves: UTF-8 (with or without a BOM) or Shift_JIS, headings in
//! Japanese or English, in any order. Columns: name/氏名, phone/電話番号, birth_date/生年月日,
//! onset_date/発症日 (required); test_date/検査日, language/言語, risks/リスク (separated by
//! `;` `、` or `・`), area/地区, asymptomatic/無症状, family_doctor/かかりつけ医,
//! pharmacy/薬局, independent/ADL自立, address/住所.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;
use serde_json::json;

use crate::care::context::Ctx;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::conversation::enrolment;
use crate::domain::patient::{RiskFactor, check_registration};
use crate::i18n::Lang;
use crate::present::sheets::{self, SheetPage};
use crate::store::patients::NewPatient;

#[derive(Args)]
pub struct ImportPatients {
    /// The CSV file (UTF-8 or Shift_JIS, as Excel saves it).
    pub file: PathBuf,
    /// Where the printable sheet of enrolment codes goes (default: next to the file, .sheets.html).
    #[arg(long)]
    pub sheet: Option<PathBuf>,
    #[arg(long)]
    pub json: bool,
}

/// One patient read from a line.
struct Row {
    line: usize,
    name: String,
    phone: String,
    birth: NaiveDate,
    onset: NaiveDate,
    test: Option<NaiveDate>,
    language: Option<Lang>,
    risks: String,
    area: Option<String>,
    asymptomatic: bool,
    family_doctor: Option<i64>,
    pharmacy: Option<i64>,
    independent: Option<bool>,
    address: Option<String>,
}

/// The columns by every name they go by.
const COLUMNS: &[(&str, &[&str])] = &[
    ("name", &["name", "氏名", "名前", "患者氏名"]),
    ("phone", &["phone", "電話番号", "電話", "携帯電話"]),
    ("birth_date", &["birth_date", "生年月日"]),
    ("onset_date", &["onset_date", "発症日"]),
    ("test_date", &["test_date", "検査日", "陽性判明日"]),
    ("language", &["language", "言語"]),
    ("risks", &["risks", "リスク", "リスク因子", "基礎疾患"]),
    ("area", &["area", "地区", "地域"]),
    ("asymptomatic", &["asymptomatic", "無症状"]),
    ("family_doctor", &["family_doctor", "かかりつけ医"]),
    ("pharmacy", &["pharmacy", "薬局"]),
    ("independent", &["independent", "ADL自立", "adl"]),
    ("address", &["address", "住所"]),
];

/// The file as text: UTF-8 (a BOM dropped) or, failing that, Shift_JIS (Excel's Japanese CSV).
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::SHIFT_JIS.decode(bytes).0.into_owned(),
    }
}

fn date(v: &str) -> Option<NaiveDate> {
    let v = v.trim().replace('/', "-");
    NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok()
}

fn yes(v: &str) -> Option<bool> {
    match v.trim().to_lowercase().as_str() {
        "" => None,
        "yes" | "y" | "true" | "1" | "はい" | "○" | "〇" | "有" | "あり" => Some(true),
        "no" | "n" | "false" | "0" | "いいえ" | "×" | "無" | "なし" => Some(false),
        _ => Some(false),
    }
}

/// Every line read and checked; the first problem, named by its line, stops the import.
fn read(text: &str, today: NaiveDate) -> Result<Vec<Row>, String> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| format!("line 1: {e}"))?.clone();
    let index = |column: &str| {
        let names = COLUMNS
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, n)| *n)
            .unwrap_or(&[]);
        headers
            .iter()
            .position(|h| names.iter().any(|n| n.eq_ignore_ascii_case(h.trim())))
    };
    for required in ["name", "phone", "birth_date", "onset_date"] {
        if index(required).is_none() {
            return Err(format!(
                "line 1: no {required} column (headings: {})",
                headers.iter().collect::<Vec<_>>().join(", ")
            ));
        }
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| format!("line {line}: {e}"))?;
        let get = |column: &str| {
            index(column)
                .and_then(|k| record.get(k))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let need_date = |column: &str| {
            date(&get(column)).ok_or_else(|| format!("line {line}: {column} is not a date (YYYY-MM-DD)"))
        };
        let birth = need_date("birth_date")?;
        let onset = need_date("onset_date")?;
        let test = match get("test_date").as_str() {
            "" => None,
            _ => Some(need_date("test_date")?),
        };
        let (name, phone) = (get("name"), get("phone"));
        check_registration(&name, &phone, birth, onset, test, today)
            .map_err(|p| format!("line {line}: {}", p.field_message()))?;
        let language = match get("language").as_str() {
            "" => None,
            tag => Some(tag.parse::<Lang>().map_err(|e| format!("line {line}: {e}"))?),
        };
        let mut risks = Vec::new();
        for r in get("risks")
            .split([';', '、', '・', ','])
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            let risk = RiskFactor::ALL
                .into_iter()
                .find(|k| k.code() == r)
                .ok_or_else(|| format!("line {line}: unknown risk {r:?}"))?;
            risks.push(risk.code());
        }
        let asymptomatic = yes(&get("asymptomatic")).unwrap_or(false);
        if asymptomatic && test.is_none() {
            return Err(format!("line {line}: an asymptomatic patient needs test_date"));
        }
        let id = |column: &str| -> Result<Option<i64>, String> {
            match get(column).as_str() {
                "" => Ok(None),
                v => v
                    .parse()
                    .map(Some)
                    .map_err(|_| format!("line {line}: {column} is not a provider id")),
            }
        };
        rows.push(Row {
            line,
            name,
            phone,
            birth,
            onset,
            test,
            language,
            risks: risks.join(","),
            area: Some(get("area")).filter(|a| !a.is_empty()),
            asymptomatic,
            family_doctor: id("family_doctor")?,
            pharmacy: id("pharmacy")?,
            independent: yes(&get("independent")),
            address: Some(get("address")).filter(|a| !a.is_empty()),
        });
    }
    if rows.is_empty() {
        return Err("the file holds no patients".into());
    }
    Ok(rows)
}

pub(super) async fn import(config: Config, args: ImportPatients) -> anyhow::Result<()> {
    let now = SystemClock.now();
    let today = now.with_timezone(&config.timezone).date_naive();
    let bytes = std::fs::read(&args.file).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let rows = read(&decode(&bytes), today)
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was registered", args.file.display()))?;
    let (db, locales) = super::common::connect(&config).await?;
    let ctx = Ctx {
        config: &config,
        locales: &locales,
        now,
    };
    let progress = indicatif::ProgressBar::new(rows.len() as u64);
    progress.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} patients")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    if args.json {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut tx = db.begin().await?;
    let mut registered = Vec::new();
    for row in &rows {
        for (id, flag, role) in [
            (row.family_doctor, "family_doctor", "doctor"),
            (row.pharmacy, "pharmacy", "pharmacist"),
        ] {
            super::common::check_provider(&mut tx, id, flag, &[role])
                .await
                .map_err(|e| anyhow::anyhow!("line {}: {e}; nothing was registered", row.line))?;
        }
        let patient = NewPatient {
            name: &row.name,
            phone: &row.phone,
            birth_date: row.birth,
            onset_date: row.onset,
            test_date: row.test,
            language: row.language.map(Lang::code),
            risk_factors: row.risks.clone(),
            area: row.area.as_deref(),
            asymptomatic: row.asymptomatic,
            family_doctor_id: row.family_doctor,
            pharmacy_id: row.pharmacy,
            independent: row.independent,
            address: row.address.as_deref(),
        };
        let r = enrolment::register(&mut tx, &ctx, &patient).await?;
        let subject = format!("patient:{}", r.patient_id);
        crate::store::staff::audit(&mut tx, None, "patient.register", Some(&subject), now).await?;
        registered.push((row, r));
        progress.inc(1);
    }
    let file = args
        .file
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::store::staff::audit_why(
        &mut tx,
        None,
        "patient.import",
        None,
        Some(&format!("{file}: {} patients", rows.len())),
        now,
    )
    .await?;
    tx.commit().await?;
    progress.finish_and_clear();

    let bot = config.telegram.as_ref().and_then(|t| t.bot_username.clone());
    let line = config
        .line
        .as_ref()
        .and_then(|l| l.bot_id.as_ref())
        .map(|id| format!("https://line.me/R/ti/p/{id}"));
    let pages: Vec<SheetPage> = registered
        .iter()
        .map(|(row, r)| {
            let telegram_link = bot
                .as_ref()
                .map(|b| format!("https://t.me/{b}?start={}", r.code.as_payload()));
            SheetPage {
                lang: row.language.unwrap_or(Lang::JA),
                name: row.name.clone(),
                code: r.code.display(),
                expires: r
                    .expires_at
                    .with_timezone(&config.timezone)
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                line_qr: line.as_deref().and_then(sheets::qr_svg),
                telegram_qr: telegram_link.as_deref().and_then(sheets::qr_svg),
                telegram_link,
            }
        })
        .collect();
    let sheet = args.sheet.clone().unwrap_or_else(|| sheet_path(&args.file));
    let html = sheets::render(&locales, &pages, &config.health_centre_phone, &config.emergency_number)?;
    std::fs::write(&sheet, html).map_err(|e| anyhow::anyhow!("{}: {e}", sheet.display()))?;
    let out = json!({
        "registered": registered.len(),
        "patients": registered.iter().map(|(row, r)| json!({
            "line": row.line, "patient_id": r.patient_id, "enrolment_code": r.code.display(),
        })).collect::<Vec<_>>(),
        "sheet": sheet.display().to_string(),
    });
    if args.json {
        println!("{out}");
    } else {
        println!(
            "{} patients registered; enrolment sheets: {}",
            registered.len(),
            sheet.display()
        );
    }
    Ok(())
}

fn sheet_path(file: &Path) -> PathBuf {
    file.with_extension("sheets.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).expect("day")
    }

    #[test]
    fn japanese_headings_shift_jis_and_excel_dates_are_read() {
        let csv = "氏名,電話番号,生年月日,発症日,言語,リスク\n山田 花子,090-1111-2222,1950/04/01,2026/12/04,vi,diabetes・hypertension\n";
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(csv);
        let rows = read(&decode(&sjis), today()).expect("read");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "山田 花子");
        assert_eq!(rows[0].language.map(Lang::code), Some("vi"));
        assert_eq!(rows[0].risks, "diabetes,hypertension");
        let bom = format!("\u{feff}{csv}");
        assert_eq!(
            read(&decode(bom.as_bytes()), today()).expect("read")[0].phone,
            "090-1111-2222"
        );
    }

    #[test]
    fn the_first_bad_line_is_named() {
        let csv =
            "name,phone,birth_date,onset_date\nA,090-1111-2222,1950-04-01,2026-12-04\nB,12,1950-04-01,2026-12-04\n";
        assert_eq!(
            read(csv, today()).err().as_deref(),
            Some("line 3: phone is not a telephone number")
        );
        let csv = "name,phone,birth_date\nA,090-1111-2222,1950-04-01\n";
        assert!(
            read(csv, today())
                .err()
                .is_some_and(|e| e.starts_with("line 1: no onset_date column"))
        );
        let csv = "name,phone,birth_date,onset_date,language\nA,090-1111-2222,1950-04-01,2026-12-04,xx\n";
        assert!(
            read(csv, today())
                .err()
                .is_some_and(|e| e.starts_with("line 2: unknown language"))
        );
    }
}
