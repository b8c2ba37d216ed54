//! `mimamori simulate SCENARIO.toml`: a wave run on the real service with a virtual clock, its
//! report written to a folder; `--vary path=from..to:step` runs one wave per value.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::i18n::{Lang, Locales};
use crate::simulation::report::{self, RunInfo};
use crate::simulation::run::{self, Progress};
use crate::simulation::scenario::{Scenario, Vary, value_at};
use crate::simulation::sweep::{self, SweepPoint};
use crate::simulation::tally::Tally;

#[derive(Args)]
pub struct SimulateArgs {
    /// The scenario (TOML); `scenarios/` has the shipped ones.
    pub scenario: PathBuf,
    /// Another seed than the scenario's.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Where the report goes (made if missing).
    #[arg(long, default_value = "simulation")]
    pub out: PathBuf,
    /// One run per value of a scenario setting: `roster.doctors=10..40:5` or `…=10,20,40`.
    #[arg(long)]
    pub vary: Option<String>,
    /// The database to run on, an empty one; by default a new SQLite database in memory.
    #[arg(long)]
    pub database: Option<String>,
    /// Language of the report.
    #[arg(long, default_value = "ja")]
    pub lang: Lang,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// The default database of a run: SQLite in memory (its `memdb` store, private to the run's one
/// connection). Nothing of a simulation needs to outlive it. A file, even in /dev/shm, costs a
/// write-ahead log and file locks on every commit; SQLite's other in-memory form
/// (`:memory:`) keeps the whole database in its page cache and walks it at every commit.
/// The 1,000-patient wave: 16.2–16.6 s here, 18.6–19.7 s with `:memory:`, ~6 % more on a file.
const IN_MEMORY: &str = "sqlite://simulation?vfs=memdb&mode=rwc";

/// Keeps this process, and every thread it starts from now on, on one core, as a batch job; call
/// it before the runtime is built. A simulated wave is one long exchange between the engine's task
/// and the thread sqlx runs each SQLite connection on: on one core each hand-over is a switch
/// there, while across two each wakes the other core, which cost more than the statement itself
/// (a wave took twice as long). As a batch job a thread that is woken waits for the waker to
/// sleep instead of taking the core from it while it still holds the channel's lock: half the
/// switches, an eighth less time.
pub fn keep_to_one_core() {
    if let Some(core) = core_affinity::get_core_ids().and_then(|ids| ids.last().copied()) {
        core_affinity::set_for_current(core);
    }
    #[cfg(target_os = "linux")]
    {
        let normal_priority = libc::sched_param { sched_priority: 0 };
        // SAFETY: the call only reads the parameter it is given. Lowering one's own thread to
        // SCHED_BATCH needs no privilege; if it is refused, the run is only slower.
        unsafe { libc::sched_setscheduler(0, libc::SCHED_BATCH, &normal_priority) };
    }
}

pub(super) async fn simulate(args: SimulateArgs) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(&args.scenario).map_err(|e| anyhow::anyhow!("{}: {e}", args.scenario.display()))?;
    let mut scenario = Scenario::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.scenario.display()))?;
    if let Some(seed) = args.seed {
        scenario.seed = seed;
    }
    let dir = args.scenario.parent().unwrap_or(Path::new(".")).to_path_buf();
    let locales = Locales::load().map_err(anyhow::Error::msg)?;
    let Some(vary) = &args.vary else {
        let (tally, info) = one(&args, &scenario, &dir).await?;
        let html = report::write(&args.out, &locales, args.lang, &scenario, &tally, &info)?;
        summary(&tally, &info);
        println!("report: {}", html.display());
        return Ok(());
    };
    let vary = Vary::parse(vary).map_err(anyhow::Error::msg)?;
    let like = value_at(&scenario, &vary.path);
    let mut points = Vec::new();
    for v in &vary.values {
        let s = scenario
            .with(&vary.path, &vary.value(*v, like.as_ref()))
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let (tally, info) = one(&args, &s, &dir).await?;
        let folder = args.out.join(format!("{}={v}", vary.path));
        report::write(&folder, &locales, args.lang, &s, &tally, &info)?;
        println!(
            "{}={v}: {} urgent requests, {} overdue, p90 {} min, {} reached staff ({:.1} s)",
            vary.path,
            tally.urgent.requests,
            tally.urgent.overdue,
            tally.urgent.p90.map_or("-".into(), |p| format!("{p:.0}")),
            tally.totals.chains_exhausted,
            info.seconds
        );
        points.push(SweepPoint::of(*v, &tally, info.seconds));
    }
    let html = sweep::write_sweep(&args.out, &locales, args.lang, &scenario, &vary.path, &points)?;
    println!("sweep: {}", html.display());
    Ok(())
}

async fn one(args: &SimulateArgs, scenario: &Scenario, dir: &Path) -> anyhow::Result<(Tally, RunInfo)> {
    let database = args.database.clone().unwrap_or_else(|| IN_MEMORY.to_string());
    let config = run::config(scenario, &database, dir)?;
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(u64::from(scenario.days) * 24)
    };
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} h ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(scenario.name.clone());
    let started = Instant::now();
    let on_hour = |h: u64| bar.set_position(h);
    let tally = run::run(scenario, config, Progress { on_hour: &on_hour }).await?;
    bar.finish_and_clear();
    let info = RunInfo {
        seconds: started.elapsed().as_secs_f64(),
        peak_mib: report::peak_mib(),
        database: if args.database.is_some() { "given" } else { "memory" }.into(),
    };
    Ok((tally, info))
}

fn summary(t: &Tally, info: &RunInfo) {
    println!(
        "{}: {} patients, {} reports, {} care requests; urgent: {} offered, p50/p90/max {}/{}/{} min, {} overdue; {} reached staff; {:.1} s{}",
        t.scenario,
        t.totals.patients,
        t.totals.reports,
        t.totals.requests,
        t.urgent.requests,
        t.urgent.p50.map_or("-".into(), |p| format!("{p:.0}")),
        t.urgent.p90.map_or("-".into(), |p| format!("{p:.0}")),
        t.urgent.max.map_or("-".into(), |p| format!("{p:.0}")),
        t.urgent.overdue,
        t.totals.chains_exhausted,
        info.seconds,
        info.peak_mib.map_or(String::new(), |m| format!(", peak {m:.0} MiB")),
    );
}
