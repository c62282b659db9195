package org.jiliang.lims.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.jiliang.lims.integrity.IntegrityRecords;

/** The public list of traders in good standing (诚信计量): read once per request, no login. */
@Named
@RequestScoped
public class PublicIntegrityView {

    @Inject
    private IntegrityRecords records;

    private List<IntegrityRecords.PublicEntry> entries;

    public List<IntegrityRecords.PublicEntry> getEntries() {
        if (entries == null) {
            entries = records.goodStanding();
        }
        return entries;
    }
}
