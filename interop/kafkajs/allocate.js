#!/usr/bin/env node
// Interop check with a registry-aware client nobody in this project wrote: kafkajs and
// @kafkajs/confluent-schema-registry send a CreateBatch and an Allocate to a running suite in
// the schema-registry wire format, then read allocation.events until the suite's Allocated for
// that order comes back. Exit 0 on success, 1 on a failed check, 2 on a bad command line.
// Nothing here encodes by hand: ids come from the registry, bytes from the library's encoder.
'use strict';

const crypto = require('crypto');
const { Kafka, Partitioners, logLevel, CompressionTypes, CompressionCodecs } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
const LZ4Codec = require('kafkajs-lz4');

// The suite's producers compress with LZ4 (their default), which kafkajs does not read without
// a codec: the one the kafkajs documentation names.
CompressionCodecs[CompressionTypes.LZ4] = new LZ4Codec().codec;

const COMMANDS = 'org.cosmicstock.schemas.commands';
const EVENTS = 'org.cosmicstock.schemas.events';

const USAGE = `Usage: node allocate.js [options]

Sends CreateBatch and Allocate for a fresh SKU to a suite started with ./run-local --registry,
then waits for its Allocated event. Every option also reads an environment variable.

  --bootstrap HOST:PORT     Kafka bootstrap server     (KAFKA_BOOTSTRAP, default 127.0.0.1:9092)
  --registry-url URL        Confluent-compatible API   (SCHEMA_REGISTRY_URL,
                            default http://127.0.0.1:8085/apis/ccompat/v7)
  --commands-topic NAME     (COMMANDS_TOPIC, default allocation.commands)
  --events-topic NAME       (EVENTS_TOPIC, default allocation.events)
  --sku SKU                 (INTEROP_SKU, default INTEROP-<random>: a SKU no other run used)
  --batch-qty N             CreateBatch quantity (INTEROP_BATCH_QTY, default 100)
  --qty N                   Allocate quantity    (INTEROP_QTY, default 10)
  --timeout SECONDS         wait for Allocated at most this long (INTEROP_TIMEOUT, default 120)
  -h, --help                this text
`;

function options(argv, env) {
  const suffix = crypto.randomBytes(4).toString('hex').toUpperCase();
  const o = {
    bootstrap: env.KAFKA_BOOTSTRAP || '127.0.0.1:9092',
    registryUrl: env.SCHEMA_REGISTRY_URL || 'http://127.0.0.1:8085/apis/ccompat/v7',
    commandsTopic: env.COMMANDS_TOPIC || 'allocation.commands',
    eventsTopic: env.EVENTS_TOPIC || 'allocation.events',
    sku: env.INTEROP_SKU || `INTEROP-${suffix}`,
    batchQty: env.INTEROP_BATCH_QTY || '100',
    qty: env.INTEROP_QTY || '10',
    timeout: env.INTEROP_TIMEOUT || '120',
  };
  const flags = {
    '--bootstrap': 'bootstrap', '--registry-url': 'registryUrl', '--commands-topic': 'commandsTopic',
    '--events-topic': 'eventsTopic', '--sku': 'sku', '--batch-qty': 'batchQty', '--qty': 'qty',
    '--timeout': 'timeout',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    if (flag === '-h' || flag === '--help') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (!(flag in flags)) throw new UsageError(`unknown option ${argv[i]}`);
    const value = inline !== undefined ? inline : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
    o[flags[flag]] = value;
  }
  for (const key of ['batchQty', 'qty', 'timeout']) {
    if (!/^[1-9][0-9]*$/.test(String(o[key]))) throw new UsageError(`${key} must be a positive integer, got '${o[key]}'`);
    o[key] = Number(o[key]);
  }
  o.registryUrl = o.registryUrl.replace(/\/+$/, '');
  o.orderId = `interop-order-${suffix}`;
  o.batchRef = `interop-batch-${suffix}`;
  return o;
}

class UsageError extends Error {}
class CheckFailed extends Error {}

const step = (n, text) => console.log(`[${n}/3] ${text}`);
const hex = (buffer) => buffer.toString('hex').replace(/(..)/g, '$1 ').trim().toUpperCase();

// (1) The launcher registered every released schema; look them up, never register from here.
async function lookUp(registry, o, fullName) {
  let id;
  try {
    id = await registry.getLatestSchemaId(fullName);
  } catch (e) {
    const status = e && e.status;
    const message = (e && e.message) || String(e);
    // The Confluent API answers an unknown subject with 404 and a message (error 40401); a 404
    // without one is a URL that is not that API.
    if (status === 404 && /not found/i.test(message)) {
      throw new CheckFailed(`subject '${fullName}' is not registered in ${o.registryUrl} (${message}). ` +
        'Start the suite with ./run-local --registry (it registers every released schema), ' +
        "or register them with shared-schemas' RegisterSchemas (docs/wire-formats.md).");
    }
    throw new CheckFailed(`cannot look up subject '${fullName}' in ${o.registryUrl}: ${message}` +
      // mappersmith reports a connection failure as status 400: no HTTP answer to speak of.
      (status && !/ECONN|ENOTFOUND|ETIMEDOUT/.test(message) ? ` (HTTP ${status})` : '') +
      '. Is the suite running with --registry, and is the URL its Confluent API (.../apis/ccompat/v7)?');
  }
  const schema = await registry.getSchema(id);
  if (schema.name !== fullName) {
    throw new CheckFailed(`schema id ${id} under subject '${fullName}' is a '${schema.name}'`);
  }
  console.log(`      ${fullName}: schema id ${id} (latest version under the record-name subject)`);
  return id;
}

async function produce(registry, producer, o, ids) {
  const commands = [
    { name: 'CreateBatch', id: ids.createBatch, value: { ref: o.batchRef, sku: o.sku, qty: o.batchQty, eta: null } },
    { name: 'Allocate', id: ids.allocate, value: { orderId: o.orderId, sku: o.sku, qty: o.qty } },
  ];
  for (const command of commands) {
    const bytes = await registry.encode(command.id, command.value);
    const ceId = crypto.randomUUID();
    // One send at a time, same key: CreateBatch is on the partition before Allocate.
    const [meta] = await producer.send({
      topic: o.commandsTopic,
      acks: -1,
      messages: [{ key: o.sku, value: bytes, headers: { ce_id: ceId } }],
    });
    console.log(`      ${command.name} ${JSON.stringify(command.value)}`);
    console.log(`        ${bytes.length} bytes: ${hex(bytes)}`);
    console.log(`        key ${o.sku}, ce_id ${ceId} -> ${o.commandsTopic} partition ${meta.partition} offset ${meta.baseOffset}`);
  }
}

// (3) Reads the events topic from the beginning with a group of its own, until the outcome of
// our order shows up. An outcome other than Allocated fails at once instead of at the timeout.
function awaitAllocated(registry, consumer, o) {
  let seen = 0;
  let undecodable = 0;
  let timer;
  const outcome = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(
      `no Allocated for order ${o.orderId} within ${o.timeout} s (read ${seen} events, ${undecodable} not decodable). ` +
      `Is allocation-service running and using the registry? Look at ${o.commandsTopic}.DLT and its log.`)), o.timeout * 1000);
    // A crash the consumer will not restart from (a codec missing, say) fails now, not at the timeout.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      const lz4 = /LZ4/.test(payload.error.message) ? ' (the suite compresses with LZ4: register an LZ4 codec, e.g. kafkajs-lz4)' : '';
      reject(new CheckFailed(`the kafkajs consumer stopped: ${payload.error.message}${lz4}`));
    });
    consumer.run({
      eachMessage: async ({ partition, message }) => {
        seen++;
        // Events a suite wrote before it had a registry are single-object encoded (C3 01 ...),
        // which no registry client reads: say so once per record instead of a decoder error.
        if (!message.value || message.value.length === 0 || message.value[0] !== 0) {
          undecodable++;
          const first = message.value && message.value.length ? hex(message.value.subarray(0, 2)) : 'empty';
          console.log(`      p${partition}@${message.offset}: not the registry format (starts ${first}), skipped`);
          return;
        }
        let event;
        try {
          event = await registry.decode(message.value);
        } catch (e) {
          undecodable++;
          console.log(`      p${partition}@${message.offset}: cannot decode: ${e.message}`);
          return;
        }
        const type = event.constructor.getType().name;
        if (event.sku !== o.sku) return;
        const ceType = message.headers.ce_type ? message.headers.ce_type.toString() : '-';
        console.log(`      p${partition}@${message.offset}: ${type} ${JSON.stringify(event)} (schema id ${message.value.readInt32BE(1)}, ce_type ${ceType})`);
        if (event.orderId !== o.orderId) return;
        if (type === `${EVENTS}.Allocated`) resolve(event);
        else if (type === `${EVENTS}.OutOfStock` || type === `${EVENTS}.AllocationRejected`) {
          reject(new CheckFailed(`the suite answered ${type} for order ${o.orderId}: ${JSON.stringify(event)}`));
        }
      },
    }).catch(reject);
  });
  return outcome.finally(() => clearTimeout(timer));
}

async function main() {
  const o = options(process.argv.slice(2), process.env);
  console.log(`Kafka ${o.bootstrap}, registry ${o.registryUrl}, SKU ${o.sku}, order ${o.orderId}`);
  const registry = new SchemaRegistry({ host: o.registryUrl, clientId: 'cosmic-stock-interop' });
  const kafka = new Kafka({
    clientId: 'cosmic-stock-interop',
    brokers: [o.bootstrap],
    logLevel: logLevel.WARN,
    logCreator: plainLog,
    connectionTimeout: 5000,
    retry: { retries: 3 },
  });
  // Java's murmur2 partitioner: a SKU lands on the partition the suite's own producers pick.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `cosmic-stock-interop-${o.orderId}` });
  try {
    step(1, 'Looking up the registered schemas by subject (record-name strategy)');
    const ids = {
      createBatch: await lookUp(registry, o, `${COMMANDS}.CreateBatch`),
      allocate: await lookUp(registry, o, `${COMMANDS}.Allocate`),
    };
    step(2, `Producing CreateBatch and Allocate to ${o.commandsTopic} (magic byte 0 + schema id + Avro body)`);
    await connect(producer, o);
    await produce(registry, producer, o, ids);
    step(3, `Reading ${o.eventsTopic} from the beginning until Allocated for ${o.orderId} (at most ${o.timeout} s)`);
    await connect(consumer, o);
    await consumer.subscribe({ topics: [o.eventsTopic], fromBeginning: true });
    const allocated = await awaitAllocated(registry, consumer, o);
    console.log(`OK: order ${o.orderId} allocated to batch ${allocated.batchRef} (${allocated.qty} x ${allocated.sku})`);
  } finally {
    await Promise.allSettled([producer.disconnect(), consumer.disconnect()]);
  }
}

// kafkajs logs JSON by default; one plain line per warning reads better beside the steps.
function plainLog() {
  return ({ label, log }) => {
    const where = log.broker ? ` (${log.broker})` : '';
    console.error(`      kafkajs ${label}: ${log.message}${log.error ? `: ${log.error}` : ''}${where}`);
  };
}

async function connect(client, o) {
  try {
    await client.connect();
  } catch (e) {
    throw new CheckFailed(`cannot connect to Kafka at ${o.bootstrap}: ${e.message}. Is the suite running (./run-local --registry)?`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    if (e instanceof UsageError) {
      console.error(`allocate.js: ${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(`FAILED: ${e instanceof CheckFailed ? e.message : (e && e.stack) || e}`);
    process.exit(1);
  },
);
