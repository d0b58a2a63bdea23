/**
 * Encoder-decoder Transformer (Vaswani et al. 2017) in small pieces after the Annotated Transformer:
 * {@link org.attnlab.models.transformer.TransformerConfig} (one validated value per key),
 * {@link org.attnlab.models.transformer.SublayerConnection} (post-/pre-LN, residual on/off),
 * {@link org.attnlab.models.transformer.EncoderLayer}, {@link org.attnlab.models.transformer.DecoderLayer},
 * {@link org.attnlab.models.transformer.Encoder}, {@link org.attnlab.models.transformer.Decoder},
 * {@link org.attnlab.models.transformer.PositionalEncoding}, {@link org.attnlab.models.transformer.Embeddings},
 * the graph builder {@link org.attnlab.models.transformer.Transformer} and
 * {@link org.attnlab.models.transformer.GreedyDecoder}.
 *
 * <p>Graph names: placeholders {@code src}, {@code tgt_in}, {@code labels}; outputs {@code logits}, {@code probs},
 * {@code loss}; attention weights {@code enc/<i>/self/weights}, {@code dec/<i>/self/weights},
 * {@code dec/<i>/cross/weights} ({@code [B, H, Tq, Tk]}); parameters {@code <layer>/<sublayer>/...},
 * e.g. {@code enc/0/self/Wq}, {@code dec/1/ff/W1}, {@code enc/0/self/norm/gain}.
 * Dropout (sublayer outputs, embeddings + positions, attention weights; a rate per key) acts only in training steps
 * whose masks {@link org.attnlab.models.dropout.DropoutMasks} sets. Weights can be loaded by name or imported from a
 * PyTorch state dict ({@link org.attnlab.models.weights.TorchImport}).
 */
package org.attnlab.models.transformer;
