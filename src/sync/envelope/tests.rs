use super::*;
use serde_json::json;

fn sample() -> Envelope {
    let mut e = Envelope::new(DEFAULT_ITERATIONS, (0..16).collect(), [7u8; IV_LEN]).unwrap();
    e.set_ciphertext(vec![0xAB; 40]);
    e
}

fn edit(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&sample().to_json()).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn writes_the_documented_layout() {
    let text = sample().to_json();
    assert_eq!(
        text,
        concat!(
            r#"{"format":"fordeling-encrypted","version":1,"#,
            r#""kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"AAECAwQFBgcICQoLDA0ODw=="},"#,
            r#""cipher":{"name":"AES-GCM","length":256,"iv":"BwcHBwcHBwcHBwcH"},"#,
            r#""ciphertext":"q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urqw=="}"#
        )
    );
    assert!(is_envelope(&text));
    assert_eq!(parse(&text).unwrap(), sample());
}

/// The additional data is part of the format: files written by earlier builds must open.
#[test]
fn header_aad_is_pinned() {
    assert_eq!(
        String::from_utf8(sample().header_aad()).unwrap(),
        concat!(
            r#"{"format":"fordeling-encrypted","version":1,"#,
            r#""kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"AAECAwQFBgcICQoLDA0ODw=="},"#,
            r#""cipher":{"name":"AES-GCM","length":256,"iv":"BwcHBwcHBwcHBwcH"}}"#
        )
    );
}

#[test]
fn header_aad_covers_every_parameter_but_not_the_ciphertext() {
    let base = sample();
    let aad = base.header_aad();
    let mut other = base.clone();
    other.set_ciphertext(vec![1; 99]);
    assert_eq!(other.header_aad(), aad);

    let variants = [
        Envelope::new(DEFAULT_ITERATIONS + 1, (0..16).collect(), [7u8; IV_LEN]).unwrap(),
        Envelope::new(DEFAULT_ITERATIONS, (1..17).collect(), [7u8; IV_LEN]).unwrap(),
        Envelope::new(DEFAULT_ITERATIONS, (0..17).collect(), [7u8; IV_LEN]).unwrap(),
        Envelope::new(DEFAULT_ITERATIONS, (0..16).collect(), [8u8; IV_LEN]).unwrap(),
    ];
    for v in variants {
        assert_ne!(v.header_aad(), aad);
    }
}

#[test]
fn formatting_does_not_change_the_header() {
    let pretty = serde_json::to_string_pretty(&serde_json::from_str::<Value>(&sample().to_json()).unwrap()).unwrap();
    let parsed = parse(&format!("\u{feff}\n  {pretty}\n")).unwrap();
    assert_eq!(parsed.header_aad(), sample().header_aad());
    // Keys reordered (ciphertext first) still parse the same.
    let reordered = format!(
        r#"{{"ciphertext":"{}","cipher":{{"iv":"BwcHBwcHBwcHBwcH","length":256,"name":"AES-GCM"}},"kdf":{{"salt":"AAECAwQFBgcICQoLDA0ODw==","iterations":600000,"hash":"SHA-256","name":"PBKDF2"}},"version":1,"format":"fordeling-encrypted"}}"#,
        STANDARD.encode(sample().ciphertext())
    );
    assert_eq!(parse(&reordered).unwrap(), sample());
}

#[test]
fn sniff() {
    assert!(is_envelope(&sample().to_json()));
    assert!(!is_envelope(r#"{"format":"fordeling-export","schema_version":1}"#));
    assert!(!is_envelope(""));
    assert!(!is_envelope("fordeling-encrypted"));
    assert!(!is_envelope(r#"["fordeling-encrypted"]"#));
    // Only the first kilobyte counts.
    let late = format!(r#"{{"x":"{}","format":"fordeling-encrypted"}}"#, "a".repeat(2000));
    assert!(!is_envelope(&late));
    // Multi-byte characters around the cut-off do not panic.
    let wide = format!("{{\"x\":\"{}\"}}", "ø".repeat(2000));
    assert!(!is_envelope(&wide));
}

#[test]
fn refuses_low_and_high_iteration_counts() {
    for (n, err) in [
        (1000u64, EnvelopeError::TooFewIterations(1000)),
        (599_999, EnvelopeError::TooFewIterations(599_999)),
        (0, EnvelopeError::TooFewIterations(0)),
        (10_000_001, EnvelopeError::TooManyIterations(10_000_001)),
        (u64::MAX, EnvelopeError::TooManyIterations(u64::MAX)),
    ] {
        assert_eq!(parse(&edit(|v| v["kdf"]["iterations"] = json!(n))), Err(err), "{n}");
    }
    assert!(parse(&edit(|v| v["kdf"]["iterations"] = json!(600_001))).is_ok());
    assert!(parse(&edit(|v| v["kdf"]["iterations"] = json!(MAX_ITERATIONS))).is_ok());
    assert!(matches!(parse(&edit(|v| v["kdf"]["iterations"] = json!(-5))), Err(EnvelopeError::Malformed(_))));
    assert!(matches!(parse(&edit(|v| v["kdf"]["iterations"] = json!(6.5e5))), Err(EnvelopeError::Malformed(_))));
    assert!(matches!(parse(&edit(|v| v["kdf"]["iterations"] = json!("600000"))), Err(EnvelopeError::Malformed(_))));
    assert_eq!(Envelope::new(1000, vec![0; 16], [0; 12]), Err(EnvelopeError::TooFewIterations(1000)));
}

#[test]
fn refuses_bad_salt_iv_and_ciphertext() {
    let b64 = |n: usize| STANDARD.encode(vec![1u8; n]);
    assert_eq!(parse(&edit(|v| v["kdf"]["salt"] = json!(b64(15)))), Err(EnvelopeError::BadSaltLength(15)));
    assert_eq!(parse(&edit(|v| v["kdf"]["salt"] = json!(""))), Err(EnvelopeError::BadSaltLength(0)));
    assert_eq!(parse(&edit(|v| v["kdf"]["salt"] = json!(b64(65)))), Err(EnvelopeError::BadSaltLength(65)));
    assert!(parse(&edit(|v| v["kdf"]["salt"] = json!(b64(32)))).is_ok());
    assert_eq!(parse(&edit(|v| v["cipher"]["iv"] = json!(b64(11)))), Err(EnvelopeError::BadIvLength(11)));
    assert_eq!(parse(&edit(|v| v["cipher"]["iv"] = json!(b64(16)))), Err(EnvelopeError::BadIvLength(16)));
    assert_eq!(parse(&edit(|v| v["ciphertext"] = json!(b64(15)))), Err(EnvelopeError::CiphertextTooShort(15)));
    assert!(parse(&edit(|v| v["ciphertext"] = json!(b64(16)))).is_ok());
    for (field, path) in [("kdf.salt", 0), ("cipher.iv", 1), ("ciphertext", 2)] {
        for bad in ["!!!!", "AAE", "AAECAw=", "AA ECAwQ=", "AAECAwQFBgcICQoLDA0ODw==\n"] {
            let text = edit(|v| match path {
                0 => v["kdf"]["salt"] = json!(bad),
                1 => v["cipher"]["iv"] = json!(bad),
                _ => v["ciphertext"] = json!(bad),
            });
            assert_eq!(parse(&text), Err(EnvelopeError::BadBase64 { field }), "{field} {bad:?}");
        }
    }
    assert_eq!(Envelope::new(DEFAULT_ITERATIONS, vec![0; 16], [0u8; 8]), Err(EnvelopeError::BadIvLength(8)));
}

#[test]
fn refuses_unknown_algorithms_versions_and_keys() {
    assert!(matches!(parse(&edit(|v| v["kdf"]["hash"] = json!("SHA-1"))), Err(EnvelopeError::UnsupportedKdf { .. })));
    assert!(matches!(parse(&edit(|v| v["kdf"]["name"] = json!("scrypt"))), Err(EnvelopeError::UnsupportedKdf { .. })));
    assert!(matches!(
        parse(&edit(|v| v["cipher"]["name"] = json!("AES-CBC"))),
        Err(EnvelopeError::UnsupportedCipher { .. })
    ));
    assert!(matches!(
        parse(&edit(|v| v["cipher"]["length"] = json!(128))),
        Err(EnvelopeError::UnsupportedCipher { .. })
    ));
    assert_eq!(parse(&edit(|v| v["version"] = json!(2))), Err(EnvelopeError::UnsupportedVersion(2)));
    assert!(matches!(parse(&edit(|v| v["version"] = json!("1"))), Err(EnvelopeError::Malformed(_))));
    assert!(matches!(parse(&edit(|v| v["extra"] = json!(1))), Err(EnvelopeError::Malformed(_))));
    assert!(matches!(parse(&edit(|v| v["kdf"]["pepper"] = json!("x"))), Err(EnvelopeError::Malformed(_))));
    assert!(matches!(parse(&edit(|v| v["cipher"]["tagLength"] = json!(96))), Err(EnvelopeError::Malformed(_))));
    assert!(matches!(
        parse(&edit(|v| {
            v.as_object_mut().unwrap().remove("ciphertext");
        })),
        Err(EnvelopeError::Malformed(_))
    ));
    assert!(matches!(
        parse(&edit(|v| {
            v.as_object_mut().unwrap().remove("version");
        })),
        Err(EnvelopeError::Malformed(_))
    ));
}

#[test]
fn other_texts_are_not_envelopes() {
    assert_eq!(parse(r#"{"format":"fordeling-export","schema_version":1}"#), Err(EnvelopeError::NotEnvelope));
    assert_eq!(parse(r#"{"version":1}"#), Err(EnvelopeError::NotEnvelope));
    assert_eq!(parse("[]"), Err(EnvelopeError::NotEnvelope));
    assert!(matches!(parse(""), Err(EnvelopeError::NotJson(_))));
    assert!(matches!(parse("garbage \u{0} ø"), Err(EnvelopeError::NotJson(_))));
    let text = sample().to_json();
    assert!(matches!(parse(&text[..text.len() / 2]), Err(EnvelopeError::NotJson(_))));
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn roundtrip(
            iterations in MIN_ITERATIONS..=MAX_ITERATIONS,
            salt in proptest::collection::vec(any::<u8>(), MIN_SALT_LEN..=MAX_SALT_LEN),
            iv in any::<[u8; IV_LEN]>(),
            ciphertext in proptest::collection::vec(any::<u8>(), TAG_LEN..600),
        ) {
            let mut e = Envelope::new(iterations, salt, iv).unwrap();
            e.set_ciphertext(ciphertext);
            let text = e.to_json();
            prop_assert!(is_envelope(&text));
            let back = parse(&text).unwrap();
            prop_assert_eq!(back.header_aad(), e.header_aad());
            prop_assert_eq!(back, e);
        }

        /// Arbitrary text never panics the parser or the sniff.
        #[test]
        fn never_panics(text in ".{0,300}") {
            let _ = is_envelope(&text);
            let _ = parse(&text);
        }

        /// Any single-byte change in an envelope either still parses to an envelope with
        /// the same parameters (whitespace, or a change inside the ciphertext) or is refused.
        #[test]
        fn byte_mutations(pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
            let mut e = Envelope::new(MIN_ITERATIONS, vec![3; 16], [9; IV_LEN]).unwrap();
            e.set_ciphertext(vec![5; 32]);
            let mut bytes = e.to_json().into_bytes();
            let i = pos.index(bytes.len());
            bytes[i] = byte;
            if let Ok(text) = String::from_utf8(bytes) {
                if let Ok(back) = parse(&text) {
                    prop_assert!(back.iterations() >= MIN_ITERATIONS);
                    prop_assert_eq!(back.iv().len(), IV_LEN);
                    prop_assert!(back.salt().len() >= MIN_SALT_LEN);
                }
            }
        }
    }
}
