//! One idle hook, in the style of leptos-use's `use_idle`, for the kiosk's idle guard and
//! the staff desk's lock: it listens for touches and keys, and every `every` calls back with
//! the time since the last one — counted on the wall clock and on a monotonic clock, the
//! longer winning (`intake::idle::IdleClock`: a device that slept, or a clock set back,
//! cannot stretch it). Listeners and the timer go when the calling component goes.
use intake::idle::IdleClock;
use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

/// How the hook watches.
#[derive(Debug, Clone, Copy)]
pub struct UseIdleOptions {
    /// How often the callback is given the time since the last touch.
    pub every: Duration,
}

impl Default for UseIdleOptions {
    fn default() -> Self {
        UseIdleOptions {
            every: Duration::from_millis(500),
        }
    }
}

/// What the hook gives back.
#[derive(Clone, Copy)]
pub struct UseIdle {
    last: StoredValue<IdleClock>,
}

impl UseIdle {
    /// Counts as a touch now (a button that says "I am still here", speech that plays).
    pub fn touch(&self) {
        self.last.set_value(now());
    }

    /// Milliseconds since the last touch.
    pub fn elapsed_ms(&self) -> f64 {
        self.last
            .get_value()
            .elapsed(js_sys::Date::now(), monotonic_now())
    }
}

/// Milliseconds on the page's monotonic clock (never steps back).
pub fn monotonic_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn now() -> IdleClock {
    IdleClock::touched(js_sys::Date::now(), monotonic_now())
}

/// Watches for touches; `on_tick(idle, elapsed_ms)` runs every `options.every`.
pub fn use_idle(options: UseIdleOptions, on_tick: impl Fn(UseIdle, f64) + 'static) -> UseIdle {
    let idle = UseIdle {
        last: StoredValue::new(now()),
    };
    let listeners = [
        window_event_listener(ev::pointerdown, move |_| idle.touch()),
        window_event_listener(ev::keydown, move |_| idle.touch()),
    ];
    // A tick after the caller is gone (its values disposed) does nothing.
    let tick = move || {
        if let Some(last) = idle.last.try_get_value() {
            on_tick(idle, last.elapsed(js_sys::Date::now(), monotonic_now()));
        }
    };
    let interval = set_interval_with_handle(tick, options.every).ok();
    on_cleanup(move || {
        for l in listeners {
            l.remove();
        }
        if let Some(i) = interval {
            i.clear();
        }
    });
    idle
}
