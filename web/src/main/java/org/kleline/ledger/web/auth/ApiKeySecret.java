package org.kleline.ledger.web.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of an API key: {@code kl_<keyId>_<random>}. The keyId travels in the secret so that a
 * request is verified against one stored hash, found by id, rather than against every key; the
 * random part is 32 bytes from {@link SecureRandom} (256 bits), base64url without padding.
 *
 * @param keyId  12 characters of [a-z0-9], public (listed, recorded as {@code appendedBy})
 * @param secret the whole text, shown once when the key is made, kept only as a hash
 */
public record ApiKeySecret(String keyId, String secret) {

    public static final String PREFIX = "kl_";
    static final int KEY_ID_LENGTH = 12;
    static final int RANDOM_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{" + KEY_ID_LENGTH + "}");
    private static final Pattern RANDOM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RNG = new SecureRandom();

    @Override
    public String toString() {
        return "ApiKeySecret[keyId=" + keyId + ", secret=<hidden>]";
    }

    public static boolean isKeyId(String text) {
        return text != null && KEY_ID.matcher(text).matches();
    }

    /** A new key: a fresh random keyId and secret. */
    public static ApiKeySecret generate() {
        char[] id = new char[KEY_ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RNG.nextInt(ID_ALPHABET.length)];
        }
        byte[] random = new byte[RANDOM_BYTES];
        RNG.nextBytes(random);
        String keyId = new String(id);
        return new ApiKeySecret(
                keyId,
                PREFIX + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    /** The key in a bearer token, when it has the shape of one (its hash is checked elsewhere). */
    public static Optional<ApiKeySecret> parse(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + KEY_ID_LENGTH + 1 + 43) {
            return Optional.empty();
        }
        String keyId = token.substring(PREFIX.length(), PREFIX.length() + KEY_ID_LENGTH);
        char separator = token.charAt(PREFIX.length() + KEY_ID_LENGTH);
        String random = token.substring(PREFIX.length() + KEY_ID_LENGTH + 1);
        if (separator != '_' || !isKeyId(keyId) || !RANDOM.matcher(random).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeySecret(keyId, token));
    }
}
