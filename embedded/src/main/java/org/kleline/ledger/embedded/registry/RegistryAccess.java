package org.kleline.ledger.embedded.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Who may use the embedded registry, and how it is reached:
 * <ul>
 *   <li>{@code PUT /config...} (changing a compatibility level) and every {@code DELETE} only with the
 *       owner's secret in {@link #OWNER_HEADER}: a secret made at random for each start, known only to the
 *       process that started the registry ({@link SchemaRegistryServer#ownerSecret()}); anyone else is
 *       403 ({@code error_code} 40301). Reads and registering schemas stay open to every client;</li>
 *   <li>optionally HTTP basic authentication on every request ({@link #requiringBasicAuth}: a test mode
 *       standing for a registry run with authentication), 401 ({@code error_code} 401) without it;</li>
 *   <li>optionally TLS ({@link #overTls}): the registry then serves {@code https://} only.</li>
 * </ul>
 */
public final class RegistryAccess {

    /** The header of the owner's secret. */
    public static final String OWNER_HEADER = "Ledger-Registry-Owner";

    private final String ownerSecret;
    private final Optional<String> basicUserInfo;
    private final Optional<SSLContext> tls;

    private RegistryAccess(String ownerSecret, Optional<String> basicUserInfo, Optional<SSLContext> tls) {
        this.ownerSecret = ownerSecret;
        this.basicUserInfo = basicUserInfo;
        this.tls = tls;
    }

    /** Plain HTTP, no credentials asked; the owner's secret made now. */
    public static RegistryAccess standard() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new RegistryAccess(
                Base64.getUrlEncoder().withoutPadding().encodeToString(random), Optional.empty(), Optional.empty());
    }

    /** Every request must carry HTTP basic authentication with {@code userInfo} ({@code user:password}). */
    public RegistryAccess requiringBasicAuth(String userInfo) {
        Objects.requireNonNull(userInfo, "userInfo");
        if (userInfo.indexOf(':') < 1) {
            throw new IllegalArgumentException("basic credentials must be user:password");
        }
        return new RegistryAccess(ownerSecret, Optional.of(userInfo), tls);
    }

    /** Served over TLS with {@code context}'s key and certificate. */
    public RegistryAccess overTls(SSLContext context) {
        return new RegistryAccess(ownerSecret, basicUserInfo, Optional.of(Objects.requireNonNull(context, "context")));
    }

    public Optional<SSLContext> tls() {
        return tls;
    }

    String ownerSecret() {
        return ownerSecret;
    }

    /**
     * Refuses a request this access does not let through: 401 without the basic credentials asked for, 403 for a
     * change of configuration or a delete without the owner's secret.
     *
     * @param segments      the request's path, decoded, one element a segment (as the routes read it)
     * @param authorization the request's {@code Authorization} header, or null
     * @param owner         the request's {@link #OWNER_HEADER}, or null
     */
    public void check(String method, List<String> segments, String authorization, String owner) {
        if (basicUserInfo.isPresent()) {
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString(basicUserInfo.get().getBytes(StandardCharsets.UTF_8));
            if (authorization == null || !constantTimeEquals(expected, authorization.strip())) {
                throw new RegistryException(401, "Unauthorized: this registry asks for HTTP basic authentication");
            }
        }
        String path = "/" + String.join("/", segments);
        boolean configChange =
                method.equals("PUT") && !segments.isEmpty() && segments.get(0).equals("config");
        if ((configChange || method.equals("DELETE")) && (owner == null || !constantTimeEquals(ownerSecret, owner))) {
            throw new RegistryException(
                    40301,
                    "User is denied operation " + method + " " + path
                            + ": this registry's configuration and deletes belong to the ledger that runs it");
        }
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryAccess[basicAuth=" + basicUserInfo.isPresent() + ", tls=" + tls.isPresent() + "]";
    }
}
