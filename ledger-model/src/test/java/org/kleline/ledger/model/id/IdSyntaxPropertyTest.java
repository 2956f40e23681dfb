package org.kleline.ledger.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** IdSyntax's character loop against the pattern of docs/domain.md (jqwik: a failure shrinks to a short id). */
class IdSyntaxPropertyTest {

    private static final Pattern REGEX = Pattern.compile(IdSyntax.PATTERN);
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-";
    /** Every ASCII character, and a few a caller is likely to try. */
    private static final String ANY_CHARS = IntStream.rangeClosed(0, 0x7f)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            + "é";

    private static final int LENGTH_MAX = 70;
    private static final String VERDICT = "verdict";

    @Property(tries = 1000)
    void characterLoopAgreesWithThePatternOfDomainMd(@ForAll("candidates") String candidate) {
        boolean expected = REGEX.matcher(candidate).matches();
        Statistics.label(VERDICT).collect(expected ? "valid" : "invalid");
        assertThat(IdSyntax.isValid(candidate)).as("isValid(\"%s\")", candidate).isEqualTo(expected);
        Statistics.label(VERDICT).coverage(coverage -> {
            coverage.check("valid").count(c -> c > 0);
            coverage.check("invalid").count(c -> c > 0);
        });
    }

    /** Any characters; or id characters only, of a length near 0, 64 or 70; or such an id with one character changed. */
    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> any = chars(ANY_CHARS, Arbitraries.integers().between(0, LENGTH_MAX));
        Arbitrary<String> id = chars(ID_CHARS, idLengths());
        Arbitrary<String> changed = chars(ID_CHARS, idLengths().map(length -> Math.max(1, length)))
                .flatMap(text -> Combinators.combine(
                                Arbitraries.integers().between(0, text.length() - 1), Arbitraries.of(chars(ANY_CHARS)))
                        .as((at, c) -> text.substring(0, at) + c + text.substring(at + 1)));
        return Arbitraries.oneOf(any, id, changed);
    }

    private static Arbitrary<Integer> idLengths() {
        return Arbitraries.oneOf(
                Arbitraries.of(0, 1, IdSyntax.LENGTH_MAX, IdSyntax.LENGTH_MAX + 1, LENGTH_MAX),
                Arbitraries.integers().between(0, LENGTH_MAX));
    }

    private static Arbitrary<String> chars(String alphabet, Arbitrary<Integer> lengths) {
        return lengths.flatMap(length ->
                Arbitraries.strings().withChars(alphabet.toCharArray()).ofLength(length));
    }

    private static Character[] chars(String alphabet) {
        return alphabet.chars().mapToObj(c -> (char) c).toArray(Character[]::new);
    }
}
