package org.attnlab.datasets.text;

/** A source sentence and its translation, as plain text. */
public record SentencePair(String source, String target) {
}
