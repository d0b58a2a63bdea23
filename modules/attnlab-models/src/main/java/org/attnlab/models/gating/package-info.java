/**
 * Recurrent gates read as attention maps: {@link org.attnlab.models.gating.GatedLstm} builds an LSTM whose gate
 * activations are named graph outputs ({@code <name>/forget_gates}, {@code /input_gates}, {@code /output_gates},
 * {@code /cell_states}, {@code /hidden}); {@link org.attnlab.models.gating.LstmTagger} puts it between token embeddings
 * and a per-step softmax. Parameters take ND4J's default floating type
 * ({@link org.attnlab.models.init.ParamInit}); inputs must use the same type.
 */
package org.attnlab.models.gating;
