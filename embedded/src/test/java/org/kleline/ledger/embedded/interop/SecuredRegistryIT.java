package org.kleline.ledger.embedded.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.registry.RegistryAccess;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.model.serde.AvroSerdeConfig;
import org.kleline.ledger.model.serde.RegistrySecurity;
import org.kleline.ledger.model.serde.SchemaRegistryClient;
import org.kleline.ledger.model.serde.SchemaRegistryClients;
import org.kleline.ledger.model.serde.SchemaRegistryException;
import org.kleline.ledger.model.serde.SchemaRegistryUnreachableException;
import org.kleline.ledger.model.tls.KeyMaterial;
import org.kleline.ledger.model.tls.TestCertificates;

/**
 * The ledger's registry client (the one its serdes build from a client configuration) against a registry
 * that asks for HTTP basic authentication and serves TLS only (the embedded one in its test mode), with
 * Confluent's settings; and the clear refusals when a setting is missing. One broker for the class.
 */
class SecuredRegistryIT {

    private static final String USER_INFO = "ledger:registry-password";

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static EmbeddedLedgerInfrastructure infrastructure;
    private static String url;

    @BeforeAll
    static void start() {
        certificates = TestCertificates.selfSigned(dir.resolve("tls"));
        var tls = KeyMaterial.sslContext(
                Optional.of(KeyMaterial.fromPem(certificates.certificatePem(), certificates.privateKeyPem())),
                KeyMaterial.IN_MEMORY_PASSWORD,
                Optional.empty());
        infrastructure = EmbeddedLedgerInfrastructure.builder(dir.resolve("kafka"))
                .registryAccess(
                        RegistryAccess.standard().requiringBasicAuth(USER_INFO).overTls(tls))
                .start();
        url = infrastructure.schemaRegistryUrl();
    }

    @AfterAll
    static void stop() {
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void withBasicCredentialsAndTheTrustStoreTheClientRegistersAndReads() {
        assertThat(url).startsWith("https://");
        SchemaRegistryClient client = SchemaRegistryClients.create(settings(Map.of(
                RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE,
                "USER_INFO",
                RegistrySecurity.BASIC_AUTH_USER_INFO,
                USER_INFO)));

        int id = client.register("secured.events-value", EventEnvelope.getClassSchema());
        assertThat(client.schemaById(id)).isEqualTo(EventEnvelope.getClassSchema());
        assertThat(client.latestVersion("secured.events-value").id()).isEqualTo(id);
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthentication() {
        String withUser = url.replace("https://", "https://" + USER_INFO + "@");
        Map<String, Object> configs = settings(Map.of());
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, withUser);
        SchemaRegistryClient client = SchemaRegistryClients.create(configs);

        assertThat(client.register("secured.url-value", EventEnvelope.getClassSchema()))
                .isPositive();
    }

    @Test
    void withoutCredentialsThe401NamesTheSettings() {
        SchemaRegistryClient anonymous = SchemaRegistryClients.create(settings(Map.of()));

        assertThatThrownBy(() -> anonymous.register("secured.anonymous-value", EventEnvelope.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, refused -> {
                    assertThat(refused.httpStatus()).isEqualTo(401);
                    assertThat(refused.getMessage())
                            .contains(RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO")
                            .contains(RegistrySecurity.BASIC_AUTH_USER_INFO)
                            .contains(RegistrySecurity.BEARER_AUTH_TOKEN);
                });

        SchemaRegistryClient wrong = SchemaRegistryClients.create(settings(Map.of(
                RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                RegistrySecurity.BASIC_AUTH_USER_INFO, "ledger:not-the-password")));
        assertThatThrownBy(() -> wrong.schemaById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("credentials sent were refused")
                .hasMessageNotContaining("not-the-password");

        SchemaRegistryClient bearer = SchemaRegistryClients.create(settings(Map.of(
                RegistrySecurity.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
                RegistrySecurity.BEARER_AUTH_TOKEN, "a-token-this-registry-does-not-take")));
        assertThatThrownBy(() -> bearer.schemaById(1))
                .isInstanceOfSatisfying(
                        SchemaRegistryException.class,
                        refused -> assertThat(refused.httpStatus()).isEqualTo(401));
    }

    @Test
    void withoutTheTrustStoreTheTlsFailureNamesIt() {
        Map<String, Object> configs = new HashMap<>();
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        configs.put(RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        configs.put(RegistrySecurity.BASIC_AUTH_USER_INFO, USER_INFO);
        SchemaRegistryClient untrusting = SchemaRegistryClients.create(configs);

        assertThatThrownBy(() -> untrusting.schemaById(1))
                .isInstanceOf(SchemaRegistryUnreachableException.class)
                .hasMessageContaining(RegistrySecurity.SSL_TRUSTSTORE_LOCATION);
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() {
        HttpClient http = HttpClient.newHttpClient();
        URI plain = URI.create(url.replace("https://", "http://") + "/subjects");
        assertThatThrownBy(() ->
                        http.send(HttpRequest.newBuilder(plain).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    /** The registry URL and its trust store, with {@code extra}: a mutable client configuration. */
    private static Map<String, Object> settings(Map<String, String> extra) {
        Map<String, Object> configs = new HashMap<>(extra);
        configs.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        configs.put(
                RegistrySecurity.SSL_TRUSTSTORE_LOCATION,
                certificates.trustStore().toString());
        configs.put(RegistrySecurity.SSL_TRUSTSTORE_PASSWORD, certificates.password());
        configs.put(RegistrySecurity.SSL_TRUSTSTORE_TYPE, "PKCS12");
        return configs;
    }
}
