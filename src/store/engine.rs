//! The two database engines, and where their SQL differs.

use super::Conn;

/// Row ids as a comma-separated list (see [`Engine::id_set`]): our own integers, never user text.
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// The engine behind a connection.
    pub fn of(conn: &Conn) -> Engine {
        if conn.backend_name() == "SQLite" {
            Engine::Sqlite
        } else {
            Engine::Postgres
        }
    }

    /// Writes sent as one statement, for one round trip: on PostgreSQL a data-modifying `WITH`
    /// (every part sees the rows as they were before the statement, so no two parts may touch
    /// the same rows), on SQLite the parts one after the other. Parameters are numbered across
    /// the parts. Each statement is a hand-over to the server or to the thread sqlx runs an
    /// SQLite connection on, and that fixed cost, not the work, was most of what a message
    /// cost the database.
    pub fn join_writes(self, parts: &[String]) -> String {
        let Some((last, first)) = parts.split_last() else {
            return String::new();
        };
        match self {
            Engine::Sqlite => parts.join(";\n"),
            Engine::Postgres if first.is_empty() => last.clone(),
            Engine::Postgres => {
                let with: Vec<String> = first
                    .iter()
                    .enumerate()
                    .map(|(i, p)| format!("w{i} AS ({p})"))
                    .collect();
                format!("WITH {}\n{last}", with.join(",\n"))
            }
        }
    }

    /// `column IN (…)` over the ids bound at `param` as one value ([`Engine::id_set`]; the Any
    /// driver binds no arrays): one prepared statement whatever the count, where an inline list
    /// would be parsed and planned anew each time.
    pub fn in_id_set(self, column: &str, param: &str) -> String {
        match self {
            Engine::Sqlite => format!("{column} IN (SELECT value FROM json_each({param}))"),
            Engine::Postgres => format!("{column} = ANY(CAST({param} AS BIGINT[]))"),
        }
    }

    /// `column IN (subquery)` with the subquery run once, whatever the plan: on PostgreSQL
    /// `= ANY(ARRAY(subquery))`, an init plan. As a semi-join, a plan made without statistics
    /// (a new database, autovacuum behind) ran the subquery again for every row on the other
    /// side: the dispatcher's claim took 5 s with 6,000 messages pending. SQLite runs a
    /// subquery that refers to nothing outside it once.
    pub fn in_subquery(self, column: &str, subquery: &str) -> String {
        match self {
            Engine::Sqlite => format!("{column} IN ({subquery})"),
            Engine::Postgres => format!("{column} = ANY(ARRAY({subquery}))"),
        }
    }

    /// Whether a statement that picks rows by an id set ([`Engine::in_id_set`]) is kept
    /// prepared. Not on PostgreSQL: it plans such a statement anew each time (0.1 ms). A
    /// connection that keeps a statement switches to a generic plan after five runs, made for
    /// the table as it was then; without statistics (a new database, autovacuum behind) that was
    /// a scan of the whole table, planned while it was nearly empty: on the dispatcher's own
    /// connection, marking a few outbox rows sent took 2–3 ms with 15,000 rows, against 0.2 ms.
    /// SQLite's plans do not depend on the values bound.
    pub fn keeps_id_set_plans(self) -> bool {
        self == Engine::Sqlite
    }

    /// See [`Db::by_id`].
    pub fn by_id(self) -> &'static str {
        match self {
            Engine::Sqlite => "NOT INDEXED",
            Engine::Postgres => "",
        }
    }

    /// The value to bind for [`Engine::in_id_set`].
    pub fn id_set(self, ids: &[i64]) -> String {
        match self {
            Engine::Sqlite => format!("[{}]", id_list(ids)),
            Engine::Postgres => format!("{{{}}}", id_list(ids)),
        }
    }
}
