package org.kleline.ledger.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kleline.ledger.model.fixtures.Coverage;
import org.kleline.ledger.model.fixtures.Gen;
import org.kleline.ledger.model.fixtures.Tries;

class IdSyntaxPropertyTest {

    private static final Pattern REGEX = Pattern.compile(IdSyntax.PATTERN);
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";
    /** Every ASCII character, and a few a caller is likely to try. */
    private static final String ANY_CHARS = IntStream.rangeClosed(0, 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            + "é";

    private static final int LENGTH_MAX = 70;

    @TestFactory
    Stream<DynamicTest> characterLoopAgreesWithThePatternOfDomainMd() {
        Coverage verdicts = new Coverage();
        return Tries.overSeeds(
                1000,
                gen -> {
                    String candidate = candidate(gen);
                    boolean expected = REGEX.matcher(candidate).matches();
                    verdicts.collect(expected ? "valid" : "invalid");
                    assertThat(IdSyntax.isValid(candidate))
                            .as("isValid(\"%s\")", candidate)
                            .isEqualTo(expected);
                },
                verdicts.covers("valid", "invalid"));
    }

    /** Any characters; or id characters only, of a length near 0, 64 or 70; or such an id with one character changed. */
    private static String candidate(Gen gen) {
        return switch (gen.indexByWeight(1, 1, 1)) {
            case 0 -> chars(gen, ANY_CHARS, gen.between(0, LENGTH_MAX));
            case 1 -> chars(gen, ID_CHARS, idLength(gen));
            default -> {
                StringBuilder id = new StringBuilder(chars(gen, ID_CHARS, Math.max(1, idLength(gen))));
                id.setCharAt(gen.between(0, id.length() - 1), gen.charOf(ANY_CHARS));
                yield id.toString();
            }
        };
    }

    private static int idLength(Gen gen) {
        return gen.indexByWeight(1, 1) == 0
                ? gen.oneOf(0, 1, IdSyntax.LENGTH_MAX, IdSyntax.LENGTH_MAX + 1, LENGTH_MAX)
                : gen.between(0, LENGTH_MAX);
    }

    private static String chars(Gen gen, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(gen.charOf(alphabet));
        }
        return text.toString();
    }
}
