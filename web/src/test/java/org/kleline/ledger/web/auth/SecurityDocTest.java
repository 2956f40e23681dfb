package org.kleline.ledger.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/security.md's table of every route and its roles is {@link AccessRules#RULES}, row for row. */
class SecurityDocTest {

    static final Path DOCUMENT = Path.of("..", "docs", "security.md");

    @Test
    void theRouteTableOfTheDocsIsTheOneTheServersEnforce() throws IOException {
        String text = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        String table = text.substring(text.indexOf("<!-- routes:begin -->"), text.indexOf("<!-- routes:end -->"));
        List<String> documented = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (line.startsWith("| `")) {
                documented.add(line.strip());
            }
        }
        List<String> enforced =
                AccessRules.RULES.stream().map(SecurityDocTest::row).toList();
        assertThat(documented).containsExactlyElementsOf(enforced);
    }

    private static String row(AccessRules.Rule rule) {
        List<String> who = new ArrayList<>();
        if (rule.open()) {
            who.add("anyone");
        }
        Arrays.stream(Role.values())
                .filter(rule.roles()::contains)
                .map(Role::wireName)
                .forEach(who::add);
        if (rule.nodes()) {
            who.add("node");
        }
        return "| `" + rule.route() + "` | " + who.stream().collect(Collectors.joining(", ")) + " |";
    }
}
