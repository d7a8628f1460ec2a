package org.cosmicstock.messaging.bus;

/** A domain event committed by a unit of work, with the context it was published under. */
public record RaisedEvent(Object event, MessageContext context) {}
