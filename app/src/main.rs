//! Mounts the kiosk; everything else lives in the library so tests can reach it.
fn main() {
    app::start();
}
