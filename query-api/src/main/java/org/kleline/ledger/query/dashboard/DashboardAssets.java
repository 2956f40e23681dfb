package org.kleline.ledger.query.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of the settlement dashboard, all from the class path: the page, its script and style
 * (this package's resources) and uPlot, the chart library, from its Maven Central webjar. A fixed
 * list: a name not in it is no file.
 */
public final class DashboardAssets {

    /** One file: where it is on the class path and its media type. */
    public record Asset(String resource, String mediaType) {}

    private static final String OWN = "/org/kleline/ledger/query/dashboard/";

    private final Map<String, Asset> byName;

    private DashboardAssets(Map<String, Asset> byName) {
        this.byName = byName;
    }

    /** The dashboard's files, uPlot's at the version of its webjar on the class path. */
    public static DashboardAssets onClassPath() {
        String uplot = "/META-INF/resources/webjars/uplot/" + webjarVersion("uplot.version") + "/dist/";
        return new DashboardAssets(Map.of(
                "index.html", new Asset(OWN + "index.html", "text/html; charset=utf-8"),
                "dashboard.js", new Asset(OWN + "dashboard.js", "text/javascript; charset=utf-8"),
                "dashboard.css", new Asset(OWN + "dashboard.css", "text/css; charset=utf-8"),
                "uPlot.iife.min.js", new Asset(uplot + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                "uPlot.min.css", new Asset(uplot + "uPlot.min.css", "text/css; charset=utf-8")));
    }

    /** The file of that name, if the dashboard has one. */
    public Optional<Asset> asset(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The bytes of a file of this list. */
    public byte[] bytes(Asset asset) {
        try (InputStream in = DashboardAssets.class.getResourceAsStream(asset.resource())) {
            if (in == null) {
                throw new IllegalStateException(
                        "the dashboard's file " + asset.resource() + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion(String key) {
        Properties versions = new Properties();
        try (InputStream in = DashboardAssets.class.getResourceAsStream(OWN + "webjars.properties")) {
            if (in == null) {
                throw new IllegalStateException("no " + OWN + "webjars.properties on the class path");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions.getProperty(key);
    }
}
