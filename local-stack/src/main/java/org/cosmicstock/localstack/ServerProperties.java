package org.cosmicstock.localstack;

import java.nio.file.Path;

/** The broker's configuration: one KRaft node on 127.0.0.1, tuned for a developer's machine. */
final class ServerProperties {

    private ServerProperties() {}

    static String render(int port, int controllerPort, Path dataDir) {
        return String.format("""
                # Written by the local stack at every start; edits here are overwritten.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                # One node: every internal topic has a single replica.
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # The services declare their topics; a typo should fail, not create a stray topic.
                auto.create.topics.enable=false
                num.partitions=6
                # Consumers that start one after another should not wait three seconds to rebalance.
                group.initial.rebalance.delay.ms=0
                """, port, controllerPort, dataDir.toString().replace("\\", "/"));
    }
}
