package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.FeePlan;

class HttpSchemaRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private FakeRegistryServer server;
    private HttpSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeRegistryServer();
        client = new HttpSchemaRegistryClient(List.of(server.url()), TIMEOUT, TIMEOUT, 1000);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registerPostsTheSchemaTextToTheSubjectsVersions() throws IOException {
        server.answer("POST /subjects/ledger.events-value/versions", 200, "{\"id\":21}");

        int id = client.register("ledger.events-value", EventEnvelope.SCHEMA$);

        assertThat(id).isEqualTo(21);
        FakeRegistryServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/subjects/ledger.events-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(JSON.readTree(request.body()))
                .isEqualTo(JSON.createObjectNode().put("schema", EventEnvelope.SCHEMA$.toString()));
    }

    @Test
    void registeredIdAndItsSchemaAreCached() {
        server.answer("POST /subjects/fee-plans-value/versions", 200, "{\"id\":3}");

        client.register("fee-plans-value", FeePlan.SCHEMA$);
        int again = client.register("fee-plans-value", FeePlan.SCHEMA$);
        Schema byId = client.schemaById(3);

        assertThat(again).isEqualTo(3);
        assertThat(byId).isEqualTo(FeePlan.SCHEMA$);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void lookupPostsToTheSubjectAndIsCached() throws IOException {
        server.answer("POST /subjects/fee-plans-value", 200, versionAnswer("fee-plans-value", 4, 17, FeePlan.SCHEMA$));

        RegisteredSchema found = client.lookup("fee-plans-value", FeePlan.SCHEMA$);
        client.lookup("fee-plans-value", FeePlan.SCHEMA$);

        assertThat(found).isEqualTo(new RegisteredSchema("fee-plans-value", 4, 17, FeePlan.SCHEMA$));
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).contentType()).isEqualTo(HttpSchemaRegistryClient.CONTENT_TYPE);
        assertThat(JSON.readTree(server.requests().get(0).body()).get("schema").asText())
                .isEqualTo(FeePlan.SCHEMA$.toString());
    }

    @Test
    void schemaByIdIsFetchedOnceWithoutABody() throws IOException {
        server.answer(
                "GET /schemas/ids/21",
                200,
                JSON.createObjectNode()
                        .put("schema", EventEnvelope.SCHEMA$.toString())
                        .toString());

        Schema first = client.schemaById(21);
        Schema second = client.schemaById(21);

        assertThat(first).isEqualTo(EventEnvelope.SCHEMA$);
        assertThat(second).isSameAs(first);
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.rawPath()).isEqualTo("/schemas/ids/21");
            assertThat(request.body()).isEmpty();
            assertThat(request.contentType()).isNull();
        });
    }

    @Test
    void latestVersionIsAskedEveryTimeSinceItChanges() throws IOException {
        server.answer(
                        "GET /subjects/fee-plans-value/versions/latest",
                        200,
                        versionAnswer("fee-plans-value", 1, 3, FeePlan.SCHEMA$))
                .answer(
                        "GET /subjects/fee-plans-value/versions/latest",
                        200,
                        versionAnswer("fee-plans-value", 2, 8, FeePlan.SCHEMA$));

        assertThat(client.latestVersion("fee-plans-value").version()).isEqualTo(1);
        assertThat(client.latestVersion("fee-plans-value"))
                .isEqualTo(new RegisteredSchema("fee-plans-value", 2, 8, FeePlan.SCHEMA$));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void subjectNotFoundBecomesAnExceptionWithCodeStatusAndMessage() {
        server.answer(
                "GET /subjects/nobody-value/versions/latest",
                404,
                "{\"error_code\":40401,\"message\":\"Subject 'nobody-value' not found.\"}");

        assertThatThrownBy(() -> client.latestVersion("nobody-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(40401);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.registryMessage()).isEqualTo("Subject 'nobody-value' not found.");
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.getMessage())
                            .isEqualTo("GET /subjects/nobody-value/versions/latest failed: HTTP 404, "
                                    + "error_code 40401: Subject 'nobody-value' not found.");
                });
    }

    @Test
    void incompatibleSchemaBecomesA409Exception() {
        assertRegisteringTheFeePlanFailsOn(
                        409,
                        "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}")
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.isNotFound()).isFalse();
                });
    }

    @Test
    void invalidSchemaBecomesA42201Exception() {
        assertRegisteringTheFeePlanFailsOn(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}")
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA);
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.registryMessage()).isEqualTo("Invalid schema");
                });
    }

    @Test
    void errorPageThatIsNotJsonKeepsItsStatusAndText() {
        server.answer("GET /schemas/ids/5", 502, "<html>Bad Gateway</html>");

        assertThatThrownBy(() -> client.schemaById(5)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(502);
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.registryMessage()).isEqualTo("<html>Bad Gateway</html>");
        });
    }

    @Test
    void answersThatSayTheRegistryCannotAnswerNowAreTransient() {
        server.answer("GET /schemas/ids/5", 503, "{\"error_code\":50301,\"message\":\"Service unavailable\"}")
                .answer(
                        "GET /schemas/ids/5",
                        500,
                        "{\"error_code\":50001,\"message\":\"Error in the backend data store\"}")
                .answer("GET /schemas/ids/5", 429, "Too Many Requests")
                .answer("GET /schemas/ids/5", 408, "")
                .answer("GET /schemas/ids/5", 504, "<html>Gateway Timeout</html>");

        for (int status : new int[] {503, 500, 429, 408, 504}) {
            assertThatThrownBy(() -> client.schemaById(5)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(status);
                assertThat(e.isTransient()).isTrue();
                assertThat(e.isNotFound()).isFalse();
            });
        }
    }

    @Test
    void answersAboutWhatWasAskedAreNotTransient() {
        server.answer("GET /schemas/ids/5", 404, "{\"error_code\":40403,\"message\":\"Schema 5 not found\"}")
                .answer("GET /schemas/ids/5", 401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}")
                .answer("GET /schemas/ids/5", 403, "Forbidden")
                .answer("GET /schemas/ids/5", 404, "<html>no such page</html>");

        for (int status : new int[] {404, 401, 403, 404}) {
            assertThatThrownBy(() -> client.schemaById(5)).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(status);
                assertThat(e.isTransient()).isFalse();
            });
        }
    }

    @Test
    void errorsAreNotCached() {
        server.answer("GET /schemas/ids/5", 404, "{\"error_code\":40403,\"message\":\"Schema 5 not found\"}")
                .answer(
                        "GET /schemas/ids/5",
                        200,
                        JSON.createObjectNode()
                                .put("schema", FeePlan.SCHEMA$.toString())
                                .toString());

        assertThatThrownBy(() -> client.schemaById(5)).isInstanceOf(SchemaRegistryException.class);
        assertThat(client.schemaById(5)).isEqualTo(FeePlan.SCHEMA$);
    }

    @Test
    void subjectIsPercentEncodedInThePath() {
        server.answer("POST /subjects/odd%20subject%2Fvalue/versions", 200, "{\"id\":1}");

        assertThat(client.register("odd subject/value", FeePlan.SCHEMA$)).isEqualTo(1);
    }

    @Test
    void answerWithoutTheExpectedFieldIsMalformed() {
        server.answer("POST /subjects/fee-plans-value/versions", 200, "{\"identifier\":1}");

        assertThatThrownBy(() -> client.register("fee-plans-value", FeePlan.SCHEMA$))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("POST /subjects/fee-plans-value/versions: the registry's answer is malformed")
                .hasMessageContaining("field \"id\"");
    }

    @Test
    void nonAvroSchemaTypeIsRefused() {
        server.answer(
                "GET /schemas/ids/7", 200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

        assertThatThrownBy(() -> client.schemaById(7))
                .isInstanceOf(UncheckedIOException.class)
                .isNotInstanceOf(SchemaRegistryUnreachableException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void unreachableUrlIsSkippedForTheNextOne() throws IOException {
        FakeRegistryServer gone = new FakeRegistryServer();
        String goneUrl = gone.url();
        gone.close();
        server.answer("POST /subjects/fee-plans-value/versions", 200, "{\"id\":9}");
        HttpSchemaRegistryClient failingOver =
                new HttpSchemaRegistryClient(List.of(goneUrl, server.url()), TIMEOUT, TIMEOUT, 1000);

        assertThat(failingOver.register("fee-plans-value", FeePlan.SCHEMA$)).isEqualTo(9);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void registryUnreachableAtEveryUrlSaysWhere() throws IOException {
        FakeRegistryServer gone = new FakeRegistryServer();
        String goneUrl = gone.url();
        gone.close();
        HttpSchemaRegistryClient unreachable = new HttpSchemaRegistryClient(List.of(goneUrl), TIMEOUT, TIMEOUT, 1000);

        assertThatThrownBy(() -> unreachable.schemaById(1))
                .isInstanceOf(SchemaRegistryUnreachableException.class)
                .hasMessageContaining(
                        "Schema registry unreachable: GET /schemas/ids/1 failed at every URL of [" + goneUrl + "]");
    }

    @Test
    void requestTimeoutIsEnforced() {
        server.hang("GET /schemas/ids/1");
        HttpSchemaRegistryClient impatient =
                new HttpSchemaRegistryClient(List.of(server.url()), TIMEOUT, Duration.ofMillis(300), 1000);

        assertThatThrownBy(() -> impatient.schemaById(1))
                .isInstanceOf(SchemaRegistryUnreachableException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void serdeConfiguredWithTheUrlSharesOneClientBetweenItsHalves() {
        server.answer("POST /subjects/fee-plans-value/versions", 200, "{\"id\":258}");
        SpecificAvroSerde<FeePlan> serde = new SpecificAvroSerde<>(FeePlan.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);

        byte[] bytes = serde.serializer().serialize("fee-plans", SampleRecords.feePlan());

        assertThat(bytes).startsWith(0, 0, 0, 1, 2);
        assertThat(serde.deserializer().deserialize("fee-plans", bytes)).isEqualTo(SampleRecords.feePlan());
        assertThat(server.requests())
                .extracting(FakeRegistryServer.Request::rawPath)
                .containsExactly("/subjects/fee-plans-value/versions");
    }

    private static String versionAnswer(String subject, int version, int id, Schema schema) {
        return JSON.createObjectNode()
                .put("subject", subject)
                .put("version", version)
                .put("id", id)
                .put("schema", schema.toString())
                .toString();
    }

    /** Registering the fee plan's schema when the registry answers {@code status} with {@code body}: its assertion. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRegisteringTheFeePlanFailsOn(
            int status, String body) {
        server.answer("POST /subjects/fee-plans-value/versions", status, body);
        return assertThatThrownBy(() -> client.register("fee-plans-value", FeePlan.SCHEMA$));
    }
}
