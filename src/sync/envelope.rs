//! The encrypted-export envelope: pure format code (parsing, checking, canonical header bytes).
//! The cryptography itself is WebCrypto's, in [`crate::crypto`] (wasm32 only); nothing here
//! encrypts or hashes anything.
//!
//! # Format `fordeling-encrypted`, version 1
//!
//! One UTF-8 JSON object that wraps a whole export file (plain `fordeling-export` JSON):
//!
//! ```json
//! {"format":"fordeling-encrypted","version":1,
//!  "kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"<base64>"},
//!  "cipher":{"name":"AES-GCM","length":256,"iv":"<base64, 12 bytes>"},
//!  "ciphertext":"<base64>"}
//! ```
//!
//! - The key is PBKDF2-HMAC-SHA-256(passphrase as UTF-8, salt, iterations) → a 256-bit AES key.
//! - `ciphertext` is AES-256-GCM(key, iv, plaintext, additionalData = [`Envelope::header_aad`]),
//!   with the 16-byte tag appended (WebCrypto's layout).
//! - Base64 is the standard alphabet with padding (RFC 4648 §4).
//! - A reader refuses, before deriving any key: another `format` or `version`, an unknown
//!   algorithm name, fewer than [`MIN_ITERATIONS`] or more than [`MAX_ITERATIONS`] iterations
//!   (so a file cannot downgrade the work factor, nor make the app hang), a salt shorter than
//!   [`MIN_SALT_LEN`] (or longer than [`MAX_SALT_LEN`]) bytes, an iv that is not exactly
//!   [`IV_LEN`] bytes, a ciphertext shorter than the tag, and any unknown key (every parameter
//!   that exists must be authenticated, so none may be silently ignored).
//!
//! # Authenticated parameters
//!
//! [`Envelope::header_aad`] is the envelope without `ciphertext`, written canonically from the
//! parsed values (compact JSON, keys in the order above, base64 re-encoded). It is the
//! additional authenticated data of AES-GCM, so changing any parameter — salt, iterations, iv,
//! names, version — makes authentication fail, while re-indenting or reordering the JSON
//! does not. These bytes are part of the format: they must never change for version 1
//! (a golden test pins them).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The value of `format`.
pub const FORMAT: &str = "fordeling-encrypted";
/// The envelope version this build writes and reads.
pub const VERSION: u32 = 1;
/// `kdf.name`.
pub const KDF_NAME: &str = "PBKDF2";
/// `kdf.hash`.
pub const KDF_HASH: &str = "SHA-256";
/// The fewest PBKDF2 iterations a file may ask for (OWASP 2023 for PBKDF2-HMAC-SHA256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most PBKDF2 iterations a file may ask for (a hostile file must not hang the app).
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// Iterations this build writes.
pub const DEFAULT_ITERATIONS: u32 = MIN_ITERATIONS;
/// Salt length this build writes, and the shortest accepted.
pub const MIN_SALT_LEN: usize = 16;
/// Longest accepted salt.
pub const MAX_SALT_LEN: usize = 64;
/// `cipher.name`.
pub const CIPHER_NAME: &str = "AES-GCM";
/// `cipher.length`: key bits.
pub const KEY_BITS: u32 = 256;
/// AES-GCM nonce length (96 bits, the only length this format allows).
pub const IV_LEN: usize = 12;
/// AES-GCM tag length appended to the ciphertext.
pub const TAG_LEN: usize = 16;

/// How many leading bytes [`is_envelope`] looks at.
const SNIFF_BYTES: usize = 1024;

/// Why a text is not a usable envelope. Every variant means "the file is damaged or not ours"
/// — none of them can be caused by a wrong passphrase.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    #[error("not JSON: {0}")]
    NotJson(String),
    #[error("not an encrypted fordeling file (format is not \"{FORMAT}\")")]
    NotEnvelope,
    #[error("unsupported envelope version {0} (this app reads version {VERSION})")]
    UnsupportedVersion(u64),
    #[error("malformed envelope: {0}")]
    Malformed(String),
    #[error("unsupported key derivation {name}/{hash} (expected {KDF_NAME}/{KDF_HASH})")]
    UnsupportedKdf { name: String, hash: String },
    #[error("the file asks for {0} PBKDF2 iterations; at least {MIN_ITERATIONS} are required")]
    TooFewIterations(u64),
    #[error("the file asks for {0} PBKDF2 iterations; at most {MAX_ITERATIONS} are allowed")]
    TooManyIterations(u64),
    #[error("unsupported cipher {name}-{length} (expected {CIPHER_NAME}-{KEY_BITS})")]
    UnsupportedCipher { name: String, length: u64 },
    #[error("{field} is not valid base64")]
    BadBase64 { field: &'static str },
    #[error("the salt is {0} bytes; {MIN_SALT_LEN} to {MAX_SALT_LEN} are allowed")]
    BadSaltLength(usize),
    #[error("the iv is {0} bytes; exactly {IV_LEN} are required")]
    BadIvLength(usize),
    #[error("the ciphertext is {0} bytes, shorter than the {TAG_LEN}-byte authentication tag")]
    CiphertextTooShort(usize),
}

/// A checked envelope: every parameter is one this build accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    iterations: u32,
    salt: Vec<u8>,
    iv: [u8; IV_LEN],
    ciphertext: Vec<u8>,
}

/// Cheap sniff: does this text look like an encrypted envelope (rather than a plain export or
/// anything else)? Looks only at the first kilobyte: a JSON object that names
/// `"fordeling-encrypted"` there ([`Envelope::to_json`] writes `format` first). A `true` is no
/// promise that [`parse`] succeeds.
pub fn is_envelope(text: &str) -> bool {
    let t = trim_start(text);
    if !t.starts_with('{') {
        return false;
    }
    let head = &t.as_bytes()[..t.len().min(SNIFF_BYTES)];
    let needle = b"\"fordeling-encrypted\"";
    head.windows(needle.len()).any(|w| w == needle)
}

/// Parse and check an envelope. Refuses everything the module docs list, before any key
/// would be derived.
pub fn parse(text: &str) -> Result<Envelope, EnvelopeError> {
    let value: Value = serde_json::from_str(trim_start(text)).map_err(|e| EnvelopeError::NotJson(e.to_string()))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(EnvelopeError::NotEnvelope);
    }
    match value.get("version").map(|v| (v, v.as_u64())) {
        Some((_, Some(v))) if v == u64::from(VERSION) => {}
        Some((_, Some(v))) => return Err(EnvelopeError::UnsupportedVersion(v)),
        Some((v, None)) => return Err(EnvelopeError::Malformed(format!("version {v} is not a version number"))),
        None => return Err(EnvelopeError::Malformed("missing field `version`".into())),
    }
    let wire: Wire = serde_json::from_value(value).map_err(|e| EnvelopeError::Malformed(e.to_string()))?;
    if wire.kdf.name != KDF_NAME || wire.kdf.hash != KDF_HASH {
        return Err(EnvelopeError::UnsupportedKdf { name: wire.kdf.name, hash: wire.kdf.hash });
    }
    if wire.cipher.name != CIPHER_NAME || wire.cipher.length != u64::from(KEY_BITS) {
        return Err(EnvelopeError::UnsupportedCipher { name: wire.cipher.name, length: wire.cipher.length });
    }
    let iterations = check_iterations(wire.kdf.iterations)?;
    let salt = decode("kdf.salt", &wire.kdf.salt)?;
    let iv = decode("cipher.iv", &wire.cipher.iv)?;
    let ciphertext = decode("ciphertext", &wire.ciphertext)?;
    let mut envelope = Envelope::new(iterations, salt, iv)?;
    if ciphertext.len() < TAG_LEN {
        return Err(EnvelopeError::CiphertextTooShort(ciphertext.len()));
    }
    envelope.ciphertext = ciphertext;
    Ok(envelope)
}

impl Envelope {
    /// A checked header with an empty ciphertext: compute [`Self::header_aad`], encrypt with it,
    /// then [`Self::set_ciphertext`].
    pub fn new(iterations: u32, salt: Vec<u8>, iv: impl AsRef<[u8]>) -> Result<Self, EnvelopeError> {
        let iterations = check_iterations(u64::from(iterations))?;
        if !(MIN_SALT_LEN..=MAX_SALT_LEN).contains(&salt.len()) {
            return Err(EnvelopeError::BadSaltLength(salt.len()));
        }
        let iv: [u8; IV_LEN] = iv.as_ref().try_into().map_err(|_| EnvelopeError::BadIvLength(iv.as_ref().len()))?;
        Ok(Envelope { iterations, salt, iv, ciphertext: Vec::new() })
    }

    pub fn set_ciphertext(&mut self, ciphertext: Vec<u8>) {
        self.ciphertext = ciphertext;
    }

    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    pub fn salt(&self) -> &[u8] {
        &self.salt
    }

    pub fn iv(&self) -> &[u8; IV_LEN] {
        &self.iv
    }

    /// AES-GCM output: ciphertext followed by the tag.
    pub fn ciphertext(&self) -> &[u8] {
        &self.ciphertext
    }

    /// The canonical bytes of every parameter except the ciphertext: the compact JSON of the
    /// envelope without `ciphertext`, e.g.
    /// `{"format":"fordeling-encrypted","version":1,"kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"…"},"cipher":{"name":"AES-GCM","length":256,"iv":"…"}}`.
    /// Used as AES-GCM additional data, so the parameters are authenticated.
    pub fn header_aad(&self) -> Vec<u8> {
        let header = Header { format: FORMAT, version: VERSION, kdf: self.kdf(), cipher: self.cipher() };
        // Serialising plain strings and integers cannot fail.
        serde_json::to_vec(&header).unwrap_or_default()
    }

    /// The envelope as written to a file (compact JSON, `format` first).
    pub fn to_json(&self) -> String {
        let wire = WireOut {
            format: FORMAT,
            version: VERSION,
            kdf: self.kdf(),
            cipher: self.cipher(),
            ciphertext: STANDARD.encode(&self.ciphertext),
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }

    fn kdf(&self) -> KdfOut {
        KdfOut { name: KDF_NAME, hash: KDF_HASH, iterations: self.iterations, salt: STANDARD.encode(&self.salt) }
    }

    fn cipher(&self) -> CipherOut {
        CipherOut { name: CIPHER_NAME, length: KEY_BITS, iv: STANDARD.encode(self.iv) }
    }
}

fn trim_start(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
}

fn check_iterations(n: u64) -> Result<u32, EnvelopeError> {
    if n < u64::from(MIN_ITERATIONS) {
        return Err(EnvelopeError::TooFewIterations(n));
    }
    if n > u64::from(MAX_ITERATIONS) {
        return Err(EnvelopeError::TooManyIterations(n));
    }
    u32::try_from(n).map_err(|_| EnvelopeError::TooManyIterations(n))
}

fn decode(field: &'static str, text: &str) -> Result<Vec<u8>, EnvelopeError> {
    STANDARD.decode(text).map_err(|_| EnvelopeError::BadBase64 { field })
}

// Wire types. Reading is strict (unknown keys refused); writing fixes the key order, which
// `header_aad` depends on.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u64,
    kdf: WireKdf,
    cipher: WireCipher,
    ciphertext: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireKdf {
    name: String,
    hash: String,
    iterations: u64,
    salt: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WireCipher {
    name: String,
    length: u64,
    iv: String,
}

#[derive(Serialize)]
struct Header {
    format: &'static str,
    version: u32,
    kdf: KdfOut,
    cipher: CipherOut,
}

#[derive(Serialize)]
struct WireOut {
    format: &'static str,
    version: u32,
    kdf: KdfOut,
    cipher: CipherOut,
    ciphertext: String,
}

#[derive(Serialize)]
struct KdfOut {
    name: &'static str,
    hash: &'static str,
    iterations: u32,
    salt: String,
}

#[derive(Serialize)]
struct CipherOut {
    name: &'static str,
    length: u32,
    iv: String,
}

#[cfg(test)]
mod tests;
