#![cfg(target_arch = "wasm32")]
//! Passphrase encryption through the real WebCrypto of headless Chromium.
//! Run: `cargo test --target wasm32-unknown-unknown --test wasm_crypto`.
//! Every key derivation costs 600,000 PBKDF2 iterations, so tests share encryptions where
//! they can (the runner gives the whole suite 20 s by default).

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use fordeling::crypto::{decrypt, encrypt, CryptoError};
use fordeling::sync::envelope::{self, EnvelopeError, MIN_ITERATIONS};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASS: &str = "Kontaktperson-2026 æøå";

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn log(line: String) {
    web_sys::console::log_1(&line.into());
}

fn tamper(text: &str, f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(text).expect("envelope is JSON");
    f(&mut v);
    v.to_string()
}

fn flip_b64(v: &mut Value, byte: usize) {
    let mut bytes = STANDARD.decode(v.as_str().expect("base64 string")).expect("valid base64");
    bytes[byte] ^= 0x01;
    *v = json!(STANDARD.encode(bytes));
}

async fn encrypted(plaintext: &[u8]) -> String {
    match encrypt(PASS, plaintext).await {
        Ok(text) => text,
        Err(e) => panic!("encrypt failed: {e}"),
    }
}

#[wasm_bindgen_test]
async fn round_trip() {
    let plaintext = br#"{"format":"fordeling-export","schema_version":1}"#;
    let start = now();
    let text = encrypted(plaintext).await;
    let back = decrypt(PASS, &text).await;
    log(format!(
        "wasm_crypto: encrypt+decrypt of {} bytes, {MIN_ITERATIONS} PBKDF2 iterations: {:.0} ms",
        plaintext.len(),
        now() - start
    ));
    assert_eq!(back.as_deref(), Ok(&plaintext[..]));

    let env = envelope::parse(&text).expect("own output parses");
    assert_eq!(env.iterations(), MIN_ITERATIONS);
    assert_eq!(env.salt().len(), 16);
    assert_eq!(env.ciphertext().len(), plaintext.len() + 16);
    assert!(envelope::is_envelope(&text));
    assert!(text.starts_with(r#"{"format":"fordeling-encrypted","version":1,"kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":""#));

    // Reformatting the JSON changes no parameter, so it still opens.
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&text).expect("json")).expect("json");
    assert_eq!(decrypt(PASS, &format!("\n{pretty}\n")).await.as_deref(), Ok(&plaintext[..]));
}

#[wasm_bindgen_test]
async fn fresh_salt_and_nonce_and_empty_inputs() {
    let a = encrypted(b"").await;
    let b = encrypted(b"").await;
    let (ea, eb) = (envelope::parse(&a).expect("parses"), envelope::parse(&b).expect("parses"));
    assert_ne!(ea.salt(), eb.salt());
    assert_ne!(ea.iv(), eb.iv());
    assert_ne!(ea.ciphertext(), eb.ciphertext());
    assert_eq!(ea.ciphertext().len(), 16, "empty plaintext is just the tag");
    assert_eq!(decrypt(PASS, &a).await, Ok(vec![]));
    assert_eq!(encrypt("", b"x").await, Err(CryptoError::EmptyPassphrase));
    assert_eq!(decrypt("", &a).await, Err(CryptoError::WrongPassphraseOrTampered));
}

#[wasm_bindgen_test]
async fn passphrase_is_unicode_normalised() {
    // "å" as one code point (U+00E5) when encrypting, as "a" + U+030A COMBINING RING ABOVE when
    // decrypting (as some keyboards produce it): canonically equal, so the same key.
    let text = match encrypt("bl\u{00e5}b\u{00e6}r p\u{00e5} \u{00e5}en", b"hemmeligt").await {
        Ok(t) => t,
        Err(e) => panic!("encrypt failed: {e}"),
    };
    assert_eq!(decrypt("bla\u{030a}b\u{00e6}r pa\u{030a} a\u{030a}en", &text).await.as_deref(), Ok(&b"hemmeligt"[..]));
}

#[wasm_bindgen_test]
async fn five_megabytes_timed() {
    let plaintext: Vec<u8> = (0..5 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let t0 = now();
    let text = encrypted(&plaintext).await;
    let t1 = now();
    let back = decrypt(PASS, &text).await;
    let t2 = now();
    log(format!(
        "wasm_crypto: encrypt+decrypt of 5 MiB, {MIN_ITERATIONS} PBKDF2 iterations: {:.0} ms (encrypt {:.0} ms, decrypt {:.0} ms; envelope {} bytes)",
        t2 - t0,
        t1 - t0,
        t2 - t1,
        text.len()
    ));
    match back {
        Ok(back) => assert!(back == plaintext, "5 MiB round trip differs"),
        Err(e) => panic!("decrypt failed: {e}"),
    }
}

#[wasm_bindgen_test]
async fn wrong_passphrase() {
    let text = encrypted(b"data").await;
    assert_eq!(decrypt("Kontaktperson-2026 æøa", &text).await, Err(CryptoError::WrongPassphraseOrTampered));
}

#[wasm_bindgen_test]
async fn tampered_ciphertext_and_header_fail_authentication() {
    let text = encrypted(b"the original export").await;
    let cases = [
        ("ciphertext byte flipped", tamper(&text, |v| flip_b64(&mut v["ciphertext"], 3))),
        ("tag byte flipped", tamper(&text, |v| flip_b64(&mut v["ciphertext"], 19 + 15))),
        ("iterations changed", tamper(&text, |v| v["kdf"]["iterations"] = json!(MIN_ITERATIONS + 1))),
        ("salt changed", tamper(&text, |v| flip_b64(&mut v["kdf"]["salt"], 0))),
        ("iv changed", tamper(&text, |v| flip_b64(&mut v["cipher"]["iv"], 11))),
    ];
    for (what, tampered) in cases {
        assert!(envelope::parse(&tampered).is_ok(), "{what}: still a well-formed envelope");
        assert_eq!(decrypt(PASS, &tampered).await, Err(CryptoError::WrongPassphraseOrTampered), "{what}");
    }
}

#[wasm_bindgen_test]
async fn weak_or_damaged_envelopes_are_refused_before_key_derivation() {
    let text = encrypted(b"data").await;
    let start = now();
    let lowered = tamper(&text, |v| v["kdf"]["iterations"] = json!(1000));
    assert_eq!(decrypt(PASS, &lowered).await, Err(CryptoError::BadEnvelope(EnvelopeError::TooFewIterations(1000))));
    let cases = [
        ("truncated", text[..text.len() - 10].to_string()),
        ("short salt", tamper(&text, |v| v["kdf"]["salt"] = json!(STANDARD.encode([1u8; 8])))),
        ("long iv", tamper(&text, |v| v["cipher"]["iv"] = json!(STANDARD.encode([1u8; 16])))),
        ("bad base64", tamper(&text, |v| v["ciphertext"] = json!("%%%%"))),
        ("sha-1", tamper(&text, |v| v["kdf"]["hash"] = json!("SHA-1"))),
        ("aes-128", tamper(&text, |v| v["cipher"]["length"] = json!(128))),
        ("version 2", tamper(&text, |v| v["version"] = json!(2))),
        ("unknown key", tamper(&text, |v| v["note"] = json!("x"))),
    ];
    for (what, bad) in cases {
        assert!(matches!(decrypt(PASS, &bad).await, Err(CryptoError::BadEnvelope(_))), "{what}");
    }
    // Nine refusals without one 600,000-iteration derivation between them.
    let elapsed = now() - start;
    log(format!("wasm_crypto: 9 invalid envelopes refused in {elapsed:.1} ms"));
}

#[wasm_bindgen_test]
async fn other_texts_are_not_encrypted() {
    for text in
        ["", "garbage", "\u{0}\u{1}", "[1,2]", r#"{"format":"fordeling-export","schema_version":1,"records":{}}"#]
    {
        assert_eq!(decrypt(PASS, text).await, Err(CryptoError::NotEncrypted), "{text:?}");
    }
    // Names the format but is no JSON object: a damaged encrypted file.
    assert!(matches!(
        decrypt(PASS, r#"{"format":"fordeling-encrypted","#).await,
        Err(CryptoError::BadEnvelope(EnvelopeError::NotJson(_)))
    ));
}

/// Decrypts an envelope by hand with WebCrypto (an independent check of the documented
/// parameters) under the given additional data.
async fn decrypt_by_hand(passphrase: &str, text: &str, aad: Option<&[u8]>) -> Result<Vec<u8>, String> {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params};

    let err = |e: JsValue| format!("{e:?}");
    let env = envelope::parse(text).map_err(|e| e.to_string())?;
    let subtle = web_sys::window().ok_or("no window")?.crypto().map_err(err)?.subtle();
    let usage = |u: &str| JsValue::from(Array::of1(&JsValue::from_str(u)));
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base: CryptoKey =
        JsFuture::from(subtle.import_key_with_str("raw", &raw, "PBKDF2", false, &usage("deriveKey")).map_err(err)?)
            .await
            .map_err(err)?
            .unchecked_into();
    let kdf = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", env.iterations(), &Uint8Array::from(env.salt()));
    let key: CryptoKey = JsFuture::from(
        subtle
            .derive_key_with_object_and_object(
                &kdf,
                &base,
                &AesDerivedKeyParams::new("AES-GCM", 256),
                false,
                &usage("decrypt"),
            )
            .map_err(err)?,
    )
    .await
    .map_err(err)?
    .unchecked_into();
    let params = AesGcmParams::new("AES-GCM", &Uint8Array::from(&env.iv()[..]));
    if let Some(aad) = aad {
        params.set_additional_data(&Uint8Array::from(aad));
    }
    let out = JsFuture::from(subtle.decrypt_with_object_and_u8_array(&params, &key, env.ciphertext()).map_err(err)?)
        .await
        .map_err(err)?;
    Ok(Uint8Array::new(&out).to_vec())
}

#[wasm_bindgen_test]
async fn header_is_the_additional_authenticated_data() {
    let text = encrypted(b"bound to its header").await;
    let env = envelope::parse(&text).expect("parses");
    let aad = env.header_aad();
    assert_eq!(decrypt_by_hand(PASS, &text, Some(&aad)).await.as_deref(), Ok(&b"bound to its header"[..]));
    // The same key and nonce without the header, or with a header naming another version,
    // do not authenticate: the parameters are bound to the ciphertext.
    assert!(decrypt_by_hand(PASS, &text, None).await.is_err());
    let other = String::from_utf8(aad).expect("utf-8").replace(r#""version":1"#, r#""version":2"#);
    assert!(decrypt_by_hand(PASS, &text, Some(other.as_bytes())).await.is_err());
}
