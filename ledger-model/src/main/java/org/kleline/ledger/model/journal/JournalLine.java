package org.kleline.ledger.model.journal;

import java.util.Objects;
import org.kleline.ledger.model.account.AccountId;
import org.kleline.ledger.model.money.CurrencyCode;

/**
 * One line of a journal entry: a signed amount on one account in one currency, credit
 * positive, debit negative. A zero posting does not exist: it is left out of the entry.
 *
 * @param account     the account moved
 * @param currency    the currency of the amount
 * @param amountMinor signed minor units, never zero
 */
public record JournalLine(AccountId account, CurrencyCode currency, long amountMinor) {

    public JournalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        if (amountMinor == 0) {
            throw new IllegalArgumentException("posting amount must not be zero (account " + account + ")");
        }
    }

    /** The posting as the journal and outcome topics carry it. */
    public org.kleline.ledger.journal.Posting toAvro() {
        return new org.kleline.ledger.journal.Posting(account.value(), currency.code(), amountMinor);
    }

    /**
     * Validates a posting read from a topic.
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static JournalLine fromAvro(org.kleline.ledger.journal.Posting avro) {
        return new JournalLine(
                AccountId.parse(avro.getAccount()), CurrencyCode.of(avro.getCurrency()), avro.getAmount());
    }
}
