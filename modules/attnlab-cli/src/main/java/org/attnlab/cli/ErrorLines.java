package org.attnlab.cli;

import java.io.PrintWriter;
import org.attnlab.config.Excerpt;
import org.attnlab.experiments.config.ConfigException;
import org.attnlab.experiments.run.PreflightException;
import org.attnlab.experiments.store.StoreException;
import org.attnlab.sweeps.config.SweepConfigException;
import picocli.CommandLine;

/**
 * The safety net of the {@code attnlab} command: any exception a command lets through becomes one line on standard
 * error ({@code error: ...}) and an exit code, 2 for bad input (config, data, results folder, command line) and 1 for
 * anything else. The Java stack trace is printed only with {@code ATTNLAB_DEBUG=1}.
 */
final class ErrorLines implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    /** Environment variable that adds stack traces to errors. */
    static final String DEBUG_ENV = "ATTNLAB_DEBUG";
    private static final int MAX = 300;
    private final boolean debug;

    ErrorLines(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(e, cmd.getErr());
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("error: " + Excerpt.line(e.getMessage(), MAX) + " (see: "
                + cmd.getCommandSpec().qualifiedName() + " --help)");
        return 2;
    }

    /** Prints {@code t} as one line (plus its trace when debugging) and returns the exit code. */
    int report(Throwable t, PrintWriter err) {
        err.println("error: " + message(t));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
        return isBadInput(t) ? 2 : 1;
    }

    /** The most telling message of {@code t} and its causes, as one short line without Java class names. */
    static String message(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + Excerpt.line(String.valueOf(t.getMessage()), 80) + "); give Java more heap "
                    + "(ATTNLAB_JAVA_OPTS=-Xmx...) or make the model or data smaller";
        }
        Throwable m = t;
        while (m.getMessage() == null && m.getCause() != null) {
            m = m.getCause();
        }
        String text = m.getMessage() == null ? m.getClass().getSimpleName() : m.getMessage();
        text = text.replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ", "");
        return Excerpt.line(text, MAX);
    }

    private static boolean isBadInput(Throwable t) {
        return t instanceof ConfigException || t instanceof SweepConfigException || t instanceof StoreException
                || t instanceof PreflightException || t instanceof IllegalArgumentException;
    }
}
