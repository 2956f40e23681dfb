package org.kleline.ledger.simulator.business;

import java.util.Arrays;
import java.util.List;

/**
 * The merchants onboarded so far and a draw among them by traffic weight. A merchant becomes
 * drawable only once its MerchantOnboarded has been emitted, which is how every payment event
 * follows the onboarding of its merchant (the cross-key rule of docs/domain.md).
 *
 * <p>The cumulative weights are rebuilt lazily: merchants are activated in a burst at the start of
 * the year and a few times later, and draws far outnumber activations.
 */
public final class ActiveMerchants {

    private final List<MerchantProfile> profiles;
    private final boolean[] active;
    private final Draw all = new Draw();
    private final Draw wallet = new Draw();
    private boolean stale = true;

    public ActiveMerchants(List<MerchantProfile> profiles) {
        this.profiles = List.copyOf(profiles);
        this.active = new boolean[profiles.size()];
    }

    public void activate(int index) {
        active[index] = true;
        stale = true;
    }

    public boolean isActive(int index) {
        return active[index];
    }

    /** A merchant for a card payment, by weight. */
    public MerchantProfile drawForCard(Chance chance) {
        refresh();
        return all.draw(chance);
    }

    /** A merchant for a micropayment: one that takes K-Wallet, or any when none does yet. */
    public MerchantProfile drawForWallet(Chance chance) {
        refresh();
        return wallet.size > 0 ? wallet.draw(chance) : all.draw(chance);
    }

    private void refresh() {
        if (!stale) {
            return;
        }
        all.clear();
        wallet.clear();
        for (int m = 0; m < active.length; m++) {
            if (active[m]) {
                MerchantProfile profile = profiles.get(m);
                all.add(profile);
                if (profile.takesWallet()) {
                    wallet.add(profile);
                }
            }
        }
        stale = false;
    }

    private final class Draw {
        private int[] indices = new int[16];
        private long[] cumulative = new long[16];
        private int size;

        void clear() {
            size = 0;
        }

        void add(MerchantProfile profile) {
            if (size == indices.length) {
                indices = Arrays.copyOf(indices, size * 2);
                cumulative = Arrays.copyOf(cumulative, size * 2);
            }
            indices[size] = profile.index();
            cumulative[size] = (size == 0 ? 0 : cumulative[size - 1]) + profile.weight();
            size++;
        }

        MerchantProfile draw(Chance chance) {
            if (size == 0) {
                throw new IllegalStateException("no merchant is onboarded yet");
            }
            long drawn = chance.random().nextLong(cumulative[size - 1]);
            int found = Arrays.binarySearch(cumulative, 0, size, drawn);
            // cumulative[i] is the exclusive upper bound of merchant i's share.
            int slot = found >= 0 ? found + 1 : -found - 1;
            return profiles.get(indices[slot]);
        }
    }
}
