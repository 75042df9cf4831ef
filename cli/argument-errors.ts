/**
 * What the CLI prints for an argument yargs refuses: the error first, in one
 * line and in contractkit's words (with "did you mean" for commands, options
 * and choices such as targets), then a short usage line and where the help is;
 * not the whole help text, which buried the one line that mattered.
 */
import { closest } from '../contracts/source/suggest.js';

/** What the CLI knows about the command line yargs refused. */
export interface ArgumentContext {
  /** The raw arguments (without node and script). */
  argv: readonly string[];
  /** Every command name. */
  commands: readonly string[];
  /** The command run, when `argv` names one: its name and yargs command string (`generate [target] [contract]`). */
  command?: { name: string; usage: string };
  /** Option names (long forms) and choices of the command run, as yargs has them. */
  options: readonly string[];
  choices: Readonly<Record<string, readonly string[]>>;
}

/** The lines to print (ending in a newline): the error, a usage line, where the help is. */
export function explainArgumentError(message: string, ctx: ArgumentContext): string {
  const who = ctx.command ? `contractkit ${ctx.command.name}` : 'contractkit';
  const usage = ctx.command ? `Usage: contractkit ${ctx.command.usage} [options]` : 'Usage: contractkit <command> [options]';
  const help = ctx.command ? `Run \`contractkit ${ctx.command.name} --help\` for its options.` : 'Run `contractkit --help` for the commands and options.';
  return `${who}: ${describe(message, ctx)}\n${usage}\n${help}\n`;
}

function describe(message: string, ctx: ArgumentContext): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (unknown) return describeUnknown(splitList(unknown[1]!), ctx);
  const invalid = /Argument: (\S+), Given: (.*), Choices: /.exec(message);
  if (invalid) return describeChoice(invalid[1]!, unquote(invalid[2]!), ctx);
  if (message === NO_COMMAND) return `name a command: ${list(ctx.commands, 'or')}.`;
  const missing = /^Missing required arguments?: ([^\n]+)/.exec(message);
  if (missing) {
    const names = splitList(missing[1]!).map((n) => (ctx.options.includes(n) && !positional(n, ctx) ? `\`--${n}\`` : `<${n}>`));
    return `missing ${names.length > 1 ? 'required arguments' : 'required argument'} ${names.join(', ')}.`;
  }
  const few = /^Not enough non-option arguments: got (\d+), need at least (\d+)/.exec(message);
  if (few) return `too few arguments (got ${few[1]}, need at least ${few[2]}).`;
  // anything else yargs says (missing values, conflicts): its first line, as a sentence of ours
  const first = message.split('\n')[0]!.trim();
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** The message given to yargs' `demandCommand`, recognised here. */
export const NO_COMMAND = 'no command';

function describeUnknown(names: string[], ctx: ArgumentContext): string {
  if (!ctx.command) {
    const name = names[0]!;
    if (!ctx.argv.some((a) => /^-/.test(a) && optionName(a) === name)) {
      const best = closest(name, ctx.commands);
      return `unknown command \`${name}\`.${best ? ` Did you mean \`${best}\`?` : ` Commands: ${list(ctx.commands, 'and')}.`}`;
    }
  }
  // yargs lists `--fail-onn` twice, as fail-onn and failOnn
  const distinct = names.filter((n) => !(/[A-Z]/.test(n) && names.includes(kebab(n))));
  const options = distinct.filter((n) => ctx.argv.some((a) => /^-/.test(a) && (optionName(a) === n || optionName(a) === `no-${n}`)));
  const positionals = distinct.filter((n) => !options.includes(n));
  const parts: string[] = [];
  if (options.length > 0) {
    const described = options.map((n) => {
      const no = ctx.argv.some((a) => optionName(a) === `no-${n}`) ? 'no-' : '';
      return { name: `\`--${no}${n}\``, best: closest(n, ctx.options.filter((o) => o.length > 1)), no };
    });
    if (described.length === 1) {
      const [d] = described;
      parts.push(`unknown option ${d!.name}.${d!.best ? ` Did you mean \`--${d!.no}${d!.best}\`?` : ''}`);
    } else {
      parts.push(`unknown options ${described.map((d) => `${d.name}${d.best ? ` (did you mean \`--${d.no}${d.best}\`?)` : ''}`).join(', ')}.`);
    }
  }
  if (positionals.length > 0) parts.push(`unexpected argument${positionals.length > 1 ? 's' : ''} ${positionals.map((p) => `\`${p}\``).join(', ')}.`);
  return parts.join(' ');
}

function describeChoice(key: string, given: string, ctx: ArgumentContext): string {
  const choices = ctx.choices[key] ?? [];
  const best = closest(given, choices);
  const suggestion = best ? ` Did you mean \`${best}\`?` : '';
  if (positional(key, ctx)) return `unknown ${key} \`${given}\`.${suggestion} ${capital(key)}s: ${choices.join(', ')}.`;
  return `\`--${key} ${given}\` is not one of ${choices.join(', ')}.${suggestion}`;
}

/** Whether `key` is a positional of the command (`[target]`, `<id>`, `[paths..]`). */
function positional(key: string, ctx: ArgumentContext): boolean {
  return !!ctx.command && new RegExp(`[<[]${key}(\\.\\.)?[\\]>]`).test(ctx.command.usage);
}

/** `--format=json` → `format`, `-h` → `h`. */
function optionName(arg: string): string {
  return arg.replace(/^--?/, '').replace(/=.*$/, '');
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function splitList(text: string): string[] {
  return text.split(', ').map((s) => s.replace(/^"(.*)"$/, '$1'));
}

function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1');
}

function list(items: readonly string[], word: 'and' | 'or'): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
