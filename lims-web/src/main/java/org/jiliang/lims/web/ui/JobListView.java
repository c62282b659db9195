package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.order.JobService;
import org.jiliang.lims.order.JobView;

@Named
@ViewScoped
public class JobListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private JobService jobs;

    private List<JobView> rows;

    public List<JobView> getRows() {
        if (rows == null) {
            rows = jobs.jobs();
        }
        return rows;
    }
}
