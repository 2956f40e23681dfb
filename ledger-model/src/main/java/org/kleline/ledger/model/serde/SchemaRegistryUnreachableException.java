package org.kleline.ledger.model.serde;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * No URL of the schema registry answered: the connection was refused or failed, or the answer did
 * not come within the request timeout. Says nothing about what was asked: the same request may
 * succeed once the registry is back.
 */
public final class SchemaRegistryUnreachableException extends UncheckedIOException {

    public SchemaRegistryUnreachableException(String message, IOException cause) {
        super(message, cause);
    }
}
