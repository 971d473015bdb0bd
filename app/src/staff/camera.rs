//! The camera input: frames from getUserMedia at the camera's best resolution (a code held
//! at arm's length is small in the frame), read by the browser's BarcodeDetector when it has
//! one, otherwise drawn to a canvas and decoded in wasm (`intake::scan`, rxing). No camera, or
//! permission refused: a clear message, and the other inputs still work.
use crate::ui::bilingual::{Bi, two};
use intake::scan::decode_frame;
use intake::two::Two;
use leptos::html;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

async fn start_stream() -> Result<web_sys::MediaStream, String> {
    let devices = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .media_devices()
        .map_err(|_| "this browser has no camera access")?;
    let constraints = web_sys::MediaStreamConstraints::new();
    // The back camera where there is one, at up to 1920×1080: 1280×720 or more where the
    // camera offers it ("ideal" never refuses a camera that has less).
    let video = js_sys::JSON::parse(
        r#"{"facingMode":{"ideal":"environment"},"width":{"ideal":1920},"height":{"ideal":1080}}"#,
    )
    .unwrap_or(wasm_bindgen::JsValue::TRUE);
    constraints.set_video(&video);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| "this browser has no camera access")?;
    let stream = JsFuture::from(promise)
        .await
        .map_err(|_| "no camera, or permission refused")?;
    stream.dyn_into().map_err(|_| "no camera stream".into())
}

fn stop(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// Stops the kept stream, if there is one, and forgets it.
fn stop_kept(stream: &RefCell<Option<web_sys::MediaStream>>) {
    if let Some(s) = stream.borrow_mut().take() {
        stop(&s);
    }
}

/// Reads a frame from the video; returns the decoded text, if a code is in view.
fn scan_frame(
    video: &web_sys::HtmlVideoElement,
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<String> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_video_element(video, 0.0, 0.0)
        .ok()?;
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?
        .data();
    decode_frame(&data, w as usize, h as usize)
}

/// The browser's BarcodeDetector for QR codes, when it has one.
fn barcode_detector() -> Option<js_sys::Object> {
    let window = web_sys::window()?;
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"BarcodeDetector".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &"formats".into(),
        &js_sys::Array::of1(&"qr_code".into()),
    )
    .ok()?;
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of1(&options))
        .ok()?
        .dyn_into()
        .ok()
}

/// Asks the BarcodeDetector for the first code in the video frame.
async fn detect(detector: &js_sys::Object, video: &web_sys::HtmlVideoElement) -> Option<String> {
    let detect: js_sys::Function = js_sys::Reflect::get(detector, &"detect".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = detect.call1(detector, video).ok()?.dyn_into().ok()?;
    let found: js_sys::Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    js_sys::Reflect::get(&found.get(0), &"rawValue".into())
        .ok()?
        .as_string()
}

/// A button that turns the camera on, scans until a code is read, and hands its text over.
#[component]
pub fn CameraScanner(
    /// Called with the text of the first code read.
    on_code: Callback<String>,
) -> impl IntoView {
    let video_ref = NodeRef::<html::Video>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    // The stream and the timer live outside the reactive graph, so that whatever ends the
    // scanner — its cleanup, or a tick that finds its signals gone — stops the camera.
    let stream: Rc<RefCell<Option<web_sys::MediaStream>>> = Rc::default();
    let timer: Rc<Cell<Option<IntervalHandle>>> = Rc::default();
    let running = RwSignal::new(false);
    let message = RwSignal::new(None::<Two>);
    let detector = StoredValue::new_local(barcode_detector());
    let detecting = StoredValue::new(false);
    // When the next frame may be read (ms since the epoch): a slow device's reads are spaced
    // so that at least three quarters of its time stays for the preview and staff's taps.
    let next_read = StoredValue::new(0.0_f64);

    let release = {
        let stream = stream.clone();
        let timer = timer.clone();
        move || {
            if let Some(t) = timer.take() {
                t.clear();
            }
            stop_kept(&stream);
        }
    };
    let turn_off = {
        let stream = stream.clone();
        move || {
            stop_kept(&stream);
            running.set(false);
        }
    };
    let turn_on = {
        let stream = stream.clone();
        move |_| {
            message.set(None);
            let stream = stream.clone();
            leptos::task::spawn_local(async move {
                match start_stream().await {
                    Ok(s) => {
                        // Turned on, then the scanner went (the desk locked): stop at once.
                        if running.try_set(true).is_some() {
                            stop(&s);
                            return;
                        }
                        if let Some(video) = video_ref.get_untracked() {
                            video.set_src_object(Some(&s));
                            let _ = video.play();
                        }
                        *stream.borrow_mut() = Some(s);
                    }
                    Err(_) => {
                        message.try_set(Some(Two::new(
                            "Không có camera hoặc không được phép dùng. Hãy dùng máy quét hoặc dán mã.",
                            "No camera, or permission refused: use the scanner or paste the code.",
                        )));
                    }
                }
            });
        }
    };
    let tick = {
        let release = release.clone();
        let turn_off = turn_off.clone();
        move || {
            // The scanner's signals are gone (its view was replaced): stop the camera and
            // this timer, whether or not its cleanup ran.
            let Some(on) = running.try_get_untracked() else {
                release();
                return;
            };
            if !on {
                return;
            }
            let (Some(video), Some(canvas)) = (
                video_ref.try_get_untracked().flatten(),
                canvas_ref.try_get_untracked().flatten(),
            ) else {
                return;
            };
            if let Some(d) = detector.try_get_value().flatten() {
                if detecting.try_get_value().unwrap_or(true) || video.video_width() == 0 {
                    return;
                }
                detecting.set_value(true);
                let turn_off = turn_off.clone();
                leptos::task::spawn_local(async move {
                    if let Some(text) = detect(&d, &video).await
                        && running.try_get_untracked() == Some(true)
                    {
                        turn_off();
                        on_code.run(text);
                    }
                    detecting.try_set_value(false);
                });
                return;
            }
            let started = js_sys::Date::now();
            if started < next_read.try_get_value().unwrap_or(0.0) {
                return;
            }
            let found = scan_frame(&video, &canvas);
            let took = js_sys::Date::now() - started;
            next_read.try_set_value(started + 4.0 * took);
            if let Some(text) = found {
                turn_off();
                on_code.run(text);
            }
        }
    };
    // Ten reads a second: a frame takes the wasm decoder a few milliseconds even at 1280×720
    // (BENCHMARKS.md), so the preview keeps its pace.
    timer.set(set_interval_with_handle(tick, Duration::from_millis(100)).ok());
    let on_drop = send_wrapper::SendWrapper::new(release.clone());
    on_cleanup(move || on_drop.take()());
    let stop_button = turn_off.clone();

    view! {
        <div class="camera">
            <button type="button" class="desk-button" hidden=move || running.get() on:click=turn_on>
                <Bi vi="Dùng camera" en="Use the camera"/></button>
            <button type="button" class="desk-button" hidden=move || !running.get() on:click=move |_| stop_button()>
                <Bi vi="Tắt camera" en="Stop camera"/></button>
            <video node_ref=video_ref class="camera__video" muted=true playsinline=true hidden=move || !running.get()
                aria-label="Camera"></video>
            <canvas node_ref=canvas_ref hidden=true></canvas>
            <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
        </div>
    }
}
