package org.kleline.ledger.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.cli.LedgerCli;
import org.kleline.ledger.cli.env.EnvironmentDefaults;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code docker/} held to the code, since no Docker engine runs here (the image jib builds into a tarball is
 * {@link ImageTarballIT}'s): the Dockerfile runs the jar ledger-cli builds, as a user other than root, with a health
 * check on {@code /health/live}, and the jib image of ledger-cli's pom agrees with it; every {@code LEDGER_*}
 * variable of the compose files is an option of the command its service runs (by the one rule of
 * {@link EnvironmentDefaults}) and parses as that option; the ports, host names and volumes agree with each
 * other, with the Dockerfile and with the proxy's configuration; the brokers are durable.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOCKER = ROOT.resolve("docker");
    /** Variables the image and the launcher read that are not options. */
    private static final Set<String> NOT_OPTIONS = Set.of("LEDGER_JAVA_OPTS", "LEDGER_LOG_FORMAT");

    private static final String LEDGER_IMAGE = "kleline/ledger";
    private static final String STATE = "/var/lib/ledger";

    @Test
    void theDockerfileRunsLedgerCliJarAsAUserOtherThanRootWithALivenessCheck() throws IOException {
        Map<String, List<String>> file = dockerfile();
        String finalName = shadedFinalName();

        assertThat(file.get("FROM")).singleElement().asString().startsWith("eclipse-temurin:17-jre");
        assertThat(file.get("COPY")).contains("ledger-cli/target/" + finalName + ".jar /app/ledger.jar");
        assertThat(file.get("ENTRYPOINT"))
                .singleElement()
                .asString()
                .contains("exec java $LEDGER_JAVA_OPTS -jar /app/ledger.jar");
        List<String> users = file.get("USER");
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).split(":")[0];
        assertThat(user).isNotIn("root", "0");
        assertThat(file.get("RUN")).anySatisfy(run -> assertThat(run).contains("useradd", " " + user));
        assertThat(file.get("HEALTHCHECK"))
                .singleElement()
                .asString()
                .contains("CMD ", "/health/live", "${LEDGER_PORT:-" + imagePort() + "}");
        assertThat(file.get("VOLUME")).singleElement().asString().contains("\"" + STATE + "\"");
        assertThat(file.get("WORKDIR")).containsExactly(STATE);
        assertThat(file.get("EXPOSE")).containsExactly(Integer.toString(imagePort()));
        assertThat(file.get("ENV")).anySatisfy(env -> assertThat(env).contains("LEDGER_JAVA_OPTS=", "LEDGER_PORT="));
    }

    @Test
    void theJibImageAgreesWithTheDockerfile() throws Exception {
        Map<String, List<String>> file = dockerfile();
        Element container = jibContainer();

        assertThat(texts(container, "ports", "port")).containsExactly(Integer.toString(imagePort()));
        assertThat(texts(container, "volumes", "volume")).containsExactly(STATE);
        assertThat(texts(container, "workingDirectory", null)).containsExactly(STATE);
        Matcher uid = Pattern.compile("--uid (\\d+)").matcher(String.join(" ", file.get("RUN")));
        assertThat(uid.find()).isTrue();
        assertThat(texts(container, "user", null).get(0)).startsWith(uid.group(1) + ":");
        // The Dockerfile's default JVM options, and its jar, in jib's exec-form entrypoint.
        Matcher options = Pattern.compile("LEDGER_JAVA_OPTS=\"([^\"]*)\"").matcher(String.join(" ", file.get("ENV")));
        assertThat(options.find()).isTrue();
        List<String> entrypoint = texts(container, "entrypoint", "arg");
        assertThat(entrypoint.get(0)).isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint.subList(1, entrypoint.size() - 2))
                .containsExactly(options.group(1).split(" "));
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
                .containsExactly("-jar", "/app/ledger.jar");
        assertThat(file.get("CMD"))
                .singleElement()
                .asString()
                .contains("\"" + texts(container, "args", "arg").get(0) + "\"");
        assertThat(texts(container, "environment", "LEDGER_PORT")).containsExactly(Integer.toString(imagePort()));
    }

    @Test
    void everyLedgerVariableOfTheComposeFilesIsAnOptionOfItsServicesCommandAndParses() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String name : List.of("compose.cluster.yml", "compose.single.yml")) {
            JsonNode services = compose(name).path("services");
            for (Map.Entry<String, JsonNode> service : services.properties()) {
                if (!isLedger(service.getValue())) {
                    continue;
                }
                String command = command(service.getValue());
                Map<String, String> env = environment(service.getValue());
                CommandLine root = LedgerCli.commandLine(env);
                CommandLine sub = root.getSubcommands().get(command);
                assertThat(sub)
                        .as("%s %s: ledger %s", name, service.getKey(), command)
                        .isNotNull();
                Set<String> variables = new HashSet<>();
                for (OptionSpec option : sub.getCommandSpec().options()) {
                    EnvironmentDefaults.variableOf(option).ifPresent(variables::add);
                }
                for (String variable : env.keySet()) {
                    if (variable.startsWith(EnvironmentDefaults.PREFIX) && !NOT_OPTIONS.contains(variable)) {
                        assertThat(variables)
                                .as(
                                        "%s, service %s: %s is no option of ledger %s",
                                        name, service.getKey(), variable, command)
                                .contains(variable);
                        checked.add(service.getKey() + " " + variable);
                    }
                }
                // Every value parses as its option: what the container would do at start.
                root.parseArgs(command);
                // Its health check asks its own port, for readiness.
                String port = env.getOrDefault("LEDGER_PORT", Integer.toString(imagePort()));
                assertThat(service.getValue().path("healthcheck").path("test").toString())
                        .as("%s health check", service.getKey())
                        .contains("http://localhost:" + port + "/health/ready");
            }
        }
        assertThat(checked)
                .contains(
                        "node-1 LEDGER_BOOTSTRAP_SERVERS",
                        "node-1 LEDGER_ADVERTISED_HOST",
                        "ingest-2 LEDGER_INSTANCE_ID",
                        "ingest-1 LEDGER_QUERY_URL",
                        "ledger LEDGER_BIND",
                        "ledger LEDGER_ALLOWED_HOST",
                        "ledger LEDGER_DATA_DIR");
    }

    @Test
    void theClusterHasThreeDurableBrokersTwoNodesTwoIngestsAndAProxyThatAgreeOnNamesAndPorts() throws IOException {
        JsonNode services = compose("compose.cluster.yml").path("services");
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        Map<String, JsonNode> ingests = new LinkedHashMap<>();
        List<String> brokers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            JsonNode value = service.getValue();
            if (isLedger(value)) {
                (command(value).equals("node") ? nodes : ingests).put(service.getKey(), value);
                assertThat(value.path("hostname").asText())
                        .as("hostname of %s", service.getKey())
                        .isEqualTo(service.getKey());
                assertThat(value.path("volumes").toString())
                        .as("volumes of %s", service.getKey())
                        .contains(":" + STATE);
            } else if (value.path("image").asText().startsWith("apache/kafka:")) {
                brokers.add(service.getKey());
                Map<String, String> env = environment(value);
                assertThat(env)
                        .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                        .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                        .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
                        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                        .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + service.getKey() + ":9092");
            }
        }
        assertThat(brokers).hasSize(3);
        assertThat(nodes).hasSize(2);
        assertThat(ingests).hasSize(2);
        assertThat(services.path("schema-registry").path("image").asText())
                .startsWith("confluentinc/cp-schema-registry:");

        Set<String> instanceIds = new TreeSet<>();
        for (Map.Entry<String, JsonNode> ledger : concat(nodes, ingests).entrySet()) {
            Map<String, String> env = environment(ledger.getValue());
            assertThat(env.get("LEDGER_BOOTSTRAP_SERVERS").split(","))
                    .containsExactlyInAnyOrderElementsOf(
                            brokers.stream().map(b -> b + ":9092").toList());
            assertThat(URI.create(env.get("LEDGER_SCHEMA_REGISTRY_URL")).getHost())
                    .isEqualTo("schema-registry");
            assertThat(env.get("LEDGER_REPLICATION")).isEqualTo("3");
            assertThat(env).containsKey("LEDGER_CLUSTER_SECRET");
            if (nodes.containsKey(ledger.getKey())) {
                assertThat(env.get("LEDGER_ADVERTISED_HOST")).isEqualTo(ledger.getKey());
                assertThat(env.get("LEDGER_STATE_DIR")).startsWith(STATE + "/");
            } else {
                assertThat(instanceIds.add(env.get("LEDGER_INSTANCE_ID")))
                        .as("instance ids are unique")
                        .isTrue();
                assertThat(services.has(URI.create(env.get("LEDGER_QUERY_URL")).getHost()))
                        .isTrue();
            }
        }

        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertThat(upstream(nginx, "nodes")).containsExactlyInAnyOrderElementsOf(addresses(nodes));
        assertThat(upstream(nginx, "ingest")).containsExactlyInAnyOrderElementsOf(addresses(ingests));
        assertThat(nginx)
                .contains("POST ingest;", "default nodes;", "location = /v1/outcomes/lookup", "location /internal/");
        JsonNode proxy = services.path("proxy");
        assertThat(proxy.path("volumes").toString()).contains("./nginx.conf:/etc/nginx/nginx.conf");
        Matcher listen = Pattern.compile("listen (\\d+);").matcher(nginx);
        assertThat(listen.find()).isTrue();
        assertThat(publishedContainerPorts(proxy)).containsExactly(Integer.parseInt(listen.group(1)));
    }

    @Test
    void theSingleContainerRunsEverythingOnAVolumeAndListensBeyondLoopback() throws IOException {
        JsonNode services = compose("compose.single.yml").path("services");
        assertThat(services.size()).isEqualTo(1);
        JsonNode ledger = services.path("ledger");
        assertThat(command(ledger)).isEqualTo("run");
        Map<String, String> env = environment(ledger);
        assertThat(env).containsEntry("LEDGER_BIND", "0.0.0.0").containsKey("LEDGER_ALLOWED_HOST");
        assertThat(env.get("LEDGER_DATA_DIR")).startsWith(STATE + "/");
        assertThat(ledger.path("volumes").toString()).contains(":" + STATE + "\"");
        int port = Integer.parseInt(env.getOrDefault("LEDGER_PORT", Integer.toString(imagePort())));
        assertThat(publishedContainerPorts(ledger)).containsExactly(port);
        assertThat(env.get("LEDGER_ALLOWED_HOST")).endsWith(":" + port);
        assertThat(port).isEqualTo(imagePort());
    }

    private static boolean isLedger(JsonNode service) {
        return service.path("image").asText().startsWith(LEDGER_IMAGE)
                || service.path("build").path("dockerfile").asText().equals("docker/Dockerfile");
    }

    private static String command(JsonNode service) {
        JsonNode command = service.path("command");
        return command.isArray() ? command.get(0).asText() : command.asText().split("\\s+")[0];
    }

    /** The service's environment, as the container gets it; {@code ${VAR:?...}} given a value, as the user must. */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : service.path("environment").properties()) {
            String value = entry.getValue().asText();
            env.put(entry.getKey(), value.startsWith("${") ? "a-cluster-secret-given-by-the-user" : value);
        }
        return env;
    }

    private static List<Integer> publishedContainerPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            String[] parts = port.asText().split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1]));
        }
        return ports;
    }

    private static List<String> addresses(Map<String, JsonNode> services) {
        List<String> addresses = new ArrayList<>();
        services.forEach((name, service) -> addresses.add(
                name + ":" + environment(service).getOrDefault("LEDGER_PORT", Integer.toString(imagePort()))));
        return addresses;
    }

    private static List<String> upstream(String nginx, String name) {
        Matcher block = Pattern.compile("upstream " + name + " \\{([^}]*)}").matcher(nginx);
        assertThat(block.find()).as("upstream %s in nginx.conf", name).isTrue();
        List<String> servers = new ArrayList<>();
        Matcher server = Pattern.compile("server ([^;\\s]+);").matcher(block.group(1));
        while (server.find()) {
            servers.add(server.group(1));
        }
        return servers;
    }

    private static Map<String, JsonNode> concat(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        Map<String, JsonNode> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    private static JsonNode compose(String name) throws IOException {
        return ComposeFile.read(DOCKER.resolve(name));
    }

    /** The image's port: its {@code EXPOSE}, which its {@code LEDGER_PORT} must be too. */
    private static int imagePort() {
        try {
            Map<String, List<String>> file = dockerfile();
            int exposed = Integer.parseInt(file.get("EXPOSE").get(0));
            assertThat(String.join(" ", file.get("ENV"))).contains("LEDGER_PORT=" + exposed);
            return exposed;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each instruction's arguments, continuation lines joined, comments left out. */
    private static Map<String, List<String>> dockerfile() throws IOException {
        Map<String, List<String>> instructions = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    .append(' ');
            if (!continued) {
                String instruction = current.toString().strip().replaceAll("\\s+", " ");
                int space = instruction.indexOf(' ');
                instructions
                        .computeIfAbsent(instruction.substring(0, space), k -> new ArrayList<>())
                        .add(instruction.substring(space + 1));
                current.setLength(0);
            }
        }
        return instructions;
    }

    /** The {@code <container>} of the jib plugin in ledger-cli's profile {@code image}. */
    private static Element jibContainer() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder()
                .parse(ROOT.resolve("ledger-cli/pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (texts(profile, "id", null).contains("image")) {
                NodeList containers = profile.getElementsByTagName("container");
                assertThat(containers.getLength()).isEqualTo(1);
                return (Element) containers.item(0);
            }
        }
        throw new AssertionError("no profile image in ledger-cli/pom.xml");
    }

    /** The texts of {@code parent/child} (or of {@code parent} itself when child is null) under an element. */
    private static List<String> texts(Element element, String parent, String child) {
        List<String> texts = new ArrayList<>();
        NodeList parents = element.getElementsByTagName(parent);
        for (int i = 0; i < parents.getLength(); i++) {
            Element found = (Element) parents.item(i);
            if (child == null) {
                texts.add(found.getTextContent().strip());
            } else {
                NodeList children = found.getElementsByTagName(child);
                for (int j = 0; j < children.getLength(); j++) {
                    texts.add(children.item(j).getTextContent().strip());
                }
            }
        }
        return texts;
    }

    /** The name the shade plugin gives ledger-cli's runnable jar. */
    private static String shadedFinalName() throws IOException {
        String pom = Files.readString(ROOT.resolve("ledger-cli/pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).as("ledger-cli's shade finalName").isTrue();
        return finalName.group(1);
    }
}
