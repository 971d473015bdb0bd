//! Text in both of the staff pages' languages. The staff desk and the kiosk's setup page
//! show Vietnamese and English together; a value of this type is both halves, so the page
//! can mark the English half as English (WCAG 3.1.2) and no text is written as one string
//! "vi / en" that a reader must split.
use std::borrow::Cow;
use std::fmt;

/// A text in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Two {
    pub vi: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Two {
    /// A fixed text.
    pub const fn new(vi: &'static str, en: &'static str) -> Two {
        Two {
            vi: Cow::Borrowed(vi),
            en: Cow::Borrowed(en),
        }
    }

    /// A text made at run time (a number, a name, a date in it).
    pub fn owned(vi: String, en: String) -> Two {
        Two {
            vi: Cow::Owned(vi),
            en: Cow::Owned(en),
        }
    }
}

/// "vi / en", for plain-text places (a CSV, the command line).
impl fmt::Display for Two {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.vi, self.en)
    }
}

#[cfg(test)]
mod tests {
    use super::Two;

    #[test]
    fn both_halves_are_kept_apart_and_written_together_in_plain_text() {
        let t = Two::new("Có", "Yes");
        assert_eq!((t.vi.as_ref(), t.en.as_ref()), ("Có", "Yes"));
        assert_eq!(t.to_string(), "Có / Yes");
        let n = 3;
        assert_eq!(
            Two::owned(format!("{n} máy"), format!("{n} kiosks")).to_string(),
            "3 máy / 3 kiosks"
        );
    }
}
