package org.cosmicstock.benchmarks;

import java.util.Map;

/** What a mode sends and what it measures; the exactly-once check and the report are common to all. */
interface Scenario {

    /** Sends and waits until the events topic is drained; may stop at the deadline. */
    void execute(LoadDriver driver);

    /** The mode's figures for the summary line, from whatever the run got to. */
    String summary(LoadDriver driver);

    /** The same figures, and more, for the JSON report. */
    Map<String, Object> figures(LoadDriver driver);
}
