package org.jiliang.lims.bench;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * One page of a device's frames in ascending id order; {@code next} is the id to pass as {@code after}
 * for the following page, null when this page is the last one.
 */
@JsonbNillable // "next": null, "value": null: every field is there, absent or not
public record FramePage(String device, List<FrameView> frames, Long next) {
}
