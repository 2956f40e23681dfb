package org.kleline.ledger.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.cli.LedgerCli;
import org.kleline.ledger.cli.api.ApiKeyOption;
import org.kleline.ledger.web.auth.ClusterSecret;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one rule of the environment: every option of every command from {@code LEDGER_<LONG_NAME>}, the
 * command line winning. The environment is a map given to the command line, as a container's would be.
 */
class EnvironmentDefaultsTest {

    private static final String SECRET = "env-test-cluster-secret-0123";

    @Test
    void theRuleNamesAVariableAfterTheLongName() {
        assertThat(EnvironmentDefaults.variableOf("--data-dir")).isEqualTo("LEDGER_DATA_DIR");
        assertThat(EnvironmentDefaults.variableOf("--bootstrap-servers")).isEqualTo("LEDGER_BOOTSTRAP_SERVERS");
        assertThat(EnvironmentDefaults.variableOf("--port")).isEqualTo("LEDGER_PORT");
        assertThat(EnvironmentDefaults.variableOf("--api-key")).isEqualTo(ApiKeyOption.ENVIRONMENT);
        assertThat(EnvironmentDefaults.variableOf("--cluster-secret")).isEqualTo(ClusterSecret.ENVIRONMENT);
    }

    @Test
    void runTakesItsOptionsFromTheEnvironment() {
        CommandLine run = parsed(
                Map.of(
                        "LEDGER_DATA_DIR", "/var/lib/ledger",
                        "LEDGER_PORT", "9090",
                        "LEDGER_BIND", "0.0.0.0",
                        "LEDGER_ALLOWED_HOST", "ledger.example:9090,ledger:9090",
                        "LEDGER_PARTITIONS", "12",
                        "LEDGER_SETTLEMENT_ZONE", "UTC",
                        "LEDGER_HISTORY_RETENTION", "P400D",
                        "LEDGER_DEMO", "true"),
                "run");

        assertThat(value(run, "--data-dir")).isEqualTo(Path.of("/var/lib/ledger"));
        assertThat(value(run, "--port")).isEqualTo(9090);
        assertThat(value(run, "--bind")).isEqualTo("0.0.0.0");
        assertThat(value(run, "--allowed-host")).isEqualTo(List.of("ledger.example:9090", "ledger:9090"));
        assertThat(value(run, "--partitions")).isEqualTo(12);
        assertThat(value(run, "--settlement-zone")).isEqualTo(ZoneId.of("UTC"));
        assertThat(value(run, "--history-retention")).isEqualTo(Duration.ofDays(400));
        assertThat(value(run, "--demo")).isEqualTo(true);
    }

    @Test
    void nodeTakesItsOptionsFromTheEnvironment() {
        CommandLine node = parsed(
                Map.of(
                        "LEDGER_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                        "LEDGER_SCHEMA_REGISTRY_URL", "http://registry:8081",
                        "LEDGER_CLIENT_SETTING", "security.protocol=PLAINTEXT\nclient.dns.lookup=use_all_dns_ips\n",
                        "LEDGER_ADVERTISED_HOST", "node-1",
                        "LEDGER_ADVERTISED_PORT", "18080",
                        "LEDGER_REPLICATION", "3",
                        "LEDGER_STATE_DIR", "/var/lib/ledger/state",
                        "LEDGER_CLUSTER_SECRET", SECRET,
                        "LEDGER_ADMIN_KEY_FILE", "/var/lib/ledger/admin.key"),
                "node");

        assertThat(value(node, "--bootstrap-servers")).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(value(node, "--schema-registry-url")).isEqualTo("http://registry:8081");
        assertThat(value(node, "-X"))
                .isEqualTo(List.of("security.protocol=PLAINTEXT\nclient.dns.lookup=use_all_dns_ips"));
        assertThat(value(node, "--advertised-host")).isEqualTo("node-1");
        assertThat(value(node, "--advertised-port")).isEqualTo(18080);
        assertThat(value(node, "--replication")).isEqualTo((short) 3);
        assertThat(value(node, "--state-dir")).isEqualTo(Path.of("/var/lib/ledger/state"));
        assertThat(value(node, "--cluster-secret")).isEqualTo(SECRET);
        assertThat(value(node, "--admin-key-file")).isEqualTo(Path.of("/var/lib/ledger/admin.key"));
        assertThat(value(node, "--port"))
                .as("no variable: the option's own default")
                .isEqualTo(8080);
    }

    @Test
    void ingestTakesItsOptionsFromTheEnvironment() {
        CommandLine ingest = parsed(
                Map.of(
                        "LEDGER_BOOTSTRAP_SERVERS", "kafka-1:9092",
                        "LEDGER_PORT", "8081",
                        "LEDGER_BIND", "10.0.0.5",
                        "LEDGER_QUERY_URL", "http://nodes:8080",
                        "LEDGER_ALLOW_IMPORT", "true",
                        "LEDGER_CLUSTER_SECRET", SECRET),
                "ingest");

        assertThat(value(ingest, "--bootstrap-servers")).isEqualTo("kafka-1:9092");
        assertThat(value(ingest, "--port")).isEqualTo(8081);
        assertThat(value(ingest, "--bind")).isEqualTo("10.0.0.5");
        assertThat(value(ingest, "--query-url")).isEqualTo(URI.create("http://nodes:8080"));
        assertThat(value(ingest, "--allow-import")).isEqualTo(true);
        assertThat(value(ingest, "--cluster-secret")).isEqualTo(SECRET);
    }

    @Test
    void clientCommandsTakeTheirOptionsFromTheEnvironment() {
        Map<String, String> env = Map.of(
                "LEDGER_API_KEY", "kl_abc_secret",
                "LEDGER_API_URL", "http://ledger:8080",
                "LEDGER_DATA_DIR", "/var/lib/ledger",
                "LEDGER_WAIT", "30",
                "LEDGER_CONCURRENCY", "4",
                "LEDGER_DATE", "1999-11-26",
                "LEDGER_SEED", "7",
                "LEDGER_MONTH", "1999-06");

        CommandLine verify = parsed(env, "verify");
        assertThat(value(verify, "--api-key")).isEqualTo("kl_abc_secret");
        assertThat(value(verify, "--api-url")).isEqualTo(URI.create("http://ledger:8080"));
        assertThat(value(verify, "--data-dir")).isEqualTo(Path.of("/var/lib/ledger"));
        assertThat(value(verify, "--wait")).isEqualTo(30L);
        CommandLine settle = parsed(env, "settle");
        assertThat(value(settle, "--concurrency")).isEqualTo(4);
        assertThat(value(settle, "--date")).isEqualTo(LocalDate.of(1999, 11, 26));
        assertThat(value(settle, "--api-key")).isEqualTo("kl_abc_secret");
        assertThat(value(parsed(env, "simulate"), "--seed")).isEqualTo(7L);
        assertThat(value(parsed(env, "report"), "--month")).isEqualTo(YearMonth.of(1999, 6));
        assertThat(value(parsed(env, "load", "year.ndjson"), "--api-url")).isEqualTo(URI.create("http://ledger:8080"));
    }

    @Test
    void anOptionOnTheCommandLineWinsOverItsVariable() {
        Map<String, String> env =
                Map.of("LEDGER_PORT", "9090", "LEDGER_ALLOWED_HOST", "a:9090,b:9090", "LEDGER_DATA_DIR", "/from/env");
        CommandLine run = parsed(env, "run", "--port", "9191", "--allowed-host", "c:9191", "--data-dir=/given");

        assertThat(value(run, "--port")).isEqualTo(9191);
        assertThat(value(run, "--allowed-host")).isEqualTo(List.of("c:9191"));
        assertThat(value(run, "--data-dir")).isEqualTo(Path.of("/given"));
    }

    @Test
    void aBlankVariableIsUnsetAndAValueIsTakenAsWritten() {
        CommandLine run = parsed(Map.of("LEDGER_PORT", "  ", "LEDGER_BIND", " 0.0.0.0 "), "run");
        assertThat(value(run, "--port")).isEqualTo(8080);
        assertThat(value(run, "--bind")).isEqualTo("0.0.0.0");

        CommandLine node = parsed(Map.of("LEDGER_CLUSTER_SECRET", "a-secret-${HOME}-$${x}-pa$$word$"), "node");
        assertThat(value(node, "--cluster-secret")).isEqualTo("a-secret-${HOME}-$${x}-pa$$word$");
    }

    @Test
    void everyOptionOfEveryCommandHasAVariableOfItsOwnAndTheHelpNamesIt() {
        CommandLine root = LedgerCli.commandLine(Map.of("LEDGER_CLUSTER_SECRET", SECRET, "LEDGER_API_KEY", "kl_x_shh"));
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            String help = command.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF);
            Map<String, String> seen = new HashMap<>();
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    assertThat(EnvironmentDefaults.variableOf(option)).isEmpty();
                    continue;
                }
                String variable = EnvironmentDefaults.variableOf(option).orElseThrow();
                assertThat(seen.put(variable, option.longestName()))
                        .as("%s: two options on %s", command.getKey(), variable)
                        .isNull();
                assertThat(help).as("ledger %s --help", command.getKey()).contains("Env: " + variable);
                checked.add(command.getKey() + " " + option.longestName());
            }
            assertThat(help).doesNotContain(SECRET).doesNotContain("kl_x_shh");
        }
        assertThat(checked)
                .contains(
                        "run --data-dir",
                        "node --bootstrap-servers",
                        "ingest --query-url",
                        "verify --api-key",
                        "node --client-setting",
                        "load --api-url");
    }

    @Test
    void theRootHelpTellsTheRule() {
        StringWriter out = new StringWriter();
        CommandLine root = LedgerCli.commandLine(Map.of());
        root.setOut(new PrintWriter(out));
        assertThat(root.execute("--help")).isZero();
        assertThat(out.toString()).contains("LEDGER_DATA_DIR");
    }

    private static CommandLine parsed(Map<String, String> environment, String... args) {
        CommandLine root = LedgerCli.commandLine(environment);
        root.parseArgs(args);
        return root.getSubcommands().get(args[0]);
    }

    private static Object value(CommandLine command, String option) {
        OptionSpec spec = command.getCommandSpec().findOption(option);
        assertThat(spec)
                .as("ledger %s has %s", command.getCommandName(), option)
                .isNotNull();
        return spec.getValue();
    }
}
