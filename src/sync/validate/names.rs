//! What the import screen calls the parts of a file: record types in Danish, and ids short
//! enough to read. Pure (no UI code), so the core's messages and the UI can share it.

/// The Danish name of a store (a record type) as a title, or `None` for a name the app does
/// not know. Besides the record stores: the settings and the file's lists of erased records
/// and conflicts.
pub fn store_name(store: &str) -> Option<&'static str> {
    Some(match store {
        "districts" => "Distrikt",
        "schools" => "Skole",
        "concerns" => "Problemstilling",
        "legal_bases" => "Lovgrundlag",
        "providers" => "Leverandør",
        "persons" => "Kontaktperson",
        "members" => "Udvalgsmedlem",
        "youths" => "Barn/ung",
        "cases" => "Sag",
        "meetings" => "Møde",
        "decisions" => "Afgørelse",
        "followups" => "Opfølgning",
        "settings" => "Indstillinger",
        "tombstones" => "Sletning",
        "conflicts" => "Konflikt",
        _ => return None,
    })
}

/// At most this many characters of a name or value taken from the file are shown.
const SHOWN: usize = 40;

/// Text from the file, cut to [`SHOWN`] characters (a hostile file may hold megabytes).
pub(super) fn clip(s: &str) -> String {
    match s.char_indices().nth(SHOWN) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A record id as shown: a UUID by its first eight characters (enough to find it in a list or
/// the file), a position without id (`#3`) as `nr. 3`, anything else cut short.
pub fn short_id(id: &str) -> String {
    if let Some(n) = id.strip_prefix('#').filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
        return format!("nr. {n}");
    }
    if id.len() == 36 && uuid::Uuid::parse_str(id).is_ok() {
        return format!("{}…", &id[..8]);
    }
    clip(id)
}

/// A store mid-sentence: its Danish name in lower case, or the file's name for it in quotes.
pub(super) fn store_in_text(store: &str) -> String {
    store_name(store).map(str::to_lowercase).unwrap_or_else(|| format!("«{}»", clip(store)))
}
