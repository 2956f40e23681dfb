package org.kleline.ledger.web.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How key secrets are kept: PBKDF2 with HMAC-SHA-256 (in every JDK), a random salt per key, and
 * {@link #ITERATIONS} rounds. Only the hash and the salt are stored; a secret is shown once.
 */
public final class KeyHashing {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    /**
     * 210,000 rounds, the figure OWASP's password storage cheat sheet gave for PBKDF2-HMAC-SHA256
     * before 2023 (it now says 600,000 for passwords). Our secrets are not passwords: 256 random
     * bits, so no guessing attack needs the slow hash to fail; the rounds are there so that a copy
     * of {@code ledger.api-keys} is worth nothing even to a well-equipped attacker, while one check
     * (a cache miss: a process's first request with a key, or a wrong secret) stays near 100 ms on one
     * core. A successful check is cached ({@link KeyVerifier}), so a key's later requests cost a
     * map look-up. Stored with each key, so a later build may raise it for new keys only.
     */
    public static final int ITERATIONS = 210_000;

    public static final int SALT_BYTES = 16;
    public static final int HASH_BITS = 256;

    private static final SecureRandom RNG = new SecureRandom();

    private KeyHashing() {}

    public static byte[] newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        RNG.nextBytes(salt);
        return salt;
    }

    public static byte[] hash(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Whether {@code secret} hashes to {@code expected}; compared in constant time. */
    public static boolean matches(String secret, byte[] salt, int iterations, byte[] expected) {
        return MessageDigest.isEqual(hash(secret, salt, iterations), expected);
    }

    /** A fast digest, to key the cache of checked secrets without keeping the secrets themselves. */
    static String digest(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
