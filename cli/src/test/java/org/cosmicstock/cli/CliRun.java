package org.cosmicstock.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the client in this JVM, as {@code main} would run it, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        return of(CosmicStock.commandLine(), args);
    }

    static CliRun of(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    /**
     * A command line as a shell would split it: at spaces, except inside single quotes, which are dropped
     * ({@code --sku 'A B'} is one word, {@code ''} an empty one).
     */
    static String[] words(String commandLine) {
        List<String> words = new ArrayList<>();
        for (String word : commandLine.trim().split(" +(?=(?:[^']*'[^']*')*[^']*$)")) {
            words.add(word.replace("'", ""));
        }
        return words.toArray(String[]::new);
    }

    /** Runs {@code commandLine} (see {@link #words}) against {@code bootstrap}, sending to {@code topic}. */
    static CliRun sending(String bootstrap, String topic, String commandLine) {
        return of(args(bootstrap, words(commandLine + " --topic " + topic)));
    }

    static String[] args(String bootstrap, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--bootstrap-servers");
        all.add(bootstrap);
        return all.toArray(String[]::new);
    }

    List<String> lines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
