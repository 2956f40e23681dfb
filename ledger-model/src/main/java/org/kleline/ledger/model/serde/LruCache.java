package org.kleline.ledger.model.serde;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A bounded map that forgets the least recently used entry. Off the hot path only: every access
 * takes one lock; the serdes put a lock-free "last hit" in front of it.
 */
final class LruCache<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> entries;

    LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /**
     * The cached value, or the loader's, cached. The loader runs outside the lock (it may be a
     * network call), so two threads missing at once may both load; loaders here are idempotent.
     */
    V getOrLoad(K key, Function<? super K, ? extends V> loader) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = Objects.requireNonNull(loader.apply(key), "loaded value");
        put(key, loaded);
        return loaded;
    }

    synchronized int size() {
        return entries.size();
    }

    int capacity() {
        return capacity;
    }
}
