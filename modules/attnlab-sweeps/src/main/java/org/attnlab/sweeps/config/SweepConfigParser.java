package org.attnlab.sweeps.config;

import org.attnlab.config.Yaml;
import org.attnlab.config.YamlDocument;
import org.attnlab.config.YamlException;
import org.attnlab.datasets.io.BadInputFileException;
import org.attnlab.config.Excerpt;
import org.attnlab.datasets.io.InputFiles;
import org.attnlab.experiments.config.Names;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a sweep YAML file into a {@link SweepConfig}, rejecting unknown keys, wrong types and out-of-range values. */
public final class SweepConfigParser {

    /** Longest {@code budget.max_time}. */
    private static final Duration MAX_DURATION = Duration.ofDays(366);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    /** Parses {@code file}; the base experiment path is resolved against the sweep file's folder. */
    public SweepConfig parse(Path file) {
        String name = file.toString();
        String text;
        try {
            text = InputFiles.readString(file, InputFiles.CONFIG_LIMIT);
        } catch (BadInputFileException e) {
            throw new SweepConfigException(name, "", -1, e.problem());
        }
        YamlDocument doc = read(name, text);
        if (!doc.isMapping()) {
            throw new SweepConfigException(name, "", doc.lines().line(""),
                    "not a sweep file: expected a mapping of keys to values");
        }
        YamlNode root = new YamlNode(name, doc.lines(), "", doc.tree()).allowOnly(Set.of(
                "name", "base", "seed", "objective", "search", "budget", "pruning", "threads_per_trial", "parameters"));

        String sweepName = root.string("name", stripExtension(file.getFileName().toString()));
        if (!Names.isSafe(sweepName)) {
            throw (root.has("name") ? root.child("name") : root).error("sweep name " + Names.RULE + ", was '"
                    + Excerpt.of(sweepName) + "'");
        }
        Path base = resolveBase(file, root);
        SweepConfig.Search search = search(root.object("search"));
        SweepConfig.Budget budget = budget(root.object("budget"), search.method());
        int threads = root.integerAtLeast("threads_per_trial", 1, 1);
        return new SweepConfig(file, sweepName, base, root.integer("seed", 0), objective(root.object("objective")),
                search, budget, pruning(root.object("pruning")), threads, parameters(root.object("parameters")));
    }

    private static Path resolveBase(Path file, YamlNode root) {
        Path parent = file.toAbsolutePath().getParent();
        Path base = parent.resolve(root.string("base")).normalize();
        try {
            if (!read(base.toString(), InputFiles.readString(base, InputFiles.CONFIG_LIMIT)).isMapping()) {
                throw root.child("base").error(base + " is not an experiment file (expected a mapping of sections)");
            }
        } catch (BadInputFileException e) {
            throw root.child("base").error(e.getMessage());
        } catch (SweepConfigException e) {
            throw root.child("base").error(base + " is not a readable experiment file");
        }
        return base;
    }

    /** The strict YAML document of {@code text}; {@code file} names it in errors. */
    private static YamlDocument read(String file, String text) {
        try {
            return Yaml.parse(text);
        } catch (YamlException e) {
            throw new SweepConfigException(file, "", e.line(), "not valid YAML: " + Excerpt.line(e.reason(), 160));
        }
    }

    private static SweepConfig.Objective objective(YamlNode node) {
        node.allowOnly(Set.of("function", "metric", "direction"));
        String direction = node.string("direction", "min");
        if (!direction.equals("min") && !direction.equals("max")) {
            throw node.child("direction").error("expected min or max, got '" + direction + "'");
        }
        return new SweepConfig.Objective(node.string("function", "experiment"), node.string("metric"),
                Direction.valueOf(direction.toUpperCase(Locale.ROOT)));
    }

    private static SweepConfig.Search search(YamlNode node) {
        node.allowOnly(Set.of("method", "grid_points", "population"));
        String method = node.string("method", "random");
        SearchMethod parsed;
        try {
            parsed = SearchMethod.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw node.child("method").error("expected random, grid or genetic, got '" + method + "'");
        }
        return new SweepConfig.Search(parsed, node.integerAtLeast("grid_points", 5, 2),
                node.integerAtLeast("population", 10, 2));
    }

    private static SweepConfig.Budget budget(YamlNode node, SearchMethod method) {
        node.allowOnly(Set.of("max_trials", "max_time"));
        Integer maxTrials = null;
        if (node.has("max_trials")) {
            long n = node.integer("max_trials");
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw node.child("max_trials").error("must be between 1 and " + Integer.MAX_VALUE);
            }
            maxTrials = (int) n;
        }
        Duration maxTime = node.has("max_time") ? duration(node.child("max_time"), node.string("max_time")) : null;
        if (maxTrials == null && maxTime == null && method != SearchMethod.GRID) {
            throw node.error("needs max_trials or max_time: a " + method.name().toLowerCase(Locale.ROOT)
                    + " search never runs out of candidates");
        }
        return new SweepConfig.Budget(maxTrials, maxTime);
    }

    private static Duration duration(YamlNode node, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw node.error("expected a duration such as 90s, 30m, 2h or 1d, got '" + Excerpt.of(text) + "'");
        }
        if (m.group(1).length() > 6) {
            throw node.error("must be at most " + MAX_DURATION.toDays() + " days, was " + Excerpt.of(text));
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.isZero()) {
            throw node.error("must be longer than zero");
        }
        if (d.compareTo(MAX_DURATION) > 0) {
            throw node.error("must be at most " + MAX_DURATION.toDays() + " days, was " + text.trim());
        }
        return d;
    }

    private static SweepConfig.Pruning pruning(YamlNode node) {
        node.allowOnly(Set.of("median"));
        if (!node.has("median")) {
            return SweepConfig.Pruning.OFF;
        }
        YamlNode median = node.object("median").allowOnly(Set.of("enabled", "warmup_steps", "min_trials"));
        return new SweepConfig.Pruning(median.bool("enabled", false), median.integerAtLeast("warmup_steps", 0, 0),
                median.integerAtLeast("min_trials", 3, 1));
    }

    private static List<ParamSpec> parameters(YamlNode node) {
        if (node.keys().isEmpty()) {
            throw node.error("needs at least one parameter");
        }
        List<ParamSpec> out = new ArrayList<>();
        for (String key : node.keys()) {
            out.add(parameter(key, node.object(key)));
        }
        return out;
    }

    private static ParamSpec parameter(String key, YamlNode node) {
        if (!key.matches("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*")) {
            throw node.error("not a dotted config key");
        }
        String type = node.string("type");
        return switch (type) {
            case "continuous" -> continuous(key, node.allowOnly(Set.of("type", "min", "max", "scale")));
            case "integer" -> integer(key, node.allowOnly(Set.of("type", "min", "max")));
            case "categorical" -> categorical(key, node.allowOnly(Set.of("type", "values")));
            default -> throw node.child("type").error("expected continuous, integer or categorical, got '" + type + "'");
        };
    }

    private static ParamSpec continuous(String key, YamlNode node) {
        double min = node.number("min");
        double max = node.number("max");
        if (!(min < max)) {
            throw node.child("max").error("must be greater than min (" + min + ")");
        }
        String scale = node.string("scale", "linear");
        if (!scale.equals("linear") && !scale.equals("log")) {
            throw node.child("scale").error("expected linear or log, got '" + scale + "'");
        }
        if (scale.equals("log") && min <= 0) {
            throw node.child("min").error("must be positive on a log scale");
        }
        return new ParamSpec.Continuous(key, min, max, scale.equals("log"));
    }

    private static ParamSpec integer(String key, YamlNode node) {
        long min = node.integer("min");
        long max = node.integer("max");
        if (min < Integer.MIN_VALUE || max > Integer.MAX_VALUE) {
            throw node.error("bounds must fit in a 32-bit integer");
        }
        if (!(min < max)) {
            throw node.child("max").error("must be greater than min (" + min + ")");
        }
        return new ParamSpec.Integer(key, (int) min, (int) max);
    }

    private static ParamSpec categorical(String key, YamlNode node) {
        if (!node.has("values")) {
            throw node.child("values").error("missing");
        }
        List<Object> values = new ArrayList<>();
        for (YamlNode v : node.child("values").elements()) {
            Object value = v.scalar();
            if (values.contains(value)) {
                throw v.error("duplicate value '" + value + "'");
            }
            values.add(value);
        }
        if (values.size() < 2) {
            throw node.child("values").error("needs at least two values");
        }
        return new ParamSpec.Categorical(key, List.copyOf(values));
    }

    private static String stripExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
