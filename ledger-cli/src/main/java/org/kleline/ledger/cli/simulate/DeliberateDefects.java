package org.kleline.ledger.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.kleline.ledger.model.id.IdSyntax;
import org.kleline.ledger.model.money.CurrencyCode;
import org.kleline.ledger.simulator.generate.Defect;

/**
 * Tells the lines a simulated year breaks on purpose ({@link Defect}) from the others, in a file
 * written by {@code ledger simulate --out}: the file does not mark them, and a loader must know a
 * 400 it expects (such a line is sent alone, and its refusal counted) from one it does not (which
 * stops the load). Each defect is recognised by what makes the API refuse it, not by the simulator's
 * exact values.
 */
final class DeliberateDefects {

    /** The fields a zero breaks: requested amounts and a wallet's maxBalance are 1..1e12. */
    private static final List<String> AMOUNT_FIELDS = List.of("amount", "maxBalance");

    private DeliberateDefects() {}

    static Optional<Defect> recognise(JsonNode line) {
        if (line == null || !line.isObject()) {
            return Optional.empty();
        }
        if (line.has(Defect.UNKNOWN_FIELD_NAME)) {
            return Optional.of(Defect.UNKNOWN_FIELD);
        }
        JsonNode eventId = line.get("eventId");
        if (eventId != null && eventId.isTextual() && !IdSyntax.isValid(eventId.asText())) {
            return Optional.of(Defect.INVALID_EVENT_ID);
        }
        for (String field : AMOUNT_FIELDS) {
            JsonNode amount = line.get(field);
            if (amount != null && amount.isIntegralNumber() && amount.asLong() == 0) {
                return Optional.of(Defect.ZERO_AMOUNT);
            }
        }
        JsonNode currency = line.get("currency");
        if (currency != null && currency.isTextual() && !CurrencyCode.isValid(currency.asText())) {
            return Optional.of(Defect.UNKNOWN_CURRENCY);
        }
        return Optional.empty();
    }
}
