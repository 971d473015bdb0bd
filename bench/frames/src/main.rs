//! The desk's hardest camera frames: a real code as a slip held in a hand — tilted; at a
//! steep angle with motion blur; in dim light with sensor noise; far away (the code about
//! 150 px wide in 640×480); under thermal-paper glare; on a phone's screen — drawn the same on
//! every run (`scene`).
//!
//! - `frames make DIR` draws the set of a freshly sealed code as PNGs with a list
//!   (`frames.json`), for `bench/browser/frames.mjs` (`make bench`).
//! - `frames read DIR` reads each frame natively with the desk's decoder (`intake::scan`) and
//!   with `rqrr` (the desk's decoder before it), one JSON line a frame.
//! - `frames video CODE OUT.y4m` draws the hardest far frames of CODE as a Y4M video, for
//!   Chromium's fake camera in the end-to-end test.
mod scene;

use intake::handoff::{Handoff, HandoffId, KeyPair, KioskLetter, Ticket, qr_code, seal};
use scene::{Carrier, Rng, Scene};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// Frames of each kind.
const EACH: u32 = 12;
/// The kinds: what a hand, a lamp and a cheap camera do; within each, the hardest last.
const KINDS: [&str; 6] = [
    "tilted",
    "steep and moving",
    "dim and noisy",
    "far",
    "glare",
    "phone",
];
/// The set's seed: the same frames on every run (the code inside is new each time).
const SEED: u64 = 20_261_203;

/// The `i`-th scene of `kind`.
fn scene(kind: &str, i: u32, rng: &mut Rng) -> Scene {
    let t = i as f32 / (EACH - 1) as f32; // 0: mild, 1: the hardest
    let mut s = Scene {
        carrier: Carrier::Slip {
            paper: 238,
            ink: 25,
        },
        code_px: rng.range(220.0, 270.0),
        centre: (rng.range(0.4, 0.6), rng.range(0.42, 0.58)),
        turn: rng.range(-12.0, 12.0),
        tilt: rng.range(0.0, 15.0),
        tilt_axis: rng.range(0.0, 180.0),
        light: 0.95,
        glare: None,
        motion: None,
        blur: 0.7,
        noise: 4.0,
        seed: rng.next(),
    };
    match kind {
        "tilted" => {
            s.turn = (10.0 + 70.0 * t) * if i.is_multiple_of(2) { 1.0 } else { -1.0 };
            s.tilt = 20.0 + 30.0 * t;
        }
        "steep and moving" => {
            s.tilt = 45.0 + 20.0 * t;
            s.motion = Some((2.0 + 6.0 * t, rng.range(0.0, 180.0)));
        }
        "dim and noisy" => {
            s.light = 0.4 - 0.22 * t;
            s.noise = 5.0 + 12.0 * t;
            s.blur = 0.9;
        }
        "far" => {
            s.code_px = 160.0 - 20.0 * t;
            s.centre = (rng.range(0.25, 0.75), rng.range(0.3, 0.7));
            s.turn = rng.range(-30.0, 30.0);
            s.tilt = rng.range(0.0, 25.0);
            s.blur = 0.6 + 0.3 * t;
        }
        "glare" => {
            s.carrier = Carrier::Slip {
                paper: 232,
                ink: (60.0 + 50.0 * t) as u8,
            };
            let (cx, cy) = s.centre;
            let off = s.code_px / 640.0 * rng.range(-0.3, 0.3);
            s.glare = Some((
                120.0 + 100.0 * t,
                rng.range(0.2, 0.35),
                (cx + off, cy - off),
            ));
            s.tilt = rng.range(10.0, 30.0);
        }
        "phone" => {
            s.carrier = Carrier::Phone;
            s.code_px = rng.range(170.0, 230.0);
            s.light = 0.9;
            s.turn = rng.range(-25.0, 25.0);
            s.tilt = 10.0 + 25.0 * t;
            let (cx, cy) = s.centre;
            s.glare = Some((
                60.0 + 80.0 * t,
                rng.range(0.3, 0.5),
                (cx + rng.range(-0.1, 0.1), cy),
            ));
        }
        _ => {}
    }
    s
}

/// Every scene of the set, in order: (kind, index, scene).
fn the_set() -> Vec<(&'static str, u32, Scene)> {
    let mut rng = Rng::new(SEED);
    KINDS
        .iter()
        .flat_map(|kind| (0..EACH).map(move |i| (*kind, i)))
        .map(|(kind, i)| (kind, i, scene(kind, i, &mut rng)))
        .collect()
}

/// A code as the kiosk makes it: her answers sealed to a staff key, with a kiosk key.
fn a_real_code() -> Result<String, String> {
    let staff = KeyPair::generate().map_err(|e| e.to_string())?;
    let kiosk = KeyPair::generate().map_err(|e| e.to_string())?;
    let now = intake::handoff::build_minutes().after(intake::clock::Span::days(1));
    let handoff = Handoff {
        created_minutes: now,
        id: HandoffId::random().ok_or("no randomness")?,
        ticket: Ticket {
            letter: KioskLetter::DEFAULT,
            number: 17,
        },
        answers: intake::Answers::default(),
    };
    seal(&handoff, staff.public(), &kiosk, now).map_err(|e| e.to_string())
}

/// The code's modules (dark = true) and its width in modules.
fn modules(text: &str) -> Result<(Vec<bool>, u32), String> {
    let code = qr_code(text).map_err(|e| e.to_string())?;
    let width = u32::try_from(code.width()).map_err(|e| e.to_string())?;
    Ok((
        code.to_colors()
            .iter()
            .map(|c| c.select(true, false))
            .collect(),
        width,
    ))
}

fn make(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let text = a_real_code()?;
    let (modules, width) = modules(&text)?;
    let mut list = Vec::new();
    for (kind, i, s) in the_set() {
        let file = format!("{}-{i:02}.png", kind.replace(' ', "-"));
        scene::draw(&modules, width, &s)
            .save(dir.join(&file))
            .map_err(|e| format!("{file}: {e}"))?;
        list.push(serde_json::json!({ "file": file, "kind": kind, "code_px": s.code_px.round() }));
    }
    let index = serde_json::json!({
        "text": text, "frames": list, "width": scene::WIDTH, "height": scene::HEIGHT,
    });
    std::fs::write(dir.join("frames.json"), index.to_string()).map_err(|e| e.to_string())?;
    println!(
        "{} frames of {}×{} in {}",
        list.len(),
        scene::WIDTH,
        scene::HEIGHT,
        dir.display()
    );
    Ok(())
}

fn rqrr_reads(grey: &image::GrayImage) -> Option<String> {
    let (w, h) = (grey.width() as usize, grey.height() as usize);
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        grey.get_pixel(x as u32, y as u32).0[0]
    });
    prepared
        .detect_grids()
        .into_iter()
        .find_map(|g| g.decode().ok().map(|(_, text)| text))
}

fn read(dir: &Path) -> Result<(), String> {
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("frames.json"))
            .map_err(|e| format!("frames.json: {e}"))?,
    )
    .map_err(|e| format!("frames.json: {e}"))?;
    let text = index["text"].as_str().ok_or("frames.json: no text")?;
    for frame in index["frames"].as_array().ok_or("frames.json: no frames")? {
        let file = frame["file"]
            .as_str()
            .ok_or("frames.json: a frame without a file")?;
        let grey = image::open(dir.join(file))
            .map_err(|e| format!("{file}: {e}"))?
            .to_luma8();
        let (w, h) = grey.dimensions();
        let t0 = Instant::now();
        let desk = intake::scan::decode_grey(grey.as_raw().clone(), w as usize, h as usize);
        let desk_ms = t0.elapsed().as_secs_f64() * 1000.0;
        let t0 = Instant::now();
        let rqrr = rqrr_reads(&grey);
        let rqrr_ms = t0.elapsed().as_secs_f64() * 1000.0;
        println!(
            "{}",
            serde_json::json!({
                "file": file,
                "desk": desk.as_deref() == Some(text), "desk_ms": desk_ms,
                "rqrr": rqrr.as_deref() == Some(text), "rqrr_ms": rqrr_ms,
            })
        );
    }
    Ok(())
}

/// The far frames, hardest last, each held for a third of a second, as a 640×480 Y4M video
/// (greyscale in the luma plane, the chroma planes neutral).
fn video(code: &str, out: &Path) -> Result<(), String> {
    let (modules, width) = modules(code)?;
    let (w, h) = (scene::WIDTH as usize, scene::HEIGHT as usize);
    let mut bytes = format!("YUV4MPEG2 W{w} H{h} F30:1 Ip A1:1 C420jpeg\n").into_bytes();
    for (_, _, s) in the_set()
        .into_iter()
        .filter(|(kind, i, _)| *kind == "far" && *i >= EACH - 3)
    {
        let frame = scene::draw(&modules, width, &s);
        for _ in 0..10 {
            bytes.extend_from_slice(b"FRAME\n");
            bytes.extend_from_slice(frame.as_raw());
            bytes.extend(std::iter::repeat_n(128u8, w * h / 2));
        }
    }
    std::fs::write(out, bytes).map_err(|e| format!("{}: {e}", out.display()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let result = match (args.get(1).map(String::as_str), args.get(2), args.get(3)) {
        (Some("make"), Some(dir), None) => make(Path::new(dir)),
        (Some("read"), Some(dir), None) => read(Path::new(dir)),
        (Some("video"), Some(code), Some(out)) => video(code, Path::new(out)),
        _ => Err("usage: frames make DIR | frames read DIR | frames video CODE OUT.y4m".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("frames: {e}");
            ExitCode::FAILURE
        }
    }
}
