package org.kleline.ledger.query.http;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.id.EventId;
import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.model.validation.TimeRange;
import org.kleline.ledger.web.problem.InvalidRequestException;

/**
 * The query parameters and path parameters of one read request, checked: each bad one is a 400
 * naming it. Unknown and repeated query parameters are refused too, as unknown JSON fields are:
 * a misspelt {@code asof} must not silently give today's balance.
 */
final class RequestParams {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    /** Query parameter values are short; a longer one is not a value of ours. */
    private static final int VALUE_LENGTH_MAX = 1_024;

    private final Context ctx;
    private final ZoneId zone;

    private RequestParams(Context ctx, ZoneId zone) {
        this.ctx = ctx;
        this.zone = zone;
    }

    /** The request's parameters, refusing any query parameter not in {@code allowed} or given twice. */
    static RequestParams of(Context ctx, ZoneId zone, Set<String> allowed) {
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            if (!allowed.contains(param.getKey())) {
                throw new InvalidRequestException(
                        param.getKey(),
                        "unknown query parameter '" + param.getKey()
                                + "'"
                                + (allowed.isEmpty()
                                        ? ": this endpoint takes none"
                                        : "; this endpoint takes "
                                                + String.join(
                                                        ", ",
                                                        allowed.stream()
                                                                .sorted()
                                                                .toList())));
            }
            if (param.getValue().size() > 1) {
                throw new InvalidRequestException(
                        param.getKey(),
                        "query parameter '" + param.getKey() + "' is given "
                                + param.getValue().size() + " times; give it once");
            }
        }
        return new RequestParams(ctx, zone);
    }

    /** A path parameter that is an id ({@code walletId}, {@code merchantId}, {@code paymentId}). */
    String id(String name) {
        String value = ctx.pathParam(name);
        if (!IdSyntax.isValid(value)) {
            throw new InvalidRequestException(name, name + " '" + shown(value) + "' must match " + IdSyntax.PATTERN);
        }
        return value;
    }

    /** The {@code eventId} path parameter: an id, or a settlement payout's longer one. */
    String eventId(String name) {
        String value = ctx.pathParam(name);
        try {
            return new EventId(value).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(
                    name,
                    name + " '" + shown(value) + "' must match " + IdSyntax.PATTERN
                            + " (or be a settlement payout id)");
        }
    }

    /** The {@code accountId} path parameter (URL-encoded in the path: {@code wallet%3Aw-1}). */
    AccountId account(String name) {
        String value = ctx.pathParam(name);
        if (!AccountId.isValid(value)) {
            throw new InvalidRequestException(
                    name,
                    name + " '" + shown(value) + "' must be wallet:{id}, merchant:{id}, "
                            + "partner:{id}, platform:fees, platform:card-clearing or platform:payouts");
        }
        return AccountId.parse(value);
    }

    /** A date path parameter, {@code YYYY-MM-DD}. */
    LocalDate pathDate(String name) {
        return date(name, ctx.pathParam(name));
    }

    /** An optional date query parameter, or null. */
    LocalDate queryDate(String name) {
        String value = query(name);
        return value == null ? null : date(name, value);
    }

    /**
     * An optional instant query parameter, or null: an ISO-8601 instant, or a date meaning the
     * business day in the settlement zone (its first millisecond, or its last when {@code endOfDay}).
     */
    Instant instant(String name, boolean endOfDay) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        if (DATE.matcher(value).matches()) {
            LocalDate day = date(name, value);
            Instant start = day.atStartOfDay(zone).toInstant();
            return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1) : start;
        }
        Instant parsed;
        try {
            parsed = Instant.parse(value);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(
                    name,
                    name + " '" + shown(value)
                            + "' must be an ISO-8601 instant (2026-11-27T10:15:30.123Z) or a date (YYYY-MM-DD)");
        }
        // Parsed is not usable: +1000000000-01-01T00:00:00Z is an Instant whose epoch milliseconds overflow a long.
        if (!TimeRange.contains(parsed)) {
            throw new InvalidRequestException(name, name + " '" + shown(value) + "' " + TimeRange.describeInstants());
        }
        return parsed;
    }

    /** An optional boolean query parameter, {@code true} or {@code false}, else {@code absent}. */
    boolean bool(String name, boolean absent) {
        String value = query(name);
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, name + " '" + shown(value) + "' must be true or false");
        };
    }

    /** An optional integer query parameter within {@code min..max}, else {@code absent}. */
    int integer(String name, int min, int max, int absent) {
        String value = query(name);
        if (value == null) {
            return absent;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    name, name + " '" + shown(value) + "' must be an integer " + min + ".." + max);
        }
        if (parsed < min || parsed > max) {
            throw new InvalidRequestException(name, name + " must be " + min + ".." + max + ", was " + parsed);
        }
        return (int) parsed;
    }

    /** An optional query parameter as given, or null when absent or empty ({@code ?from=&to=} leaves both open). */
    String query(String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > VALUE_LENGTH_MAX) {
            throw new InvalidRequestException(name, name + " is longer than " + VALUE_LENGTH_MAX + " characters");
        }
        return value;
    }

    private static LocalDate date(String name, String value) {
        if (!DATE.matcher(value).matches()) {
            throw new InvalidRequestException(name, name + " '" + shown(value) + "' must be a date YYYY-MM-DD");
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(value, STRICT_DATE);
        } catch (DateTimeException e) {
            throw new InvalidRequestException(name, name + " '" + value + "' is not a calendar date");
        }
        if (!TimeRange.contains(parsed)) {
            throw new InvalidRequestException(name, name + " '" + value + "' " + TimeRange.describeDates());
        }
        return parsed;
    }

    static String shown(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
