//! The session context: the flow (answers live only here, in memory), the configuration,
//! and the one way to change the flow. Signals and `intake` types only: what a wipe does
//! beyond forgetting (speech, the worker, clips) belongs to `crate::wipe`.
//!
//! The screen rule: a screen reads the flow through its own [`Screen`], made when it is
//! drawn, never through the session's signal (see `Screen`). So the flow and the last
//! problem are private: screens read them once ([`Session::read`]) or through their
//! `Screen`; only what lives as long as the session (the frame, the router, read-aloud)
//! may [`Session::watch`] them.
use crate::i18n::{Texts, child_texts, texts};
use intake::config::CentreConfig;
use intake::display::Theme;
use intake::flow::{Event, Flow, FlowError};
use leptos::prelude::*;
use std::sync::Arc;

/// Shared by every kiosk component through context. `Copy`: signals and an `Arc`.
#[derive(Clone, Copy)]
pub struct Session {
    flow: RwSignal<Flow>,
    /// The last refused event's reason, shown under the buttons until the next event.
    problem: RwSignal<Option<FlowError>>,
    /// Set the instant quick exit starts: the content is hidden before anything else.
    pub hidden: RwSignal<bool>,
    pub config: StoredValue<Arc<CentreConfig>>,
    /// The display theme chosen for this session.
    pub theme: RwSignal<Theme>,
    /// Counts language files loaded so far (screens listing languages track it).
    pub languages_loaded: RwSignal<usize>,
    /// Counts recorded clips loaded so far (screens offering a clip track it).
    pub clips_loaded: RwSignal<usize>,
}

impl Session {
    /// A fresh session for `config`.
    pub fn new(config: Arc<CentreConfig>) -> Session {
        Session {
            flow: RwSignal::new(Flow::new()),
            problem: RwSignal::new(None),
            hidden: RwSignal::new(false),
            config: StoredValue::new(config),
            theme: RwSignal::new(Theme::Default),
            languages_loaded: RwSignal::new(crate::i18n::loaded_count()),
            clips_loaded: RwSignal::new(0),
        }
    }

    /// Sends an event to the flow; a refusal is kept to show, and changes no flow: nothing
    /// that watches the flow is woken by a tap the screen did not offer.
    pub fn send(&self, event: Event) {
        let mut next = self.flow.get_untracked();
        match next.apply(event) {
            Ok(()) => {
                self.flow.set(next);
                self.problem.set(None);
            }
            Err(e) => self.problem.set(Some(e)),
        }
    }

    /// Reads the flow once, without watching it (a screen's starting values).
    pub fn read<T>(&self, read: impl FnOnce(&Flow) -> T) -> T {
        self.flow.with_untracked(read)
    }

    /// Watches the flow: only for what lives as long as the session (the frame, the router,
    /// read-aloud), never for a screen (see `Screen`).
    pub fn watch<T>(&self, read: impl FnOnce(&Flow) -> T) -> T {
        self.flow.with(read)
    }

    /// Forgets every answer and the theme and returns to the welcome screen, in place
    /// (`Flow::wipe`, as the native tests check it). `crate::wipe` adds the side effects.
    pub fn forget(&self) {
        self.flow.update(Flow::wipe);
        self.problem.set(None);
        self.theme.set(Theme::Default);
    }

    /// Whether nothing has been chosen yet (the idle guard leaves a fresh kiosk alone).
    pub fn is_fresh(&self) -> bool {
        self.flow.with_untracked(|f| *f == Flow::new())
            && self.theme.get_untracked() == Theme::Default
    }

    /// The texts in the session's language, in a child's words on the child path, as they
    /// are now: what a screen's component reads once as it is drawn (each screen is drawn
    /// again when the language or the path changes).
    pub fn texts(&self) -> &'static Texts {
        Self::texts_of(
            self.flow
                .with_untracked(|f| (f.language(), f.is_child_path())),
        )
    }

    /// [`Session::texts`], followed: for a closure in a view that outlives one screen (the
    /// frame, quick exit), which must redraw when the language or the path changes.
    pub fn watch_texts(&self) -> &'static Texts {
        Self::texts_of(self.flow.with(|f| (f.language(), f.is_child_path())))
    }

    fn texts_of((lang, child): (intake::LangTag, bool)) -> &'static Texts {
        if child {
            child_texts(lang)
        } else {
            texts(lang)
        }
    }

    /// The configuration.
    pub fn config(&self) -> Arc<CentreConfig> {
        self.config.get_value()
    }
}

/// One screen's own copy of the flow and of the last problem, made when the screen is drawn
/// and refreshed after each of its events. A screen's reactive parts read these, never the
/// session's signals: in reactive_graph 0.2 an effect that goes with its screen stays in the
/// subscriber list of a session-wide signal, so every screen left a few hundred bytes behind
/// (found by the 10,000-session soak, `make bench`). A screen's own signals go with it.
#[derive(Clone, Copy)]
pub struct Screen {
    session: Session,
    flow: RwSignal<Flow>,
    problem: RwSignal<Option<FlowError>>,
}

impl Screen {
    /// A copy for the screen being drawn (owned by it).
    pub fn new(session: Session) -> Screen {
        Screen {
            session,
            flow: RwSignal::new(session.flow.get_untracked()),
            problem: RwSignal::new(session.problem.get_untracked()),
        }
    }

    /// Reads the answers, reactively within this screen.
    pub fn answer<T>(&self, read: impl FnOnce(&intake::Answers) -> T) -> T {
        self.flow.with(|f| read(f.answers()))
    }

    /// The last refused event's reason, reactively within this screen.
    pub fn problem(&self) -> Option<FlowError> {
        self.problem.get()
    }

    /// Sends an event to the session, then refreshes this screen's copy.
    pub fn send(&self, event: Event) {
        self.session.send(event);
        self.flow.try_set(self.session.flow.get_untracked());
        self.problem.try_set(self.session.problem.get_untracked());
    }
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
