package org.kleline.ledger.model.serde;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;

/** Passes every call on and counts it, to check what the serdes cache. */
final class CountingRegistry implements SchemaRegistryClient {

    final AtomicInteger registers = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger schemaByIds = new AtomicInteger();
    final AtomicInteger latestVersions = new AtomicInteger();
    private final SchemaRegistryClient delegate;

    CountingRegistry(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        registers.incrementAndGet();
        return delegate.register(subject, schema);
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        lookups.incrementAndGet();
        return delegate.lookup(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        schemaByIds.incrementAndGet();
        return delegate.schemaById(id);
    }

    @Override
    public RegisteredSchema latestVersion(String subject) {
        latestVersions.incrementAndGet();
        return delegate.latestVersion(subject);
    }
}
