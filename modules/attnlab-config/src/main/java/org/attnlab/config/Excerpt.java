package org.attnlab.config;

/** A short, printable excerpt of a value read from a file, for error messages (never more than a few dozen chars). */
public final class Excerpt {
    /** Longest excerpt kept, in characters. */
    public static final int MAX = 40;

    private Excerpt() {
    }

    /** {@code value} with control characters as {@code ?}, cut to {@value #MAX} characters with an ellipsis. */
    public static String of(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX + 3));
        for (int i = 0; i < s.length() && b.length() < MAX; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return s.length() > MAX ? b + "..." : b.toString();
    }

    /** One line of at most {@code max} characters: line breaks and control characters become spaces. */
    public static String line(String text, int max) {
        String s = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }
}
