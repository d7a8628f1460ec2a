package org.cosmicstock.stockview.testing;

import java.time.Instant;
import java.util.List;
import org.cosmicstock.stockview.domain.Event;
import org.cosmicstock.stockview.domain.PositionedEvent;
import org.cosmicstock.stockview.domain.StockView;

/** Applying single events to a view in tests, each as a batch of one. */
public final class Apply {

    private Apply() {}

    /** @return whether the view applied it (false: that offset of that partition was applied before) */
    public static boolean one(StockView view, int partition, long offset, Event event, Instant time) {
        return !view.apply(List.of(new PositionedEvent(partition, offset, event, time)))
                .isEmpty();
    }

    /** A view with an empty generation served, as a reader leaves it once it has caught up with an empty topic. */
    public static <V extends StockView> V served(V view) {
        view.resume();
        view.promote();
        return view;
    }
}
