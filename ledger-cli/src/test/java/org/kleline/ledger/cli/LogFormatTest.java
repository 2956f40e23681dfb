package org.kleline.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped logback.xml (src/main/resources, not the tests' own) in both its forms, configured
 * into a logger context of the test's own so the tests' logging is left alone, with stderr captured.
 */
class LogFormatTest {

    static final Path SHIPPED = Path.of("src/main/resources/logback.xml");
    static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream stderr = System.err;

    @AfterEach
    void restore() {
        System.setErr(stderr);
        System.clearProperty(LogFormat.VARIABLE);
    }

    @Test
    void jsonGivesOneJsonObjectPerLineWithTheEventsTimeInEveryLine() throws Exception {
        System.setProperty(LogFormat.VARIABLE, "json");
        long before = System.currentTimeMillis();

        List<String> lines = logThroughShippedConfiguration();

        long after = System.currentTimeMillis();
        assertThat(lines).hasSize(3);
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readTree(line));
        }
        for (JsonNode event : events) {
            assertThat(event.path("timestamp").isIntegralNumber())
                    .as("timestamp of %s", event)
                    .isTrue();
            long timestamp = event.path("timestamp").asLong();
            assertThat(timestamp).isBetween(before, after);
            assertThat(LocalDate.ofInstant(Instant.ofEpochMilli(timestamp), ZoneOffset.UTC))
                    .isEqualTo(LocalDate.ofInstant(Instant.ofEpochMilli(before), ZoneOffset.UTC));
            assertThat(event.has("context")).as("context left out").isFalse();
        }
        assertThat(events)
                .extracting(event -> event.path("sequenceNumber").asLong())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(events.get(0).path("level").asText()).isEqualTo("INFO");
        assertThat(events.get(0).path("loggerName").asText()).isEqualTo("org.kleline.ledger.cli.Test");
        assertThat(events.get(0).path("formattedMessage").asText())
                .isEqualTo("created topic ledger.journal (6 partitions, replication 3)");
        assertThat(events.get(1).path("level").asText()).isEqualTo("WARN");
        assertThat(events.get(1).path("loggerName").asText()).isEqualTo("org.apache.kafka.clients.NetworkClient");
        assertThat(events.get(2).path("level").asText()).isEqualTo("ERROR");
        assertThat(events.get(2).path("throwable").path("className").asText())
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void textIsTheDefault() throws Exception {
        List<String> lines = logThroughShippedConfiguration();

        assertThat(lines).hasSize(4); // the exception's stack trace takes two lines of its own here
        assertThat(lines.get(0))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  created topic ledger.journal "
                        + "\\(6 partitions, replication 3\\)");
        assertThat(lines.get(1))
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  \\[main\\] "
                        + "o\\.apache\\.kafka\\.clients\\.NetworkClient - broker 1 unreachable");
    }

    @Test
    void onlyTextAndJsonAreAccepted() {
        Map<String, String> none = Map.of();

        assertThat(LogFormat.problem(none::get, none::get)).isEmpty();
        assertThat(LogFormat.problem(Map.of(LogFormat.VARIABLE, "json")::get, none::get))
                .isEmpty();
        assertThat(LogFormat.problem(none::get, Map.of(LogFormat.VARIABLE, "text")::get))
                .isEmpty();
        assertThat(LogFormat.problem(none::get, Map.of(LogFormat.VARIABLE, "JSON")::get))
                .contains("LEDGER_LOG_FORMAT must be text or json, was 'JSON'");
        // the system property wins over the environment, as in logback
        assertThat(LogFormat.problem(Map.of(LogFormat.VARIABLE, "xml")::get, Map.of(LogFormat.VARIABLE, "json")::get))
                .contains("LEDGER_LOG_FORMAT must be text or json, was 'xml'");
        assertThat(LogFormat.problem(Map.of(LogFormat.VARIABLE, "text")::get, Map.of(LogFormat.VARIABLE, "xml")::get))
                .isEmpty();
        // another configuration file: not ours to judge
        assertThat(LogFormat.problem(
                        Map.of(LogFormat.LOGBACK_CONFIGURATION_FILE, "mine.xml")::get,
                        Map.of(LogFormat.VARIABLE, "xml")::get))
                .isEmpty();
    }

    /** Configures a fresh context with the shipped file, logs three events, and returns stderr's lines. */
    private static List<String> logThroughShippedConfiguration() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(SHIPPED.toUri().toURL());
            context.getLogger("org.kleline.ledger.cli.Test")
                    .info("created topic {} ({} partitions, replication {})", "ledger.journal", 6, 3);
            context.getLogger("org.apache.kafka.clients.NetworkClient").warn("broker 1 unreachable");
            context.getLogger("org.apache.kafka.clients.NetworkClient").debug("not at WARN: dropped");
            context.getLogger("io.javalin.Javalin").error("handler failed", new IllegalStateException("boom"));
            assertThat(new StatusUtil(context).getHighestLevel(0))
                    .as("logback's own errors")
                    .isLessThan(Status.ERROR);
        } finally {
            context.stop();
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("\tat ")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
