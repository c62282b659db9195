package org.jiliang.lims.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jiliang.lims.platform.migration.V040__Certificate_revisions_share_their_job;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the latest versioned migration before anything else touches the
 * database. Hibernate never generates or alters the schema (persistence.xml).
 */
@Singleton
@Startup
@DependsOn("StartupChecks") // nothing touches the database of a server that may not start
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own work
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/LimsDS")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations())
                // what SQL alone cannot say portably; named here rather than found by scanning the deployment
                .javaMigrations(new V040__Certificate_revisions_share_their_job())
                .load()
                .migrate();
        // targetSchemaVersion is null when nothing had to be applied
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /**
     * The portable migrations, plus on PostgreSQL what only PostgreSQL can do (the audit trail's
     * append-only triggers): chosen by the database the data source actually reaches.
     */
    private String[] locations() {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgresql")
                    ? new String[] {"classpath:db/migration", "classpath:db/migration-postgresql"}
                    : new String[] {"classpath:db/migration"};
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the LIMS database to migrate it", e);
        }
    }
}
