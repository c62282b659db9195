package org.jiliang.lims.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A direct connection to the database the server under test uses, to play the part of
 * someone who edits rows behind the application's back: PostgreSQL when LIMS_DB_* is set
 * (as in CI), otherwise the embedded H2 file, which the server opens with AUTO_SERVER.
 */
final class ServerDatabase {

    private ServerDatabase() {
    }

    static Connection connect() throws SQLException {
        String url = System.getenv("LIMS_DB_URL");
        if (url != null && !url.isBlank()) {
            return DriverManager.getConnection(url, System.getenv("LIMS_DB_USER"), System.getenv("LIMS_DB_PASSWORD"));
        }
        Path dir = Path.of(System.getProperty("it.dataDir", "target/it-data")).toAbsolutePath();
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("lims-db") + ";AUTO_SERVER=TRUE", "sa", "sa");
    }
}
