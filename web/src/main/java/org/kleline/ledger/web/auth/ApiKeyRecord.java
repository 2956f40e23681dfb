package org.kleline.ledger.web.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * One API key as {@code ledger.api-keys} keeps it (the record's key is the keyId, its value this as
 * JSON): never the secret, only its PBKDF2 hash and salt. A revoked key stays, with
 * {@code revokedAt}: its id still names who appended the events it appended.
 *
 * @param hash       base64 of the PBKDF2 hash of the whole secret
 * @param salt       base64 of the key's own salt
 * @param iterations the PBKDF2 rounds the hash was made with
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"keyId", "role", "merchantId", "label", "createdAt", "revokedAt", "hash", "salt", "iterations"})
public record ApiKeyRecord(
        String keyId,
        String role,
        String merchantId,
        String label,
        Instant createdAt,
        Instant revokedAt,
        String hash,
        String salt,
        int iterations) {

    public ApiKeyRecord {
        Objects.requireNonNull(keyId, "keyId");
        Role.fromWire(role);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(salt, "salt");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, was " + iterations);
        }
    }

    public static ApiKeyRecord made(ApiKeySecret secret, Role role, String merchantId, String label, Instant at) {
        byte[] salt = KeyHashing.newSalt();
        byte[] hash = KeyHashing.hash(secret.secret(), salt, KeyHashing.ITERATIONS);
        return new ApiKeyRecord(
                secret.keyId(),
                role.wireName(),
                merchantId,
                label,
                at,
                null,
                Base64.getEncoder().encodeToString(hash),
                Base64.getEncoder().encodeToString(salt),
                KeyHashing.ITERATIONS);
    }

    public Role roleValue() {
        return Role.fromWire(role);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public ApiKeyRecord revokedAt(Instant at) {
        return revoked()
                ? this
                : new ApiKeyRecord(keyId, role, merchantId, label, createdAt, at, hash, salt, iterations);
    }

    public Principal principal() {
        return Principal.ofKey(keyId, roleValue(), merchantId);
    }

    boolean matches(String secret) {
        return KeyHashing.matches(
                secret,
                Base64.getDecoder().decode(salt),
                iterations,
                Base64.getDecoder().decode(hash));
    }

    @Override
    public String toString() {
        return "ApiKeyRecord[keyId=" + keyId + ", role=" + role + ", merchantId=" + merchantId + ", label=" + label
                + ", createdAt=" + createdAt + ", revokedAt=" + revokedAt + "]";
    }
}
