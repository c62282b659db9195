package org.jiliang.lims.platform.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 14: a job may now have several certificates — the original and its corrected revisions — so the unique
 * constraint the baseline put on {@code certificate.job_id} goes. The baseline left it unnamed, and H2 and
 * PostgreSQL name it differently; both describe it in {@code information_schema}, which is read here to drop it by
 * the name the database gave it. An ordinary index on the column keeps "the certificates of a job" fast.
 */
public class V040__Certificate_revisions_share_their_job extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement unique = connection.prepareStatement(
                "select tc.constraint_name from information_schema.table_constraints tc"
                        + " join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name"
                        + " and k.table_name = tc.table_name"
                        + " where lower(tc.table_name) = 'certificate' and tc.constraint_type = 'UNIQUE'"
                        + " and lower(k.column_name) = 'job_id'");
                ResultSet rows = unique.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        if (names.size() != 1) {
            throw new SQLException("Expected one unique constraint on certificate.job_id, found " + names);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table certificate drop constraint \"" + names.get(0).replace("\"", "") + "\"");
            statement.execute("create index certificate_job on certificate (job_id)");
        }
    }
}
