package org.kleline.ledger.model.merchant;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Every merchant's states by the offset, on the merchant's partition of {@code ledger.events}, of
 * the event that made each: what the cross-key rule asks of a merchant is its state below a bound
 * ({@link org.kleline.ledger.model.event.LogPosition#boundFor}), not its latest state, so that a
 * merchant event appended after a payment never acts on it, however early it is read.
 *
 * <p>One writer (offsets increase per merchant, in log order); readers may run on other threads when
 * the map given is concurrent: a merchant's versions are replaced whole, never changed.
 */
public final class MerchantHistory {

    private final Map<String, Versions> byMerchant;

    /** @param byMerchant an empty map: a HashMap for one thread, a ConcurrentHashMap for readers on others */
    public MerchantHistory(Map<String, Versions> byMerchant) {
        if (!byMerchant.isEmpty()) {
            throw new IllegalArgumentException("the history starts empty");
        }
        this.byMerchant = byMerchant;
    }

    /**
     * Records that the event at {@code offset} made {@code state} the merchant's state.
     *
     * @throws IllegalArgumentException when {@code offset} is not after the merchant's last one
     */
    public void record(String merchantId, long offset, MerchantState state) {
        Versions versions = byMerchant.get(merchantId);
        byMerchant.put(merchantId, versions == null ? Versions.first(offset, state) : versions.with(offset, state));
    }

    /** The merchant's state made by its last accepted event below {@code bound}; empty when none. */
    public Optional<MerchantState> below(String merchantId, long bound) {
        Versions versions = byMerchant.get(merchantId);
        return versions == null ? Optional.empty() : versions.below(bound);
    }

    public int merchants() {
        return byMerchant.size();
    }

    /** One merchant's states, in offset order; immutable. */
    public static final class Versions {
        private final long[] offsets;
        private final MerchantState[] states;

        private Versions(long[] offsets, MerchantState[] states) {
            this.offsets = offsets;
            this.states = states;
        }

        static Versions first(long offset, MerchantState state) {
            return new Versions(new long[] {offset}, new MerchantState[] {state});
        }

        Versions with(long offset, MerchantState state) {
            long last = offsets[offsets.length - 1];
            if (offset <= last) {
                throw new IllegalArgumentException("merchant " + state.merchantId() + ": a state at offset " + offset
                        + " recorded after one at " + last + "; a merchant's events are applied in log order");
            }
            long[] nextOffsets = Arrays.copyOf(offsets, offsets.length + 1);
            MerchantState[] nextStates = Arrays.copyOf(states, states.length + 1);
            nextOffsets[offsets.length] = offset;
            nextStates[states.length] = state;
            return new Versions(nextOffsets, nextStates);
        }

        Optional<MerchantState> below(long bound) {
            // The last offset < bound: binary search gives the insertion point of bound.
            int at = Arrays.binarySearch(offsets, bound);
            int index = (at >= 0 ? at : -at - 1) - 1;
            return index < 0 ? Optional.empty() : Optional.of(states[index]);
        }
    }
}
