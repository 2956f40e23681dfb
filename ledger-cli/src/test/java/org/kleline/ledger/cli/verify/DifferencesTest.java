package org.kleline.ledger.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DifferencesTest {

    @Test
    void differencesFoundApartAreCountedWholeAndNamedAfterTheFirstOnesUpToTwenty() {
        Differences views = new Differences();
        for (int i = 0; i < 15; i++) {
            views.add("outcomes", "event e-" + i);
        }
        Differences topics = new Differences();
        for (int i = 0; i < 8; i++) {
            topics.add("journal", "entry j-" + i);
        }
        topics.add("outcomes topic", "event t-0");

        views.addAll(topics);

        assertThat(views.count()).isEqualTo(24);
        assertThat(views.count("outcomes")).isEqualTo(15);
        assertThat(views.count("journal")).isEqualTo(8);
        assertThat(views.count("outcomes topic")).isEqualTo(1);
        assertThat(views.first()).hasSize(Differences.SHOWN_MAX);
        assertThat(views.first().get(14)).isEqualTo("outcomes: event e-14");
        assertThat(views.first().get(15)).isEqualTo("journal: entry j-0");
        assertThat(views.first().get(19)).isEqualTo("journal: entry j-4");
    }
}
