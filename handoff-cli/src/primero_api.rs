//! Primero's API as `handoff primero check` and `push` use it (primeroIMS/primero
//! `doc/api.md`): sign in at `POST /api/v2/tokens`; the forms; every page of the lookups; a
//! new case, read back; a case's flags. Up to v2.10 Primero answers the sign-in with a JWT in
//! the `Authorization` header; from v2.11 (devise-jwt removed) with a browser session cookie
//! only, which an API client cannot use without a CSRF token — there every request carries
//! HTTP Basic credentials instead (Devise's `http_authenticatable`, which both lines accept).
//! No redirect is followed (a password or a case is never sent on to another address); an
//! address is `https://`, or plain `http://` to this machine only (tests), never with a user
//! name or password inside it.
use base64::Engine;
use serde_json::{Value, json};
use std::time::Duration;
use zeroize::Zeroizing;

/// A signed-in session with one instance.
pub struct Api {
    agent: ureq::Agent,
    base: String,
    /// The `Authorization` header: a bearer token, or Basic credentials.
    authorization: Zeroizing<String>,
}

/// What became of a post.
#[derive(Debug)]
pub enum Posted {
    Done,
    /// 409: a record with this id is already there.
    Conflict,
    /// 422: refused, with one line per problem (the JSON pointer first).
    Refused(Vec<String>),
    /// Anything else: the network, the server, the sign-in.
    Failed(String),
}

/// The address, checked: `https://host[:port][/path]`, or `http://` to this machine only;
/// no user name or password inside it.
pub fn base(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    let refuse = |why: &str| Err(format!("{url}: {why}"));
    let Some((scheme, rest)) = url.split_once("://") else {
        return refuse("give the instance's https:// address");
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    if authority.is_empty() || !authority.chars().all(plain) {
        return refuse("not a plain host name (no user name or password in the address)");
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6
            .split(']')
            .next()
            .map(|h| format!("[{h}]"))
            .unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default().to_owned(),
    };
    let port = authority
        .get(host.len()..)
        .unwrap_or_default()
        .strip_prefix(':');
    if port.is_some_and(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return refuse("the port is not a number");
    }
    let local = ["127.0.0.1", "localhost", "[::1]"].contains(&host.as_str());
    match scheme {
        "https" => Ok(url.to_owned()),
        "http" if local => Ok(url.to_owned()),
        _ => refuse(
            "give the instance's https:// address (a password and cases never go over plain http)",
        ),
    }
}

/// The problems of a 422, from Primero's `{"errors": [{"detail", "message"}]}`.
fn problems(body: &str) -> Vec<String> {
    let parsed: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let words = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    };
    // Primero names a field (`sex`) or a pointer within `data` (`/sex`).
    let pointer = |d: &str| {
        if d.starts_with("/data/") {
            d.to_owned()
        } else {
            format!("/data/{}", d.trim_start_matches('/'))
        }
    };
    let mut out = Vec::new();
    for e in parsed
        .get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let message = words(e.get("message"));
        match e.get("detail") {
            Some(Value::String(d)) => out.push(format!("{}: {message}", pointer(d))),
            Some(Value::Array(list)) => {
                for d in list.iter().filter_map(Value::as_str) {
                    out.push(format!("{}: {message}", pointer(d)));
                }
            }
            _ => out.push(message),
        }
    }
    if out.is_empty() {
        out.push("refused without a reason given".to_owned());
    }
    out
}

impl Api {
    /// Signs in as `user`.
    pub fn login(url: &str, user: &str, password: &Zeroizing<String>) -> Result<Api, String> {
        let base = base(url)?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let body = Zeroizing::new(
            json!({ "user": { "user_name": user, "password": password.as_str() } }).to_string(),
        );
        let mut reply = agent
            .post(format!("{base}/api/v2/tokens"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .send(body.as_str())
            .map_err(|e| format!("{base}: cannot reach the instance: {e}"))?;
        match reply.status().as_u16() {
            200 | 201 => {}
            401 => return Err(format!("{base}: the user name or password was refused")),
            s => return Err(format!("{base}/api/v2/tokens answered {s}")),
        }
        let token = reply
            .headers()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .filter(|v| v.starts_with("Bearer "))
            .map(str::to_owned);
        // The body only names the user; read it so the connection can be reused.
        let _ = reply.body_mut().read_to_string();
        let authorization = Zeroizing::new(match token {
            Some(bearer) => bearer,
            None => {
                let pair = Zeroizing::new(format!("{user}:{}", password.as_str()));
                format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(pair.as_bytes())
                )
            }
        });
        Ok(Api {
            agent,
            base,
            authorization,
        })
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        let mut reply = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("Authorization", self.authorization.as_str())
            .header("Accept", "application/json")
            .call()
            .map_err(|e| format!("{path}: {e}"))?;
        let status = reply.status().as_u16();
        let text = reply
            .body_mut()
            .read_to_string()
            .map_err(|e| format!("{path}: {e}"))?;
        if status != 200 {
            return Err(format!("{path} answered {status}"));
        }
        serde_json::from_str(&text).map_err(|e| format!("{path}: not JSON: {e}"))
    }

    fn post(&self, path: &str, body: &Value) -> Posted {
        let sent = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Authorization", self.authorization.as_str())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .send(body.to_string().as_str());
        let mut reply = match sent {
            Ok(r) => r,
            Err(e) => return Posted::Failed(format!("{path}: {e}")),
        };
        let status = reply.status().as_u16();
        let text = reply.body_mut().read_to_string().unwrap_or_default();
        match status {
            200 | 201 | 204 => Posted::Done,
            409 => Posted::Conflict,
            422 => Posted::Refused(problems(&text)),
            401 => Posted::Failed("the sign-in expired or was refused (401)".to_owned()),
            s => Posted::Failed(format!("{path} answered {s}")),
        }
    }

    /// Every form section (`GET /api/v2/forms`).
    pub fn forms(&self) -> Result<Value, String> {
        self.get("/api/v2/forms")
    }

    /// Every lookup, page after page (`GET /api/v2/lookups`, at most 1000 a page).
    pub fn lookups(&self) -> Result<Vec<Value>, String> {
        let mut all = Vec::new();
        for page in 1..=100 {
            let reply = self.get(&format!("/api/v2/lookups?per=1000&page={page}"))?;
            let data = reply
                .get("data")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let total = reply
                .pointer("/metadata/total")
                .and_then(Value::as_u64)
                .unwrap_or(0);
            let empty = data.is_empty();
            all.extend(data);
            if empty || all.len() as u64 >= total {
                return Ok(all);
            }
        }
        Err("/api/v2/lookups: more than 100 pages".to_owned())
    }

    /// Posts a new case (`POST /api/v2/cases`).
    pub fn post_case(&self, body: &Value) -> Posted {
        self.post("/api/v2/cases", body)
    }

    /// Case `id` as Primero keeps it (the fields this user may read).
    pub fn case(&self, id: &str) -> Result<Value, String> {
        let reply = self.get(&format!("/api/v2/cases/{id}"))?;
        reply
            .get("data")
            .cloned()
            .ok_or_else(|| format!("/api/v2/cases/{id}: no data"))
    }

    /// The messages of the flags on case `id`.
    pub fn flags(&self, id: &str) -> Result<Vec<String>, String> {
        let reply = self.get(&format!("/api/v2/cases/{id}/flags"))?;
        Ok(reply
            .get("data")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|f| f.get("message").and_then(Value::as_str).map(str::to_owned))
            .collect())
    }

    /// Posts one flag on case `id`.
    pub fn post_flag(&self, id: &str, body: &Value) -> Posted {
        self.post(&format!("/api/v2/cases/{id}/flags"), body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_this_machine_is_taken() {
        assert_eq!(
            base("https://primero.example.org/").as_deref(),
            Ok("https://primero.example.org")
        );
        assert!(base("https://primero.example.org:8443/v2").is_ok());
        assert!(base("http://127.0.0.1:3000").is_ok());
        assert!(base("http://localhost").is_ok());
        assert!(base("http://[::1]:8080").is_ok());
        for bad in [
            "http://primero.example.org",
            "http://127.0.0.1.example.org",
            "http://localhost:1@evil.example/",
            "https://user@evil.example",
            "https://evil.example\\@good.example",
            "http://localhost:x",
            "ftp://x",
            "primero.example.org",
        ] {
            assert!(base(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_refusal_names_primeros_pointers() {
        let body = r#"{"errors":[{"status":422,"resource":"/api/v2/cases","detail":"registration_date","message":"Please enter the date in a valid format"},
            {"code":422,"message":["bad"],"detail":["/sex","age"]}]}"#;
        assert_eq!(
            problems(body),
            vec![
                "/data/registration_date: Please enter the date in a valid format",
                "/data/sex: bad",
                "/data/age: bad"
            ]
        );
        assert_eq!(problems("<html>"), vec!["refused without a reason given"]);
    }
}
