package org.jiliang.lims.bench;

import java.util.List;

/**
 * One page of a device's frames in ascending id order; {@code next} is the id to pass as {@code after}
 * for the following page, null when this page is the last one.
 */
public record FramePage(String device, List<FrameView> frames, Long next) {
}
