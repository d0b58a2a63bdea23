package org.attnlab.experiments.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated experiment file.
 *
 * @param name     experiment name (results go to {@code results/<name>/})
 * @param source   the YAML file
 * @param seeds    seeds; every variant runs once per seed
 * @param variants variants in file order
 * @param report   how reports compare the variants
 */
public record ExperimentConfig(String name, Path source, List<Long> seeds, List<VariantConfig> variants,
                               ReportSettings report) {
}
