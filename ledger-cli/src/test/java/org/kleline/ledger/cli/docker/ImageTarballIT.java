package org.kleline.ledger.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image ledger-cli's {@code image} profile builds at {@code package} (jib on {@code scratch}, no registry), opened
 * as {@code docker load} would: its configuration runs the jar with the image's own JRE, as uid 10001, on port 8080,
 * with the state directory a volume; and, with no Docker engine here, its layers unpacked into a directory and the
 * image's entrypoint run from there on this machine's kernel with the image's own loader and libraries.
 */
class ImageTarballIT {

    private static final Path TARBALL = Path.of("target", "ledger-image.tar");
    private static final String LOADER = "/lib64/ld-linux-x86-64.so.2";
    private static final String LIBRARY_PATH = "/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void theConfigurationRunsTheJarWithTheImagesJreAsANonRootUserOnTheStateVolume() throws IOException {
        JsonNode config = image().config().path("config");

        assertThat(strings(config.path("Entrypoint")))
                .containsExactly(
                        "/opt/java/bin/java",
                        "-XX:MaxRAMPercentage=70",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-jar",
                        "/app/ledger.jar");
        assertThat(strings(config.path("Cmd"))).containsExactly("--help");
        assertThat(config.path("User").asText()).isEqualTo("10001:0");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.path("ExposedPorts").size()).isEqualTo(1);
        assertThat(config.path("Volumes").has("/var/lib/ledger")).isTrue();
        assertThat(config.path("WorkingDir").asText()).isEqualTo("/var/lib/ledger");
        assertThat(strings(config.path("Env"))).contains("LEDGER_PORT=8080");
    }

    @Test
    void theLayersHoldTheJarTheJreItsLibrariesAndTheUserAndRunTheJarOnThisKernel() throws Exception {
        Image image = image();
        assertThat(image.files()).contains("/app/ledger.jar", "/opt/java/bin/java", LOADER, "/etc/passwd");
        image.extractInto(root);

        assertThat(Files.readAllLines(root.resolve("etc/passwd")))
                .anySatisfy(line -> assertThat(line).startsWith("ledger:x:10001:0:"));
        assertThat(Files.getPosixFilePermissions(root.resolve("opt/java/bin/java")))
                .contains(PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.isDirectory(root.resolve("var/lib/ledger"))).isTrue();
        assertThat(Files.isDirectory(root.resolve("tmp"))).isTrue();

        // Every library the JVM loads resolves inside the image, none on this machine.
        for (String binary : List.of("opt/java/bin/java", "opt/java/lib/server/libjvm.so")) {
            Run listed = run(List.of(
                    root + LOADER,
                    "--library-path",
                    imageLibraryPath(),
                    "--list",
                    root.resolve(binary).toString()));
            assertThat(listed.exitCode()).as(listed.output()).isZero();
            for (String line : listed.output().lines().toList()) {
                if (line.contains("=>")) {
                    assertThat(line).as(binary).contains(root.toString());
                }
            }
        }

        // The entrypoint as the image runs it, its paths under the unpacked root.
        List<String> command = new ArrayList<>(List.of(root + LOADER, "--library-path", imageLibraryPath()));
        for (JsonNode arg : image.config().path("config").path("Entrypoint")) {
            String value = arg.asText();
            command.add(value.startsWith("/") ? root + value : value);
        }
        command.add("--version");
        Run version = run(command);
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("Kleline Ledger");

        // ledger sql's DuckDB, on the image's JRE and libraries (its library unpacked into the image's /tmp).
        Run duckDb = run(List.of(
                root + LOADER,
                "--library-path",
                imageLibraryPath(),
                root + "/opt/java/bin/java",
                "-Djava.io.tmpdir=" + root.resolve("tmp"),
                "-cp",
                root + "/app/ledger.jar" + File.pathSeparator
                        + Path.of("target", "test-classes").toAbsolutePath(),
                DuckDbInTheImage.class.getName()));
        assertThat(duckDb.exitCode()).as(duckDb.output()).isZero();
        assertThat(duckDb.output()).contains("duckdb answers 42");
    }

    /**
     * Run by the image's JRE in the test below: DuckDB's native library ({@code ledger sql}'s engine, unpacked from the
     * jar into the image's {@code /tmp}) loads with the image's libraries and answers.
     */
    public static final class DuckDbInTheImage {
        public static void main(String[] args) throws Exception {
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                    ResultSet result = db.createStatement().executeQuery("SELECT 40 + 2")) {
                result.next();
                System.out.println("duckdb answers " + result.getLong(1));
            }
        }
    }

    private String imageLibraryPath() {
        List<String> paths = new ArrayList<>();
        for (String path : LIBRARY_PATH.split(":")) {
            paths.add(root + path);
        }
        return String.join(":", paths);
    }

    private static Image image() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        boolean built = os.contains("linux") && arch.equals("amd64");
        assumeTrue(built, "the image is built on Linux x86-64 only (profile image), not on " + os + " " + arch);
        assertThat(TARBALL).as("the package phase builds it on Linux x86-64").isRegularFile();
        return Image.read(TARBALL);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private Run run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(root, "image-run", ".out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("%s ends within 2 minutes", command).isTrue();
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {}

    /** A {@code docker load} tarball: manifest.json, the configuration it names, its layers in order (read in place). */
    private record Image(Path tarball, JsonNode config, List<String> layers) {

        static Image read(Path tarball) throws IOException {
            Map<String, byte[]> small = new HashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    if (entry.isFile() && entry.getName().endsWith(".json")) {
                        small.put(entry.getName(), tar.readAllBytes());
                    }
                }
            }
            JsonNode manifest = JSON.readTree(small.get("manifest.json"));
            assertThat(manifest.size()).isEqualTo(1);
            assertThat(strings(manifest.get(0).path("RepoTags")))
                    .singleElement()
                    .asString()
                    .startsWith("kleline/ledger:");
            JsonNode config =
                    JSON.readTree(small.get(manifest.get(0).path("Config").asText()));
            List<String> layers = strings(manifest.get(0).path("Layers"));
            assertThat(layers).isNotEmpty();
            return new Image(tarball, config, layers);
        }

        List<String> files() throws IOException {
            List<String> files = new ArrayList<>();
            for (String layer : layers) {
                try (TarArchiveInputStream tar = layer(layer)) {
                    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                        files.add(
                                "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", ""));
                    }
                }
            }
            return files;
        }

        void extractInto(Path root) throws IOException {
            for (String layer : layers) {
                try (TarArchiveInputStream tar = layer(layer)) {
                    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                        Path target = root.resolve(entry.getName().replaceFirst("^/", ""))
                                .normalize();
                        assertThat(target.startsWith(root)).as(entry.getName()).isTrue();
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else if (entry.isSymbolicLink()) {
                            Files.createDirectories(target.getParent());
                            Files.deleteIfExists(target);
                            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                        } else {
                            Files.createDirectories(target.getParent());
                            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                            Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                        }
                    }
                }
            }
        }

        /** One layer's tar, streamed from inside the tarball (gunzipped when it is compressed). */
        private TarArchiveInputStream layer(String name) throws IOException {
            TarArchiveInputStream outer = new TarArchiveInputStream(Files.newInputStream(tarball));
            for (TarArchiveEntry entry = outer.getNextEntry(); entry != null; entry = outer.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    InputStream in = new BufferedInputStream(outer);
                    in.mark(2);
                    boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
                    in.reset();
                    return new TarArchiveInputStream(gzipped ? new GZIPInputStream(in) : in);
                }
            }
            outer.close();
            throw new AssertionError("no layer " + name + " in " + tarball);
        }

        private static Set<PosixFilePermission> permissions(int mode) {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] bits = {
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
            };
            for (int bit = 0; bit < bits.length; bit++) {
                if ((mode & (1 << bit)) != 0) {
                    permissions.add(bits[bit]);
                }
            }
            return permissions;
        }
    }
}
