package org.cosmicstock.messaging.bus;

/** Handles one message type inside a unit of work it does not commit: the bus does. */
@FunctionalInterface
public interface Handler<M, U extends UnitOfWork> {

    Outcome handle(M message, U uow);
}
