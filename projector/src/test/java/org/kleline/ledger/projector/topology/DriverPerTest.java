package org.kleline.ledger.projector.topology;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link ProjectorDriver} over a temporary state directory for each test, closed after it. */
abstract class DriverPerTest {

    @TempDir
    Path stateDir;

    ProjectorDriver driver;

    @BeforeEach
    void startDriver() {
        driver = new ProjectorDriver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }
}
