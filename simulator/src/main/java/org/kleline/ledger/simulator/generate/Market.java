package org.kleline.ledger.simulator.generate;

import org.kleline.ledger.simulator.business.ActiveMerchants;
import org.kleline.ledger.simulator.business.Amounts;
import org.kleline.ledger.simulator.business.Chance;
import org.kleline.ledger.simulator.business.MerchantRoster;

/**
 * What the merchant, card and wallet flows of the simulated year share: the roster and who of it is
 * onboarded so far, the traffic's draws and the amounts drawn from them, where events go out and where
 * follow-ups wait, and the year's one currency.
 *
 * @param roster   every merchant of the year
 * @param active   the merchants onboarded so far
 * @param emitter  turns a payload into the next line
 * @param agenda   the follow-ups due later
 * @param chance   the traffic's draws
 * @param amounts  basket, top-up and refund amounts, drawn from {@code chance}
 * @param currency the ISO code every event carries
 */
record Market(
        MerchantRoster roster,
        ActiveMerchants active,
        Emitter emitter,
        Agenda agenda,
        Chance chance,
        Amounts amounts,
        String currency) {

    Market(
            MerchantRoster roster,
            ActiveMerchants active,
            Emitter emitter,
            Agenda agenda,
            Chance chance,
            String currency) {
        this(roster, active, emitter, agenda, chance, new Amounts(chance), currency);
    }
}
