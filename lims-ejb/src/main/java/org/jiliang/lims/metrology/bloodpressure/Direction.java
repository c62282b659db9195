package org.jiliang.lims.metrology.bloodpressure;

/** Whether an indication point is read while the pressure rises or again on the way down (aneroid meters). */
public enum Direction {
    UP("↑"),
    DOWN("↓");

    private final String arrow;

    Direction(String arrow) {
        this.arrow = arrow;
    }

    public String arrow() {
        return arrow;
    }
}
