package org.attnlab.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Says in a user's words why a YAML tree did not bind to a record ({@link KeyPaths#of} says where). */
public final class BindingFailures {
    private BindingFailures() {
    }

    /** The reason of {@code e}: an unknown key with the valid ones, a wrong type, or the record's own refusal. */
    public static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key; valid keys: " + sorted(u.getKnownPropertyIds());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + describe(f.getTargetType()) + ", got '" + Excerpt.of(f.getValue()) + "'";
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return "expected " + describe(mi.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String sorted(Collection<Object> ids) {
        return String.join(", ", new TreeSet<>(ids.stream().map(String::valueOf).toList()));
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
