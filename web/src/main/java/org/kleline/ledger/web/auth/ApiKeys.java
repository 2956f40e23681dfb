package org.kleline.ledger.web.auth;

import java.util.List;
import java.util.Optional;

/**
 * The API keys a process knows: looked up by keyId on every request, made and revoked by the admin
 * ({@code /v1/api-keys}). {@link KafkaApiKeys} keeps them in {@code ledger.api-keys}, shared by every
 * process; {@link InMemoryApiKeys} in one process (tests).
 */
public interface ApiKeys {

    /** The key with this id, revoked or not. */
    Optional<ApiKeyRecord> find(String keyId);

    /** Every key, revoked ones included, by creation time. */
    List<ApiKeyRecord> all();

    /** Makes a key; the answer holds its secret, which is kept nowhere. */
    CreatedKey create(Role role, String merchantId, String label);

    /** Revokes the key (once: a second revocation keeps the first time); empty when there is no such key. */
    Optional<ApiKeyRecord> revoke(String keyId);

    /** A key just made, with the only copy of its secret. */
    record CreatedKey(ApiKeyRecord key, String secret) {
        @Override
        public String toString() {
            return "CreatedKey[" + key + ", secret=<hidden>]";
        }
    }

    /** The merchant of the key {@code keyId}, null when it is not a merchant key (or unknown). */
    default String merchantOf(String keyId) {
        return keyId == null ? null : find(keyId).map(ApiKeyRecord::merchantId).orElse(null);
    }
}
