package org.kleline.ledger.web.auth;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys held in this process only (tests, and the view {@link KafkaApiKeys} keeps of its topic). */
public class InMemoryApiKeys implements ApiKeys {

    private final Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryApiKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<ApiKeyRecord> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public List<ApiKeyRecord> all() {
        return keys.values().stream()
                .sorted(Comparator.comparing(ApiKeyRecord::createdAt).thenComparing(ApiKeyRecord::keyId))
                .toList();
    }

    @Override
    public CreatedKey create(Role role, String merchantId, String label) {
        ApiKeySecret secret = ApiKeySecret.generate();
        ApiKeyRecord key = ApiKeyRecord.made(secret, role, merchantId, label, clock.instant());
        store(key);
        return new CreatedKey(key, secret.secret());
    }

    @Override
    public Optional<ApiKeyRecord> revoke(String keyId) {
        return find(keyId).map(key -> {
            ApiKeyRecord revoked = key.revokedAt(clock.instant());
            store(revoked);
            return revoked;
        });
    }

    /** Keeps {@code key}, replacing an earlier version of it. */
    protected void store(ApiKeyRecord key) {
        keys.put(key.keyId(), key);
    }

    protected Clock clock() {
        return clock;
    }
}
