package org.kleline.ledger.query;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;
import org.kleline.ledger.model.settlement.BusinessCalendar;
import org.kleline.ledger.web.auth.ClusterSecret;

/**
 * How one query node answers.
 *
 * @param self            this node's advertised {@code host:port}: the projector's {@code application.server},
 *                        so that the Streams metadata naming an owner can be compared with it
 * @param forwardTimeout  the longest a read forwarded to another node may take (then 503)
 * @param settlementZone  the zone of business dates, where a query parameter is given as a date
 * @param clusterSecret   sent with every read forwarded to another node, which refuses one without it;
 *                        empty only where no access control is served (module tests)
 * @param forwardTls      when present, the nodes serve HTTPS: a read is forwarded to {@code https://} with this
 *                        context (whom it trusts); empty: plain {@code http://}
 */
public record QueryConfig(
        HostInfo self,
        Duration forwardTimeout,
        ZoneId settlementZone,
        Optional<ClusterSecret> clusterSecret,
        Optional<SSLContext> forwardTls) {

    public static final Duration DEFAULT_FORWARD_TIMEOUT = Duration.ofSeconds(5);
    /** A forward waits at most this long: past it a client is better told to retry. */
    public static final Duration FORWARD_TIMEOUT_MAX = Duration.ofSeconds(60);

    /** Forwarding over plain HTTP. */
    public QueryConfig(
            HostInfo self, Duration forwardTimeout, ZoneId settlementZone, Optional<ClusterSecret> clusterSecret) {
        this(self, forwardTimeout, settlementZone, clusterSecret, Optional.empty());
    }

    public QueryConfig {
        Objects.requireNonNull(forwardTls, "forwardTls");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(forwardTimeout, "forwardTimeout");
        Objects.requireNonNull(settlementZone, "settlementZone");
        Objects.requireNonNull(clusterSecret, "clusterSecret");
        if (self.host() == null || self.host().isBlank()) {
            throw new IllegalArgumentException("self.host must be set, was '" + self.host() + "'");
        }
        if (self.port() < 1 || self.port() > 65535) {
            throw new IllegalArgumentException("self.port must be 1..65535, was " + self.port());
        }
        if (forwardTimeout.compareTo(Duration.ofMillis(1)) < 0 || forwardTimeout.compareTo(FORWARD_TIMEOUT_MAX) > 0) {
            throw new IllegalArgumentException(
                    "forwardTimeout must be 1 ms.." + FORWARD_TIMEOUT_MAX.toSeconds() + " s, was " + forwardTimeout);
        }
    }

    /** Without a cluster secret. */
    public QueryConfig(HostInfo self, Duration forwardTimeout, ZoneId settlementZone) {
        this(self, forwardTimeout, settlementZone, Optional.empty());
    }

    public QueryConfig withClusterSecret(ClusterSecret secret) {
        return new QueryConfig(self, forwardTimeout, settlementZone, Optional.of(secret), forwardTls);
    }

    /** Reads forwarded to {@code https://} with {@code context}, when present (the nodes serve HTTPS). */
    public QueryConfig withForwardTls(Optional<SSLContext> context) {
        return new QueryConfig(self, forwardTimeout, settlementZone, clusterSecret, context);
    }

    /** Forwards wait at most 5 s; business dates in Europe/Paris. */
    public static QueryConfig defaults(HostInfo self) {
        return new QueryConfig(self, DEFAULT_FORWARD_TIMEOUT, BusinessCalendar.DEFAULT_ZONE);
    }
}
