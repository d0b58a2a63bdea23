/**
 * Squeeze-and-excitation on NCHW feature maps: {@link org.attnlab.models.se.SeBlock},
 * {@link org.attnlab.models.se.SeResNetBlock} (with or without SE) and {@link org.attnlab.models.se.SeInceptionModule},
 * and the image classifier {@link org.attnlab.models.se.SeCnnClassifier} built from them. Each names its
 * channel excitation {@code [B, C]} ({@code <name>/excitation}, or {@code <name>/se/excitation} inside the larger
 * blocks) and its result {@code <name>/out}. Parameters take ND4J's default floating type
 * ({@link org.attnlab.models.init.ParamInit}); inputs must use the same type.
 */
package org.attnlab.models.se;
