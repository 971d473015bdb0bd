//! Primero's API as `handoff primero check` and `push` use it (primeroIMS/primero
//! `doc/api.md`): a token from `POST /api/v2/tokens`, returned in the `Authorization` header;
//! the forms; every page of the lookups; a new case; a case's flags. No redirect is followed
//! (a password or a case is never sent on to another address), and plain `http://` is taken
//! only for this machine (127.0.0.1, localhost), for tests; anything else must be `https://`.
use serde_json::{Value, json};
use std::time::Duration;

/// A signed-in session with one instance.
pub struct Api {
    agent: ureq::Agent,
    base: String,
    token: String,
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

/// The address, checked: `https://…`, or `http://` to this machine only.
fn base(url: &str) -> Result<String, String> {
    let url = url.trim().trim_end_matches('/');
    let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        .iter()
        .any(|p| {
            url.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
        });
    if url.starts_with("https://") || local {
        Ok(url.to_owned())
    } else {
        Err(format!(
            "{url}: give the instance's https:// address (a password and cases never go over plain http)"
        ))
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
    let pointer = |d: &str| {
        if d.starts_with('/') {
            d.to_owned()
        } else {
            format!("/data/{d}")
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
    pub fn login(url: &str, user: &str, password: &str) -> Result<Api, String> {
        let base = base(url)?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let body = json!({ "user": { "user_name": user, "password": password } }).to_string();
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
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_owned)
            .ok_or_else(|| format!("{base}: signed in, but no token came back"))?;
        // The body only names the user; read it so the connection can be reused.
        let _ = reply.body_mut().read_to_string();
        Ok(Api { agent, base, token })
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        let mut reply = self
            .agent
            .get(format!("{}{path}", self.base))
            .header("Authorization", format!("Bearer {}", self.token))
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
            .header("Authorization", format!("Bearer {}", self.token))
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
        assert!(base("https://primero.example.org/").is_ok());
        assert!(base("http://127.0.0.1:3000").is_ok());
        assert!(base("http://localhost").is_ok());
        assert!(base("http://primero.example.org").is_err());
        assert!(base("http://127.0.0.1.example.org").is_err());
        assert!(base("ftp://x").is_err());
    }

    #[test]
    fn a_refusal_names_primeros_pointers() {
        let body = r#"{"errors":[{"status":422,"resource":"/api/v2/cases","detail":"registration_date","message":"Please enter the date in a valid format"},
            {"code":422,"message":["bad"],"detail":["/data/sex","age"]}]}"#;
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
