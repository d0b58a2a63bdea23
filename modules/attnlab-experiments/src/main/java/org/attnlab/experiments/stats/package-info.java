/**
 * Statistics over seeds for experiment reports: intervals that respect a metric's range ({@link Scale},
 * {@link SeedInterval}), paired and unpaired tests between variants ({@link PairedTest}, {@link WelchTest}),
 * Holm's correction across a report's comparisons ({@link Holm}) and what a comparison could detect ({@link Power}).
 */
package org.attnlab.experiments.stats;
