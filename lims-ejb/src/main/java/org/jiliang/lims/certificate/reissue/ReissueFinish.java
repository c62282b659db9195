package org.jiliang.lims.certificate.reissue;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The job's last step: the run is done when its selection has nothing left to do. */
@Dependent // a bean-defining annotation: one instance per step (and partition)
@Named("reissueFinish")
public class ReissueFinish extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String run;
    @Inject
    private ReissueWorker worker;

    @Override
    public String process() {
        worker.finishIfDone(Long.parseLong(run));
        return "COMPLETED";
    }
}
