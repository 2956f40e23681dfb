package org.kleline.ledger.query.reads;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store of one partition held in a sorted map: string keys in the order RocksDB and the
 * in-memory stores give them (the views' keys are ASCII, so String order is byte order).
 */
final class MapStore<V> implements KeyValueStore<String, V> {

    private final String name;
    private final NavigableMap<String, V> entries = new TreeMap<>();

    MapStore(String name) {
        this.name = name;
    }

    @Override
    public V get(String key) {
        return entries.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return iterator(
                from.compareTo(to) > 0
                        ? Map.<String, V>of().entrySet().iterator()
                        : entries.subMap(from, true, to, true).entrySet().iterator());
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return iterator(entries.entrySet().iterator());
    }

    @Override
    public long approximateNumEntries() {
        return entries.size();
    }

    @Override
    public void put(String key, V value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public V putIfAbsent(String key, V value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, V>> pairs) {
        pairs.forEach(kv -> put(kv.key, kv.value));
    }

    @Override
    public V delete(String key) {
        return entries.remove(key);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        throw new UnsupportedOperationException("a hand-built store is not part of a topology");
    }

    @Override
    public void close() {}

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    /** A snapshot, so the store may change while it is read (as a fold deletes what it read). */
    private static <V> KeyValueIterator<String, V> iterator(Iterator<Map.Entry<String, V>> source) {
        List<Map.Entry<String, V>> copy = new java.util.ArrayList<>();
        source.forEachRemaining(e -> copy.add(Map.entry(e.getKey(), e.getValue())));
        Iterator<Map.Entry<String, V>> it = copy.iterator();
        return new KeyValueIterator<>() {
            private Map.Entry<String, V> next = it.hasNext() ? it.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public KeyValue<String, V> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                KeyValue<String, V> kv = KeyValue.pair(next.getKey(), next.getValue());
                next = it.hasNext() ? it.next() : null;
                return kv;
            }

            @Override
            public String peekNextKey() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                return next.getKey();
            }

            @Override
            public void close() {}
        };
    }
}
