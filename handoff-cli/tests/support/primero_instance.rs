//! A stand-in for a centre's Primero instance on 127.0.0.1, for the push and check tests.
//! It answers the endpoints the tool uses as Primero's API does (primeroIMS/primero
//! `doc/api.md` and `app/controllers/api/v2/`): a token in the `Authorization` header of
//! `POST /api/v2/tokens`; 401 without it; the forms and paged lookups built from a contract;
//! a case refused with 422 at Primero's pointers when the contract refuses it, 409 when its
//! id is taken, 204 when kept; flags kept as posted — duplicates included, as Primero does.
//! A test can make it lose the answers to flag posts (the flag is kept, the answer is a 500:
//! a failure between a case and its flags), or require a field Primero's own validation
//! would require.
use intake::primero::contract::{Contract, Field};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

pub const USER: &str = "intake.desk";
pub const PASSWORD: &str = "a test password";
const TOKEN: &str = "test-token";

#[derive(Default)]
pub struct State {
    pub cases: BTreeMap<String, Value>,
    pub flags: BTreeMap<String, Vec<String>>,
    /// How many flag posts to keep but answer with a 500.
    pub lose_flag_answers: usize,
    /// A field every new case must carry.
    pub required: Option<String>,
    /// How many requests asked for a case or a flag to be written.
    pub writes: usize,
    /// Sign-in answers with a session cookie only, as Primero does from v2.11: requests
    /// then carry HTTP Basic credentials.
    pub no_bearer: bool,
    /// Fields kept out of a new case silently (the user's role may not write them).
    pub unwritable: Vec<String>,
}

pub struct Instance {
    pub url: String,
    pub state: Arc<Mutex<State>>,
}

impl Instance {
    /// Starts an instance whose forms and lookups are `contract`'s.
    pub fn start(contract: Contract) -> Instance {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("a port");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for mut request in server.incoming_requests() {
                let mut body = String::new();
                let _ = request.as_reader().read_to_string(&mut body);
                let auth = request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv("Authorization"))
                    .map(|h| h.value.as_str().to_owned());
                let method = request.method().as_str().to_owned();
                let url = request.url().to_owned();
                let (status, reply, token) = {
                    let mut s = shared.lock().expect("state");
                    answer(&contract, &mut s, &method, &url, auth.as_deref(), &body)
                };
                let mut response = tiny_http::Response::from_string(reply.to_string())
                    .with_status_code(status)
                    .with_header(
                        tiny_http::Header::from_bytes("Content-Type", "application/json")
                            .expect("header"),
                    );
                if token {
                    response = response.with_header(
                        tiny_http::Header::from_bytes("Authorization", format!("Bearer {TOKEN}"))
                            .expect("header"),
                    );
                }
                let _ = request.respond(response);
            }
        });
        Instance {
            url: format!("http://127.0.0.1:{port}"),
            state,
        }
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        f(&mut self.state.lock().expect("state"))
    }
}

fn error(status: u16, resource: &str, message: &str, detail: Option<&str>) -> Value {
    let mut e = json!({ "status": status, "resource": resource, "message": message });
    if let Some(d) = detail {
        e["detail"] = json!(d);
    }
    json!({ "errors": [e] })
}

/// Standard base64, as a client sends Basic credentials.
fn base64_of(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

/// Primero's 422 for a body without `data`.
fn missing_data(path: &str) -> (u16, Value, bool) {
    let message = "param is missing or the value is empty: data";
    (422, error(422, path, message, None), false)
}

/// One answer: status, body, and whether a token goes in the `Authorization` header.
fn answer(
    contract: &Contract,
    s: &mut State,
    method: &str,
    url: &str,
    auth: Option<&str>,
    body: &str,
) -> (u16, Value, bool) {
    let path = url.split('?').next().unwrap_or(url);
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    if (method, path) == ("POST", "/api/v2/tokens") {
        let sent: Value = serde_json::from_str(body).unwrap_or(Value::Null);
        let ok = sent.pointer("/user/user_name") == Some(&json!(USER))
            && sent.pointer("/user/password") == Some(&json!(PASSWORD));
        return if ok {
            (200, json!({ "id": 1, "user_name": USER }), !s.no_bearer)
        } else {
            (
                401,
                json!({ "error": "Invalid User name or password." }),
                false,
            )
        };
    }
    let basic = format!("Basic {}", base64_of(&format!("{USER}:{PASSWORD}")));
    let bearer = format!("Bearer {TOKEN}");
    let wanted = if s.no_bearer { &basic } else { &bearer };
    if auth != Some(wanted.as_str()) {
        return (401, error(401, path, "Unauthorized", None), false);
    }
    let parts: Vec<&str> = path.trim_start_matches("/api/v2/").split('/').collect();
    match (method, parts.as_slice()) {
        ("GET", ["forms"]) => (200, forms(contract), false),
        ("GET", ["lookups"]) => (200, lookups(contract, query), false),
        ("POST", ["cases"]) => {
            s.writes += 1;
            let sent: Value = match serde_json::from_str(body) {
                Ok(v) => v,
                Err(_) => {
                    return missing_data(path);
                }
            };
            if let Some(p) = contract.check(&sent).first() {
                return (422, error(422, path, &p.what, Some(&p.pointer)), false);
            }
            if let Some(field) = &s.required
                && sent["data"].get(field).is_none()
            {
                return (422, error(422, path, "is required", Some(field)), false);
            }
            let id = sent["data"]["id"].as_str().unwrap_or_default().to_owned();
            if s.cases.contains_key(&id) {
                return (
                    409,
                    error(
                        409,
                        path,
                        "Conflict: A record with this id already exists",
                        None,
                    ),
                    false,
                );
            }
            let mut kept = sent["data"].clone();
            if let Some(o) = kept.as_object_mut() {
                for field in &s.unwritable {
                    o.remove(field);
                }
            }
            s.cases.insert(id, kept);
            (204, Value::Null, false)
        }
        ("GET", ["cases", id]) => match s.cases.get(*id) {
            Some(case) => (200, json!({ "data": case }), false),
            None => (404, error(404, path, "Not Found", None), false),
        },
        ("GET", ["cases", id, "flags"]) => match s.flags.get(*id) {
            _ if !s.cases.contains_key(*id) => (404, error(404, path, "Not Found", None), false),
            flags => {
                let list: Vec<Value> = flags
                    .into_iter()
                    .flatten()
                    .enumerate()
                    .map(|(i, m)| json!({ "id": i + 1, "message": m, "removed": false }))
                    .collect();
                (200, json!({ "data": list }), false)
            }
        },
        ("POST", ["cases", id, "flags"]) => {
            s.writes += 1;
            if !s.cases.contains_key(*id) {
                return (404, error(404, path, "Not Found", None), false);
            }
            let sent: Value = serde_json::from_str(body).unwrap_or(Value::Null);
            let Some(message) = sent.pointer("/data/message").and_then(Value::as_str) else {
                return missing_data(path);
            };
            s.flags
                .entry((*id).to_owned())
                .or_default()
                .push(message.to_owned());
            if s.lose_flag_answers > 0 {
                s.lose_flag_answers -= 1;
                return (500, error(500, path, "the answer was lost", None), false);
            }
            (200, json!({ "data": { "message": message } }), false)
        }
        _ => (404, error(404, path, "Not Found", None), false),
    }
}

/// `GET /api/v2/forms`: one case form per module, each subform a nested form of its own.
fn forms(contract: &Contract) -> Value {
    let mut out = Vec::new();
    let mut next = 1;
    let field = |name: &str, f: &Field, subform: Option<i64>| {
        let mut v = json!({ "name": name, "type": f.kind, "visible": true });
        if let Some(l) = &f.options {
            v["option_strings_source"] = json!(format!("lookup {l}"));
        }
        if let Some(id) = subform {
            v["subform_section_id"] = json!(id);
        }
        v
    };
    for (module, fields) in &contract.modules {
        let mut list = Vec::new();
        for (name, f) in fields {
            let sub = (f.kind == "subform").then(|| {
                next += 1;
                let inner: Vec<Value> = f.fields.iter().map(|(n, g)| field(n, g, None)).collect();
                out.push(json!({
                    "id": next, "unique_id": format!("{module}_{name}"), "parent_form": "case",
                    "is_nested": true, "module_ids": [module], "fields": inner,
                }));
                next
            });
            list.push(field(name, f, sub));
        }
        next += 1;
        out.push(json!({
            "id": next, "unique_id": format!("{module}_case"), "parent_form": "case",
            "is_nested": false, "module_ids": [module], "fields": list,
        }));
    }
    json!({ "data": out })
}

/// `GET /api/v2/lookups?per=…&page=…`, paged as Primero pages it.
fn lookups(contract: &Contract, query: &str) -> Value {
    let param = |name: &str, default: usize| {
        query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == name)
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(default)
    };
    // Two lookups a page at most here, so the tool's paging is exercised.
    let per = param("per", 20).min(2);
    let page = param("page", 1).max(1);
    let all: Vec<Value> = contract
        .lookups
        .iter()
        .map(|(id, values)| {
            json!({ "unique_id": id, "values": values.iter().map(|v| json!({ "id": v })).collect::<Vec<_>>() })
        })
        .collect();
    let data: Vec<Value> = all
        .iter()
        .skip((page - 1) * per)
        .take(per)
        .cloned()
        .collect();
    json!({ "data": data, "metadata": { "total": all.len(), "per": per, "page": page } })
}
