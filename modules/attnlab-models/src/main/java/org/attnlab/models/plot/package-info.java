/**
 * PNG plots drawn with JFreeChart: {@link org.attnlab.models.plot.Heatmaps} for attention and position maps, and
 * for the maps of the gated and SE models, which need no wrapper:
 * <ul>
 *   <li>SE excitations: {@code Heatmaps.save(excitation, null, null, title, png)} with {@code excitation} [B, C]
 *       read from a name in {@code SeCnnClassifier.excitationNames(cfg)} (rows = examples, columns = channels);</li>
 *   <li>LSTM gates: {@code Heatmaps.save(gates, tokens, null, title, png)} with {@code gates} [T, hidden], one
 *       example's slice of a map in {@code LstmTagger.gateMapNames()}, and its T tokens as row labels.</li>
 * </ul>
 */
package org.attnlab.models.plot;
