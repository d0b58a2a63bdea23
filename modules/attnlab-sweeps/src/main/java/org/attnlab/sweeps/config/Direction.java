package org.attnlab.sweeps.config;

/** Whether the objective metric is minimised or maximised. */
public enum Direction {
    MIN, MAX;

    /** True when {@code a} is strictly better than {@code b} in this direction. */
    public boolean better(double a, double b) {
        return this == MIN ? a < b : a > b;
    }
}
