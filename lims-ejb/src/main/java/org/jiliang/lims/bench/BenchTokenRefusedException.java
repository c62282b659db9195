package org.jiliang.lims.bench;

import org.jiliang.lims.platform.RefusedException;

/** A bench agent's token is missing, unknown or revoked: the API answers 401, nothing is written. */
public class BenchTokenRefusedException extends RefusedException {

    public BenchTokenRefusedException() {
        super("error.agent.token");
    }
}
