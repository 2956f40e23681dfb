package org.kleline.ledger.cli;

import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code LEDGER_LOG_FORMAT}, which the shipped logback.xml reads to choose its appenders: {@code text}
 * (the default) or {@code json}. Logback substitutes the value into an appender's name, so any other
 * value would name no appender and the process would log nothing at all, silently; the command refuses
 * to start instead. Read as logback reads it: a system property first, else an environment variable.
 */
final class LogFormat {

    static final String VARIABLE = "LEDGER_LOG_FORMAT";
    static final Set<String> VALUES = Set.of("text", "json");
    /** Logback's own switch to another configuration file, where the variable may mean nothing. */
    static final String LOGBACK_CONFIGURATION_FILE = "logback.configurationFile";

    private LogFormat() {}

    /** Why the setting cannot be used, or empty when it is absent, valid, or not ours to judge. */
    static Optional<String> problem(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        if (systemProperties.apply(LOGBACK_CONFIGURATION_FILE) != null) {
            return Optional.empty();
        }
        String value = systemProperties.apply(VARIABLE);
        if (value == null) {
            value = environment.apply(VARIABLE);
        }
        if (value == null || VALUES.contains(value)) {
            return Optional.empty();
        }
        return Optional.of(VARIABLE + " must be text or json, was '" + value + "'");
    }
}
