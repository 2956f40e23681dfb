package org.kleline.ledger.cli.env;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of every {@code ledger} command also from an environment variable, by one rule: the
 * option's long name, upper-cased, its dashes turned to underscores, after {@value #PREFIX}
 * ({@code --data-dir} is {@code LEDGER_DATA_DIR}, {@code --bootstrap-servers} is
 * {@code LEDGER_BOOTSTRAP_SERVERS}, {@code --api-key} is {@code LEDGER_API_KEY}). The variable is the
 * option's default: an option given on the command line wins over it. A variable set but blank counts as
 * unset. A repeatable option takes several values from one variable split as its option splits them
 * ({@code --allowed-host a:80,b:80}; {@code -X}/{@code --client-setting}: one {@code key=value} a line).
 * The help and version options take none. Positional parameters ({@code ledger load FILE}) take none.
 *
 * <p>Installed on the root command ({@link org.kleline.ledger.cli.LedgerCli#commandLine(Map)}), so every
 * subcommand and mixin gets it; the environment is a map, so tests give theirs.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {

    public static final String PREFIX = "LEDGER_";

    private final Map<String, String> environment;

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** The variable that stands for {@code arg}, when it is an option that takes one. */
    public static Optional<String> variableOf(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return Optional.empty();
        }
        return Optional.of(variableOf(option.longestName()));
    }

    /** The variable of an option name: {@code --data-dir} is {@code LEDGER_DATA_DIR}. */
    public static String variableOf(String optionName) {
        String bare = optionName.replaceFirst("^-+", "");
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("not an option name: '" + optionName + "'");
        }
        return PREFIX + bare.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        return variableOf(arg)
                .map(environment::get)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                // Picocli interpolates ${...} in a default and reads $$ as one $: a value is taken as written.
                .map(value -> value.replace("$", "$$"))
                .orElse(null);
    }

    @Override
    public String toString() {
        return "the " + PREFIX + "* environment variables";
    }
}
