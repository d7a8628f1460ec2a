package org.cosmicstock.domain;

import java.util.ArrayList;
import java.util.List;

/** The events an aggregate raised and has not handed out yet, oldest first. */
public final class RaisedEvents<E> {

    private final List<E> events = new ArrayList<>();

    public void add(E event) {
        events.add(event);
    }

    /** The events raised since the last call, oldest first; they are not handed out again. */
    public List<E> drain() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<E> drained = List.copyOf(events);
        events.clear();
        return drained;
    }
}
