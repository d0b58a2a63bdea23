package org.attnlab.experiments.report;

/** Renders a {@link Report} or a {@link Table} as GitHub Markdown. */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    /** The whole report. */
    public static String render(Report r) {
        StringBuilder b = new StringBuilder("# ").append(r.title()).append("\n\n");
        r.notes().forEach(n -> b.append(n).append("\n\n"));
        r.tables().forEach(t -> {
            b.append("## ").append(t.title()).append("\n\n").append(table(t)).append('\n');
            t.notes().forEach(n -> b.append(n).append("\n\n"));
        });
        if (!r.figures().isEmpty()) {
            b.append("## Figures\n\n");
            r.figures().forEach(f -> b.append("![").append(f.caption()).append("](").append(f.file()).append(")\n\n")
                    .append('*').append(f.caption()).append("*\n\n"));
        }
        if (!r.methods().isEmpty()) {
            b.append("## Methods\n\n");
            r.methods().forEach(m -> b.append(m).append("\n\n"));
        }
        return b.toString();
    }

    /** One table (no title). */
    public static String table(Table t) {
        StringBuilder b = new StringBuilder();
        row(b, t.headers());
        b.append('|');
        t.headers().forEach(h -> b.append("---|"));
        b.append('\n');
        t.rows().forEach(r -> row(b, r));
        return b.toString();
    }

    private static void row(StringBuilder b, java.util.List<String> cells) {
        b.append('|');
        cells.forEach(c -> b.append(' ').append(c.replace("|", "\\|")).append(" |"));
        b.append('\n');
    }
}
