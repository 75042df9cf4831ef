/**
 * Messages: matched by event type and version (`x-event-version`, which may
 * carry a minor: `1.2`), then by id. Messages of one event type and major
 * version are the versions of one Schema Registry subject; their payload and
 * header schemas are checked under the message's compatibility mode against
 * the previous definition and, for `_transitive` modes, every earlier
 * version the documents declare.
 */
import type { Finding } from '../../../contracts/finding.js';
import type { EventMessage } from '../../../contracts/model/types.js';
import { EVENT_NEEDS_NEW_VERSION_ID } from './catalogue.js';
import { checkCompatibility, changesBetween, isTransitive, type Incompatibility } from './compatibility.js';
import { keepReachable, report, reportAs, reportRemoved, type AsyncDiffContext } from './context.js';
import { ANNOTATION_DIFFERENCES } from './difference-types.js';
import { describeDifference, fieldLabel } from './describe.js';
import { compareVersions, modeOf, versionOf } from './message-mode.js';
import { canonical } from './schema-kinds.js';
import { checkFormat, comparable, schemaPointer } from './schema-formats.js';

/** `order.placed v1.1`: what identifies a message across versions of a document. */
export function messageKeyOf(m: EventMessage): string {
  const v = versionOf(m);
  return v ? `${m.eventType ?? m.id} v${v.join('.')}` : (m.eventType ?? m.id);
}

const subjectOf = (m: EventMessage): string => `${m.eventType ?? m.id}@${versionOf(m)?.[0] ?? ''}`;

/** Compares the messages of both documents. */
export function checkMessages(ctx: AsyncDiffContext): void {
  const currByKey = new Map(ctx.curr.messages.map((m) => [messageKeyOf(m), m]));
  const prevByKey = new Map(ctx.prev.messages.map((m) => [messageKeyOf(m), m]));
  for (const prev of ctx.prev.messages) {
    const key = messageKeyOf(prev);
    const curr = currByKey.get(key);
    if (curr) {
      if (curr.id !== prev.id) report(ctx, 'message-renamed', `Message \`${prev.id}\` (${key}) was renamed to \`${curr.id}\`.`, curr.location);
      checkContentType(ctx, prev, curr);
      continue;
    }
    const sameId = ctx.curr.messages.find((m) => m.id === prev.id && !prevByKey.has(messageKeyOf(m)));
    if (sameId && (sameId.eventType ?? sameId.id) !== (prev.eventType ?? prev.id)) {
      report(
        ctx,
        'message-event-type-changed',
        `Message \`${prev.id}\` changed its event type from \`${prev.eventType}\` to \`${sameId.eventType}\`: consumers routing on \`${prev.eventType}\` no longer receive it.`,
        sameId.location,
        'Keep the event type; a different event is a new message beside the old one.',
      );
      continue;
    }
    const now = sameId ? ` (message \`${sameId.id}\` now declares ${messageKeyOf(sameId)})` : '';
    reportRemoved(
      ctx,
      'message-removed',
      `Message \`${prev.id}\` (${key}) is no longer declared${now}: its consumers and producers break.`,
      prev.location,
      'Keep declaring (and publishing) the old version beside the new one until every consumer has moved, then remove it.',
    );
  }
  for (const curr of ctx.curr.messages) {
    if (prevByKey.has(messageKeyOf(curr))) continue;
    const otherMajors = ctx.prev.messages.filter((m) => (m.eventType ?? m.id) === (curr.eventType ?? curr.id) && versionOf(m)?.[0] !== versionOf(curr)?.[0]);
    if (otherMajors.length > 0 && !ctx.prev.messages.some((m) => subjectOf(m) === subjectOf(curr))) {
      const was = otherMajors.map(messageKeyOf).join(', ');
      report(ctx, 'message-version-added', `Message \`${curr.id}\` adds ${messageKeyOf(curr)} beside ${was}; consumers that upcast need an upcaster to it.`, curr.location);
    } else {
      report(ctx, 'message-added', `Message \`${curr.id}\` (${messageKeyOf(curr)}) was added.`, curr.location);
    }
  }
  for (const curr of ctx.curr.messages) checkSchemas(ctx, curr, prevByKey.get(messageKeyOf(curr)));
}

function checkContentType(ctx: AsyncDiffContext, prev: EventMessage, curr: EventMessage): void {
  const before = prev.contentType ?? ctx.prev.defaultContentType;
  const after = curr.contentType ?? ctx.curr.defaultContentType;
  if (before === after) return;
  report(ctx, 'message-content-type-changed', `Message \`${curr.id}\` changed its content type from \`${before ?? '(none)'}\` to \`${after ?? '(none)'}\`.`, curr.location);
}

/** The earlier definitions `curr` must stay compatible with under its mode. */
function targetsOf(ctx: AsyncDiffContext, curr: EventMessage, same: EventMessage | undefined, transitive: boolean): EventMessage[] {
  const subject = subjectOf(curr);
  const mine = versionOf(curr) ?? [];
  const earlier = new Map<string, EventMessage>();
  // the previous document's versions, overridden by the current document's definitions of the same version
  for (const m of [...ctx.prev.messages, ...ctx.curr.messages]) {
    if (subjectOf(m) !== subject || compareVersions(versionOf(m) ?? [], mine) >= 0) continue;
    earlier.set(messageKeyOf(m), m);
  }
  const ordered = [...earlier.values()].sort((a, b) => compareVersions(versionOf(a) ?? [], versionOf(b) ?? []));
  if (transitive) return [...(same ? [same] : []), ...ordered];
  if (same) return [same];
  return ordered.length > 0 ? [ordered[ordered.length - 1]!] : [];
}

function checkSchemas(ctx: AsyncDiffContext, curr: EventMessage, same: EventMessage | undefined): void {
  if (same && canonical([same.payload, same.headers, same.formats]) === canonical([curr.payload, curr.headers, curr.formats])) return;
  const { mode, why } = modeOf(ctx, curr);
  const broken: Incompatibility[] = [];
  const reported: Finding[] = [];
  const seen = new Set<string>();
  let formatBroken = false;
  for (const target of targetsOf(ctx, curr, same, isTransitive(mode))) {
    for (const part of ['payload', 'headers'] as const) {
      const against = target === same ? 'the previous definition' : `${messageKeyOf(target)} (\`${target.id}\`)`;
      if (!comparable(target, curr, part)) {
        const { findings, incompatible } = checkFormat(ctx, target, curr, part, `\`${curr.id}\` (${messageKeyOf(curr)})${sharedIn(ctx, curr)}`, mode, seen);
        if (incompatible) formatBroken = true;
        reported.push(...findings);
        continue;
      }
      for (const d of checkCompatibility(target[part], curr[part], mode)) {
        const key = `${part}/${d.type}/${d.path.join('/')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        broken.push(d);
        const f = reportAs(
          ctx,
          d.type,
          'error',
          `Message \`${curr.id}\` (${messageKeyOf(curr)})${sharedIn(ctx, curr)}, ${fieldLabel(part, d.path)}: ${describeDifference(d, d.direction)} — incompatible with ${against} under \`${mode}\` compatibility (${why}).`,
          curr.location,
          d.direction === 'forward'
            ? 'Consumers still on the earlier schema must read the new events: make the change additive (optional properties in an open model), or publish a new event version.'
            : 'The new schema must read events written with the earlier one: make the change additive, or publish a new event version.',
          `${schemaPointer(curr, part)}${d.path.length ? '/' + d.path.join('/') : ''}`,
        );
        if (f) keepReachable(f, target.location, `${schemaPointer(target, part)}${d.path.length ? '/' + d.path.join('/') : ''}`);
        if (f) reported.push(f);
      }
    }
  }
  if (broken.length > 0 || formatBroken) {
    ctx.broken.push({ message: curr, findings: reported });
  } else if (same) {
    for (const part of ['payload', 'headers'] as const) {
      if (!comparable(same, curr, part)) continue;
      for (const d of changesBetween(same[part], curr[part])) {
        if (ANNOTATION_DIFFERENCES.has(d.type)) continue;
        const path = d.path.length ? '/' + d.path.join('/') : '';
        const f = reportAs(ctx, d.type, 'info', `Message \`${curr.id}\` (${messageKeyOf(curr)})${sharedIn(ctx, curr)}, ${fieldLabel(part, d.path)}: ${describeDifference(d, 'backward')} (compatible under \`${mode}\`).`, curr.location, undefined, `${schemaPointer(curr, part)}${path}`);
        if (f) keepReachable(f, same.location, `${schemaPointer(same, part)}${path}`);
      }
    }
  }
}


/** ` as used by \`order-events\``` when the message is defined outside the document (a shared file several documents use). */
function sharedIn(ctx: AsyncDiffContext, m: EventMessage): string {
  return m.location.file === ctx.curr.file ? '' : ` as used by \`${ctx.curr.name}\``;
}

/**
 * `event-breaking-needs-new-version`, once per message whose incompatible
 * changes are not all accepted: `kept` is what is left after suppressions.
 */
export function checkEventVersions(ctx: AsyncDiffContext, kept: readonly Finding[]): Finding[] {
  const live = new Set(kept);
  const out: Finding[] = [];
  for (const { message: curr, findings } of ctx.broken) {
    const count = findings.filter((f) => live.has(f)).length;
    if (count === 0) continue;
    const major = versionOf(curr)?.[0] ?? 1;
    out.push({
      ruleId: EVENT_NEEDS_NEW_VERSION_ID,
      severity: 'error',
      kind: 'asyncapi',
      file: curr.location.file,
      ...(curr.location.pointer !== undefined ? { pointer: curr.location.pointer } : { line: curr.location.line ?? 1, column: curr.location.column ?? 1 }),
      message: `Message \`${curr.id}\` (${messageKeyOf(curr)})${sharedIn(ctx, curr)} changed incompatibly under event version ${major} (${count} incompatible change${count === 1 ? '' : 's'}): publish the change as a new version of the event — a new message with \`x-event-version: ${major + 1}\` — and keep v${major} until its consumers have moved.`,
      hint: `Add the v${major + 1} message beside v${major}, publish both during the migration window, and add an upcaster v${major} → v${major + 1} for consumers that upcast.`,
    });
  }
  return out;
}
