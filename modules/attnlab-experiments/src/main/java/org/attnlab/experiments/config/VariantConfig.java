package org.attnlab.experiments.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attnlab.experiments.kinds.ModelSpec;

/**
 * One variant with the base settings and its overrides applied.
 *
 * @param name     variant name ({@code base} when the file has no variants)
 * @param dataset  dataset section
 * @param model    model kind and its settings
 * @param training training section
 * @param resolved the merged config tree (defaults, base, overrides) these records were read from, keys sorted
 */
public record VariantConfig(String name, DatasetConfig dataset, ModelSpec<?> model, TrainingSettings training,
                            ObjectNode resolved) {
}
