/**
 * Where a deleted proto element was in the previous version. buf reports a
 * deletion at the enclosing element of the current file (a deleted field at
 * its message, an RPC at its service, a top-level type at the file); the
 * element itself is found in the previous contract by the names buf's
 * message gives.
 */
import path from 'node:path';
import type { PreviousLocation } from '../../../contracts/finding.js';
import type { ProtoContract, SourceRef } from '../../../contracts/model/types.js';

/** The previous location of what a buf deletion finding names, or undefined for other findings. */
export function previousLocationOf(previous: ProtoContract, bufPath: string | undefined, message: string): PreviousLocation | undefined {
  const file = (name: string) => {
    const i = previous.protoFiles.indexOf(name);
    return i >= 0 ? previous.files[i]! : path.join(previous.root, name);
  };
  const deletedFile = /^Previously present file "([^"]+)" was deleted/.exec(message);
  if (deletedFile) return { file: file(deletedFile[1]!), line: 1, column: 1 };
  if (!bufPath || !message.startsWith('Previously present ')) return undefined;
  const inFile = file(bufPath);
  const named = <T extends { fullName: string; location: SourceRef }>(list: readonly T[], name: string): T | undefined =>
    list.find((x) => x.location.file === inFile && (x.fullName === name || x.fullName.endsWith(`.${name}`)));
  const at = (ref: SourceRef | undefined): PreviousLocation | undefined => (ref ? { file: ref.file, line: ref.line ?? 1, column: ref.column ?? 1 } : undefined);

  let m = /^Previously present field "(\d+)" with name "[^"]*" on message "([^"]+)"/.exec(message);
  if (m) {
    const owner = named(previous.messages, m[2]!);
    return at(owner?.fields.find((f) => f.number === Number(m![1]))?.location ?? owner?.location);
  }
  if ((m = /^Previously present (?:oneof|reserved \w+) "[^"]*" on message "([^"]+)"/.exec(message))) return at(named(previous.messages, m[1]!)?.location);
  if ((m = /^Previously present RPC "([^"]+)" on service "([^"]+)"/.exec(message))) {
    const service = named(previous.services, m[2]!);
    return at(service?.methods.find((x) => x.name === m![1])?.location ?? service?.location);
  }
  if ((m = /^Previously present enum value "\d+" on enum "([^"]+)"/.exec(message))) return at(named(previous.enums, m[1]!)?.location);
  if ((m = /^Previously present (message|service|enum) "([^"]+)" was deleted/.exec(message))) {
    const list = m[1] === 'message' ? previous.messages : m[1] === 'service' ? previous.services : previous.enums;
    return at(named<{ fullName: string; location: SourceRef }>(list, m[2]!)?.location);
  }
  return undefined;
}
