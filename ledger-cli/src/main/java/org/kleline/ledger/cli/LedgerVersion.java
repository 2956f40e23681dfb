package org.kleline.ledger.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into ledger.jar's manifest at packaging time. */
final class LedgerVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = LedgerVersion.class.getPackage().getImplementationVersion();
        return new String[] {"Kleline Ledger " + (version == null ? "(development build)" : version)};
    }
}
