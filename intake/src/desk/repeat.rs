//! The desk's camera sees the same code on frame after frame: it opens once, not again for
//! every frame that still shows it.

/// How long the same text from the camera is taken as the same sighting: 30 seconds.
pub const SAME_SIGHTING_MS: f64 = 30_000.0;

/// Remembers the last text the camera read, and when.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RepeatGuard {
    last: Option<(String, f64)>,
}

impl RepeatGuard {
    /// Whether `text`, read at `now_ms`, should be opened: not when it is the text read
    /// last, within [`SAME_SIGHTING_MS`] of the last time it was seen. Each sighting
    /// extends the window, so a code held in view opens once however long it stays.
    pub fn is_new(&mut self, text: &str, now_ms: f64) -> bool {
        let text = text.trim();
        let repeat = self.last.as_ref().is_some_and(|(last, at)| {
            last == text && now_ms >= *at && now_ms - at < SAME_SIGHTING_MS
        });
        self.last = Some((text.to_owned(), now_ms));
        !repeat
    }

    /// Forgets the last text (the case was closed: the next sighting opens again).
    pub fn clear(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_on_successive_frames_opens_once() {
        let mut guard = RepeatGuard::default();
        assert!(guard.is_new("TK2123", 0.0));
        for frame in 1..200 {
            assert!(
                !guard.is_new("TK2123\n", f64::from(frame) * 250.0),
                "frame {frame}"
            );
        }
        assert!(
            guard.is_new("TK2999", 50_000.0),
            "another code opens at once"
        );
        assert!(
            guard.is_new("TK2123", 50_250.0),
            "and the first one again after it"
        );
    }

    #[test]
    fn the_same_text_after_a_pause_or_a_close_opens_again() {
        let mut guard = RepeatGuard::default();
        assert!(guard.is_new("TK2123", 0.0));
        assert!(guard.is_new("TK2123", SAME_SIGHTING_MS + 1.0));
        guard.clear();
        assert!(guard.is_new("TK2123", SAME_SIGHTING_MS + 2.0));
        // A clock that stepped back does not hide a code for ever.
        assert!(guard.is_new("TK2123", 5.0));
    }
}
