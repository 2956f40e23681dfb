package org.kleline.ledger.cli.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.kleline.ledger.web.auth.ApiKeyRecord;
import org.kleline.ledger.web.auth.ApiKeySecret;
import org.kleline.ledger.web.auth.ApiKeys;
import org.kleline.ledger.web.auth.Role;

/**
 * The first admin key of a ledger: made on the first start of a data directory ({@code ledger run}) or
 * of a node given {@code --admin-key-file}, and written to a file only its owner can read
 * ({@code rw-------}). Later starts find the file and make nothing; the secret is printed only when
 * it is made. A lost or revoked admin key: delete the file, and the next start makes a new one (who
 * can write the data directory owns the ledger anyway).
 */
public final class AdminKeyFile {

    public static final String NAME = "admin.key";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final String LABEL = "admin (made on first start)";

    /** What {@link #ensure} found or made. */
    public record AdminKey(String secret, String keyId, boolean madeNow, Optional<String> problem) {
        @Override
        public String toString() {
            return "AdminKey[keyId=" + keyId + ", madeNow=" + madeNow + ", problem=" + problem + "]";
        }
    }

    private AdminKeyFile() {}

    /** The key in {@code file}, when it exists and holds one. */
    public static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin key " + file, e);
        }
    }

    /** The admin key of {@code file}, made (and written there) when the file is absent. */
    public static AdminKey ensure(Path file, ApiKeys keys) {
        Optional<String> existing = read(file);
        if (existing.isPresent()) {
            String secret = existing.get();
            Optional<ApiKeySecret> parsed = ApiKeySecret.parse(secret);
            Optional<ApiKeyRecord> key = parsed.flatMap(p -> keys.find(p.keyId()));
            String keyId = parsed.map(ApiKeySecret::keyId).orElse("?");
            Optional<String> problem = key.isEmpty()
                    ? Optional.of("it is not a key of this ledger")
                    : key.get().revoked()
                            ? Optional.of("it was revoked at " + key.get().revokedAt())
                            : key.get().roleValue() != Role.ADMIN
                                    ? Optional.of("it is not an admin key")
                                    : Optional.empty();
            return new AdminKey(secret, keyId, false, problem);
        }
        ApiKeys.CreatedKey created = keys.create(Role.ADMIN, null, LABEL);
        write(file, created.secret());
        return new AdminKey(created.secret(), created.key().keyId(), true, Optional.empty());
    }

    /** Writes {@code secret} to a new {@code file} readable and writable by its owner only. */
    static void write(Path file, String secret) {
        byte[] bytes = (secret + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            boolean posix = file.toAbsolutePath()
                    .getParent()
                    .getFileSystem()
                    .supportedFileAttributeViews()
                    .contains("posix");
            if (posix) {
                // Created with its permissions, so it is never readable by others, not even for a moment.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                java.io.File f = file.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
            Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("the admin key file " + file + " appeared meanwhile: not overwritten", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin key to " + file, e);
        }
    }
}
