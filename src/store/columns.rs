//! Reading a row's columns as the domain's types: a code as its enum, milliseconds as a time,
//! 0/1 as a boolean. A code the enum does not know is a decode error naming the column, so a
//! row that no longer fits the code is found where it is read, not where it is compared.

use chrono::{DateTime, Utc};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::from_ms;
use crate::domain::code::Code;
use crate::domain::request::Level;
use crate::domain::vitals::Spo2;

fn unknown(column: &str, what: &str) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_string(),
        source: format!("not a known {what}").into(),
    }
}

pub trait Columns {
    fn code<T: Code>(&self, column: &str) -> sqlx::Result<T>;
    fn code_opt<T: Code>(&self, column: &str) -> sqlx::Result<Option<T>>;
    fn at(&self, column: &str) -> sqlx::Result<DateTime<Utc>>;
    fn at_opt(&self, column: &str) -> sqlx::Result<Option<DateTime<Utc>>>;
    fn flag(&self, column: &str) -> sqlx::Result<bool>;
    fn spo2_opt(&self, column: &str) -> sqlx::Result<Option<Spo2>>;
    /// A care request's urgency, stored as the level's rank so that it sorts.
    fn urgency(&self, column: &str) -> sqlx::Result<Level>;
}

impl Columns for AnyRow {
    fn urgency(&self, column: &str) -> sqlx::Result<Level> {
        let rank: i64 = self.try_get(column)?;
        Level::from_rank(rank).ok_or_else(|| unknown(column, "level"))
    }

    fn code<T: Code>(&self, column: &str) -> sqlx::Result<T> {
        let raw: String = self.try_get(column)?;
        T::from_code(&raw).ok_or_else(|| unknown(column, "code"))
    }

    fn code_opt<T: Code>(&self, column: &str) -> sqlx::Result<Option<T>> {
        match self.try_get::<Option<String>, _>(column)? {
            None => Ok(None),
            Some(raw) => T::from_code(&raw).map(Some).ok_or_else(|| unknown(column, "code")),
        }
    }

    fn at(&self, column: &str) -> sqlx::Result<DateTime<Utc>> {
        self.try_get::<i64, _>(column).map(from_ms)
    }

    fn at_opt(&self, column: &str) -> sqlx::Result<Option<DateTime<Utc>>> {
        Ok(self.try_get::<Option<i64>, _>(column)?.map(from_ms))
    }

    fn flag(&self, column: &str) -> sqlx::Result<bool> {
        Ok(self.try_get::<i64, _>(column)? != 0)
    }

    fn spo2_opt(&self, column: &str) -> sqlx::Result<Option<Spo2>> {
        match self.try_get::<Option<i64>, _>(column)? {
            None => Ok(None),
            Some(raw) => Spo2::new(raw as f64).map(Some).map_err(|_| unknown(column, "SpO2")),
        }
    }
}
