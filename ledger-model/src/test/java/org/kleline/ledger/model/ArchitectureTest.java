package org.kleline.ledger.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.model.architecture.ModuleArchitectureTest;

/**
 * What the ledger's model may be built on. Its rules are plain Java tested without Kafka: no Kafka
 * Streams and no HTTP server anywhere; an HTTP client and JSON only where the wire formats live
 * ({@code serde}: the schema registry client; {@code topics}: the topic contracts). Its packages
 * depend on each other one way, and the README names each.
 *
 * <p>Every main class of the module is checked, the records Avro generates ({@code events},
 * {@code outcomes}, ...) included: nothing else under {@code org.kleline.ledger} is on its class path.
 */
class ArchitectureTest extends ModuleArchitectureTest {

    private static final String[] WIRE_FORMAT_PACKAGES = {
        "org.kleline.ledger.model.serde..", "org.kleline.ledger.model.topics..",
    };

    ArchitectureTest() {
        super("org.kleline.ledger.model", everyMainClass());
    }

    /** Every main class of the module, under {@code org.kleline.ledger}: the generated records' packages as well as the model's. */
    private static JavaClasses everyMainClass() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.kleline.ledger");
    }

    @Test
    void noKafkaStreams() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.kafka.streams..")
                .because("the model's rules run without Kafka; Streams is the projector's")
                .check(classes());
    }

    @Test
    void noHttpServer() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "com.sun.net.httpserver..")
                .because("serving HTTP is the web module's")
                .check(classes());
    }

    @Test
    void anHttpClientOnlyWhereTheWireFormatsLive() {
        noClasses()
                .that()
                .resideOutsideOfPackages(WIRE_FORMAT_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.net.http..")
                .because("only the schema registry client speaks HTTP")
                .check(classes());
    }

    @Test
    void jsonOnlyWhereTheWireFormatsLive() {
        noClasses()
                .that()
                .resideOutsideOfPackages(WIRE_FORMAT_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.fasterxml.jackson..")
                .because("the rules work on records; JSON is a wire format")
                .check(classes());
    }
}
