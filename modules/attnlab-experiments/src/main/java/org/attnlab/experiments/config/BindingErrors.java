package org.attnlab.experiments.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.attnlab.datasets.io.Excerpt;
import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

/** Turns Jackson binding failures into {@link ConfigException}s that name the file, key path, line and reason. */
final class BindingErrors {
    private final Path file;
    private final LineIndex lines;

    BindingErrors(Path file, LineIndex lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * An error at {@code key} (a path within the merged variant) of {@code variant} (null for the file itself): placed
     * at the variant's override if it has one, else at the base key, else (a missing key) at the nearest parent.
     */
    ConfigException at(String key, String variant, String reason) {
        String own = variant == null ? key : KeyPaths.child("variants." + variant, key);
        if (lines.has(own)) {
            return new ConfigException(file, own, lines.line(own), reason);
        }
        if (lines.has(key)) {
            return new ConfigException(file, key, lines.line(key), reason);
        }
        return new ConfigException(file, variant == null ? key : key + " (variant " + variant + ")",
                nearestLine(key), reason);
    }

    /** Translates a failure to bind the node at {@code section}. */
    ConfigException translate(JsonMappingException e, String section, String variant) {
        String key = KeyPaths.child(section, KeyPaths.of(e));
        if (e instanceof UnrecognizedPropertyException u) {
            return at(key, variant, "unknown key; valid keys: " + sorted(u.getKnownPropertyIds()));
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigValueException c) {
            return at(KeyPaths.child(key, c.key()), variant, c.reason());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return at(key, variant, e.getCause().getMessage());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return at(key, variant, ConfigChecks.unknown(f.getValue(), enumNames(f.getTargetType())));
        }
        if (e instanceof InvalidFormatException f) {
            return at(key, variant, "expected " + describe(f.getTargetType()) + ", got '" + Excerpt.of(f.getValue()) + "'");
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return at(key, variant, "expected " + describe(mi.getTargetType()));
        }
        return at(key, variant, e.getOriginalMessage());
    }

    private int nearestLine(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            if (lines.has(p)) {
                return lines.line(p);
            }
        }
        return lines.line("");
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static String sorted(Collection<Object> ids) {
        return String.join(", ", new TreeSet<>(ids.stream().map(String::valueOf).toList()));
    }

    @SuppressWarnings("unchecked")
    private static String enumNames(Class<?> type) {
        return ConfigChecks.names((Class<? extends Enum<?>>) type);
    }

    private static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.getName().contains("ObjectNode") || type.isRecord()) {
            return "a mapping of keys to values";
        }
        return type.getSimpleName();
    }
}
