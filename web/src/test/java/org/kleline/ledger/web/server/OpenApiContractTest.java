package org.kleline.ledger.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.web.auth.AccessControl;
import org.kleline.ledger.web.auth.AccessRules;
import org.kleline.ledger.web.auth.ClusterSecret;
import org.kleline.ledger.web.auth.Role;
import org.kleline.ledger.web.problem.ProblemType;

/**
 * docs/openapi.json, the HTTP contract, against the code it describes: the route table every server
 * gates with ({@link AccessRules}: a route without a rule is refused to everyone, so the table is every
 * route a server can answer), the roles and credentials of each route, the problem types
 * ({@link ProblemType}), and its own examples against its own schemas. ledger-cli's {@code LedgerRunApiIT}
 * holds the routes a running {@code ledger run} registers to the same document.
 */
class OpenApiContractTest {

    /** Surefire runs in the module's directory. */
    static final Path DOCUMENT = Path.of("..", "docs", "openapi.json");

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiDocument contract;
    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        contract = ApiDocument.parse(Files.readAllBytes(DOCUMENT));
        document = contract.tree();
    }

    @Test
    void theDocumentIsOpenApi31AndTheServedCopyIsThisFile() throws Exception {
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(JSON.readTree(ApiDocsRoutes.document()))
                .as("the copy the jar serves at /openapi.json (web/pom.xml copies %s)", DOCUMENT)
                .isEqualTo(document);
    }

    @Test
    void everyRouteOfTheAccessRulesIsAnOperationAndNoOtherIs() {
        Set<String> rules =
                AccessRules.RULES.stream().map(AccessRules.Rule::route).collect(Collectors.toCollection(TreeSet::new));

        assertThat(contract.operations().keySet())
                .as("the operations of %s (METHOD path) against AccessRules.RULES", DOCUMENT)
                .isEqualTo(rules);
    }

    @Test
    void everyOperationNamesTheRolesAndCredentialsTheGateApplies() {
        Map<String, JsonNode> operations = contract.operations();
        for (AccessRules.Rule rule : AccessRules.RULES) {
            JsonNode operation = operations.get(rule.route());
            assertThat(operation).as("operation %s", rule.route()).isNotNull();
            Set<String> documentedRoles = new TreeSet<>();
            operation.path("x-roles").forEach(role -> documentedRoles.add(role.asText()));
            assertThat(documentedRoles)
                    .as("x-roles of %s", rule.route())
                    .isEqualTo(
                            rule.roles().stream().map(Role::wireName).collect(Collectors.toCollection(TreeSet::new)));
            assertThat(operation.path("x-nodes").asBoolean(false))
                    .as("x-nodes of %s (the cluster secret may call it)", rule.route())
                    .isEqualTo(rule.nodes());
            JsonNode security = operation.path("security");
            assertThat(security.isArray()).as("security of %s", rule.route()).isTrue();
            if (rule.open()) {
                assertThat(security.size())
                        .as("%s needs no credential", rule.route())
                        .isZero();
                continue;
            }
            Set<String> schemes = new TreeSet<>();
            security.forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
            assertThat(schemes)
                    .as("credentials of %s", rule.route())
                    .isEqualTo(rule.roles().isEmpty() ? Set.of("clusterSecret") : Set.of("apiKey"));
            assertThat(operation.path("responses").has("401"))
                    .as("%s documents its 401", rule.route())
                    .isTrue();
            assertThat(operation.path("responses").has("403"))
                    .as("%s documents its 403", rule.route())
                    .isTrue();
        }
    }

    @Test
    void theSecuritySchemesAreTheCredentialsTheGateReads() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("apiKey").path("type").asText()).isEqualTo("http");
        // RFC 7235: the scheme's name is case-insensitive; the gate reads "Bearer <key>" and challenges with it.
        assertThat(AccessControl.CHALLENGE)
                .startsWithIgnoringCase(schemes.path("apiKey").path("scheme").asText() + " ");
        assertThat(schemes.path("clusterSecret").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("clusterSecret").path("name").asText()).isEqualTo(ClusterSecret.HEADER);
    }

    @Test
    void everyProblemTypeTheCodeDefinesIsListedAndNoOther() {
        assertThat(contract.problemTypes())
                .as("the enum of Problem.type in %s", DOCUMENT)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemType.values())
                        .map(ProblemType::uri)
                        .toList());
    }

    @Test
    void everyPathParameterIsDeclaredAndEveryDeclaredOneIsInThePath() {
        contract.operations().forEach((route, operation) -> {
            String path = route.substring(route.indexOf(' ') + 1);
            Set<String> inPath = new TreeSet<>();
            Matcher matcher = PATH_PARAMETER.matcher(path);
            while (matcher.find()) {
                inPath.add(matcher.group(1));
            }
            Set<String> declared = new TreeSet<>();
            operation.path("parameters").forEach(parameter -> {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asText().equals("path")) {
                    declared.add(resolved.path("name").asText());
                    assertThat(resolved.path("required").asBoolean())
                            .as("%s of %s is required", resolved.path("name"), route)
                            .isTrue();
                }
            });
            assertThat(declared).as("path parameters of %s", route).isEqualTo(inPath);
        });
    }

    @Test
    void everyExampleValidatesAgainstItsSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        List<String> failures = new ArrayList<>();
        int examples = 0;
        for (Map.Entry<String, JsonNode> example : examples().entrySet()) {
            JsonNode[] pair = JSON.convertValue(example.getValue(), JsonNode[].class);
            ObjectNode root = ((ObjectNode) pair[0]).deepCopy();
            root.set("components", document.path("components"));
            Schema schema = registry.getSchema(root);
            List<Error> errors = schema.validate(pair[1]);
            if (!errors.isEmpty()) {
                failures.add(example.getKey() + ": " + errors);
            }
            examples++;
        }
        assertThat(examples).as("examples found in %s", DOCUMENT).isGreaterThan(40);
        assertThat(failures)
                .as("examples that do not validate against their schema")
                .isEmpty();
    }

    @Test
    void aSchemaCatchesAnExampleThatBreaksIt() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        ObjectNode root = JSON.createObjectNode().put("$ref", "#/components/schemas/Pending");
        root.set("components", document.path("components"));

        assertThat(registry.getSchema(root).validate(JSON.createObjectNode().put("eventId", "e-1")))
                .as("a Pending without its status")
                .isNotEmpty();
    }

    @Test
    void everyServerServesTheDocumentAndItsPage() throws Exception {
        try (LedgerHttpServer server = LedgerHttpServer.create(0, List.of()).start()) {
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + server.port());

            HttpResponse<String> served = get(http, base.resolve("/openapi.json"));
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(served.body())).isEqualTo(document);
            assertThat(ApiDocument.served().tree()).isEqualTo(document);
            HttpResponse<String> page = get(http, base.resolve("/docs"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("/docs/swagger-ui-bundle.js", "/openapi.json");
            HttpResponse<String> bundle = get(http, base.resolve("/docs/swagger-ui-bundle.js"));
            assertThat(bundle.statusCode()).isEqualTo(200);
            assertThat(bundle.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
            assertThat(bundle.body()).contains("SwaggerUIBundle");
            HttpResponse<String> other = get(http, base.resolve("/docs/index.html"));
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(other.body()).path("field").asText()).isEqualTo("asset");
            assertThat(server.routes())
                    .contains("GET /openapi.json", "GET /docs", "GET /docs/{asset}", "GET /health/live");
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every example with its schema, as [schema, example], by where it is: parameters and media types. */
    private static Map<String, JsonNode> examples() {
        Map<String, JsonNode> found = new TreeMap<>();
        collect(document, "#", found);
        return found;
    }

    private static void collect(JsonNode node, String where, Map<String, JsonNode> found) {
        if (node.isObject()) {
            if (node.has("schema") && node.has("example")) {
                found.put(where, JSON.createArrayNode().add(node.path("schema")).add(node.path("example")));
            }
            node.properties().forEach(child -> collect(child.getValue(), where + "/" + child.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where + "/" + i, found);
            }
        }
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }
}
