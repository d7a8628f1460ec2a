package org.cosmicstock.messaging.jdbc;

import org.cosmicstock.messaging.inbox.JdbcInbox;
import org.cosmicstock.messaging.outbox.OutboxWriter;

/** What a JDBC unit of work needs beside its aggregates: the inbox, the outbox, and who to wake after commit. */
public record TransactionalMessaging(JdbcInbox inbox, OutboxWriter outbox, Runnable afterCommit) {}
