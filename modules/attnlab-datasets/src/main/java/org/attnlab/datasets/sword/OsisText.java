package org.attnlab.datasets.sword;

import java.util.regex.Pattern;

/** Turns an OSIS-marked verse into plain text: drops notes and titles with their content, unwraps inline tags (such as {@code <w>}), turns other tags into spaces and decodes entities. */
public final class OsisText {

    private static final Pattern DROPPED = Pattern.compile("<(note|title)\\b[^>]*>.*?</\\1\\s*>", Pattern.DOTALL);
    private static final Pattern INLINE_TAG = Pattern.compile("</?(w|transChange|hi|seg|foreign|divineName|q|rdg)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private OsisText() {
    }

    /** Plain text of {@code osis}, whitespace collapsed and trimmed. */
    public static String plain(String osis) {
        String text = DROPPED.matcher(osis).replaceAll(" ");
        text = INLINE_TAG.matcher(text).replaceAll("");
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
