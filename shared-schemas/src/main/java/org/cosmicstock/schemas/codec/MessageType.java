package org.cosmicstock.schemas.codec;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.cosmicstock.schemas.commands.Allocate;
import org.cosmicstock.schemas.commands.ChangeBatchQuantity;
import org.cosmicstock.schemas.commands.CreateBatch;
import org.cosmicstock.schemas.events.Allocated;
import org.cosmicstock.schemas.events.AllocationRejected;
import org.cosmicstock.schemas.events.BatchCreated;
import org.cosmicstock.schemas.events.BatchQuantityChanged;
import org.cosmicstock.schemas.events.Deallocated;
import org.cosmicstock.schemas.events.OutOfStock;

/** A generated message class with its current schema and the data model holding its logical-type conversions. */
record MessageType(Class<? extends SpecificRecordBase> type, Schema schema, SpecificData model) {

    /** Every message type of the contract; a new type is added here and to the released directory. */
    static final List<MessageType> ALL = List.of(
            of(new CreateBatch()),
            of(new Allocate()),
            of(new ChangeBatchQuantity()),
            of(new BatchCreated()),
            of(new BatchQuantityChanged()),
            of(new Allocated()),
            of(new Deallocated()),
            of(new OutOfStock()),
            of(new AllocationRejected()));

    private static MessageType of(SpecificRecordBase prototype) {
        return new MessageType(prototype.getClass(), prototype.getSchema(), prototype.getSpecificData());
    }

    String fullName() {
        return schema.getFullName();
    }
}
