package org.kleline.ledger.simulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkBatcherTest {

    private final List<BulkRequest> sent = new ArrayList<>();

    @Test
    void aRequestHoldsAtMostLinesMaxLines() throws IOException {
        BulkBatcher batcher = new BulkBatcher(BulkLimits.api(), sent::add);

        addAndFlush(batcher, 25_001, 20);

        assertThat(sent).extracting(BulkRequest::lines).containsExactly(10_000, 10_000, 5_001);
        assertThat(batcher.linesSent()).isEqualTo(25_001);
        assertThat(batcher.requestsSent()).isEqualTo(3);
    }

    @Test
    void aRequestHoldsAtMostBytesMaxBytes() throws IOException {
        BulkBatcher batcher = new BulkBatcher(BulkLimits.api(), sent::add);

        // 3,000 lines of 1,000 bytes: 1,048 fit in 1 MiB (1,048,576 bytes).
        addAndFlush(batcher, 3_000, 1_000);

        assertThat(sent).extracting(BulkRequest::lines).containsExactly(1_048, 1_048, 904);
        assertThat(sent).allSatisfy(r -> assertThat(r.bytes()).isLessThanOrEqualTo(1_048_576));
    }

    @Test
    void aLineThatFillsTheLimitExactlyFits() throws IOException {
        BulkBatcher batcher = new BulkBatcher(new BulkLimits(10, 100), sent::add);

        batcher.add(line(1, 60), false);
        batcher.add(line(2, 40), false);
        batcher.add(line(3, 2), false);
        batcher.flush();

        assertThat(sent).extracting(BulkRequest::bytes).containsExactly(100, 2);
    }

    @Test
    void aBadLineGoesAloneSoTheGoodOnesAroundItAreAccepted() throws IOException {
        BulkBatcher batcher = new BulkBatcher(BulkLimits.api(), sent::add);

        batcher.add(line(1, 10), false);
        batcher.add(line(2, 10), false);
        batcher.add(line(3, 10), true);
        batcher.add(line(4, 10), false);
        batcher.flush();

        assertThat(sent)
                .extracting(BulkRequest::lines, BulkRequest::refusalExpected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, false),
                        org.assertj.core.groups.Tuple.tuple(1, true),
                        org.assertj.core.groups.Tuple.tuple(1, false));
        assertThat(sent.get(1).body()).isEqualTo(line(3, 10));
    }

    @Test
    void linesKeepTheirOrderAcrossRequests() throws IOException {
        BulkBatcher batcher = new BulkBatcher(new BulkLimits(3, 1_000), sent::add);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 10; i++) {
            byte[] line = line(i, 12);
            expected.write(line);
            batcher.add(line, i == 4);
        }
        batcher.flush();
        ByteArrayOutputStream concatenated = new ByteArrayOutputStream();
        for (BulkRequest request : sent) {
            concatenated.write(request.body());
        }

        assertThat(concatenated.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void flushWithNothingPendingSendsNothing() throws IOException {
        new BulkBatcher(BulkLimits.api(), sent::add).flush();

        assertThat(sent).isEmpty();
    }

    @Test
    void aLineLongerThanARequestIsRefused() {
        BulkBatcher batcher = new BulkBatcher(new BulkLimits(10, 100), sent::add);

        assertThatThrownBy(() -> batcher.add(line(1, 101), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a line of 101 bytes exceeds bytesMax 100");
    }

    @Test
    void aLineWithoutItsNewlineIsRefused() {
        BulkBatcher batcher = new BulkBatcher(BulkLimits.api(), sent::add);

        assertThatThrownBy(() -> batcher.add("{}".getBytes(StandardCharsets.UTF_8), false))
                .hasMessageContaining("must end with \\n");
    }

    @Test
    void limitsAboveTheApisAreRefused() {
        assertThatThrownBy(() -> new BulkLimits(10_001, 1_000)).hasMessage("linesMax must be 1..10000, was 10001");
        assertThatThrownBy(() -> new BulkLimits(10, 1_048_577)).hasMessage("bytesMax must be 1..1048576, was 1048577");
    }

    /** A line of exactly {@code bytes} bytes, '\n' included, naming {@code i}. */
    /** Adds {@code lines} lines of {@code bytes} bytes each, none expected to be refused, then flushes. */
    private static void addAndFlush(BulkBatcher batcher, int lines, int bytes) throws IOException {
        for (int i = 0; i < lines; i++) {
            batcher.add(line(i, bytes), false);
        }
        batcher.flush();
    }

    private static byte[] line(int i, int bytes) {
        StringBuilder text = new StringBuilder().append(i);
        while (text.length() < bytes - 1) {
            text.append('x');
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
