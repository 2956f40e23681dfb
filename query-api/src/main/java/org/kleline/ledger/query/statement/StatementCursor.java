package org.kleline.ledger.query.statement;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.kleline.ledger.model.id.EventId;
import org.kleline.ledger.model.validation.TimeRange;
import org.kleline.ledger.projector.read.AccountKeys;
import org.kleline.ledger.web.problem.InvalidRequestException;

/**
 * Where a statement page ended: its last line, (currency, occurredAt, eventId). On the wire it is the
 * base64url of that line's key in the account-entries store ({@code account|currency|time|eventId}),
 * opaque to clients; reading one back checks it is a key of the same account, written the way this
 * class writes keys, so a tampered or foreign cursor is a 400 naming {@code cursor}.
 *
 * <p>A statement is ordered by (occurredAt, eventId, currency): currency last only breaks the tie of
 * an event id that posted in two currencies, which only an id reused under two keys can do.
 */
public record StatementCursor(String currency, long occurredAtMs, String eventId) {

    public static final String FIELD = "cursor";
    /** A cursor is a key of at most ~200 characters; anything much longer is not one of ours. */
    private static final int ENCODED_LENGTH_MAX = 512;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern TIME = Pattern.compile("[0-9a-f]{16}");
    /** Above every character an event id may hold: see {@link #afterKey}. */
    private static final char AFTER_EVERY_EVENT_ID_CHARACTER = '~';

    public StatementCursor {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(eventId, "eventId");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be three capital letters, was '" + currency + "'");
        }
        new EventId(eventId);
    }

    /** The opaque text given to clients as {@code nextCursor}. */
    public String encode(String account) {
        byte[] key = AccountKeys.entry(account, currency, occurredAtMs, eventId).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** Reads a cursor given back by a client for {@code account}; 400 naming {@code cursor} if it is not one. */
    public static StatementCursor decode(String account, String text) {
        if (text.isEmpty() || text.length() > ENCODED_LENGTH_MAX) {
            throw invalid(text, "it is empty or too long");
        }
        String key;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            key = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid(text, "it is not base64url text");
        }
        String prefix = account + AccountKeys.SEPARATOR;
        if (!key.startsWith(prefix)) {
            throw invalid(text, "it is not a cursor of account '" + account + "'");
        }
        String[] parts = key.substring(prefix.length()).split("\\" + AccountKeys.SEPARATOR, 3);
        if (parts.length != 3
                || !CURRENCY.matcher(parts[0]).matches()
                || !TIME.matcher(parts[1]).matches()) {
            throw invalid(text, "it is not a statement position");
        }
        long occurredAtMs = Long.parseUnsignedLong(parts[1], 16) ^ Long.MIN_VALUE;
        if (!TimeRange.containsEpochMilli(occurredAtMs)) {
            throw invalid(text, "its time is outside " + TimeRange.EARLIEST_INSTANT + ".." + TimeRange.LATEST_INSTANT);
        }
        StatementCursor cursor;
        try {
            cursor = new StatementCursor(parts[0], occurredAtMs, parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid(text, "it names no valid event id");
        }
        if (!cursor.encode(account).equals(text)) {
            throw invalid(text, "it is not written the way this server writes cursors");
        }
        return cursor;
    }

    /**
     * The account-entries key after which the lines of {@code lineCurrency} not yet given start: for
     * this cursor's currency and the ones before it, the line at the cursor's (occurredAt, eventId)
     * was given, so the key itself; for a later currency it was not, so a string just below that key
     * (the event id with its last character lowered by one and a character above every id character
     * appended: no valid key lies between it and the key).
     */
    public String afterKey(String account, String lineCurrency) {
        String key = AccountKeys.entry(account, lineCurrency, occurredAtMs, eventId);
        if (lineCurrency.compareTo(currency) <= 0) {
            return key;
        }
        char last = key.charAt(key.length() - 1);
        return key.substring(0, key.length() - 1) + (char) (last - 1) + AFTER_EVERY_EVENT_ID_CHARACTER;
    }

    private static InvalidRequestException invalid(String text, String why) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new InvalidRequestException(
                FIELD,
                "cursor '" + shown + "' is not valid: " + why
                        + "; pass back the nextCursor of the previous page unchanged");
    }
}
