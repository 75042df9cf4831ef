/** A payload (or headers) object without members is a type alias, not `interface X Record<…>`, and the output compiles. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';
import { FIXTURES, generateEvents, tempProject, typeCheck } from './helpers.js';

it('an event without data members generates types that compile', async () => {
  const out = join(tempProject('ck-events-empty-'), 'gen');
  writeGeneratedFiles(out, await generateEvents(join(FIXTURES, 'empty-payload.yaml'), out, 'heartbeat-events'));
  const types = readFileSync(join(out, 'types.ts'), 'utf8');
  expect(types).toContain('export type HeartbeatSent = Record<string, unknown>;');
  expect(typeCheck(out, ['index.ts'])).toBe('');
}, 120_000);
