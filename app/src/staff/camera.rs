//! The camera input: frames from getUserMedia, read by the browser's BarcodeDetector when it
//! has one, otherwise drawn to a canvas and decoded in wasm with rqrr. No camera, or
//! permission refused: a clear message, and the other inputs still work.
use crate::ui::bilingual::{Bi, two};
use intake::scan::decode_frame;
use intake::two::Two;
use leptos::html;
use leptos::prelude::*;
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
    constraints.set_video(&wasm_bindgen::JsValue::TRUE);
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
    let stream = StoredValue::new_local(None::<web_sys::MediaStream>);
    let running = RwSignal::new(false);
    let message = RwSignal::new(None::<Two>);
    let detector = StoredValue::new_local(barcode_detector());
    let detecting = StoredValue::new(false);

    let turn_off = move || {
        stream.update_value(|s| {
            if let Some(s) = s.take() {
                stop(&s);
            }
        });
        running.set(false);
    };
    let turn_on = move |_| {
        message.set(None);
        leptos::task::spawn_local(async move {
            match start_stream().await {
                Ok(s) => {
                    if let Some(video) = video_ref.get_untracked() {
                        video.set_src_object(Some(&s));
                        let _ = video.play();
                    }
                    stream.set_value(Some(s));
                    running.set(true);
                }
                Err(_) => message.set(Some(Two::new(
                    "Không có camera hoặc không được phép dùng. Hãy dùng máy quét hoặc dán mã.",
                    "No camera, or permission refused: use the scanner or paste the code.",
                ))),
            }
        });
    };
    let interval = set_interval_with_handle(
        move || {
            if !running.get_untracked() {
                return;
            }
            let (Some(video), Some(canvas)) =
                (video_ref.get_untracked(), canvas_ref.get_untracked())
            else {
                return;
            };
            if let Some(d) = detector.get_value() {
                if detecting.get_value() || video.video_width() == 0 {
                    return;
                }
                detecting.set_value(true);
                leptos::task::spawn_local(async move {
                    if let Some(text) = detect(&d, &video).await
                        && running.get_untracked()
                    {
                        turn_off();
                        on_code.run(text);
                    }
                    detecting.set_value(false);
                });
                return;
            }
            if let Some(text) = scan_frame(&video, &canvas) {
                turn_off();
                on_code.run(text);
            }
        },
        Duration::from_millis(250),
    )
    .ok();
    on_cleanup(move || {
        if let Some(i) = interval {
            i.clear();
        }
        stream.update_value(|s| {
            if let Some(s) = s.take() {
                stop(&s);
            }
        });
    });

    view! {
        <div class="camera">
            <Show when=move || !running.get() fallback=move || view! {
                <button type="button" class="desk-button" on:click=move |_| turn_off()><Bi vi="Tắt camera" en="Stop camera"/></button>
            }>
                <button type="button" class="desk-button" on:click=turn_on><Bi vi="Dùng camera" en="Use the camera"/></button>
            </Show>
            <video node_ref=video_ref class="camera__video" muted=true playsinline=true hidden=move || !running.get()
                aria-label="Camera"></video>
            <canvas node_ref=canvas_ref hidden=true></canvas>
            <p class="desk__message" role="alert">{move || message.get().map(two)}</p>
        </div>
    }
}
