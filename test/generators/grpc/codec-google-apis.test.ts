/**
 * `codec: fast` over the Google APIs of the gRPC compile check (pubsub v1,
 * cloud tasks v2, firestore v1, storage v2 from google-proto-files): the
 * output type-checks under strict, and every message (theirs, google.api,
 * google.type, google.rpc, google.iam and the well-known types they use)
 * round-trips byte-identical with protobuf-es on random messages.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { generateGrpc } from '../../../generators/grpc/index.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';
import { checkCodec } from './codec-properties.js';
import { loadCodecs } from './codec-load.js';
import { googleApisModule, loadContract, scratchDir, typeCheck, writeFiles } from './helpers.js';

const APIS = ['google/pubsub/v1', 'google/cloud/tasks/v2', 'google/firestore/v1', 'google/storage/v2'];
const RUNS = Number(process.env.CK_CODEC_RUNS ?? 30);

describe('codec: fast on Google APIs from google-proto-files', () => {
  it('type-checks under strict and every message round-trips with protobuf-es', async () => {
    const module = googleApisModule('ck-gapis-codec-');
    const byPath = new Map<string, GeneratedFile>();
    for (const api of APIS) {
      for (const f of await generateGrpc(await loadContract(join(module, api), api), { codec: 'fast' })) byPath.set(f.path, f);
    }
    const files = [...byPath.values()];
    expect(typeCheck(writeFiles(files, scratchDir('ck-gapis-codec-tsc-')))).toBe('');
    const codecs = await loadCodecs(files, scratchDir('ck-gapis-codec-js-'));
    const names = codecs.map((c) => c.codec.typeName);
    expect(names).toEqual(expect.arrayContaining(['google.pubsub.v1.PubsubMessage', 'google.cloud.tasks.v2.Task', 'google.firestore.v1.Document', 'google.storage.v2.Object', 'google.protobuf.Timestamp']));
    expect(codecs.length).toBeGreaterThan(300);
    for (const { schema, codec } of codecs) checkCodec(schema, codec, RUNS);
  }, 600_000);
});
