package org.kleline.ledger.ingest.bulk;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import org.kleline.ledger.ingest.append.EventAppender;
import org.kleline.ledger.ingest.append.KeyedEvent;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.web.auth.AccessControl;

/** {@code POST /v1/events}: every line validated, then all appended in one transaction, answered after commit. */
public final class BulkWrites {

    /** The answer once every line is durably appended. */
    public record Accepted(int accepted) {}

    private final IngestConfig config;
    private final EventAppender appender;
    private final Clock clock;

    public BulkWrites(IngestConfig config, EventAppender appender, Clock clock) {
        this.config = config;
        this.appender = appender;
        this.clock = clock;
    }

    public void handle(Context ctx) {
        String appendedBy = AccessControl.principal(ctx).appendedBy();
        List<KeyedEvent> events = NdjsonBatch.parse(
                        ctx.bodyAsBytes(),
                        clock.instant(),
                        config.importEnabled(),
                        config.bulkLinesMax(),
                        config.importWindow())
                .stream()
                .map(event -> event.appendedBy(appendedBy))
                .toList();
        ctx.future(() ->
                appender.appendAll(events).thenRun(() -> ctx.status(200).json(new Accepted(events.size()))));
    }
}
