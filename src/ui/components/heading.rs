//! A page's heading. When the user moves to another page, the browser tab's title names it and
//! the focus goes to the heading, so a screen reader says where the user is and the keyboard
//! starts there. The same page drawn anew (after a save) keeps the focus where it is.

use crate::ui::text;
use leptos::html::H1;
use leptos::prelude::*;

/// The page (its path) whose heading was shown last; `None` before the first page.
#[derive(Clone, Copy)]
pub struct Shown(StoredValue<Option<String>>);

impl Shown {
    /// Provided by the app, above every page.
    pub fn provide() {
        provide_context(Self(StoredValue::new(None)));
    }
}

#[component]
pub fn PageHeading(#[prop(into)] text: String) -> impl IntoView {
    let node = NodeRef::<H1>::new();
    let shown = use_context::<Shown>();
    let title = format!("{} – {}", text.trim(), text::APP_NAME);
    Effect::new(move |_| {
        let Some(h1) = node.get() else { return };
        document().set_title(&title);
        let path = window().location().pathname().unwrap_or_default();
        let Some(Shown(last)) = shown else { return };
        let before = last.try_update_value(|last| last.replace(path.clone())).flatten();
        if before.is_some_and(|before| before != path) {
            let _ = h1.focus();
        }
    });
    view! { <h1 node_ref=node tabindex="-1">{text}</h1> }
}
