package org.attnlab.bench.cases;

import java.nio.file.Path;
import java.util.List;

/** One benchmark case: a name, what it measures, and how to build its workload. */
public interface BenchCase {
    /** Name used on the command line and in result tables, e.g. {@code mha-scaled_dot-fused}. */
    String name();

    /** One line: what a step is. */
    String description();

    /** Files the case reads (checked before a run starts). */
    default List<Path> inputs() {
        return List.of();
    }

    /** Builds the graph, the data and the step; the expensive set-up happens here, not in the step. */
    Workload prepare();
}
