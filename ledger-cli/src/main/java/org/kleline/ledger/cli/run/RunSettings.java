package org.kleline.ledger.cli.run;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.kleline.ledger.ingest.config.IngestConfig;
import org.kleline.ledger.model.event.LogPosition;
import org.kleline.ledger.projector.config.ProjectorSettings;
import org.kleline.ledger.projector.read.HistoryRetention;
import org.kleline.ledger.web.server.HttpLimits;
import org.kleline.ledger.web.tls.ServerTls;

/**
 * What {@code ledger run} is given.
 *
 * @param dataDir        the broker's logs, the projector's state, the demo's marker; kept across restarts
 * @param port           the one HTTP port of the API (0 picks a free one)
 * @param partitions     partitions of the ledger topics when they are created (fixed afterwards)
 * @param settlementZone the time zone of business dates
 * @param historyRetention how far back balances as of a past instant and statement lines are kept
 * @param bind           the interface the HTTP API listens on (loopback by default)
 * @param allowedHosts   {@code Host} header values answered besides localhost, 127.0.0.1 and [::1] with the port
 * @param ingest         what ingest allows: the admin import is always on here; its window and waits
 * @param httpLimits     what the HTTP server lets clients hold at once
 * @param tls            the key and certificate to serve HTTPS with (only); empty: plain HTTP
 * @param tlsCa          the CA certificates (PEM) the run trusts when it calls its own API over HTTPS (the demo
 *                       loads); empty: the certificate it serves
 */
public record RunSettings(
        Path dataDir,
        int port,
        int partitions,
        ZoneId settlementZone,
        HistoryRetention historyRetention,
        String bind,
        List<String> allowedHosts,
        IngestConfig ingest,
        HttpLimits httpLimits,
        Optional<ServerTls> tls,
        Optional<Path> tlsCa) {

    /** The admin's own machine: nothing here is served beyond it unless --bind says so. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_PARTITIONS = ProjectorSettings.DEFAULT_PARTITIONS;

    public RunSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(settlementZone, "settlementZone");
        Objects.requireNonNull(historyRetention, "historyRetention");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(httpLimits, "httpLimits");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(tlsCa, "tlsCa");
        allowedHosts = List.copyOf(allowedHosts);
        // ledger run is the administrator's own machine: the import is on whatever is given.
        ingest = Objects.requireNonNull(ingest, "ingest").withImportEnabled(true);
        if (bind.isBlank()) {
            throw new IllegalArgumentException("--bind must name an interface, such as " + DEFAULT_BIND);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (partitions < 1 || partitions > LogPosition.PARTITIONS_MAX) {
            throw new IllegalArgumentException(
                    "--partitions must be 1.." + LogPosition.PARTITIONS_MAX + ", got " + partitions);
        }
    }

    /** On loopback, answering for the loopback names only. */
    public RunSettings(
            Path dataDir, int port, int partitions, ZoneId settlementZone, HistoryRetention historyRetention) {
        this(
                dataDir,
                port,
                partitions,
                settlementZone,
                historyRetention,
                DEFAULT_BIND,
                List.of(),
                IngestConfig.defaults(),
                HttpLimits.defaults(),
                Optional.empty(),
                Optional.empty());
    }

    /** Keeping the whole history. */
    public RunSettings(Path dataDir, int port, int partitions, ZoneId settlementZone) {
        this(dataDir, port, partitions, settlementZone, HistoryRetention.FOREVER);
    }

    public RunSettings withBind(String newBind, List<String> newAllowedHosts) {
        return withServing(newBind, newAllowedHosts, ingest, httpLimits, tls, tlsCa);
    }

    public RunSettings withIngest(IngestConfig newIngest) {
        return withServing(bind, allowedHosts, newIngest, httpLimits, tls, tlsCa);
    }

    public RunSettings withHttpLimits(HttpLimits newHttpLimits) {
        return withServing(bind, allowedHosts, ingest, newHttpLimits, tls, tlsCa);
    }

    /** Serving HTTPS only with {@code newTls} (plain HTTP when empty); its own calls trusting {@code newTlsCa}. */
    public RunSettings withTls(Optional<ServerTls> newTls, Optional<Path> newTlsCa) {
        return withServing(bind, allowedHosts, ingest, httpLimits, newTls, newTlsCa);
    }

    /** These settings with how the run serves replaced: its data directory, port, partitions, zone and history kept. */
    private RunSettings withServing(
            String newBind,
            List<String> newAllowedHosts,
            IngestConfig newIngest,
            HttpLimits newHttpLimits,
            Optional<ServerTls> newTls,
            Optional<Path> newTlsCa) {
        return new RunSettings(
                dataDir,
                port,
                partitions,
                settlementZone,
                historyRetention,
                newBind,
                newAllowedHosts,
                newIngest,
                newHttpLimits,
                newTls,
                newTlsCa);
    }

    /** The context its own calls to its HTTPS API go with: trusting {@link #tlsCa()}, or what it serves. */
    public Optional<SSLContext> clientTls() {
        if (tlsCa.isPresent()) {
            return Optional.of(ServerTls.clientTrusting(tlsCa));
        }
        return tls.map(ServerTls::clientTrustingItself);
    }
}
