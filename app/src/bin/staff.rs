//! Mounts the staff desk page.
fn main() {
    app::staff::start();
}
