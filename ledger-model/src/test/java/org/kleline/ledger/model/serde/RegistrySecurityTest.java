package org.kleline.ledger.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class RegistrySecurityTest {

    private static final URI PLAIN = URI.create("https://registry:8081");

    @Test
    void withoutSettingsNothingIsSentButTheCredentialsOfAUrl() {
        RegistrySecurity none = RegistrySecurity.from(Map.of());
        assertThat(none).isEqualTo(RegistrySecurity.NONE);
        assertThat(none.authorizationFor(PLAIN)).isEmpty();
        assertThat(none.authorizationFor(URI.create("https://ledger:s%40cret@registry:8081")))
                .contains("Basic " + base64("ledger:s@cret"));
        assertThat(none.sslContext()).isEmpty();
    }

    @Test
    void userInfoIsBasicAuthenticationAndATokenIsBearer() {
        RegistrySecurity basic = RegistrySecurity.from(Map.of(
                RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                RegistrySecurity.BASIC_AUTH_USER_INFO, "ledger:secret"));
        assertThat(basic.authorizationFor(PLAIN)).contains("Basic " + base64("ledger:secret"));
        assertThat(basic.toString()).doesNotContain("secret");

        RegistrySecurity bearer = RegistrySecurity.from(Map.of(
                RegistrySecurity.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
                RegistrySecurity.BEARER_AUTH_TOKEN, "tok-123"));
        assertThat(bearer.authorizationFor(PLAIN)).contains("Bearer tok-123");
        assertThat(bearer.toString()).doesNotContain("tok-123");
    }

    @Test
    void missingOrUnsupportedSettingsAreRefusedByName() {
        assertThatThrownBy(() ->
                        RegistrySecurity.from(Map.of(RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistrySecurity.BASIC_AUTH_USER_INFO);
        assertThatThrownBy(() -> RegistrySecurity.from(Map.of(
                        RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                        RegistrySecurity.BASIC_AUTH_USER_INFO, "no-colon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("USER:PASSWORD")
                .hasMessageNotContaining("no-colon");
        assertThatThrownBy(() ->
                        RegistrySecurity.from(Map.of(RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistrySecurity.BASIC_AUTH_CREDENTIALS_SOURCE);
        assertThatThrownBy(() ->
                        RegistrySecurity.from(Map.of(RegistrySecurity.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(RegistrySecurity.BEARER_AUTH_TOKEN);
        assertThatThrownBy(() ->
                        RegistrySecurity.from(Map.of(RegistrySecurity.BEARER_AUTH_CREDENTIALS_SOURCE, "OAUTHBEARER")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("STATIC_TOKEN");
        assertThatThrownBy(() -> RegistrySecurity.from(Map.of(
                                RegistrySecurity.SSL_TRUSTSTORE_LOCATION, "/nonexistent/trust.p12",
                                RegistrySecurity.SSL_TRUSTSTORE_TYPE, "PKCS12"))
                        .sslContext())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/nonexistent/trust.p12");
    }

    @Test
    void theSerdeConfigurationCarriesTheSettings() {
        AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, "https://registry:8081",
                RegistrySecurity.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
                RegistrySecurity.BEARER_AUTH_TOKEN, "tok"));
        assertThat(config.security().bearerToken()).contains("tok");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
