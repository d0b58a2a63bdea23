package org.attnlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTest {
    private static final String DOC = """
            name: quick
            training:
              batch_size: 32
              steps: 100
            seeds: [1, 2]
            variants:
              dot:
                model: {score: dot}
            """;

    private static YamlException refused(String text) {
        return assertThrows(YamlException.class, () -> Yaml.parse(text));
    }

    @Test
    void indexesTheLineOfEveryKeyPathAndListItem() {
        LineIndex lines = Yaml.parse(DOC).lines();
        assertEquals(1, lines.line("name"));
        assertEquals(2, lines.line("training"));
        assertEquals(4, lines.line("training.steps"));
        assertEquals(5, lines.line("seeds[1]"));
        assertEquals(8, lines.line("variants.dot.model.score"));
        assertFalse(lines.has("training.learning_rate"));
        assertEquals(-1, lines.line("training.learning_rate"));
    }

    @Test
    void aMissingKeyIsPlacedAtItsNearestParent() {
        LineIndex lines = Yaml.parse(DOC).lines();
        assertEquals(2, lines.nearestLine("training.learning_rate"));
        assertEquals(7, lines.nearestLine("variants.dot.training.steps"));
        assertEquals(1, lines.nearestLine("report.compare"), "the document's own line");
    }

    @Test
    void refusesADuplicateKeyAtItsLine() {
        YamlException e = refused("name: a\nseeds: [1]\nname: b\n");
        assertTrue(e.reason().contains("Duplicate field 'name'"), e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void refusesADuplicateKeyInANestedMapping() {
        YamlException e = refused("training:\n  steps: 1\n  steps: 2\n");
        assertTrue(e.reason().contains("Duplicate field 'steps'"), e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void refusesAnchorsAndAliases() {
        YamlException alias = refused("name: &n quick\nother: *n\n");
        assertTrue(alias.reason().contains("anchors and aliases"), alias.getMessage());
        assertEquals(2, alias.line());
        YamlException anchoredMapping = refused("base: &b {steps: 1}\n");
        assertTrue(anchoredMapping.reason().contains("anchors and aliases"), anchoredMapping.getMessage());
    }

    @Test
    void refusesASecondDocument() {
        YamlException e = refused("name: one\n---\nname: two\n");
        assertTrue(e.reason().contains("a second YAML document"), e.getMessage());
        assertEquals(3, e.line());
    }

    @Test
    void malformedYamlNamesItsLine() {
        YamlException e = refused("name: ok\nseeds: [1, 2\n");
        assertTrue(e.line() >= 2, e.getMessage());
        assertTrue(e.getMessage().endsWith("(line " + e.line() + ")"), e.getMessage());
    }

    /** A tab or a control character is reported at its own line, without the file's text. */
    @Test
    void tabsAndControlCharactersNameTheirOwnLine() {
        YamlException tab = refused("name: t\nseeds: [1]\n\tdataset: {}\n");
        assertEquals(3, tab.line(), tab.getMessage());
        assertTrue(tab.reason().contains("TAB") && !tab.reason().contains("dataset"), tab.getMessage());
        YamlException control = refused("name: t\nmodel: {score: do\u0001t}\n");
        assertEquals(2, control.line(), control.getMessage());
        assertEquals("a character YAML does not allow (U+0001)", control.reason());
        YamlException unclosed = refused("a: 1\nb: [x, \"secret\n");
        assertFalse(unclosed.getMessage().contains("secret"), unclosed.getMessage());
    }

    /** YAML's not-a-number and infinity literals are refused as such, at their line. */
    @Test
    void nanAndInfinityAreNotNumbersHere() {
        YamlException nan = refused("name: t\nlearning_rate: .nan\n");
        assertEquals("not a finite number ('.nan'): give a number", nan.reason());
        assertEquals(2, nan.line());
        assertEquals("not a finite number ('-.inf'): give a number", refused("a: -.inf\n").reason());
    }

    @Test
    void tellsEmptyAndNonMappingDocumentsApart() {
        assertTrue(Yaml.parse("# only a comment\n").isEmpty());
        YamlDocument list = Yaml.parse("- a\n- b\n");
        assertFalse(list.isEmpty());
        assertFalse(list.isMapping());
        assertTrue(Yaml.parse(DOC).isMapping());
    }

    record Training(int batchSize, int steps) {
    }

    record File(String name, Training training, List<Long> seeds) {
    }

    @Test
    void bindsSnakeCaseKeysToRecordComponents() {
        File f = Yaml.parse("name: q\ntraining: {batch_size: 8, steps: 2}\nseeds: [3]\n").bind(File.class);
        assertEquals(new File("q", new Training(8, 2), List.of(3L)), f);
    }

    @Test
    void aBindingErrorNamesTheKeyPathTheReasonAndTheLine() {
        YamlException unknown = assertThrows(YamlException.class, () -> Yaml.parse(
                "name: q\ntraining:\n  batch_size: 8\n  steps: 2\n  stepz: 2\nseeds: [3]\n").bind(File.class));
        assertEquals("training.stepz", unknown.keyPath());
        assertEquals(5, unknown.line());
        assertTrue(unknown.reason().startsWith("unknown key; valid keys: batch_size, steps"), unknown.getMessage());

        YamlException type = assertThrows(YamlException.class, () -> Yaml.parse(
                "name: q\ntraining: {batch_size: 8.5, steps: 2}\nseeds: [3]\n").bind(File.class));
        assertEquals("training.batch_size", type.keyPath());
        assertEquals(2, type.line());
        assertTrue(type.reason().contains("expected an integer") || type.reason().contains("int"), type.getMessage());
    }

    @Test
    void writesATreeBackAsYamlThatReadsTheSame() {
        YamlDocument doc = Yaml.parse(DOC);
        assertEquals(doc.tree(), Yaml.parse(Yaml.write(doc.tree())).tree());
        assertFalse(Yaml.write(doc.tree()).startsWith("---"), "no document start marker");
    }
}
