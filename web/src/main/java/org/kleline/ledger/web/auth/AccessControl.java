package org.kleline.ledger.web.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kleline.ledger.web.problem.Problem;
import org.kleline.ledger.web.problem.ProblemException;
import org.kleline.ledger.web.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate of every HTTP server of the ledger (ingest's, a node's, {@code ledger run}'s), run
 * before any route, in this order:
 * <ol>
 *   <li>the {@code Host} header, when the server answers only for some host names ({@code ledger run}:
 *       {@code localhost}, {@code 127.0.0.1}, {@code [::1]} with its port), else 421: a web page
 *       whose name was re-pointed at 127.0.0.1 (DNS rebinding) reaches nothing;</li>
 *   <li>the credentials: {@code Authorization: Bearer <api key>}, or for the ledger's own processes
 *       the header {@link ClusterSecret#HEADER}; missing, unknown, revoked or wrong is 401 with
 *       {@code WWW-Authenticate: Bearer} ({@code GET /health}, {@code /health/live} and {@code /health/ready} need none);</li>
 *   <li>the role: {@link AccessRules}; a role that may never make the call is 403;</li>
 *   <li>the body's media type: a body must be JSON ({@code application/json}, {@code ...+json}) or
 *       NDJSON ({@code application/x-ndjson}); anything else (a browser form's {@code text/plain},
 *       {@code application/x-www-form-urlencoded}, {@code multipart/form-data}) is 415.</li>
 * </ol>
 * Each refusal is a problem body, and happens before any route runs, so it appends nothing. The
 * principal is then {@link #principal(Context)} for the route, which applies the scope of the
 * key (a merchant's own resources) where it answers.
 */
public final class AccessControl {

    public static final String AUTHORIZATION = "Authorization";
    public static final String CHALLENGE = "Bearer realm=\"kleline-ledger\"";
    private static final String PRINCIPAL = "ledger.principal";
    private static final String KEYS = "ledger.api-keys";
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private final ApiKeys keys;
    private final KeyVerifier verifier;
    private final Optional<ClusterSecret> clusterSecret;
    private final Optional<Set<String>> allowedHosts;

    private AccessControl(ApiKeys keys, Optional<ClusterSecret> clusterSecret, Optional<Set<String>> allowedHosts) {
        this.keys = keys;
        this.verifier = keys == null ? null : new KeyVerifier(keys);
        this.clusterSecret = clusterSecret;
        this.allowedHosts = allowedHosts;
    }

    /**
     * API keys from {@code keys}, and the cluster secret when given (without one, no other process may
     * call this one: {@code /internal/v1/reads} is refused to everyone).
     */
    public static AccessControl withKeys(ApiKeys keys, Optional<ClusterSecret> clusterSecret) {
        return new AccessControl(Objects.requireNonNull(keys, "keys"), clusterSecret, Optional.empty());
    }

    /**
     * No gate at all: every request is {@link Principal#UNCHECKED}. For module tests and embeddings that
     * put their own gate in front; every {@code ledger} command serves with keys.
     */
    public static AccessControl none() {
        return new AccessControl(null, Optional.empty(), Optional.empty());
    }

    /**
     * Answers only requests whose {@code Host} header is one of {@code hosts} ({@code host:port},
     * compared without case); others are 421.
     */
    public AccessControl answeringOnlyFor(Set<String> hosts) {
        return new AccessControl(
                keys,
                clusterSecret,
                Optional.of(hosts.stream()
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet())));
    }

    /** {@code localhost}, {@code 127.0.0.1} and {@code [::1]} with {@code port} (and without it on port 80). */
    public static Set<String> loopbackHosts(int port) {
        java.util.Set<String> hosts = new java.util.HashSet<>();
        for (String name : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
            hosts.add(name + ":" + port);
            if (port == 80) {
                hosts.add(name);
            }
        }
        return Set.copyOf(hosts);
    }

    /** The keys this gate checks against; empty for {@link #none()}. */
    public Optional<ApiKeys> keys() {
        return Optional.ofNullable(keys);
    }

    /** Installs the gate, and the key management routes when there are keys. */
    public void install(RoutesConfig routes) {
        if (keys == null) {
            routes.beforeMatched(ctx -> ctx.attribute(PRINCIPAL, Principal.UNCHECKED));
            return;
        }
        allowedHosts.ifPresent(hosts -> routes.before(ctx -> checkHost(ctx, hosts)));
        routes.beforeMatched(this::gate);
        new ApiKeyRoutes(keys).register(routes);
    }

    /** Who makes this request: set by the gate before any route runs. */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            // A route reached without the gate: a wiring bug. Refuse rather than guess (500).
            throw new IllegalStateException("no principal on " + ctx.method() + " " + ctx.path()
                    + ": the server was built without AccessControl");
        }
        return principal;
    }

    /**
     * Whether the caller may read the outcome of an event of aggregate {@code aggregateKey} appended by the
     * key {@code appendedBy} ({@link Principal#mayReadOutcome}; a merchant key reads those appended by a
     * key of its own merchant).
     */
    public static boolean mayReadOutcome(Context ctx, String aggregateKey, String appendedBy) {
        Principal principal = principal(ctx);
        ApiKeys keys = ctx.attribute(KEYS);
        String appendedByMerchant = principal.is(Role.MERCHANT) && keys != null ? keys.merchantOf(appendedBy) : null;
        return principal.mayReadOutcome(aggregateKey, appendedByMerchant);
    }

    private static void checkHost(Context ctx, Set<String> hosts) {
        String host = ctx.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ProblemException(Problem.of(
                            ProblemType.MISDIRECTED,
                            "this server answers only for " + String.join(", ", new java.util.TreeSet<>(hosts))
                                    + ", not for Host '" + host + "'")
                    .withField("Host"));
        }
    }

    private void gate(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return; // no route: Javalin answers 404 itself
        }
        String method = endpoint.method.name();
        Optional<AccessRules.Rule> found = AccessRules.of(method, endpoint.path);
        if (found.isPresent() && found.get().open()) {
            return;
        }
        Principal principal = authenticate(ctx);
        if (found.isEmpty()) {
            LOG.error("route {} {} has no rule in AccessRules: refused to everyone", method, endpoint.path);
            throw forbidden("no role may call " + method + " " + endpoint.path);
        }
        AccessRules.Rule rule = found.get();
        boolean permitted = principal.isNode() ? rule.nodes() : rule.roles().contains(principal.role());
        if (!permitted) {
            throw forbidden(
                    principal.isNode()
                            ? "the cluster secret may not call " + rule.route()
                            : "a key of role " + principal.role().wireName() + " may not call " + rule.route());
        }
        checkMediaType(ctx);
        ctx.attribute(PRINCIPAL, principal);
        ctx.attribute(KEYS, keys);
    }

    private Principal authenticate(Context ctx) {
        String presentedSecret = ctx.header(ClusterSecret.HEADER);
        if (presentedSecret != null) {
            if (clusterSecret.isPresent() && clusterSecret.get().matches(presentedSecret)) {
                return Principal.NODE;
            }
            throw unauthorized("the " + ClusterSecret.HEADER + " header does not hold this cluster's secret");
        }
        String authorization = ctx.header(AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("an API key is required: Authorization: Bearer <api key>");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw unauthorized("the Authorization header must be 'Bearer <api key>'");
        }
        return verifier.verify(parts[1].trim()).orElseThrow(() -> unauthorized("the API key is unknown or revoked"));
    }

    private static void checkMediaType(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return;
        }
        String contentType = ctx.header("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            // A chunked body has no Content-Length (-1) and is a body all the same.
            if (ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null) {
                throw unsupported("a request body needs a Content-Type: application/json (application/x-ndjson "
                        + "for POST /v1/events)");
            }
            return;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!(mime.equals("application/json") || mime.endsWith("+json") || mime.equals("application/x-ndjson"))) {
            throw unsupported("Content-Type '" + mime + "' is not accepted: send application/json "
                    + "(application/x-ndjson for POST /v1/events)");
        }
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(
                Problem.of(ProblemType.UNAUTHORIZED, detail), Map.of("WWW-Authenticate", CHALLENGE), null);
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail));
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(
                Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail).withField("Content-Type"));
    }
}
