package org.kleline.ledger.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAtMostTenTimesASecond() {
        ProgressLine line = new ProgressLine(new PrintWriter(err), true, nanos::get);
        line.update("sending 10%");
        nanos.addAndGet(50_000_000L);
        line.update("sending 11%");
        nanos.addAndGet(60_000_000L);
        line.update("sent 12");
        line.finish("done");
        assertThat(err.toString()).isEqualTo("\rsending 10%\rsent 12    \rdone   " + System.lineSeparator());
    }

    @Test
    void elsewhereAWholeLineIsWrittenEveryFiveSeconds() {
        ProgressLine line = new ProgressLine(new PrintWriter(err), false, nanos::get);
        line.update("a");
        nanos.addAndGet(4_999_000_000L);
        line.update("b");
        nanos.addAndGet(1_000_000L);
        line.update("c");
        line.clear();
        String nl = System.lineSeparator();
        assertThat(err.toString()).isEqualTo("a" + nl + "c" + nl);
    }

    @Test
    void clearingOnATerminalErasesTheLine() {
        ProgressLine line = new ProgressLine(new PrintWriter(err), true, nanos::get);
        line.update("abc");
        line.clear();
        assertThat(err.toString()).isEqualTo("\rabc\r   \r");
    }

    @Test
    void ratesBarsAndPercentsUseWholeNumbers() {
        assertThat(ProgressLine.perSecond(10_000, 2_000_000_000L)).isEqualTo(5_000);
        assertThat(ProgressLine.perSecond(10, 0)).isZero();
        assertThat(ProgressLine.bar(1, 3, 9)).isEqualTo("[###------]");
        assertThat(ProgressLine.bar(0, 0, 4)).isEqualTo("[####]");
        assertThat(ProgressLine.percent(2, 3)).isEqualTo(66);
        assertThat(Elapsed.seconds(12_345_000_000L)).isEqualTo("12.3 s");
    }
}
