package org.kleline.ledger.web.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Checks a bearer token against the stored keys: the keyId it carries finds one record, whose
 * revocation is checked on every request, and whose PBKDF2 hash is computed only the first time a
 * given secret is seen: a successful check is remembered (at most {@link #CACHE_MAX}, least recently
 * used first out) under the keyId, the record's hash and a SHA-256 of the secret, never the secret.
 * A revocation therefore applies as soon as this process has read it ({@link KafkaApiKeys}); the
 * cache never extends a key's life.
 */
public final class KeyVerifier {

    static final int CACHE_MAX = 10_000;
    /** Hashes computed at once: a flood of wrong secrets queues here instead of taking every core. */
    static final int CONCURRENT_HASHES = 2;

    private final ApiKeys keys;
    private final Map<String, Boolean> verified = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CACHE_MAX;
        }
    });
    private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES, true);

    public KeyVerifier(ApiKeys keys) {
        this.keys = keys;
    }

    /** The principal of a valid, unrevoked key; empty for anything else. */
    public Optional<Principal> verify(String token) {
        Optional<ApiKeySecret> parsed = ApiKeySecret.parse(token);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKeyRecord> found = keys.find(parsed.get().keyId());
        if (found.isEmpty() || found.get().revoked()) {
            return Optional.empty();
        }
        ApiKeyRecord key = found.get();
        String cacheKey = key.keyId() + ":" + key.hash() + ":" + KeyHashing.digest(token);
        if (verified.containsKey(cacheKey)) {
            return Optional.of(key.principal());
        }
        boolean matches;
        try {
            hashing.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            matches = key.matches(token);
        } finally {
            hashing.release();
        }
        if (!matches) {
            return Optional.empty();
        }
        verified.put(cacheKey, Boolean.TRUE);
        return Optional.of(key.principal());
    }
}
