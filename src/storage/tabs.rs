//! The app's open tabs on one database tell each other when they commit (a `BroadcastChannel`),
//! so each can read its registers again instead of showing what another tab has changed.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

/// This tab's end of the channel of database `name`; does nothing where the browser has no
/// BroadcastChannel. A channel object never hears its own messages, so a tab hears only others.
pub(crate) struct Tabs {
    channel: Option<BroadcastChannel>,
    listener: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl Tabs {
    pub(crate) fn new(name: &str) -> Self {
        Tabs { channel: BroadcastChannel::new(&format!("fordeling-db:{name}")).ok(), listener: None }
    }

    /// Tell the other tabs that this one committed. A tab that misses it only shows older data
    /// until its next read; nothing is lost.
    pub(crate) fn announce(&self) {
        if let Some(channel) = &self.channel {
            let _ = channel.post_message(&JsValue::from_str("commit"));
        }
    }

    /// Call `f` whenever another tab announces a commit. Replaces an earlier `f`.
    pub(crate) fn listen(&mut self, mut f: impl FnMut() + 'static) {
        let Some(channel) = &self.channel else { return };
        let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |_| f());
        channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
        self.listener = Some(closure);
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        if let Some(channel) = &self.channel {
            channel.close();
        }
    }
}
