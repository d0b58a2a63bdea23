package org.attnlab.experiments.report;

import java.util.List;

/** Renders a {@link Report} as a standalone HTML page. */
public final class HtmlRenderer {
    private HtmlRenderer() {
    }

    /** The whole report. */
    public static String render(Report r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(esc(r.title())).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:72em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:4px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}</style></head><body>\n")
                .append("<h1>").append(esc(r.title())).append("</h1>\n");
        r.notes().forEach(n -> paragraph(b, n));
        for (Table t : r.tables()) {
            b.append("<h2>").append(esc(t.title())).append("</h2>\n<table>\n");
            row(b, "th", t.headers());
            t.rows().forEach(cells -> row(b, "td", cells));
            b.append("</table>\n");
            t.notes().forEach(n -> paragraph(b, n));
        }
        if (!r.figures().isEmpty()) {
            b.append("<h2>Figures</h2>\n");
            r.figures().forEach(f -> b.append("<figure><img src=\"").append(esc(f.file())).append("\" alt=\"")
                    .append(esc(f.caption())).append("\"><figcaption>").append(esc(f.caption()))
                    .append("</figcaption></figure>\n"));
        }
        if (!r.methods().isEmpty()) {
            b.append("<h2>Methods</h2>\n");
            r.methods().forEach(m -> paragraph(b, m));
        }
        return b.append("</body></html>\n").toString();
    }

    /** A paragraph; Markdown's {@code **bold**} and {@code `code`} become tags. */
    private static void paragraph(StringBuilder b, String text) {
        b.append("<p>").append(esc(text).replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>")
                .replaceAll("`([^`]+)`", "<code>$1</code>")).append("</p>\n");
    }

    private static void row(StringBuilder b, String tag, List<String> cells) {
        b.append("<tr>");
        cells.forEach(c -> b.append('<').append(tag).append('>').append(esc(c)).append("</").append(tag).append('>'));
        b.append("</tr>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
