package org.kleline.ledger.cli.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class PeriodOptionsTest {

    @Command(name = "periodic")
    static final class Periodic {
        @Mixin
        YearOrMonthOptions yearOrMonth;

        @Mixin
        FromToOptions fromTo;
    }

    private static Periodic parse(String... args) {
        Periodic command = new Periodic();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void aYearOrAMonthIsEveryDateOfIt() {
        assertThat(parse("--year", "1999").yearOrMonth.period())
                .isEqualTo(new DateRange(LocalDate.of(1999, 1, 1), LocalDate.of(1999, 12, 31)));
        assertThat(parse("--month", "2000-02").yearOrMonth.period().days()).isEqualTo(29);
        assertThat(parse().yearOrMonth.given()).isZero();
        assertThat(parse("--year", "1999", "--month", "1999-06").yearOrMonth.given())
                .isEqualTo(2);
    }

    @Test
    void fromAndToAreBothIncluded() {
        Periodic command = parse("--from", "1999-01-30", "--to", "1999-02-02");
        assertThat(command.fromTo.anyGiven()).isTrue();
        assertThat(command.fromTo.range("unpaired").dates())
                .containsExactly(
                        LocalDate.of(1999, 1, 30),
                        LocalDate.of(1999, 1, 31),
                        LocalDate.of(1999, 2, 1),
                        LocalDate.of(1999, 2, 2));
        assertThat(parse().fromTo.anyGiven()).isFalse();
    }

    @Test
    void fromWithoutToOrBackwardsIsAUsageError() {
        assertThatThrownBy(() -> parse("--to", "1999-01-01").fromTo.range("--from and --to go together"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--from and --to go together");
        assertThatThrownBy(() -> parse("--from", "1999-02-01", "--to", "1999-01-31")
                        .fromTo
                        .range("unpaired"))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--to 1999-01-31 is before --from 1999-02-01");
    }
}
