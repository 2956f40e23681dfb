package org.kleline.ledger.web.auth;

import static org.kleline.ledger.web.auth.Role.ADMIN;
import static org.kleline.ledger.web.auth.Role.ANALYST;
import static org.kleline.ledger.web.auth.Role.AUDITOR;
import static org.kleline.ledger.web.auth.Role.MERCHANT;
import static org.kleline.ledger.web.auth.Role.WALLETS;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what (docs/api.md), as data: for every route of every server of the ledger, the roles
 * whose keys may call it, whether the other ledger processes may (with the cluster secret), and
 * whether it needs no credential at all. A route missing here is refused to everyone (403): a new
 * route must be added to this table to be served. What a permitted read may show of a resource
 * outside the key's scope is decided where the read is answered ({@link Principal}).
 */
public final class AccessRules {

    /** One route: {@code method} and the path as registered ({@code /v1/wallets/{walletId}}). */
    public record Rule(String method, String path, Set<Role> roles, boolean nodes, boolean open) {

        public String route() {
            return method + " " + path;
        }
    }

    private static final Set<Role> EVERY_READER = EnumSet.of(ADMIN, MERCHANT, WALLETS, ANALYST, AUDITOR);

    public static final List<Rule> RULES = List.of(
            // Writes (ingest): nodes never write.
            write("POST", "/v1/merchants", ADMIN),
            write("POST", "/v1/merchants/{merchantId}/fee-plan", ADMIN),
            write("POST", "/v1/merchants/{merchantId}/payouts", ADMIN),
            write("POST", "/v1/wallets", ADMIN, WALLETS),
            write("POST", "/v1/wallets/{walletId}/top-ups", ADMIN, WALLETS),
            write("POST", "/v1/wallets/{walletId}/redemptions", ADMIN, WALLETS),
            write("POST", "/v1/wallets/{walletId}/micropayments", ADMIN, WALLETS),
            write("POST", "/v1/card-payments", ADMIN, MERCHANT),
            write("POST", "/v1/card-payments/{paymentId}/captures", ADMIN, MERCHANT),
            write("POST", "/v1/card-payments/{paymentId}/refunds", ADMIN, MERCHANT),
            write("POST", "/v1/card-payments/{paymentId}/chargebacks", ADMIN),
            write("POST", "/v1/events", ADMIN),
            write("POST", "/v1/settlements/{date}/settle", ADMIN),
            // Keys.
            write("POST", ApiKeyRoutes.PATH, ADMIN),
            write("GET", ApiKeyRoutes.PATH, ADMIN),
            write("DELETE", ApiKeyRoutes.PATH + "/{keyId}", ADMIN),
            // Reads (query API): the nodes read everything, for each other and for ingest.
            read("GET", "/v1/events/{eventId}", ADMIN, MERCHANT, WALLETS, AUDITOR),
            read("POST", "/v1/outcomes/lookup", ADMIN, AUDITOR),
            read("GET", "/v1/accounts/{accountId}/balances", EVERY_READER),
            read("GET", "/v1/accounts/{accountId}/entries", EVERY_READER),
            read("GET", "/v1/wallets/{walletId}", ADMIN, WALLETS),
            read("GET", "/v1/merchants/{merchantId}", ADMIN, MERCHANT, ANALYST, AUDITOR),
            read("GET", "/v1/card-payments/{paymentId}", ADMIN, MERCHANT),
            read("GET", "/v1/merchants/{merchantId}/settlements", ADMIN, MERCHANT, ANALYST, AUDITOR),
            read("GET", "/v1/settlements/{date}", ADMIN, MERCHANT, ANALYST, AUDITOR),
            read("GET", "/v1/trial-balance", ADMIN, ANALYST, AUDITOR),
            read("GET", "/v1/settlement-summary", ADMIN, MERCHANT, ANALYST, AUDITOR),
            new Rule("GET", "/metrics", EnumSet.of(ADMIN, AUDITOR), false, false),
            // Health: orchestrators and load balancers probe without a credential.
            new Rule("GET", "/health", EnumSet.noneOf(Role.class), false, true),
            new Rule("GET", "/health/live", EnumSet.noneOf(Role.class), false, true),
            new Rule("GET", "/health/ready", EnumSet.noneOf(Role.class), false, true),
            // The dashboard's page, scripts and styles hold no figure: the page asks for a key and reads the routes
            // above.
            new Rule("GET", "/dashboard", EnumSet.noneOf(Role.class), false, true),
            new Rule("GET", "/dashboard/{asset}", EnumSet.noneOf(Role.class), false, true),
            // The API's contract and the page to browse it: routes, no data (docs/api.md).
            new Rule("GET", "/openapi.json", EnumSet.noneOf(Role.class), false, true),
            new Rule("GET", "/docs", EnumSet.noneOf(Role.class), false, true),
            new Rule("GET", "/docs/{asset}", EnumSet.noneOf(Role.class), false, true),
            // Node to node: the cluster secret only, no API key.
            new Rule("POST", "/internal/v1/reads", EnumSet.noneOf(Role.class), true, false));

    private static final Map<String, Rule> BY_ROUTE = index();

    private AccessRules() {}

    /** The rule of a matched route, if the table has one. */
    public static Optional<Rule> of(String method, String path) {
        return Optional.ofNullable(BY_ROUTE.get(method + " " + path));
    }

    private static Rule write(String method, String path, Role... roles) {
        return new Rule(method, path, EnumSet.copyOf(List.of(roles)), false, false);
    }

    private static Rule read(String method, String path, Role... roles) {
        return read(method, path, EnumSet.copyOf(List.of(roles)));
    }

    private static Rule read(String method, String path, Set<Role> roles) {
        return new Rule(method, path, EnumSet.copyOf(roles), true, false);
    }

    private static Map<String, Rule> index() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Rule rule : RULES) {
            if (rules.put(rule.route(), rule) != null) {
                throw new IllegalStateException("two rules for " + rule.route());
            }
        }
        return Map.copyOf(rules);
    }
}
