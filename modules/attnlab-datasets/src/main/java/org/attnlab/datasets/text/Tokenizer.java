package org.attnlab.datasets.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lower-cases text and splits it into words (letters, with inner apostrophes), numbers and single punctuation marks. */
public final class Tokenizer {

    private static final Pattern TOKEN = Pattern.compile("\\p{L}+(?:['\u2019]\\p{L}+)*|\\p{N}+|[^\\s\\p{L}\\p{N}]");

    private Tokenizer() {
    }

    /** Tokens of {@code text} in order. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
