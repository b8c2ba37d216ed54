//! Exports as CSV for Excel: UTF-8 with a BOM (Excel opens it as UTF-8), headings in the
//! reader's language (Japanese unless asked), times in the ward's time zone, written in chunks
//! as rows are read.

use chrono_tz::Tz;

use crate::i18n::{Lang, Locales};
use crate::store::exports::{Export, Kind, Value};

/// The first chunk: the BOM and the headings.
pub fn heading(locales: &Locales, lang: Lang, export: &Export) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    let lang = lang.serving("console");
    w.write_record(
        export
            .columns
            .iter()
            .map(|(key, _)| locales.text(lang, "export-column", &[("column", (*key).into())])),
    )?;
    Ok(w.into_inner()?)
}

/// Writes one row into `out`.
pub fn row(out: &mut Vec<u8>, export: &Export, values: &[Value], tz: Tz) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(std::mem::take(out));
    w.write_record(
        export
            .columns
            .iter()
            .zip(values)
            .map(|((_, kind), v)| cell(*kind, v, tz)),
    )?;
    *out = w.into_inner()?;
    Ok(())
}

fn cell(kind: Kind, v: &Value, tz: Tz) -> String {
    match (kind, v) {
        (_, Value::Null) => String::new(),
        (Kind::Time, Value::Int(ms)) => crate::store::from_ms(*ms)
            .with_timezone(&tz)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        (Kind::Tenths, Value::Int(t)) => format!("{:.1}", *t as f64 / 10.0),
        (Kind::List, Value::Text(s)) => s.split(',').filter(|x| !x.is_empty()).collect::<Vec<_>>().join("; "),
        (_, Value::Int(n)) => n.to_string(),
        (_, Value::Text(s)) => s.clone(),
    }
}
