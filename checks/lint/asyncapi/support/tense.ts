/**
 * A small heuristic for "is this event name in the past tense?".
 *
 * English has no reliable rule, so this is deliberately modest: a word is past
 * when it is a regular participle (`placed`, `cancelled`) or one of the common
 * irregular ones (`paid`, `sent`); a name reads as a command when one of its
 * words is a verb commonly used imperatively (`process`, `reserve`). Teams add
 * their own words through the rule's options.
 */

/** Irregular past participles (and simple pasts) that show up in event names. */
export const IRREGULAR_PAST = new Set([
  'arisen', 'become', 'begun', 'bent', 'bid', 'bled', 'bound', 'bought', 'broken', 'brought', 'built', 'caught',
  'chosen', 'come', 'cut', 'dealt', 'done', 'drawn', 'driven', 'dug', 'eaten', 'fallen', 'fed', 'felt', 'fled',
  'forbidden', 'forgiven', 'forgotten', 'fought', 'found', 'frozen', 'given', 'gone', 'got', 'gotten', 'ground',
  'had', 'heard', 'held', 'hid', 'hidden', 'hit', 'hung', 'kept', 'known', 'laid', 'led', 'left', 'lent', 'let',
  'lit', 'lost', 'made', 'meant', 'met', 'mislaid', 'overridden', 'overwritten', 'paid', 'prepaid', 'put', 'quit',
  'read', 'rebuilt', 'redone', 'repaid', 'reread', 'resent', 'reset', 'resold', 'rewritten', 'ridden', 'risen',
  'run', 'rung', 'said', 'sat', 'seen', 'sent', 'set', 'shaken', 'shed', 'shot', 'shown', 'shrunk', 'shut', 'slid',
  'sold', 'sought', 'spent', 'split', 'spoken', 'spun', 'stolen', 'stood', 'struck', 'stuck', 'sung', 'sunk',
  'swept', 'sworn', 'taken', 'taught', 'thought', 'thrown', 'told', 'torn', 'undergone', 'understood', 'undone',
  'upheld', 'upset', 'withdrawn', 'withheld', 'woken', 'won', 'worn', 'wound', 'written',
]);

/** Words ending in `-ed` that are not past forms. */
const NOT_PAST_ED = new Set(['bed', 'red', 'embed', 'shred', 'need', 'feed', 'seed', 'speed', 'breed', 'bleed', 'proceed', 'succeed', 'exceed', 'weed', 'greed', 'deed', 'reed', 'steed', 'unembed']);

/** Verbs used in the imperative for commands (`process.order`, `reserve.inventory`, `send-email`). */
export const COMMAND_VERBS = new Set([
  'accept', 'activate', 'add', 'adjust', 'allocate', 'apply', 'approve', 'archive', 'assign', 'authorize', 'authorise',
  'begin', 'block', 'book', 'buy', 'calculate', 'cancel', 'capture', 'change', 'charge', 'check', 'close', 'collect',
  'commit', 'compute', 'confirm', 'create', 'deactivate', 'debit', 'decline', 'delete', 'deliver', 'deny', 'deposit',
  'disable', 'dispatch', 'do', 'emit', 'enable', 'execute', 'export', 'fetch', 'finish', 'fulfil', 'fulfill',
  'generate', 'get', 'grant', 'handle', 'hold', 'import', 'invite', 'invoice', 'issue', 'lock', 'make', 'mark',
  'modify', 'move', 'notify', 'open', 'pack', 'pay', 'pick', 'place', 'post', 'print', 'process', 'publish',
  'purchase', 'put', 'recalculate', 'record', 'refund', 'register', 'reject', 'release', 'remove', 'rename', 'renew',
  'request', 'reserve', 'resend', 'restore', 'resume', 'retry', 'return', 'revoke', 'run', 'save', 'schedule', 'sell',
  'send', 'set', 'ship', 'sign', 'start', 'stop', 'submit', 'subscribe', 'suspend', 'sync', 'synchronize', 'transfer',
  'trigger', 'unlock', 'unsubscribe', 'update', 'upload', 'validate', 'verify', 'void', 'withdraw',
]);

/** Splits an event type into lowercase words: `order.lineItem-added` → order, line, item, added. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when `word` is a past form: a regular `-ed` participle or a known irregular one. */
export function isPastWord(word: string, extra: ReadonlySet<string> = new Set()): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PAST.has(w) || extra.has(w)) return true;
  if (NOT_PAST_ED.has(w)) return false;
  // `-eed` is mostly a stem (need, succeed) except a few participles of -ee verbs.
  if (w.endsWith('eed')) return ['agreed', 'decreed', 'disagreed', 'freed', 'guaranteed', 'refereed'].includes(w);
  return w.length > 3 && w.endsWith('ed');
}

/** The verdict on one event type. */
export type TenseVerdict = { kind: 'past' } | { kind: 'command'; verb: string } | { kind: 'not-past'; word: string };

/**
 * Judges an event type. The event part is its last dot-separated segment
 * (`order.placed` → `placed`, `order.status-changed` → `status-changed`): it is
 * past when one of its words is. Otherwise the name is a command when any word
 * is an imperative verb (`process.order` → `process`), else simply not past.
 */
export function judgeTense(eventType: string, extraPast: ReadonlySet<string> = new Set(), extraCommands: ReadonlySet<string> = new Set()): TenseVerdict {
  // A trailing version segment (`order.placed.v2`) is event-name-format's concern, not a word.
  const segments = eventType.split('.').filter((s, i, all) => !(i === all.length - 1 && i > 0 && /^v\d+$/i.test(s)));
  const eventWords = wordsOf(segments[segments.length - 1] ?? eventType);
  if (eventWords.some((w) => isPastWord(w, extraPast))) return { kind: 'past' };
  const verb = wordsOf(eventType).find((w) => COMMAND_VERBS.has(w) || extraCommands.has(w));
  if (verb) return { kind: 'command', verb };
  return { kind: 'not-past', word: eventWords[eventWords.length - 1] ?? eventType };
}
