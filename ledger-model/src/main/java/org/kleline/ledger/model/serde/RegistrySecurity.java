package org.kleline.ledger.model.serde;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.ConfigException;
import org.kleline.ledger.model.tls.KeyMaterial;

/**
 * How the schema registry client proves who it is and whom it trusts, with Confluent's settings, so one
 * client properties file serves Confluent's serdes and the ledger's:
 * <ul>
 *   <li>{@value #BASIC_AUTH_CREDENTIALS_SOURCE}: {@code URL} (the default: the {@code user:password@} of each
 *       {@code schema.registry.url}, if it has one) or {@code USER_INFO} ({@value #BASIC_AUTH_USER_INFO},
 *       {@code user:password}), sent as HTTP basic authentication;</li>
 *   <li>{@value #BEARER_AUTH_CREDENTIALS_SOURCE}{@code =STATIC_TOKEN} with {@value #BEARER_AUTH_TOKEN}: a bearer
 *       token instead;</li>
 *   <li>{@code schema.registry.ssl.truststore.*} (whom to trust over {@code https://}; default the JVM's trust
 *       store) and {@code schema.registry.ssl.keystore.*} (the client's own certificate, for a registry asking
 *       for mutual TLS).</li>
 * </ul>
 * Any other source (Confluent's {@code SASL_INHERIT}, {@code OAUTHBEARER}, ...) is refused at configuration,
 * naming the setting.
 */
public record RegistrySecurity(
        String basicSource,
        Optional<String> userInfo,
        Optional<String> bearerToken,
        Optional<StoreFile> trustStore,
        Optional<StoreFile> keyStore,
        Optional<String> keyPassword) {

    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";

    public static final String SOURCE_URL = "URL";
    public static final String SOURCE_USER_INFO = "USER_INFO";
    public static final String SOURCE_STATIC_TOKEN = "STATIC_TOKEN";
    /** Confluent's default store type. */
    public static final String DEFAULT_STORE_TYPE = "JKS";

    /** No credentials but those a URL carries, the JVM's trust store, no client certificate. */
    public static final RegistrySecurity NONE = new RegistrySecurity(
            SOURCE_URL, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** A key or trust store file: where, its password, its type ({@code JKS}, {@code PKCS12}). */
    public record StoreFile(Path location, Optional<String> password, String type) {

        KeyStore open() {
            return KeyMaterial.keyStore(
                    location, password.map(String::toCharArray).orElse(null), type);
        }

        @Override
        public String toString() {
            return "StoreFile[" + location + ", " + type + (password.isPresent() ? ", password <hidden>" : "") + "]";
        }
    }

    /** The security settings of a Kafka client configuration; the other keys are ignored. */
    public static RegistrySecurity from(Map<String, ?> configs) {
        String basicSource = text(configs, BASIC_AUTH_CREDENTIALS_SOURCE)
                .map(s -> s.toUpperCase(Locale.ROOT))
                .orElse(SOURCE_URL);
        Optional<String> userInfo = text(configs, BASIC_AUTH_USER_INFO);
        if (!basicSource.equals(SOURCE_URL) && !basicSource.equals(SOURCE_USER_INFO)) {
            throw new ConfigException(
                    BASIC_AUTH_CREDENTIALS_SOURCE,
                    basicSource,
                    "only " + SOURCE_URL + " and " + SOURCE_USER_INFO + " are supported");
        }
        if (basicSource.equals(SOURCE_USER_INFO)) {
            String info = userInfo.orElseThrow(() -> new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE + "="
                    + SOURCE_USER_INFO + " needs " + BASIC_AUTH_USER_INFO + "=USER:PASSWORD"));
            if (info.indexOf(':') < 1) {
                throw new ConfigException(BASIC_AUTH_USER_INFO + " must be USER:PASSWORD (the value is not shown)");
            }
        }
        Optional<String> bearerSource =
                text(configs, BEARER_AUTH_CREDENTIALS_SOURCE).map(s -> s.toUpperCase(Locale.ROOT));
        Optional<String> bearerToken = Optional.empty();
        if (bearerSource.isPresent()) {
            if (!bearerSource.get().equals(SOURCE_STATIC_TOKEN)) {
                throw new ConfigException(
                        BEARER_AUTH_CREDENTIALS_SOURCE,
                        bearerSource.get(),
                        "only " + SOURCE_STATIC_TOKEN + " (with " + BEARER_AUTH_TOKEN + ") is supported");
            }
            bearerToken = Optional.of(text(configs, BEARER_AUTH_TOKEN)
                    .orElseThrow(() -> new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_STATIC_TOKEN
                            + " needs " + BEARER_AUTH_TOKEN)));
            if (basicSource.equals(SOURCE_USER_INFO)) {
                throw new ConfigException("both " + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO + " and "
                        + BEARER_AUTH_CREDENTIALS_SOURCE + " are set: keep one");
            }
        }
        return new RegistrySecurity(
                basicSource,
                basicSource.equals(SOURCE_USER_INFO) ? userInfo : Optional.empty(),
                bearerToken,
                store(configs, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE),
                store(configs, SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE),
                text(configs, SSL_KEY_PASSWORD));
    }

    /**
     * The {@code Authorization} header to send to {@code url} (given with its {@code user:password@}, if any):
     * the bearer token, the basic credentials of {@value #BASIC_AUTH_USER_INFO}, or those of the URL.
     */
    public Optional<String> authorizationFor(URI url) {
        if (bearerToken.isPresent()) {
            return Optional.of("Bearer " + bearerToken.get());
        }
        if (userInfo.isPresent()) {
            return Optional.of(basic(userInfo.get()));
        }
        return Optional.ofNullable(url.getRawUserInfo())
                .map(info -> URLDecoder.decode(info, StandardCharsets.UTF_8))
                .map(RegistrySecurity::basic);
    }

    /** The TLS context of the trust and key stores, when either is set; else the JVM's default. */
    public Optional<SSLContext> sslContext() {
        if (trustStore.isEmpty() && keyStore.isEmpty()) {
            return Optional.empty();
        }
        try {
            char[] keyPass = keyPassword
                    .or(() -> keyStore.flatMap(StoreFile::password))
                    .map(String::toCharArray)
                    .orElse(null);
            return Optional.of(
                    KeyMaterial.sslContext(keyStore.map(StoreFile::open), keyPass, trustStore.map(StoreFile::open)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("schema.registry.ssl.*: " + e.getMessage());
        }
    }

    /** What a registry's 401 or 403 answer needs: the settings that carry credentials. */
    static String credentialsHint(boolean sent) {
        return sent
                ? " (the credentials sent were refused: check " + BASIC_AUTH_USER_INFO + " or " + BEARER_AUTH_TOKEN
                        + ")"
                : " (the registry asks for credentials: set " + BASIC_AUTH_CREDENTIALS_SOURCE + "=" + SOURCE_USER_INFO
                        + " and " + BASIC_AUTH_USER_INFO + "=USER:PASSWORD, or " + BEARER_AUTH_CREDENTIALS_SOURCE + "="
                        + SOURCE_STATIC_TOKEN + " and " + BEARER_AUTH_TOKEN + ")";
    }

    @Override
    public String toString() {
        return "RegistrySecurity[basicSource=" + basicSource + (userInfo.isPresent() ? ", userInfo <hidden>" : "")
                + (bearerToken.isPresent() ? ", bearer token <hidden>" : "") + ", trustStore=" + trustStore
                + ", keyStore=" + keyStore + "]";
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<StoreFile> store(
            Map<String, ?> configs, String locationKey, String passwordKey, String typeKey) {
        return text(configs, locationKey)
                .map(location -> new StoreFile(
                        Path.of(location),
                        text(configs, passwordKey),
                        text(configs, typeKey).orElse(DEFAULT_STORE_TYPE)));
    }

    /** A value given as a string or as Kafka's {@code Password}; blank counts as absent. */
    private static Optional<String> text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof org.apache.kafka.common.config.types.Password password
                ? password.value()
                : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }
}
