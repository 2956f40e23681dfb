package org.kleline.ledger.query.reads;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The projector store a read is answered from ({@link ViewRead#store()}): its partitioning decides
 * which instances answer the read. Every read names its store here, once, next to its kind.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnsweredFrom {

    /** A name from the projector's {@code StoreNames}. */
    String value();
}
