package org.jiliang.lims.web.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.InstituteTime;

/**
 * Times on pages, one format: {@code #{time.of(entry.recordedAt())}} gives {@code 2026-12-04 09:44:02}, local time
 * of the institute. The bench's script formats the live reading's time in the same zone ({@link #getZone()}).
 */
@Named("time")
@ApplicationScoped
public class TimeView {

    public String of(Object time) {
        return InstituteTime.shown(time);
    }

    /** The institute's zone as the browser's Intl API names it, e.g. Asia/Shanghai. */
    public String getZone() {
        return ClockProducer.INSTITUTE_ZONE.getId();
    }
}
