package org.kleline.ledger.simulator.business;

import java.util.ArrayList;
import java.util.List;

/**
 * French merchant-site names of the time ("Librairie du Marais", "Presse Rive Gauche en ligne"),
 * each with its trade: the content trades (press, games, music...) were K-Wallet's first merchants.
 */
final class MerchantNames {

    /** A name and whether its trade sells micropayment-sized content. */
    public record MerchantName(String name, boolean contentTrade) {}

    private static final String[] GOODS_TRADES = {
        "Librairie",
        "Disquaire",
        "Cave",
        "Voyages",
        "Informatique",
        "Jouets",
        "Fleurs",
        "Mode",
        "Gastronomie",
        "Sport",
        "Bijouterie",
        "Maison",
    };
    private static final String[] CONTENT_TRADES = {
        "Presse", "Jeux", "Musique", "Cinéma", "Photo", "Horoscope", "Annonces", "Logiciels",
    };
    private static final String[] PLACES = {
        "du Marais",
        "de Provence",
        "Saint-Germain",
        "de Bretagne",
        "Lumière",
        "Montmartre",
        "Rive Gauche",
        "des Alpes",
        "Atlantique",
        "de Lyon",
        "de Bordeaux",
        "d'Alsace",
        "du Sud",
        "Bastille",
        "Opéra",
        "Riviera",
    };
    private static final String[] SUFFIXES = {"", " en ligne", ".com"};

    private final List<MerchantName> shuffled;

    public MerchantNames(Chance chance) {
        List<MerchantName> all = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            for (String place : PLACES) {
                for (String trade : GOODS_TRADES) {
                    all.add(new MerchantName(trade + " " + place + suffix, false));
                }
                for (String trade : CONTENT_TRADES) {
                    all.add(new MerchantName(trade + " " + place + suffix, true));
                }
            }
        }
        for (int i = all.size() - 1; i > 0; i--) {
            int j = chance.random().nextInt(i + 1);
            MerchantName swapped = all.get(i);
            all.set(i, all.get(j));
            all.set(j, swapped);
        }
        this.shuffled = List.copyOf(all);
    }

    /** The name of the {@code index}-th merchant; past the list's end names repeat with a number. */
    public MerchantName name(int index) {
        MerchantName base = shuffled.get(index % shuffled.size());
        int round = index / shuffled.size();
        return round == 0 ? base : new MerchantName(base.name() + " " + (round + 1), base.contentTrade());
    }
}
