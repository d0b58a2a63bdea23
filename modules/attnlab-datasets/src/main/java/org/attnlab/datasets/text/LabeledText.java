package org.attnlab.datasets.text;

/** A text with its class id. */
public record LabeledText(String text, int label) {
}
