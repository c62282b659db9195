package org.jiliang.lims.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect: the first audit entry said JJG 539-2016 applied from 2017-05-01 while its record said 2017-05-30.
 * Every procedure edition the demo creates is audited from its record (code @ date of effect, as the procedure
 * service audits one), so the trail and the register state the same date.
 */
class DemoEditionsAuditIT {

    @Test
    void everyDemoEditionIsAuditedWithTheDateOfEffectItsRecordStates() throws Exception {
        Set<String> editions = LimsApi.as("technician").get("/api/v1/procedures").array().stream()
                .map(JsonObject.class::cast).map(e -> e.getString("code") + " @ " + e.getString("effectiveFrom"))
                .collect(Collectors.toSet());
        Map<String, String> audited = new LinkedHashMap<>();
        try (Connection db = ServerDatabase.connect();
             PreparedStatement q = db.prepareStatement("select record_id, new_value from audit_entry"
                     + " where action = 'procedure.created' and actor = 'system (demo data)' order by sequence")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    audited.put(rs.getString(1), rs.getString(2));
                }
            }
        }

        assertThat(audited).as("the demo's eight editions").hasSize(8);
        assertThat(audited.keySet()).as("each names an edition of the register, by code and date of effect")
                .allSatisfy(id -> assertThat(editions).contains(id));
        assertThat(audited).containsKey("JJG 539-2016 @ 2017-05-30").containsKey("JJF 1070-2023 @ 2024-10-12");
        audited.forEach((id, value) -> assertThat(value).as(id)
                .contains("from " + id.substring(id.indexOf(" @ ") + 3)));
    }
}
