package org.kleline.ledger.web.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.web.json.LedgerJson;
import org.kleline.ledger.web.problem.InvalidRequestException;
import org.kleline.ledger.web.problem.NotFoundException;

/**
 * Key management (admin only, {@link AccessRules}): {@code POST /v1/api-keys} makes a key and answers
 * its secret, the only time it is shown; {@code GET /v1/api-keys} lists every key without secrets or
 * hashes; {@code DELETE /v1/api-keys/{keyId}} revokes one.
 */
public final class ApiKeyRoutes {

    public static final String PATH = "/v1/api-keys";
    static final int LABEL_LENGTH_MAX = 100;

    /** The body of {@code POST /v1/api-keys}. */
    public record NewKey(String role, String merchantId, String label) {}

    /** A key as listed: everything but the hash and salt. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"keyId", "role", "merchantId", "label", "createdAt", "revokedAt"})
    public record KeyBody(
            String keyId, String role, String merchantId, String label, Instant createdAt, Instant revokedAt) {
        static KeyBody of(ApiKeyRecord key) {
            return new KeyBody(
                    key.keyId(), key.role(), key.merchantId(), key.label(), key.createdAt(), key.revokedAt());
        }
    }

    /** The answer of {@code POST /v1/api-keys}, with the secret. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"keyId", "role", "merchantId", "label", "createdAt", "secret"})
    public record CreatedBody(
            String keyId, String role, String merchantId, String label, Instant createdAt, String secret) {}

    private final ApiKeys keys;

    public ApiKeyRoutes(ApiKeys keys) {
        this.keys = keys;
    }

    /** Registers the key routes; {@link AccessControl} installs them on every server it guards. */
    public void register(RoutesConfig routes) {
        /* Make a key: body {"role", "merchantId"?, "label"?}; 201 with its secret, shown only here. */
        routes.post(PATH, this::create);
        /* Every key, revoked ones too, without secrets. */
        routes.get(PATH, ctx -> ctx.json(keys.all().stream().map(KeyBody::of).toList()));
        /* Revoke a key: refused on every process within the bound of docs/operations.md. */
        routes.delete(PATH + "/{keyId}", this::revoke);
    }

    private void create(Context ctx) throws IOException {
        NewKey request = LedgerJson.mapper().readValue(ctx.bodyAsBytes(), NewKey.class);
        if (request.role() == null) {
            throw new InvalidRequestException("role", "role is required");
        }
        Role role;
        try {
            role = Role.fromWire(request.role());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role", e.getMessage());
        }
        if (role == Role.MERCHANT) {
            if (request.merchantId() == null) {
                throw new InvalidRequestException("merchantId", "a merchant key needs the merchantId it is bound to");
            }
            if (!IdSyntax.isValid(request.merchantId())) {
                throw new InvalidRequestException("merchantId", "merchantId must match " + IdSyntax.PATTERN);
            }
        } else if (request.merchantId() != null) {
            throw new InvalidRequestException("merchantId", "only a merchant key is bound to a merchantId");
        }
        String label = request.label();
        if (label != null && (label.length() > LABEL_LENGTH_MAX || label.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidRequestException(
                    "label", "label must be at most " + LABEL_LENGTH_MAX + " characters, without control characters");
        }
        ApiKeys.CreatedKey created = keys.create(role, request.merchantId(), label);
        ApiKeyRecord key = created.key();
        ctx.status(201)
                .header("Location", PATH + "/" + key.keyId())
                .json(new CreatedBody(
                        key.keyId(), key.role(), key.merchantId(), key.label(), key.createdAt(), created.secret()));
    }

    private void revoke(Context ctx) {
        String keyId = ctx.pathParam("keyId");
        if (!ApiKeySecret.isKeyId(keyId)) {
            throw new NotFoundException("no API key '" + keyId + "'");
        }
        ctx.json(KeyBody.of(keys.revoke(keyId).orElseThrow(() -> new NotFoundException("no API key '" + keyId + "'"))));
    }
}
