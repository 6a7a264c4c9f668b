//! Passphrase encryption of export files with the browser's WebCrypto (`crypto.subtle`):
//! PBKDF2-HMAC-SHA-256 (600,000 iterations, 16-byte random salt) → AES-256-GCM (12-byte random
//! nonce, 128-bit tag), with the envelope's parameters as additional authenticated data.
//! The envelope format and its checks are in [`crate::sync::envelope`]; no cryptography is
//! implemented here, only WebCrypto calls.
//!
//! The passphrase is normalised to Unicode NFC and encoded as UTF-8 before key derivation, so
//! "å" typed as one code point on a laptop and as "a" + combining ring above on a tablet give
//! the same key. Nothing else is changed (no trimming, no case folding).
//!
//! # Telling a wrong passphrase from a damaged file
//!
//! AES-GCM cannot tell a wrong key from a changed ciphertext or header: both only fail the
//! authentication check. So the UI reads the errors of [`decrypt`] like this:
//!
//! - [`CryptoError::BadEnvelope`]: the envelope itself is invalid (not JSON, truncated, bad
//!   base64, wrong lengths, unknown algorithm, too few iterations, …) — say
//!   **"filen er beskadiget"**; asking for another passphrase would not help.
//! - [`CryptoError::WrongPassphraseOrTampered`]: the envelope is well-formed but authentication
//!   failed — say **"forkert adgangskode"** (by far the likely cause) and let the user try
//!   again; a file changed after encryption also ends here, and is refused all the same.
//! - [`CryptoError::NotEncrypted`]: not an encrypted file; the caller imports it as plain JSON.
//! - [`CryptoError::Unavailable`]: no `crypto.subtle` (insecure context or old browser).

use crate::sync::envelope::{self, Envelope, EnvelopeError, DEFAULT_ITERATIONS, IV_LEN, KEY_BITS, MIN_SALT_LEN};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, Crypto, CryptoKey, Pbkdf2Params, SubtleCrypto};

/// Why encrypting or decrypting failed. See the module docs for what the UI says for each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    #[error("this browser offers no WebCrypto (crypto.subtle needs https or localhost)")]
    Unavailable,
    #[error("the file is not encrypted")]
    NotEncrypted,
    #[error("the encrypted file is damaged: {0}")]
    BadEnvelope(EnvelopeError),
    #[error("wrong passphrase, or the file was changed after it was encrypted")]
    WrongPassphraseOrTampered,
    #[error("an empty passphrase cannot protect anything")]
    EmptyPassphrase,
    /// A WebCrypto call failed for another reason (out of memory, browser bug); not caused by
    /// the file or the passphrase.
    #[error("WebCrypto failed: {0}")]
    Browser(String),
}

/// Encrypt `plaintext` (an export file's bytes) under `passphrase`; returns the envelope JSON.
/// Salt and nonce are fresh from `crypto.getRandomValues` on every call.
pub async fn encrypt(passphrase: &str, plaintext: &[u8]) -> Result<String, CryptoError> {
    if passphrase.is_empty() {
        return Err(CryptoError::EmptyPassphrase);
    }
    let (crypto, subtle) = webcrypto()?;
    let mut salt = [0u8; MIN_SALT_LEN];
    let mut iv = [0u8; IV_LEN];
    crypto.get_random_values_with_u8_array(&mut salt).map_err(browser)?;
    crypto.get_random_values_with_u8_array(&mut iv).map_err(browser)?;
    let mut env = Envelope::new(DEFAULT_ITERATIONS, salt.to_vec(), iv).map_err(CryptoError::BadEnvelope)?;
    let key = derive_key(&subtle, passphrase, &env, "encrypt").await?;
    let params = gcm_params(&env);
    let promise = subtle.encrypt_with_object_and_u8_array(&params, &key, plaintext).map_err(browser)?;
    let ciphertext = JsFuture::from(promise).await.map_err(browser)?;
    env.set_ciphertext(Uint8Array::new(&ciphertext).to_vec());
    Ok(env.to_json())
}

/// Decrypt an envelope written by [`encrypt`]. The envelope is parsed and checked completely
/// (including the minimum iteration count) before any key is derived.
pub async fn decrypt(passphrase: &str, envelope_json: &str) -> Result<Vec<u8>, CryptoError> {
    if !envelope::is_envelope(envelope_json) {
        return Err(CryptoError::NotEncrypted);
    }
    let env = envelope::parse(envelope_json).map_err(|e| match e {
        EnvelopeError::NotEnvelope => CryptoError::NotEncrypted,
        e => CryptoError::BadEnvelope(e),
    })?;
    // `encrypt` never writes a file under an empty passphrase, so none can open one.
    if passphrase.is_empty() {
        return Err(CryptoError::WrongPassphraseOrTampered);
    }
    let (_, subtle) = webcrypto()?;
    let key = derive_key(&subtle, passphrase, &env, "decrypt").await?;
    let params = gcm_params(&env);
    let promise = subtle.decrypt_with_object_and_u8_array(&params, &key, env.ciphertext()).map_err(browser)?;
    match JsFuture::from(promise).await {
        Ok(plaintext) => Ok(Uint8Array::new(&plaintext).to_vec()),
        // WebCrypto rejects a failed GCM authentication with an OperationError.
        Err(e) if error_name(&e).as_deref() == Some("OperationError") => Err(CryptoError::WrongPassphraseOrTampered),
        Err(e) => Err(browser(e)),
    }
}

/// `crypto` and `crypto.subtle` of the global scope (window or worker), if present.
fn webcrypto() -> Result<(Crypto, SubtleCrypto), CryptoError> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).map_err(|_| CryptoError::Unavailable)?;
    if crypto.is_undefined() || crypto.is_null() {
        return Err(CryptoError::Unavailable);
    }
    let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle")).map_err(|_| CryptoError::Unavailable)?;
    if subtle.is_undefined() || subtle.is_null() {
        return Err(CryptoError::Unavailable);
    }
    let crypto: Crypto = crypto.dyn_into().map_err(|_| CryptoError::Unavailable)?;
    let subtle: SubtleCrypto = subtle.dyn_into().map_err(|_| CryptoError::Unavailable)?;
    Ok((crypto, subtle))
}

/// PBKDF2-HMAC-SHA-256(NFC(passphrase), salt, iterations) → non-extractable AES-GCM-256 key
/// usable only for `usage`.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    env: &Envelope,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let normalized: String = js_sys::JsString::from(passphrase).normalize("NFC").into();
    let raw = Uint8Array::from(normalized.as_bytes());
    let promise =
        subtle.import_key_with_str("raw", &raw, envelope::KDF_NAME, false, &usages("deriveKey")).map_err(browser)?;
    let base: CryptoKey = JsFuture::from(promise).await.map_err(browser)?.dyn_into().map_err(browser)?;

    let salt = Uint8Array::from(env.salt());
    let kdf = Pbkdf2Params::new_with_str(envelope::KDF_NAME, envelope::KDF_HASH, env.iterations(), &salt);
    let aes = AesDerivedKeyParams::new(envelope::CIPHER_NAME, KEY_BITS);
    let promise =
        subtle.derive_key_with_object_and_object(&kdf, &base, &aes, false, &usages(usage)).map_err(browser)?;
    JsFuture::from(promise).await.map_err(browser)?.dyn_into().map_err(browser)
}

/// `{name: "AES-GCM", iv, additionalData: header_aad, tagLength: 128}`.
fn gcm_params(env: &Envelope) -> AesGcmParams {
    let iv = Uint8Array::from(&env.iv()[..]);
    let params = AesGcmParams::new(envelope::CIPHER_NAME, &iv);
    params.set_additional_data(&Uint8Array::from(env.header_aad().as_slice()));
    params.set_tag_length((envelope::TAG_LEN * 8) as u8);
    params
}

fn usages(usage: &str) -> JsValue {
    Array::of1(&JsValue::from_str(usage)).into()
}

fn error_name(e: &JsValue) -> Option<String> {
    Reflect::get(e, &JsValue::from_str("name")).ok()?.as_string()
}

fn browser(e: impl Into<JsValue>) -> CryptoError {
    let e: JsValue = e.into();
    let message = Reflect::get(&e, &JsValue::from_str("message")).ok().and_then(|m| m.as_string());
    CryptoError::Browser(match (error_name(&e), message) {
        (Some(name), Some(message)) => format!("{name}: {message}"),
        (Some(name), None) => name,
        (None, Some(message)) => message,
        (None, None) => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    })
}
