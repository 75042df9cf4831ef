/**
 * The user-owned steps file (`<saga>.steps.ts`): created once with a stub per
 * step, then only ever added to. On regeneration ts-morph parses the user's
 * file and inserts stubs for new steps (and new compensations); code already
 * there is kept byte for byte, and steps no longer in the saga are reported
 * for the user to delete.
 */
import { Node, Project, type ObjectLiteralExpression } from 'ts-morph';
import { propertyKey, stringLiteral } from '../core/names.js';
import { createTsFile } from '../core/ts-file.js';
import { sagaFileNames, stepsConst } from './emit-module.js';
import type { SagaView, StepView } from './saga-view.js';

/** The merged file and what the user should know. */
export interface StepsFileResult {
  content: string;
  added: string[];
  removed: string[];
  /** Set when the file could not be merged (it is then left as it was). */
  problem?: string;
}

const notImplemented = (what: string) => `{\n  throw new Error(${stringLiteral(`not implemented: ${what}`)});\n}`;
/** Indents every line after the first by `by` (the first sits after a key). */
const nest = (text: string, by = '  ') => text.replace(/\n/g, `\n${by}`);
const block = (parts: string[]) => `{\n${parts.map((p) => `  ${nest(p)},`).join('\n')}\n}`;

function compensateStub(s: StepView): string {
  return block([
    s.compensate!.local ? `run: async (data, ctx) => ${notImplemented(`${s.step.name} compensate`)}` : `request: (data) => ${notImplemented(`${s.step.name} compensate request`)}`,
  ]);
}

function stepStub(s: StepView): string {
  const parts = s.call.local
    ? [`run: async (data, ctx) => ${notImplemented(`${s.step.name} run`)}`]
    : [`request: (data) => ${notImplemented(`${s.step.name} request`)}`, `apply: (data, response) => ${notImplemented(`${s.step.name} apply`)}`];
  if (s.compensate) parts.push(`compensate: ${compensateStub(s)}`);
  return block(parts);
}

/** The first version of the steps file. */
export function initialStepsFile(v: SagaView): string {
  const names = sagaFileNames(v.saga.saga);
  const body = v.steps.map((s) => `  ${propertyKey(s.step.name)}: ${nest(stepStub(s))},\n`).join('');
  const header =
    `/**\n * The ${v.saga.saga} saga's steps: yours to edit. For each step, the request it\n` +
    ` * sends and how the response changes the saga's data; for each compensation,\n` +
    ` * its request. \`contractkit generate\` adds stubs for new steps here and never\n` +
    ` * changes what you wrote.\n */\n`;
  const file = createTsFile(names.steps, header, { gapAfterHeader: false });
  const name = file.declare(stepsConst(v.saga.saga));
  const steps = file.importType(`${v.base}Steps`, `./${names.module.replace(/\.ts$/, '.js')}`);
  file.print(`export const ${name}: ${steps} = {\n${body}};\n`);
  return file.toGeneratedFile().content;
}

const keyText = (n: Node) => {
  const name = Node.isPropertyAssignment(n) || Node.isMethodDeclaration(n) || Node.isShorthandPropertyAssignment(n) ? n.getNameNode() : undefined;
  if (!name) return undefined;
  return Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name) ? name.getLiteralText() : name.getText();
};

function objectOf(node: Node | undefined): ObjectLiteralExpression | undefined {
  let n = node;
  // `{…} satisfies X`, `{…} as X`, `({…})`
  while (n && (Node.isSatisfiesExpression(n) || Node.isAsExpression(n) || Node.isParenthesizedExpression(n))) n = n.getExpression();
  return n && Node.isObjectLiteralExpression(n) ? n : undefined;
}

/**
 * Text edits that add `key: initializer` as the last property of `obj`,
 * touching nothing else: a comma after the last property if it has none,
 * then the new property on its own lines before the closing brace.
 */
function appendProperty(text: string, obj: ObjectLiteralExpression, key: string, initializer: string): { pos: number; insert: string }[] {
  const close = obj.getEnd() - 1;
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  const closeIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const indent = closeIndent + '  ';
  const edits: { pos: number; insert: string }[] = [];
  const last = obj.getProperties().at(-1);
  if (last && !/^\s*,/.test(text.slice(last.getEnd(), close))) edits.push({ pos: last.getEnd(), insert: ',' });
  const prop = `${indent}${key}: ${nest(initializer, indent)},\n`;
  // the brace alone on its line: insert above it; else open a line before it
  if (text.slice(lineStart, close).trim() === '') edits.push({ pos: lineStart, insert: prop });
  else edits.push({ pos: close, insert: `\n${prop}${closeIndent}` });
  return edits;
}

/** Adds stubs for new steps to the user's `existing` steps file. */
export function mergeStepsFile(v: SagaView, existing: string): StepsFileResult {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('steps.ts', existing);
  const name = stepsConst(v.saga.saga);
  const obj = objectOf(file.getVariableDeclaration(name)?.getInitializer());
  if (!obj) {
    return { content: existing, added: [], removed: [], problem: `could not find \`export const ${name} = { … }\`; add new steps by hand` };
  }
  const added: string[] = [];
  const edits: { pos: number; insert: string }[] = [];
  const props = new Map(obj.getProperties().map((p) => [keyText(p), p]));
  const fresh: StepView[] = [];
  for (const s of v.steps) {
    const prop = props.get(s.step.name);
    if (!prop) {
      fresh.push(s);
      continue;
    }
    if (s.compensate && Node.isPropertyAssignment(prop)) {
      const inner = objectOf(prop.getInitializer());
      if (inner && !inner.getProperties().some((p) => keyText(p) === 'compensate')) {
        edits.push(...appendProperty(existing, inner, 'compensate', compensateStub(s)));
        added.push(`${s.step.name} (compensate)`);
      }
    }
  }
  if (fresh.length > 0) {
    // all new steps go in one insertion, in saga order
    const [first, ...rest] = fresh;
    const e = appendProperty(existing, obj, propertyKey(first!.step.name), stepStub(first!));
    const at = e.at(-1)!;
    const indent = /\n?([ \t]*)/.exec(at.insert)![1]!;
    for (const s of rest) {
      const more = `${indent}${propertyKey(s.step.name)}: ${nest(stepStub(s), indent)},\n`;
      at.insert = at.insert.startsWith('\n') ? at.insert.replace(/([ \t]*)$/, `${more}$1`) : at.insert + more;
    }
    edits.push(...e);
    added.push(...fresh.map((s) => s.step.name));
  }
  const wanted = new Set(v.steps.map((s) => s.step.name));
  const removed = [...props.keys()].filter((k): k is string => k !== undefined && !wanted.has(k));
  let content = existing;
  for (const e of edits.sort((a, b) => b.pos - a.pos)) content = content.slice(0, e.pos) + e.insert + content.slice(e.pos);
  return { content, added, removed };
}
