package org.kleline.ledger.query.reads;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import org.kleline.ledger.query.local.LocalRead;

/**
 * One read of the projector's stores that one instance answers from its own partitions. A read is
 * a small JSON value, so the instance that owns the partitions can be asked over HTTP exactly what
 * the local code would have run; its answer ({@link #resultType}) is JSON too.
 *
 * @param <R> what the read answers
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "read")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OutcomeRead.class, name = "outcome"),
    @JsonSubTypes.Type(value = KeyedOutcomeRead.class, name = "keyed-outcome"),
    @JsonSubTypes.Type(value = WalletRead.class, name = "wallet"),
    @JsonSubTypes.Type(value = CardPaymentRead.class, name = "card-payment"),
    @JsonSubTypes.Type(value = MerchantRead.class, name = "merchant"),
    @JsonSubTypes.Type(value = AccountBalancesRead.class, name = "account-balances"),
    @JsonSubTypes.Type(value = StatementRead.class, name = "statement"),
    @JsonSubTypes.Type(value = TrialBalanceRead.class, name = "trial-balance"),
    @JsonSubTypes.Type(value = SettlementsOnRead.class, name = "settlements-on"),
    @JsonSubTypes.Type(value = MerchantSettlementsRead.class, name = "merchant-settlements"),
    @JsonSubTypes.Type(value = OutcomesRead.class, name = "outcomes"),
    @JsonSubTypes.Type(value = SettlementSummaryRead.class, name = "settlement-summary"),
    @JsonSubTypes.Type(value = MerchantsRead.class, name = "merchants")
})
public sealed interface ViewRead<R> extends LocalRead<R> permits KeyRead, PartitionRead {

    /** The store whose partitioning decides where this read is answered: the one its {@link AnsweredFrom} names. */
    default String store() {
        return getClass().getAnnotation(AnsweredFrom.class).value();
    }

    /**
     * The answer's type, to read it back from JSON: the {@code R} each read declares where it names
     * its kind ({@code implements KeyRead<WalletBody>}), so no read states it a second time.
     */
    default JavaType resultType(TypeFactory types) {
        return types.constructType(getClass()).findTypeParameters(ViewRead.class)[0];
    }
}
