package org.kleline.ledger.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import org.kleline.ledger.embedded.registry.RegistryHttp.Response;

/** The registry calls the other packages' tests need, each failing loudly on an unexpected answer. */
public final class RegistryTestAccess {

    private final RegistryHttp http;

    public RegistryTestAccess(String url) {
        this.http = new RegistryHttp(url);
    }

    /** As the process that runs the registry: with its owner secret, which compatibility changes need. */
    public RegistryTestAccess(String url, String ownerSecret) {
        this.http = new RegistryHttp(url, ownerSecret);
    }

    public int register(String subject, String schema) {
        return http.register(subject, schema);
    }

    public String schemaById(int id) {
        return ok(http.get("/schemas/ids/" + id)).body().path("schema").asText();
    }

    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        ok(http.get("/subjects/" + subject + "/versions")).body().forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** The global id of a version ({@code 1}, {@code 2}, ... or {@code latest}) of a subject. */
    public int idOfVersion(String subject, String version) {
        return ok(http.get("/subjects/" + subject + "/versions/" + version))
                .body()
                .path("id")
                .asInt();
    }

    public int lookUpId(String subject, String schema) {
        return ok(http.post("/subjects/" + subject, RegistryHttp.schemaBody(schema)))
                .body()
                .path("id")
                .asInt();
    }

    public void setLevel(String subject, String level) {
        ok(http.put("/config/" + subject, RegistryHttp.compatibilityBody(level)));
    }

    public String level(String subject) {
        return ok(http.get("/config/" + subject))
                .body()
                .path("compatibilityLevel")
                .asText();
    }

    public int status(String path) {
        return http.get(path).status();
    }

    private static Response ok(Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("the registry answered " + response);
        }
        return response;
    }
}
