package org.kleline.ledger.model.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IdSyntaxPropertyTest {

    private static final Pattern REGEX = Pattern.compile(IdSyntax.PATTERN);

    @Property
    void characterLoopAgreesWithThePatternOfDomainMd(@ForAll("candidates") String candidate) {
        assertThat(IdSyntax.isValid(candidate)).isEqualTo(REGEX.matcher(candidate).matches());
    }

    @Provide
    Arbitrary<String> candidates() {
        return Arbitraries.strings()
                .withChars("aZ09._:-/ +é@")
                .withCharRange('\u0000', '\u007f')
                .ofMinLength(0).ofMaxLength(70);
    }
}
