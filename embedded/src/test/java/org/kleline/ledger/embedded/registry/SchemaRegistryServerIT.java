package org.kleline.ledger.embedded.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kleline.ledger.embedded.EmbeddedLedgerInfrastructure;
import org.kleline.ledger.embedded.junit.EmbeddedKafkaExtension;
import org.kleline.ledger.embedded.registry.RegistryHttp.Response;

/**
 * The REST API as serializers and tools use it, against the real server on an embedded broker.
 * One registry serves the whole class, so each test works on subjects of its own.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class SchemaRegistryServerIT {

    static final String PAYMENT_V1 = """
            {"type":"record","name":"Payment","namespace":"org.kleline","fields":[
              {"name":"amountMinor","type":"long"}]}""";
    static final String PAYMENT_V1_SPACED = """
            {  "namespace" : "org.kleline",  "name" : "Payment", "type" : "record",
               "fields" : [ { "type" : "long", "name" : "amountMinor" } ] }""";
    static final String PAYMENT_V2 = """
            {"type":"record","name":"Payment","namespace":"org.kleline","fields":[
              {"name":"amountMinor","type":"long"},
              {"name":"currency","type":"string","default":"EUR"}]}""";
    static final String PAYMENT_V3_MERCHANT_REQUIRED = """
            {"type":"record","name":"Payment","namespace":"org.kleline","fields":[
              {"name":"amountMinor","type":"long"},
              {"name":"currency","type":"string","default":"EUR"},
              {"name":"merchantId","type":"string"}]}""";

    private final EmbeddedLedgerInfrastructure infrastructure;
    private RegistryHttp registry;

    SchemaRegistryServerIT(EmbeddedLedgerInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @BeforeEach
    void client() {
        registry = new RegistryHttp(
                infrastructure.schemaRegistryUrl(),
                infrastructure.schemaRegistry().ownerSecret());
    }

    @Test
    void configurationChangesAndDeletesAreTheOwnersOnly() {
        RegistryHttp stranger = new RegistryHttp(infrastructure.schemaRegistryUrl());
        RegistryHttp forger = new RegistryHttp(infrastructure.schemaRegistryUrl(), "not-the-owner-secret");
        stranger.register("guarded-value", PAYMENT_V1);

        for (RegistryHttp refused : new RegistryHttp[] {stranger, forger}) {
            for (Response answer : new Response[] {
                refused.put("/config", RegistryHttp.compatibilityBody("NONE")),
                refused.put("/config/guarded-value", RegistryHttp.compatibilityBody("NONE")),
                refused.put("/%63onfig", RegistryHttp.compatibilityBody("NONE")),
                refused.delete("/subjects/guarded-value"),
                refused.delete("/subjects/guarded-value/versions/1")
            }) {
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.errorCode()).isEqualTo(40301);
                assertThat(answer.message()).contains("denied");
            }
        }
        // Nothing changed; reads and registrations stay open to all.
        assertThat(stranger.get("/config").body().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(stranger.get("/config/guarded-value").status()).isEqualTo(404);
        assertThat(stranger.get("/subjects/guarded-value/versions").body().toString())
                .isEqualTo("[1]");
        // The owner may: the level is set, and a delete reaches the routes (this registry deletes nothing: 405).
        assertThat(registry.put("/config/guarded-value", RegistryHttp.compatibilityBody("NONE"))
                        .status())
                .isEqualTo(200);
        assertThat(registry.delete("/subjects/guarded-value").status()).isEqualTo(405);
    }

    @Test
    void registeringAnswersAnIdAndTheSameSchemaAgainKeepsItsIdAndVersion() {
        Response first = registry.post("/subjects/same-value/versions", RegistryHttp.schemaBody(PAYMENT_V1));
        Response again = registry.post("/subjects/same-value/versions", RegistryHttp.schemaBody(PAYMENT_V1_SPACED));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(first.body().path("id").asInt()).isPositive();
        assertThat(again.body().path("id").asInt())
                .isEqualTo(first.body().path("id").asInt());
        assertThat(registry.get("/subjects/same-value/versions").body().toString())
                .isEqualTo("[1]");
    }

    @Test
    void theSameSchemaUnderAnotherSubjectReusesItsId() {
        int underPayments = registry.register("reuse-payments-value", PAYMENT_V2);
        int underRefunds = registry.register("reuse-refunds-value", PAYMENT_V2);

        assertThat(underRefunds).isEqualTo(underPayments);
        assertThat(registry.get("/subjects/reuse-refunds-value/versions/latest")
                        .body()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aCompatibleChangeGetsTheNextVersionAndANewId() {
        int v1 = registry.register("evolve-value", PAYMENT_V1);
        int v2 = registry.register("evolve-value", PAYMENT_V2);

        assertThat(v2).isNotEqualTo(v1);
        assertThat(registry.get("/subjects/evolve-value/versions").body().toString())
                .isEqualTo("[1,2]");
        Response latest = registry.get("/subjects/evolve-value/versions/latest");
        assertThat(latest.body().path("subject").asText()).isEqualTo("evolve-value");
        assertThat(latest.body().path("version").asInt()).isEqualTo(2);
        assertThat(latest.body().path("id").asInt()).isEqualTo(v2);
        assertThat(latest.body().path("schema").asText()).contains("\"currency\"");
    }

    @Test
    void anIncompatibleChangeIsRefusedWith409AndNotStored() {
        registry.register("refused-value", PAYMENT_V2);

        Response refused = registry.post(
                "/subjects/refused-value/versions", RegistryHttp.schemaBody(PAYMENT_V3_MERCHANT_REQUIRED));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.message()).contains("refused-value").contains("merchantId");
        assertThat(registry.get("/subjects/refused-value/versions").body().toString())
                .isEqualTo("[1]");
    }

    @Test
    void lookUpAnswersSubjectVersionIdAndSchema() {
        registry.register("lookup-value", PAYMENT_V1);
        int id = registry.register("lookup-value", PAYMENT_V2);

        Response found = registry.post("/subjects/lookup-value", RegistryHttp.schemaBody(PAYMENT_V2));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("subject").asText()).isEqualTo("lookup-value");
        assertThat(found.body().path("version").asInt()).isEqualTo(2);
        assertThat(found.body().path("id").asInt()).isEqualTo(id);
        assertThat(found.body().path("schema").asText())
                .isEqualTo(
                        registry.get("/schemas/ids/" + id).body().path("schema").asText());
    }

    @Test
    void lookUpOfASchemaTheSubjectDoesNotHaveIs40403() {
        registry.register("lookup-missing-value", PAYMENT_V1);

        Response missing = registry.post("/subjects/lookup-missing-value", RegistryHttp.schemaBody(PAYMENT_V2));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
    }

    @Test
    void aSchemaIsFetchedByIdInCanonicalForm() {
        int id = registry.register("by-id-value", PAYMENT_V1_SPACED);

        Response byId = registry.get("/schemas/ids/" + id);

        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.body().path("schema").asText())
                .isEqualTo("{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"org.kleline\",\"fields\":"
                        + "[{\"name\":\"amountMinor\",\"type\":\"long\"}]}");
        assertThat(registry.get("/schemas/ids/" + id + "/schema")
                        .body()
                        .path("name")
                        .asText())
                .isEqualTo("Payment");
    }

    @Test
    void anUnknownIdIs40403() {
        Response unknown = registry.get("/schemas/ids/999999");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(40403);
        assertThat(unknown.message()).contains("999999");
    }

    @Test
    void versionsAreFetchedByNumberOrLatestAndBadOnesAreNamed() {
        int v1 = registry.register("versions-value", PAYMENT_V1);
        registry.register("versions-value", PAYMENT_V2);

        Response first = registry.get("/subjects/versions-value/versions/1");
        assertThat(first.body().path("version").asInt()).isEqualTo(1);
        assertThat(first.body().path("id").asInt()).isEqualTo(v1);
        assertThat(registry.get("/subjects/versions-value/versions/-1")
                        .body()
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(registry.get("/subjects/versions-value/versions/1/schema")
                        .body()
                        .path("fields")
                        .size())
                .isEqualTo(1);

        Response absent = registry.get("/subjects/versions-value/versions/7");
        assertThat(absent.status()).isEqualTo(404);
        assertThat(absent.errorCode()).isEqualTo(40402);

        Response invalid = registry.get("/subjects/versions-value/versions/zero");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42202);
    }

    @Test
    void anUnknownSubjectIs40401() {
        for (Response response : List.of(
                registry.get("/subjects/nobody-value/versions"),
                registry.get("/subjects/nobody-value/versions/latest"),
                registry.post("/subjects/nobody-value", RegistryHttp.schemaBody(PAYMENT_V1)),
                registry.post(
                        "/compatibility/subjects/nobody-value/versions/latest", RegistryHttp.schemaBody(PAYMENT_V1)))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo(40401);
            assertThat(response.message()).isEqualTo("Subject 'nobody-value' not found.");
        }
    }

    @Test
    void theCompatibilityCheckAnswersWithoutRegistering() {
        registry.register("check-value", PAYMENT_V1);

        Response compatible = registry.post(
                "/compatibility/subjects/check-value/versions/latest", RegistryHttp.schemaBody(PAYMENT_V2));
        Response incompatible = registry.post(
                "/compatibility/subjects/check-value/versions/1?verbose=true",
                RegistryHttp.schemaBody(PAYMENT_V3_MERCHANT_REQUIRED));

        assertThat(compatible.status()).isEqualTo(200);
        assertThat(compatible.body().path("is_compatible").asBoolean()).isTrue();
        assertThat(incompatible.status()).isEqualTo(200);
        assertThat(incompatible.body().path("is_compatible").asBoolean()).isFalse();
        assertThat(incompatible.body().path("messages").toString()).contains("merchantId");
        assertThat(registry.get("/subjects/check-value/versions").body().toString())
                .isEqualTo("[1]");
    }

    @Test
    void theGlobalLevelIsBackwardUntilChanged() {
        assertThat(registry.get("/config").body().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        try {
            Response changed = registry.put("/config", RegistryHttp.compatibilityBody("FULL"));

            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body().toString()).isEqualTo("{\"compatibility\":\"FULL\"}");
            assertThat(registry.get("/config").body().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        } finally {
            registry.put("/config", RegistryHttp.compatibilityBody("BACKWARD"));
        }
    }

    @Test
    void aSubjectLevelOverridesTheGlobalOne() {
        registry.register("relaxed-value", PAYMENT_V2);

        Response set = registry.put("/config/relaxed-value", RegistryHttp.compatibilityBody("none"));
        int accepted = registry.register("relaxed-value", PAYMENT_V3_MERCHANT_REQUIRED);

        assertThat(set.body().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(accepted).isPositive();
        assertThat(registry.get("/config/relaxed-value").body().toString())
                .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(registry.get("/config/strict-value").errorCode()).isEqualTo(40408);
        assertThat(registry.get("/config/strict-value?defaultToGlobal=true")
                        .body()
                        .toString())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        Response invalid = registry.put("/config/relaxed-value", RegistryHttp.compatibilityBody("SIDEWAYS"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42203);
    }

    @Test
    void anInvalidSchemaIs42201() {
        Response invalid = registry.post(
                "/subjects/invalid-value/versions",
                RegistryHttp.schemaBody(
                        "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"a\",\"type\":\"Money\"}]}"));
        Response missing = registry.post("/subjects/invalid-value/versions", "{\"schemaType\":\"AVRO\"}");
        Response protobuf = registry.post(
                "/subjects/invalid-value/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        Response notJson = registry.post("/subjects/invalid-value/versions", "{\"schema\": ");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42201);
        assertThat(invalid.message()).contains("Money");
        assertThat(missing.errorCode()).isEqualTo(42201);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.message()).contains("PROTOBUF");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(registry.get("/subjects/invalid-value/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() {
        String padding = "x".repeat(1024 * 1024);
        Response refused = registry.post(
                "/subjects/huge-value/versions", "{\"schema\":\"\\\"string\\\"\",\"doc\":\"" + padding + "\"}");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo(413);
        assertThat(refused.message()).contains("1048576");
        assertThat(registry.get("/subjects/huge-value/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void theApiContentTypesAreAcceptedAndOthersRefused() {
        Response plainJson = registry.post(
                "/subjects/types-value/versions", RegistryHttp.schemaBody(PAYMENT_V1), "application/json");
        Response unversioned = registry.post(
                "/subjects/types-value", RegistryHttp.schemaBody(PAYMENT_V1), "application/vnd.schemaregistry+json");
        Response text = registry.post("/subjects/types-value", RegistryHttp.schemaBody(PAYMENT_V1), "text/plain");

        assertThat(plainJson.status()).isEqualTo(200);
        assertThat(unversioned.status()).isEqualTo(200);
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.errorCode()).isEqualTo(415);
    }

    @Test
    void unknownPathsAre404AndUnknownMethods405() {
        Response unknown = registry.get("/no/such/thing");
        Response wrongMethod = registry.delete("/subjects/anything-value/versions");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo(405);
    }

    @Test
    void subjectsAreListedAndFilteredByPrefix() {
        registry.register("listed-b-value", PAYMENT_V1);
        registry.register("listed-a-value", PAYMENT_V1);

        assertThat(registry.get("/subjects?subjectPrefix=listed-").body().toString())
                .isEqualTo("[\"listed-a-value\",\"listed-b-value\"]");
        assertThat(registry.get("/subjects").body().toString()).contains("\"listed-a-value\"");
        assertThat(registry.get("/schemas/types").body().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void concurrentRegistrationsAreSerializedIntoDistinctConsecutiveIds() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String schema = "{\"type\":\"record\",\"name\":\"Concurrent" + i
                        + "\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}";
                String subject = "concurrent-" + i + "-value";
                registrations.add(() -> registry.register(subject, schema));
            }
            List<Integer> ids = new ArrayList<>();
            for (Future<Integer> id : pool.invokeAll(registrations)) {
                ids.add(id.get());
            }

            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids.stream().mapToInt(Integer::intValue).max().orElseThrow()
                            - ids.stream().mapToInt(Integer::intValue).min().orElseThrow())
                    .isEqualTo(writers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registrationsAreStoredInTheCompactedSchemasTopic() throws Exception {
        int id = registry.register("stored-value", PAYMENT_V1);
        String bootstrap = infrastructure.bootstrapServers();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
            Config config = admin.describeConfigs(Set.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition("_schemas", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key().contains("\"stored-value\"")) {
                        values.add(record.value());
                    }
                }
            }
        }
        assertThat(values)
                .singleElement()
                .asString()
                .contains("\"subject\":\"stored-value\",\"version\":1,\"id\":" + id + ",");
    }
}
