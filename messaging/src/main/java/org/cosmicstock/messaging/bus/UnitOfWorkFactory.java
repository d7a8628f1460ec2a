package org.cosmicstock.messaging.bus;

@FunctionalInterface
public interface UnitOfWorkFactory<U extends UnitOfWork> {

    U begin();
}
