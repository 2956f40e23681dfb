package org.kleline.ledger.simulator.generate;

import java.util.Objects;
import org.kleline.ledger.events.CardPaymentCaptured;
import org.kleline.ledger.events.EventEnvelope;
import org.kleline.ledger.events.MicropaymentRequested;

/**
 * One line of the simulated year: the event as the bulk API would append it, the outcome the
 * ledger will give it, and, for a deliberately bad line, how it is broken.
 *
 * @param envelope the event; for a {@link Defect#ZERO_AMOUNT}, {@link Defect#INVALID_EVENT_ID} or
 *                 {@link Defect#UNKNOWN_CURRENCY} line it holds the bad value
 * @param expected the outcome the ledger will give it; {@link ExpectedOutcome#REFUSED} exactly
 *                 when {@code defect} is present
 * @param defect   {@link Defect#NONE} for a good line
 */
public record SimulatedEvent(EventEnvelope envelope, ExpectedOutcome expected, Defect defect) {

    public SimulatedEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(defect, "defect");
        if ((expected == ExpectedOutcome.REFUSED) != defect.isPresent()) {
            throw new IllegalArgumentException(
                    "a defect goes with REFUSED and only with it: " + expected + ", " + defect);
        }
    }

    /** Whether the bulk API must refuse this line (it is broken on purpose). */
    public boolean refusalExpected() {
        return defect.isPresent();
    }

    /**
     * Whether this line is one of the year's transactions: an accepted capture or an accepted
     * micropayment, i.e. one unit of a settlement row's {@code count}.
     */
    public boolean isTransaction() {
        Object payload = envelope.getPayload();
        return expected == ExpectedOutcome.ACCEPTED
                && (payload instanceof CardPaymentCaptured || payload instanceof MicropaymentRequested);
    }

    public long occurredAtMs() {
        return envelope.getOccurredAt().toEpochMilli();
    }
}
