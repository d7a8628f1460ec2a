package org.cosmicstock.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The suite's command-line client: {@code java -jar cli/target/cosmic-stock-cli.jar <command> [options]}.
 * Sends the contract's commands from named options, tails a topic as JSON lines, re-sends a dead letter.
 * Exit status: 0 done, 1 the broker, the registry or the record said no (the reason on stderr), 2 a bad
 * command line (the reason and the usage on stderr).
 */
@Command(
        name = "cosmic-stock",
        mixinStandardHelpOptions = true,
        versionProvider = CosmicStock.Version.class,
        description = "Talks to the suite over Kafka: sends commands, tails events, re-sends dead letters.",
        subcommands = {
            SendCommand.CreateBatchCommand.class,
            SendCommand.AllocateCommand.class,
            SendCommand.ChangeBatchQuantityCommand.class,
            TailCommand.class,
            RedriveCommand.class
        },
        footer = {
            "%nExit status: 0 done; 1 the broker, the registry or the record refused (the reason on stderr); 2 a bad"
                    + " command line (the reason and the usage on stderr).",
            "Each command's options: cosmic-stock <command> --help"
        })
public final class CosmicStock implements Runnable {

    /** A failure the user can act on: printed as one line, exit status 1. */
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The client as the tests drive it: output to {@code out}, errors and usage to {@code err}. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new CosmicStock());
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine failed = exception.getCommandLine();
            PrintWriter err = failed.getErr();
            err.println("cosmic-stock: " + exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
            failed.usage(err);
            err.flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((exception, failed, parsed) -> {
            PrintWriter err = failed.getErr();
            if (exception instanceof ClientFailure failure) {
                err.println("cosmic-stock " + failed.getCommandName() + ": " + failure.getMessage());
            } else {
                err.println("cosmic-stock " + failed.getCommandName() + " failed: " + exception);
                exception.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "Missing command: one of create-batch, allocate, change-batch-quantity, tail, redrive");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CosmicStock.class.getPackage().getImplementationVersion();
            return new String[] {"cosmic-stock " + (version == null ? "(development build)" : version)};
        }
    }
}
