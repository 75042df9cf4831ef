/**
 * The versioning rule: a breaking change must come with a new major version,
 * read from the path prefix (`/v1/orders`, or `/v1` in a server URL) or, when
 * the paths carry none, from the major of `info.version`.
 */
import type { Finding } from '../../../contracts/finding.js';
import { NEEDS_NEW_VERSION_ID } from './catalogue.js';
import { isObject, type DiffContext, type Json } from './context.js';

/** The major version a document declares, and where it is read from. */
export interface MajorVersion {
  major?: number;
  source: 'path' | 'server' | 'info.version' | 'none';
  pointer: string;
}

const PREFIX = /(?:^|\/)v(\d+)(?:[./-]\d+)*(?=\/|$)/i;

/** Reads the major version of a document (the most common `/vN` among its paths, then servers, then info.version). */
export function majorVersionOf(doc: Json): MajorVersion {
  const counts = new Map<number, number>();
  if (isObject(doc.paths)) {
    for (const p of Object.keys(doc.paths)) {
      const m = PREFIX.exec(p);
      if (m) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    }
  }
  if (counts.size) {
    const major = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    return { major, source: 'path', pointer: '/paths' };
  }
  if (Array.isArray(doc.servers)) {
    for (let i = 0; i < doc.servers.length; i++) {
      const s = doc.servers[i];
      if (!isObject(s) || typeof s.url !== 'string') continue;
      const m = PREFIX.exec(s.url.replace(/^[a-z]+:\/\/[^/]*/i, ''));
      if (m) return { major: Number(m[1]), source: 'server', pointer: `/servers/${i}/url` };
    }
  }
  const info = isObject(doc.info) ? doc.info : {};
  const m = /^v?(\d+)/.exec(String(info.version ?? ''));
  if (m) return { major: Number(m[1]), source: 'info.version', pointer: '/info/version' };
  return { source: 'none', pointer: '/info' };
}

/** Adds the versioning error when there are breaking changes and the major version did not go up. */
export function checkVersioning(ctx: DiffContext): Finding | undefined {
  const errors = ctx.findings.filter((f) => f.severity === 'error').length;
  if (errors === 0) return undefined;
  const before = majorVersionOf(ctx.prev.doc);
  const after = majorVersionOf(ctx.curr.doc);
  if (after.major !== undefined && before.major !== undefined && after.major > before.major) return undefined;
  const major = after.major ?? before.major ?? 1;
  const from = after.source === 'none' ? 'the contract declares no major version' : `the major version is still ${major} (from the ${after.source === 'info.version' ? 'info.version' : after.source === 'server' ? 'server URL' : 'path prefix'})`;
  return {
    ruleId: NEEDS_NEW_VERSION_ID,
    severity: 'error',
    kind: 'openapi',
    file: ctx.curr.contract.file,
    pointer: after.pointer,
    message: `${errors} breaking change${errors === 1 ? ' was' : 's were'} made but ${from}`,
    hint: `Publish the breaking changes as /v${major + 1} (and bump info.version to ${major + 1}.0.0), keeping /v${major} until its sunset; or make the changes backward compatible.`,
  };
}
