//! One database per test: a SQLite file, or a PostgreSQL database created and dropped.

use std::io::Write;
use std::sync::Once;

use sqlx::AnyPool;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// Runs a test body on both engines: `both_engines!(name);` next to `async fn name(engine)`.
#[macro_export]
macro_rules! both_engines {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::helpers::Engine::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if $crate::helpers::postgres_url().is_some() {
                    super::$name($crate::helpers::Engine::Postgres).await
                }
            }
        }
    };
}

/// The PostgreSQL server for tests, from `MIMAMORI_TEST_POSTGRES_URL`
/// (e.g. `postgres://postgres@127.0.0.1:5432/postgres`). Without it the PostgreSQL runs are
/// skipped, and that is said on stderr (past the test harness's capture), never silently.
pub fn postgres_url() -> Option<String> {
    static SAID: Once = Once::new();
    let url = std::env::var("MIMAMORI_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() {
        SAID.call_once(|| {
            let _ = writeln!(
                std::io::stderr(),
                "\n*** PostgreSQL run SKIPPED: set MIMAMORI_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the suite against PostgreSQL too ***\n"
            );
        });
    }
    url
}

/// A database that exists for one test and is removed afterwards, even if the test panics.
pub struct TestDb {
    pub url: String,
    cleanup: Option<Box<dyn FnOnce() + Send>>,
}

impl TestDb {
    pub async fn create(engine: Engine) -> TestDb {
        let name = format!("mimamori_test_{}", uuid::Uuid::new_v4().simple());
        match engine {
            Engine::Sqlite => {
                let file = std::env::temp_dir().join(format!("{name}.db"));
                let url = format!("sqlite://{}", file.display());
                TestDb {
                    url,
                    cleanup: Some(Box::new(move || {
                        for suffix in ["", "-wal", "-shm"] {
                            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
                        }
                    })),
                }
            }
            Engine::Postgres => {
                let admin = postgres_url().expect("PostgreSQL URL");
                sqlx::any::install_default_drivers();
                let pool = AnyPool::connect(&admin).await.expect("connect to PostgreSQL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&pool)
                    .await
                    .expect("create test database");
                pool.close().await;
                let base = admin
                    .rsplit_once('/')
                    .map(|(b, _)| b.to_string())
                    .unwrap_or(admin.clone());
                let url = format!("{base}/{name}");
                TestDb {
                    url,
                    cleanup: Some(Box::new(move || {
                        // Drop runs outside any runtime we may block: use a thread of its own
                        let _ = std::thread::spawn(move || {
                            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build();
                            if let Ok(rt) = rt {
                                rt.block_on(async {
                                    if let Ok(pool) = AnyPool::connect(&admin).await {
                                        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                            .execute(&pool)
                                            .await;
                                        pool.close().await;
                                    }
                                });
                            }
                        })
                        .join();
                    })),
                }
            }
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(f) = self.cleanup.take() {
            f();
        }
    }
}
