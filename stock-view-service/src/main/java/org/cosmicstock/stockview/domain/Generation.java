package org.cosmicstock.stockview.domain;

import java.util.Map;

/**
 * One complete copy of the view. Queries are answered from the served generation; a rebuild fills a
 * new one beside it, which is served only once it has caught up with the topic.
 *
 * @param id names it in the store
 * @param positions per partition, the offset of the last event applied to it: where a reader resumes
 * @param served whether queries are answered from it now
 */
public record Generation(String id, Map<Integer, Long> positions, boolean served) {

    public Generation {
        positions = Map.copyOf(positions);
    }
}
