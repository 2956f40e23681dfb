package org.kleline.ledger.projector.merchants;

import java.time.Instant;
import java.util.Optional;
import org.kleline.ledger.model.decision.MerchantTerms;

/**
 * Answers, for an event of another key (a micropayment, a card payment event), what its merchant
 * looks like at the event's time: {@link org.kleline.ledger.model.decision.DecisionContext#merchantTerms}.
 */
public interface MerchantDirectory {

    /** Empty only when no MerchantOnboarded of the merchant was accepted (in what is known by then). */
    Optional<MerchantTerms> termsAt(String merchantId, Instant at);
}
