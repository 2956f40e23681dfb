package org.kleline.ledger.model.serde;

import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 loads a class named by a schema only when it is trusted (the guard against schemas that
 * name arbitrary classes), and trusts none of ours by default, so reading a generated record would
 * fail. This adds to Avro's global predicate, once, the generated records and enums of this
 * project's packages, and nothing else; whatever else the process trusts through
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} stays trusted.
 */
final class TrustedGeneratedClasses {

    /** Every generated package of the ledger lives below this one. */
    static final String PACKAGE_PREFIX = "org.kleline.ledger.";

    private static boolean installed;

    private TrustedGeneratedClasses() {}

    static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(
                ClassSecurityValidator.composite(previous, TrustedGeneratedClasses::isTrusted));
        installed = true;
    }

    /** Judged without initializing the class: only its name and supertypes are looked at. */
    static boolean isTrusted(Class<?> type) {
        if (!type.getName().startsWith(PACKAGE_PREFIX)) {
            return false;
        }
        return SpecificRecord.class.isAssignableFrom(type)
                || (type.isEnum() && GenericEnumSymbol.class.isAssignableFrom(type));
    }
}
