//! Revision metadata that lets independent devices merge their records.
//!
//! Every record carries a [`RecordMeta`]: its id, whether it is archived, for each top-level
//! field the [`Stamp`] of the last write (`revs`), and for each field the newest stamp that a
//! writer of this field is known to have replaced (`bases`; see `crate::sync::merge`). A stamp is a hybrid logical clock reading (wall-clock
//! milliseconds, a counter, the writing device), so stamps from all devices are totally ordered
//! and a merge can choose the same winner for a field on every device.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The device that wrote a change: a random id chosen once per browser profile.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct DeviceId(pub String);

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A hybrid-logical-clock reading. Ordered by time, then counter, then device.
/// Written as `{"t": …, "c": …, "d": …}`; read only from an object with exactly those keys.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema), schemars(deny_unknown_fields))]
pub struct Stamp {
    /// Wall-clock milliseconds since the Unix epoch (never less than any stamp seen before).
    pub t: u64,
    /// Counter for several writes within one millisecond.
    pub c: u32,
    /// The writing device, the final tie-break.
    pub d: DeviceId,
}

/// The device of [`Stamp::default`].
pub const DEFAULTS_DEVICE: &str = "standard";

impl Default for Stamp {
    /// The stamp of what no edit wrote: the built-in defaults every device starts with, and a
    /// field that no device stamped (a file from before stamps). It is the same on every device,
    /// so two devices' untouched defaults are equal, and older than any edit, so a default never
    /// beats one; and it is a valid stamp in a file.
    fn default() -> Self {
        Stamp { t: 0, c: 0, d: DeviceId(DEFAULTS_DEVICE.to_string()) }
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, Visitor};
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Stamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a stamp {t, c, d}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Stamp, A::Error> {
                let (mut t, mut c, mut d) = (None, None, None);
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let fresh = match key.as_ref() {
                        "t" => t.replace(map.next_value()?).is_none(),
                        "c" => c.replace(map.next_value()?).is_none(),
                        "d" => d.replace(map.next_value()?).is_none(),
                        other => return Err(A::Error::unknown_field(other, &["t", "c", "d"])),
                    };
                    if !fresh {
                        return Err(A::Error::custom(format!("duplicate field `{key}`")));
                    }
                }
                Ok(Stamp {
                    t: t.ok_or_else(|| A::Error::missing_field("t"))?,
                    c: c.ok_or_else(|| A::Error::missing_field("c"))?,
                    d: d.ok_or_else(|| A::Error::missing_field("d"))?,
                })
            }
        }
        d.deserialize_map(V)
    }
}

/// A hybrid logical clock for one device.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Clock {
    pub device: DeviceId,
    pub last: Stamp,
}

impl Clock {
    pub fn new(device: DeviceId) -> Self {
        let last = Stamp { t: 0, c: 0, d: device.clone() };
        Self { device, last }
    }

    /// The next stamp for a local write at wall-clock time `now_ms`.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        let (t, c) = if now_ms > self.last.t { (now_ms, 0) } else { (self.last.t, self.last.c + 1) };
        self.last = Stamp { t, c, d: self.device.clone() };
        self.last.clone()
    }

    /// Move the clock past a stamp received from another device (on import).
    pub fn observe(&mut self, seen: &Stamp) {
        if (seen.t, seen.c) > (self.last.t, self.last.c) {
            self.last = Stamp { t: seen.t, c: seen.c, d: self.device.clone() };
        }
    }
}

/// Identity and revision metadata of a record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema), schemars(rename = "RecordMeta_{Id}"))]
pub struct RecordMeta<Id> {
    pub id: Id,
    /// Archived records are hidden from lists and choices but kept (arkiveret).
    #[serde(default)]
    pub archived: bool,
    /// Last-write stamp per top-level field name (and `archived`).
    #[serde(default)]
    pub revs: BTreeMap<String, Stamp>,
    /// Per field, the newest stamp of a value that some write of this field knowingly replaced
    /// (set by `stamp_changes` to the replaced value's stamp; merged by taking the greater). A
    /// losing value whose stamp is not greater was overwritten sequentially, not concurrently.
    /// Always written (also when empty) so every exported meta has the same keys; records stored
    /// before this field existed read it as empty.
    #[serde(default)]
    pub bases: BTreeMap<String, Stamp>,
}

impl<Id: Default> Default for RecordMeta<Id> {
    fn default() -> Self {
        Self { id: Id::default(), archived: false, revs: BTreeMap::new(), bases: BTreeMap::new() }
    }
}

impl<Id> RecordMeta<Id> {
    pub fn new(id: Id) -> Self {
        Self { id, archived: false, revs: BTreeMap::new(), bases: BTreeMap::new() }
    }

    /// The newest stamp of any field: when the record last changed.
    pub fn last_change(&self) -> Option<&Stamp> {
        self.revs.values().max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_is_monotonic_even_when_wall_clock_goes_back() {
        let mut clock = Clock::new(DeviceId("a".into()));
        let s1 = clock.tick(1000);
        let s2 = clock.tick(900);
        let s3 = clock.tick(1000);
        assert!(s1 < s2 && s2 < s3);
    }

    #[test]
    fn observing_a_later_stamp_moves_the_clock_past_it() {
        let mut clock = Clock::new(DeviceId("a".into()));
        clock.observe(&Stamp { t: 5000, c: 3, d: DeviceId("b".into()) });
        let next = clock.tick(10);
        assert!(next > Stamp { t: 5000, c: 3, d: DeviceId("b".into()) });
        assert_eq!(next.d, DeviceId("a".into()));
    }
}
