//! "Please wait here": she chose a language the screens are not written in, or sign
//! language. A large pictogram, her ticket and a code that carries only her language,
//! "interpreter needed" and "help now"; with a printer the slip prints without asking. The
//! code stays until staff press Finish (or the centre's wait time ends).
//!
//! The words are in Vietnamese and English, for whoever reads them to her; her language's
//! recorded clip (if the centre has one) says the same, on a tap. The promise about the
//! interpreter is the centre's practice (docs/deploy.md, "A survivor who speaks another
//! language"): staff bring a confidential interpreter, a woman if she wishes.
use super::handoff_step::{SlipCard, code_for_screen, print_slip};
use crate::i18n::texts;
use crate::session::use_session;
use crate::ui::big_button::{BigButton, Variant};
use crate::ui::clips::{self, ListenButton};
use crate::ui::icons;
use crate::ui::quick_exit::fresh_kiosk;
use intake::LangTag;
use leptos::prelude::*;

/// The wait screen.
#[component]
pub fn WaitHereStep() -> impl IntoView {
    let session = use_session();
    let config = session.config();
    let (vi, en) = (texts(LangTag::VI), texts(LangTag::EN));
    let spoken = session.read(|f| f.answers().spoken_language);
    let language = config.spoken_languages.iter().find(|s| s.tag == spoken);
    let name = language.map(|s| s.name.clone()).unwrap_or_default();
    let clip = language
        .and_then(|s| s.wait_clip.clone())
        .filter(|p| clips::is_loaded(p));
    let printer = config.printer.is_some();
    let made = code_for_screen();
    // With a printer, the slip prints once, without asking: she may not read the button.
    let printed = StoredValue::new(false);
    Effect::new(move || {
        if printer && matches!(made.get(), Some(Some(_))) && !printed.get_value() {
            printed.set_value(true);
            print_slip();
        }
    });
    let finish = format!("{} · {}", vi.finish, en.finish);
    view! {
        <div class="wait no-print">
            <span class="wait__pictogram" aria-hidden="true" inner_html=icons::WAIT></span>
            <h1 class="step__title">
                <span lang="vi">{vi.wait_title}</span>" · "<span lang="en">{en.wait_title}</span>
            </h1>
            <p class="wait__language" lang=spoken.html_lang().map(str::to_owned)>
                {name.clone()}
                <ListenButton name clip />
            </p>
            <p class="step__lead" lang="vi">{vi.wait_body}</p>
            <p class="step__lead" lang="en">{en.wait_body}</p>
        </div>
        {move || match made.get() {
            None => view! { <p class="step__hint" role="status">{vi.handoff_making}" · "{en.handoff_making}</p> }.into_any(),
            // She keeps waiting: the wait screen stays, and tells staff to come to her.
            Some(None) => view! {
                <p class="step__lead" role="status">
                    <span lang="vi">{vi.wait_no_code}</span>" · "<span lang="en">{en.wait_no_code}</span>
                </p>
            }.into_any(),
            Some(Some(made)) => view! {
                <SlipCard made />
                <p class="step__hint no-print">
                    <span lang="vi">{vi.wait_staff}</span>" · "<span lang="en">{en.wait_staff}</span>
                </p>
            }.into_any(),
        }}
        <div class="choices choices--row no-print">
            {printer.then(|| view! { <BigButton label=format!("{} · {}", vi.print, en.print) on_press=print_slip /> })}
            <BigButton label=finish variant=Variant::Primary on_press=move || fresh_kiosk(session) />
        </div>
    }
}
