package org.attnlab.models.gating;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The sequence outputs of a {@link GatedLstm}, each [B, T, hidden] and named {@code <name>} plus the matching
 * suffix constant. Masked time steps read 0 in every map.
 */
public record LstmGateMaps(SDVariable hidden, SDVariable forgetGates, SDVariable inputGates,
                           SDVariable outputGates, SDVariable cellStates) {
    /** Suffix of the hidden states h_t. */
    public static final String HIDDEN = "/hidden";
    /** Suffix of the forget gate activations f_t. */
    public static final String FORGET_GATES = "/forget_gates";
    /** Suffix of the input gate activations i_t. */
    public static final String INPUT_GATES = "/input_gates";
    /** Suffix of the output gate activations o_t. */
    public static final String OUTPUT_GATES = "/output_gates";
    /** Suffix of the cell states c_t. */
    public static final String CELL_STATES = "/cell_states";
}
