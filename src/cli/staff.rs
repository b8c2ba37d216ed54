//! `mimamori staff …`: staff accounts, their passwords and API tokens. The command line runs on
//! the server as its operator: it may do what an admin may, and its changes are audited as the
//! command line's (no staff id).

use std::io::BufRead;

use serde_json::json;

use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::domain::access::Role;
use crate::domain::password::{self, Weak};
use crate::store::staff::{self, NewStaff};
use crate::store::{Conn, Db};

pub struct AddStaff {
    pub name: String,
    pub role: Role,
    pub login: Option<String>,
    pub areas: Vec<String>,
    pub json: bool,
}

/// The first line of stdin: a password, never echoed nor taken from the command line (where
/// `ps` and the shell history would keep it).
fn password_from_stdin(login: &str) -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    match password::check_new(&password, login) {
        Ok(()) => Ok(password),
        Err(Weak::TooShort) => anyhow::bail!(
            "the password (read from stdin) must be at least {} characters",
            password::MIN_LENGTH
        ),
        Err(Weak::SameAsLogin) => anyhow::bail!("the password must not be the login"),
    }
}

pub(super) async fn add_staff(config: Config, a: AddStaff) -> anyhow::Result<()> {
    let name = a.name.trim();
    if name.is_empty() {
        anyhow::bail!("--name must not be empty");
    }
    let login = a.login.as_deref().map(str::trim).filter(|l| !l.is_empty());
    let hash = match login {
        Some(l) => Some(password::hash(&password_from_stdin(l)?).map_err(|e| anyhow::anyhow!("{e}"))?),
        None => None,
    };
    let areas: Vec<String> = a
        .areas
        .iter()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect();
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let now = SystemClock.now();
    let new = NewStaff {
        name,
        role: a.role,
        login,
        password_hash: hash.as_deref(),
        areas: (!areas.is_empty()).then_some(areas.as_slice()),
    };
    let Some((id, token)) = staff::add(&mut tx, &new, now + config.api_token_validity, now).await? else {
        anyhow::bail!("the login {:?} is taken", login.unwrap_or_default());
    };
    staff::audit(&mut tx, None, "staff.add", Some(&format!("staff:{id}")), now).await?;
    tx.commit().await?;
    let expires = (now + config.api_token_validity).to_rfc3339();
    if a.json {
        println!(
            "{}",
            json!({"staff_id": id, "name": name, "role": a.role.code(), "login": login, "token": token, "token_expires_at": expires})
        );
    } else {
        println!("staff id:  {id}");
        println!("API token: {token} (valid until {expires})");
        println!("This token is shown once. Use it as: Authorization: Bearer <token>");
    }
    Ok(())
}

/// The staff member a command names: a login or an id.
async fn find(conn: &mut Conn, who: &str) -> anyhow::Result<staff::Staff> {
    let found = match who.parse::<i64>() {
        Ok(id) => staff::get(conn, id).await?,
        Err(_) => staff::by_login(conn, who).await?.map(|c| c.staff),
    };
    found.ok_or_else(|| anyhow::anyhow!("no staff member {who:?} (a login or an id)"))
}

pub(super) async fn passwd(config: Config, who: &str) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let s = find(&mut tx, who).await?;
    let Some(login) = s.login.clone() else {
        anyhow::bail!("staff member {} has no login; add one with a new account", s.id);
    };
    let hash = password::hash(&password_from_stdin(&login)?).map_err(|e| anyhow::anyhow!("{e}"))?;
    staff::set_password(&mut tx, s.id, &hash).await?;
    staff::audit(
        &mut tx,
        None,
        "staff.passwd",
        Some(&format!("staff:{}", s.id)),
        SystemClock.now(),
    )
    .await?;
    tx.commit().await?;
    println!("password changed for {login}");
    Ok(())
}

pub(super) async fn disable(config: Config, who: &str) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let s = find(&mut tx, who).await?;
    let now = SystemClock.now();
    if staff::disable(&mut tx, s.id, now).await? == 0 {
        anyhow::bail!("staff member {} is already disabled", s.id);
    }
    staff::audit(&mut tx, None, "staff.disable", Some(&format!("staff:{}", s.id)), now).await?;
    tx.commit().await?;
    println!(
        "disabled {} (id {}): their tokens and sessions no longer work",
        s.name, s.id
    );
    Ok(())
}

pub(super) async fn list(config: Config, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let accounts = staff::list(&mut tx).await?;
    staff::audit(&mut tx, None, "staff.list", None, SystemClock.now()).await?;
    tx.commit().await?;
    let rows: Vec<_> = accounts
        .iter()
        .map(|a| {
            json!({
                "id": a.staff.id, "name": a.staff.name, "login": a.staff.login, "role": a.staff.role.code(),
                "areas": a.staff.areas, "disabled": a.disabled,
                "locked_until": a.locked_until.map(|t| t.to_rfc3339()),
            })
        })
        .collect();
    if as_json {
        println!("{}", json!({ "staff": rows }));
        return Ok(());
    }
    for a in &accounts {
        println!(
            "{:>4}  {:<8} {:<16} {}{}{}",
            a.staff.id,
            a.staff.role.code(),
            a.staff.login.as_deref().unwrap_or("-"),
            a.staff.name,
            a.staff
                .areas
                .as_ref()
                .map(|x| format!("  areas: {}", x.join(",")))
                .unwrap_or_default(),
            if a.disabled { "  (disabled)" } else { "" },
        );
    }
    Ok(())
}

pub(super) async fn add_token(config: Config, who: &str, days: Option<i64>, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let s = find(&mut tx, who).await?;
    let now = SystemClock.now();
    let validity = days.map_or(config.api_token_validity, chrono::Duration::days);
    let (id, token) = staff::issue_token(&mut tx, s.id, now + validity, now).await?;
    staff::audit(&mut tx, None, "staff.token_add", Some(&format!("api_token:{id}")), now).await?;
    tx.commit().await?;
    let expires = (now + validity).to_rfc3339();
    if as_json {
        println!(
            "{}",
            json!({"token_id": id, "staff_id": s.id, "token": token, "expires_at": expires})
        );
    } else {
        println!("token id:  {id}");
        println!("API token: {token} (valid until {expires}; shown once)");
    }
    Ok(())
}

pub(super) async fn revoke_token(config: Config, who: &str, token: Option<i64>) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let s = find(&mut tx, who).await?;
    let now = SystemClock.now();
    let n = staff::revoke_tokens(&mut tx, s.id, token, now).await?;
    if n == 0 {
        anyhow::bail!("no token to revoke");
    }
    let subject = token.map_or(format!("staff:{}", s.id), |t| format!("api_token:{t}"));
    staff::audit(&mut tx, None, "staff.token_revoke", Some(&subject), now).await?;
    tx.commit().await?;
    println!("revoked {n} token(s) of {}: refused from now on", s.name);
    Ok(())
}

pub(super) async fn list_tokens(config: Config, who: &str, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let s = find(&mut tx, who).await?;
    let tokens = staff::tokens_of(&mut tx, s.id).await?;
    tx.commit().await?;
    let at = |ms: i64| crate::store::from_ms(ms).to_rfc3339();
    let rows: Vec<_> = tokens
        .iter()
        .map(|t| json!({"id": t.id, "created_at": at(t.created_at), "expires_at": at(t.expires_at), "revoked_at": t.revoked_at.map(at)}))
        .collect();
    if as_json {
        println!("{}", json!({ "tokens": rows }));
    } else {
        for t in &tokens {
            println!(
                "{:>4}  expires {}{}",
                t.id,
                at(t.expires_at),
                t.revoked_at.map(|r| format!("  revoked {}", at(r))).unwrap_or_default()
            );
        }
    }
    Ok(())
}

pub(super) async fn chat_code(config: Config, who: &str, as_json: bool) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    let locales = crate::i18n::Locales::load().map_err(anyhow::Error::msg)?;
    let ctx = crate::care::context::Ctx {
        config: &config,
        locales: &locales,
        now: SystemClock.now(),
    };
    let mut tx = db.begin().await?;
    let s = find(&mut tx, who).await?;
    let (code, expires) = crate::conversation::enrolment::staff_code(&mut tx, &ctx, s.id).await?;
    staff::audit(
        &mut tx,
        None,
        "staff.chat_code",
        Some(&format!("staff:{}", s.id)),
        ctx.now,
    )
    .await?;
    tx.commit().await?;
    super::common::print_code(&config, "staff", s.id, &code, expires, as_json);
    Ok(())
}

pub(super) async fn duty(config: Config, who: &str, shifts: &[String], order: i64) -> anyhow::Result<()> {
    let shifts: Vec<String> = shifts
        .iter()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect();
    if let Some(bad) = shifts
        .iter()
        .find(|x| crate::domain::calendar::Shift::from_code(x).is_none())
    {
        anyhow::bail!("--shifts: {bad:?} is not day, night or holiday");
    }
    if order < 1 {
        anyhow::bail!("--order must be 1 or more");
    }
    let db = Db::connect(&config.database_url).await?;
    let mut tx = db.begin().await?;
    let s = find(&mut tx, who).await?;
    staff::set_duty(&mut tx, s.id, &shifts, order).await?;
    staff::audit(
        &mut tx,
        None,
        "staff.duty",
        Some(&format!("staff:{}", s.id)),
        SystemClock.now(),
    )
    .await?;
    tx.commit().await?;
    if shifts.is_empty() {
        println!("{} is off the staff roster", s.name);
    } else {
        println!(
            "{} is on duty in {} (paged in order {order})",
            s.name,
            shifts.join(", ")
        );
    }
    Ok(())
}
