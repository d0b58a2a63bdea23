package org.attnlab.experiments.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.nio.file.Path;
import org.attnlab.config.BindingFailures;
import org.attnlab.config.KeyPaths;
import org.attnlab.config.LineIndex;

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
                lines.nearestLine(key), reason);
    }

    /** Translates a failure to bind the node at {@code section}. */
    ConfigException translate(JsonMappingException e, String section, String variant) {
        String key = KeyPaths.child(section, KeyPaths.of(e));
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigValueException c) {
            return at(KeyPaths.child(key, c.key()), variant, c.getMessage());
        }
        return at(key, variant, BindingFailures.reason(e));
    }
}
