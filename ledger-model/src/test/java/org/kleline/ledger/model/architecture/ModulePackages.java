package org.kleline.ledger.model.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every module's {@code ArchitectureTest} starts with, in one place: the packages directly
 * under the module's root depend on each other one way, so that they read as the module's index and a
 * newcomer can learn them in order; and the module's README names each of them, as they are. Checked
 * over the module's main classes, not its tests'.
 */
public final class ModulePackages {

    private static final String PACKAGES_HEADING = "## Packages";
    private static final Pattern BACKQUOTED = Pattern.compile("`([^`]+)`");

    private ModulePackages() {}

    /** The main classes under {@code rootPackage} (the tests' left out). */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** Fails, naming each cycle and the dependencies that make it, where the packages under {@code rootPackage} form one. */
    public static void requireFreeOfCycles(String rootPackage, JavaClasses classes) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * Fails unless the README's {@code ## Packages} section (from that heading to the next {@code ## } one) names, in
     * backquotes, every package directly under {@code rootPackage} that holds main classes ({@code org.example.auth.tokens}
     * counts as {@code auth}); and, where the section is a table, unless every backquoted name in its first column is such a
     * package. The message names every package missing and every one listed that no longer exists.
     */
    public static void requireEachNamedInReadme(String rootPackage, JavaClasses classes, Path readme) {
        Set<String> packages = packagesUnder(rootPackage, classes);
        List<String> section = packagesSection(readme);
        Set<String> named = new TreeSet<>();
        Set<String> listed = new TreeSet<>();
        for (String line : section) {
            named.addAll(backquoted(line));
            if (isTableRow(line)) {
                listed.addAll(backquoted(firstCell(line)));
            }
        }
        Set<String> missing = new TreeSet<>(packages);
        missing.removeAll(named);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(packages);
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("does not name these packages of " + rootPackage + " in backquotes: " + quoted(missing));
        }
        if (!gone.isEmpty()) {
            problems.add("lists packages that " + rootPackage + " no longer has: " + quoted(gone));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(readme.toAbsolutePath().normalize() + " section '" + PACKAGES_HEADING + "' "
                    + String.join("; and it ", problems));
        }
    }

    private static Set<String> packagesUnder(String rootPackage, JavaClasses classes) {
        String prefix = rootPackage + ".";
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            String name = javaClass.getPackageName();
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                int dot = rest.indexOf('.');
                packages.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return packages;
    }

    private static List<String> packagesSection(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the module README " + readme.toAbsolutePath(), e);
        }
        int start = lines.indexOf(PACKAGES_HEADING);
        if (start < 0) {
            throw new AssertionError(readme.toAbsolutePath().normalize() + " has no '" + PACKAGES_HEADING
                    + "' section naming the module's packages");
        }
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            section.add(line);
        }
        return section;
    }

    private static boolean isTableRow(String line) {
        return line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| package ");
    }

    private static String firstCell(String row) {
        int end = row.indexOf('|', 1);
        return end < 0 ? row.substring(1) : row.substring(1, end);
    }

    private static List<String> backquoted(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = BACKQUOTED.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String quoted(Set<String> names) {
        return names.stream()
                .map(name -> "`" + name + "`")
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
