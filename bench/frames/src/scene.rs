//! Drawing one frame: the slip (or a phone showing the code) placed in 3-D in front of the
//! camera, on a desk, then what a cheap camera and a hand do to it. Everything is drawn at
//! twice the frame's size and averaged down 2×2, as a sensor's pixels integrate light.
use image::{GrayImage, Luma, LumaA};
use imageproc::geometric_transformations::{Interpolation, Projection, warp_into};

pub const WIDTH: u32 = 640;
pub const HEIGHT: u32 = 480;
const SUPER: u32 = 2;
/// Pixels per module on the slip before it is placed.
const MODULE: u32 = 8;
const QUIET: u32 = 4;

/// A small deterministic generator (SplitMix64): the same frames on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * ((self.next() >> 40) as f32 / (1u64 << 24) as f32)
    }
}

/// What is held up: a printed slip, or a phone's screen showing the code.
#[derive(Clone, Copy)]
pub enum Carrier {
    /// Thermal paper: its tone and the ink's (faded ink is light).
    Slip { paper: u8, ink: u8 },
    /// A phone: a lit screen with its pixel grid, in a dark body.
    Phone,
}

/// One frame's recipe.
#[derive(Clone, Copy)]
pub struct Scene {
    pub carrier: Carrier,
    /// The code's width in the frame, in pixels (its modules, without the quiet zone).
    pub code_px: f32,
    /// Where its centre is, as a fraction of the frame.
    pub centre: (f32, f32),
    /// Turned in the picture's plane, degrees.
    pub turn: f32,
    /// Tilted away from the camera, degrees (0: facing it), about an axis at `tilt_axis`.
    pub tilt: f32,
    pub tilt_axis: f32,
    /// Light reaching the scene (1: a bright desk).
    pub light: f32,
    /// A specular highlight: brightness added at its peak, its radius as a fraction of the
    /// code's width, and its place as a fraction of the frame.
    pub glare: Option<(f32, f32, (f32, f32))>,
    /// Motion during exposure: length in frame pixels and direction in degrees.
    pub motion: Option<(f32, f32)>,
    /// Lens blur (Gaussian sigma in frame pixels).
    pub blur: f32,
    /// Sensor noise (standard deviation, grey levels).
    pub noise: f32,
    pub seed: u64,
}

/// The code's modules as the carrier shows them, with its quiet zone and margin.
fn carrier_image(modules: &[bool], width: u32, carrier: Carrier) -> GrayImage {
    let margin = match carrier {
        Carrier::Slip { .. } => 6,
        Carrier::Phone => 3,
    };
    let side = (width + 2 * QUIET + 2 * margin) * MODULE;
    let (light, dark) = match carrier {
        Carrier::Slip { paper, ink } => (paper, ink),
        // A screen's black still glows; its white is the brightest thing in the room.
        Carrier::Phone => (250, 35),
    };
    let offset = (QUIET + margin) * MODULE;
    let mut out = GrayImage::from_pixel(side, side, Luma([light]));
    for y in 0..width {
        for x in 0..width {
            if modules[(y * width + x) as usize] {
                for dy in 0..MODULE {
                    for dx in 0..MODULE {
                        out.put_pixel(
                            offset + x * MODULE + dx,
                            offset + y * MODULE + dy,
                            Luma([dark]),
                        );
                    }
                }
            }
        }
    }
    if let Carrier::Phone = carrier {
        // The screen's pixel grid: every fourth row and column of the drawing a little darker.
        for (x, y, p) in out.enumerate_pixels_mut() {
            if x % 4 == 0 || y % 4 == 0 {
                p.0[0] = (f32::from(p.0[0]) * 0.85) as u8;
            }
        }
        // The phone's body around the screen.
        let body = MODULE * 2;
        let mut framed = GrayImage::from_pixel(side + 2 * body, side + 2 * body, Luma([22]));
        image::imageops::replace(&mut framed, &out, i64::from(body), i64::from(body));
        return framed;
    }
    out
}

/// Draws `scene` of a code whose modules are `modules` (`width` per side).
pub fn draw(modules: &[bool], width: u32, scene: &Scene) -> GrayImage {
    let mut rng = Rng::new(scene.seed);
    let held = carrier_image(modules, width, scene.carrier);
    let side = held.width() as f32;
    let code_side = (width * MODULE) as f32;
    let (fw, fh) = ((WIDTH * SUPER) as f32, (HEIGHT * SUPER) as f32);
    // The carrier's corners, centred, scaled so the code is `code_px` wide when facing the
    // camera, then tilted in 3-D and seen through a lens of focal length `focal`.
    let scale = scene.code_px * SUPER as f32 / code_side;
    let half = side * scale / 2.0;
    let focal = fw * 1.2;
    let (tilt, axis, turn) = (
        scene.tilt.to_radians(),
        scene.tilt_axis.to_radians(),
        scene.turn.to_radians(),
    );
    let place = |x: f32, y: f32| -> (f32, f32) {
        // Into the tilt axis's frame, tilt (depth from the far side), back, project, turn.
        let (u, v) = (
            x * axis.cos() + y * axis.sin(),
            -x * axis.sin() + y * axis.cos(),
        );
        let (v2, z) = (v * tilt.cos(), v * tilt.sin());
        let k = focal / (focal + z);
        let (u3, v3) = (u * k, v2 * k);
        let (x3, y3) = (
            u3 * axis.cos() - v3 * axis.sin(),
            u3 * axis.sin() + v3 * axis.cos(),
        );
        (
            scene.centre.0 * fw + x3 * turn.cos() - y3 * turn.sin(),
            scene.centre.1 * fh + x3 * turn.sin() + y3 * turn.cos(),
        )
    };
    let from = [(0.0, 0.0), (side, 0.0), (side, side), (0.0, side)];
    let to = [
        place(-half, -half),
        place(half, -half),
        place(half, half),
        place(-half, half),
    ];
    let mut frame = desk(&mut rng);
    if let Some(projection) = Projection::from_control_points(from, to) {
        let with_alpha = image::ImageBuffer::from_fn(held.width(), held.height(), |x, y| {
            LumaA([held.get_pixel(x, y).0[0], 255])
        });
        let mut placed =
            image::ImageBuffer::from_pixel(WIDTH * SUPER, HEIGHT * SUPER, LumaA([0u8, 0]));
        warp_into(
            &with_alpha,
            &projection,
            Interpolation::Bilinear,
            LumaA([0, 0]),
            &mut placed,
        );
        for (x, y, p) in frame.enumerate_pixels_mut() {
            let LumaA([value, alpha]) = *placed.get_pixel(x, y);
            let a = f32::from(alpha) / 255.0;
            p.0[0] = (f32::from(value) * a + f32::from(p.0[0]) * (1.0 - a)) as u8;
        }
    }
    let mut frame = average_down(&frame);
    light(&mut frame, scene);
    if let Some((length, angle)) = scene.motion {
        frame = smear(&frame, length, angle);
    }
    if scene.blur > 0.0 {
        frame = imageproc::filter::gaussian_blur_f32(&frame, scene.blur);
    }
    if scene.noise > 0.0 {
        imageproc::noise::gaussian_noise_mut(&mut frame, 0.0, f64::from(scene.noise), rng.next());
    }
    frame
}

/// A desk's surface: a slow gradient with a grain.
fn desk(rng: &mut Rng) -> GrayImage {
    let base = rng.range(90.0, 140.0);
    let slope = rng.range(-30.0, 30.0);
    let mut grain = Rng::new(rng.next());
    GrayImage::from_fn(WIDTH * SUPER, HEIGHT * SUPER, |x, y| {
        let t = x as f32 / (WIDTH * SUPER) as f32;
        let g = (grain.next() % 9) as f32 - 4.0;
        Luma([(base + slope * t + g + 8.0 * ((y as f32) / 37.0).sin()).clamp(0.0, 255.0) as u8])
    })
}

fn average_down(big: &GrayImage) -> GrayImage {
    GrayImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let mut sum = 0u32;
        for dy in 0..SUPER {
            for dx in 0..SUPER {
                sum += u32::from(big.get_pixel(x * SUPER + dx, y * SUPER + dy).0[0]);
            }
        }
        Luma([(sum / (SUPER * SUPER)) as u8])
    })
}

/// The room's light, and a highlight where the paper or the screen reflects a lamp.
fn light(frame: &mut GrayImage, scene: &Scene) {
    let glare = scene.glare.map(|(peak, radius, (gx, gy))| {
        let r = radius * scene.code_px;
        (peak, r * r, gx * WIDTH as f32, gy * HEIGHT as f32)
    });
    for (x, y, p) in frame.enumerate_pixels_mut() {
        let mut v = f32::from(p.0[0]) * scene.light;
        if let Some((peak, r2, gx, gy)) = glare {
            let d2 = (x as f32 - gx).powi(2) + (y as f32 - gy).powi(2);
            v += peak * (-d2 / r2).exp();
        }
        p.0[0] = v.clamp(0.0, 255.0) as u8;
    }
}

/// Motion blur: each pixel the mean of the points along a line `length` long at `angle`.
fn smear(frame: &GrayImage, length: f32, angle: f32) -> GrayImage {
    let steps = length.ceil().max(1.0) as i32;
    let (dx, dy) = (angle.to_radians().cos(), angle.to_radians().sin());
    GrayImage::from_fn(WIDTH, HEIGHT, |x, y| {
        let mut sum = 0.0;
        for s in 0..=steps {
            let t = length * (s as f32 / steps as f32 - 0.5);
            let sx = (x as f32 + t * dx).round().clamp(0.0, (WIDTH - 1) as f32) as u32;
            let sy = (y as f32 + t * dy).round().clamp(0.0, (HEIGHT - 1) as f32) as u32;
            sum += f32::from(frame.get_pixel(sx, sy).0[0]);
        }
        Luma([(sum / (steps + 1) as f32) as u8])
    })
}
