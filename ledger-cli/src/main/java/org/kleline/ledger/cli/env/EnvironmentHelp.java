package org.kleline.ledger.cli.env;

import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.IOptionRenderer;
import picocli.CommandLine.Help.IParamLabelRenderer;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The usage help of every command, with a line under each option naming its environment variable
 * ({@link EnvironmentDefaults}): {@code Env: LEDGER_PORT}. Never the variable's value: some are secrets.
 */
public final class EnvironmentHelp implements IHelpFactory {

    @Override
    public Help create(CommandSpec commandSpec, ColorScheme colorScheme) {
        return new Help(commandSpec, colorScheme) {
            @Override
            public IOptionRenderer createDefaultOptionRenderer() {
                IOptionRenderer standard = super.createDefaultOptionRenderer();
                return (option, labels, colors) -> withVariable(standard, option, labels, colors);
            }
        };
    }

    private static Text[][] withVariable(
            IOptionRenderer standard, OptionSpec option, IParamLabelRenderer labels, ColorScheme colors) {
        Text[][] rows = standard.render(option, labels, colors);
        Optional<String> variable = EnvironmentDefaults.variableOf(option);
        if (variable.isEmpty() || rows.length == 0) {
            return rows;
        }
        int columns = rows[0].length;
        Text empty = colors.text("");
        Text[] line = new Text[columns];
        Arrays.fill(line, empty);
        line[columns - 1] = colors.text("  Env: " + variable.get());
        Text[][] result = Arrays.copyOf(rows, rows.length + 1);
        result[rows.length] = line;
        return result;
    }
}
