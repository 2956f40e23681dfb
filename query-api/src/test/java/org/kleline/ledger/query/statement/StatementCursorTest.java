package org.kleline.ledger.query.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.web.problem.InvalidRequestException;

class StatementCursorTest {

    private static final String ACCOUNT = "platform:fees";
    private static final long T = 1_709_287_200_000L;

    @Test
    void aCursorReadsBackAsTheLineItWasMadeFrom() {
        StatementCursor cursor = new StatementCursor("EUR", T, "ev-42");
        String text = cursor.encode(ACCOUNT);
        assertThat(text).doesNotContain("=", "+", "/");
        assertThat(StatementCursor.decode(ACCOUNT, text)).isEqualTo(cursor);
    }

    @Test
    void aCursorIsTheBase64urlOfTheLastLinesStoreKey() {
        String text = new StatementCursor("JPY", T, "e1").encode(ACCOUNT);
        assertThat(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8))
                .isEqualTo(AccountKeys.entry(ACCOUNT, "JPY", T, "e1"));
    }

    @Test
    void negativeTimesSurviveTheRoundTrip() {
        StatementCursor cursor = new StatementCursor("EUR", -5L, "old");
        assertThat(StatementCursor.decode(ACCOUNT, cursor.encode(ACCOUNT))).isEqualTo(cursor);
    }

    @Test
    void aCursorOfAnotherAccountIsRefusedNamingCursor() {
        String other = new StatementCursor("EUR", T, "ev-1").encode("wallet:w-1");
        assertRefused(other, "not a cursor of account 'platform:fees'");
    }

    @Test
    void textThatIsNotBase64urlIsRefusedNamingCursor() {
        assertRefused("not base64!", "not base64url");
        assertRefused("", "empty or too long");
    }

    @Test
    void aKeyWithATamperedTimeIsRefused() {
        String key = ACCOUNT + "|EUR|zz00000000000000|ev-1";
        assertRefused(encode(key), "not a statement position");
    }

    @Test
    void aCursorWhoseTimeIsOutsideYears1To9999IsRefused() {
        assertRefused(new StatementCursor("EUR", Long.MAX_VALUE, "ev-1").encode(ACCOUNT), "outside");
        assertRefused(new StatementCursor("EUR", Long.MIN_VALUE, "ev-1").encode(ACCOUNT), "outside");
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        StatementCursor latest = new StatementCursor("EUR", last, "ev-1");
        assertThat(StatementCursor.decode(ACCOUNT, latest.encode(ACCOUNT))).isEqualTo(latest);
        assertRefused(new StatementCursor("EUR", last + 1, "ev-1").encode(ACCOUNT), "outside");
    }

    @Test
    void aKeyWithAnInvalidEventIdIsRefused() {
        String key = AccountKeys.entry(ACCOUNT, "EUR", T, "ev-1").replace("ev-1", "ev 1");
        assertRefused(encode(key), "names no valid event id");
    }

    @Test
    void aCursorWithPaddingIsRefusedAsNotOurs() {
        String text = new StatementCursor("EUR", T, "ev-1").encode(ACCOUNT);
        String padded =
                Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(text));
        if (!padded.equals(text)) {
            assertRefused(padded, "not written the way");
        }
        assertRefused(text + "AAAA", "not");
    }

    @Test
    void forItsOwnAndEarlierCurrenciesTheAfterKeyIsTheLineKey() {
        StatementCursor cursor = new StatementCursor("EUR", T, "ev-5");
        assertThat(cursor.afterKey(ACCOUNT, "EUR")).isEqualTo(AccountKeys.entry(ACCOUNT, "EUR", T, "ev-5"));
        assertThat(cursor.afterKey(ACCOUNT, "CHF")).isEqualTo(AccountKeys.entry(ACCOUNT, "CHF", T, "ev-5"));
    }

    @Test
    void forALaterCurrencyTheLineAtTheSamePositionIsStillToCome() {
        StatementCursor cursor = new StatementCursor("EUR", T, "ev-5");
        String after = cursor.afterKey(ACCOUNT, "JPY");
        String samePosition = AccountKeys.entry(ACCOUNT, "JPY", T, "ev-5");
        assertThat(after.compareTo(samePosition)).isNegative();
        // Every valid id that sorts before ev-5 sorts at or before the after-key: none is given twice.
        for (String earlier : new String[] {"ev-4", "ev-4zzzzzzzzzzzzzzzzzzzzzz", "ev-", "ev", "a", "ev-49"}) {
            assertThat(AccountKeys.entry(ACCOUNT, "JPY", T, earlier).compareTo(after))
                    .as(earlier)
                    .isNegative();
        }
        for (String later : new String[] {"ev-5", "ev-50", "ev-6", "f"}) {
            assertThat(AccountKeys.entry(ACCOUNT, "JPY", T, later).compareTo(after))
                    .as(later)
                    .isPositive();
        }
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String text, String why) {
        assertThatThrownBy(() -> StatementCursor.decode(ACCOUNT, text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(why)
                .satisfies(
                        e -> assertThat(((InvalidRequestException) e).problem().field())
                                .isEqualTo("cursor"));
    }
}
