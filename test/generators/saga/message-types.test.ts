/** Protobuf message types of saga steps: protobuf-es field names, optional fields, `| undefined` on the read side, one alias per message and side. */
import { expect, it } from 'vitest';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { createRefTypes } from '../../../generators/core/schema-ts/declare-refs.js';
import { localName, messageType } from '../../../generators/saga/message-types.js';

const field = (name: string, fieldKind: string, type: string) => ({ name, fieldKind, type });
const proto = {
  root: 'proto',
  messages: [
    { fullName: 'pay.v1.Charge', name: 'Charge', fields: [field('order_id', 'scalar', 'string'), field('amount_cents', 'scalar', 'int64'), field('card', 'message', '.pay.v1.Card'), field('tags', 'list', 'string'), field('meta', 'map', 'map<string, string>')] },
    { fullName: 'pay.v1.Card', name: 'Card', fields: [field('last4', 'scalar', 'string'), field('kind', 'enum', '.pay.v1.Kind')] },
    { fullName: 'pay.v1.Empty', name: 'Empty', fields: [] },
  ],
} as unknown as ProtoContract;

it('prints messages as protobuf-es shapes, nested messages named once per side', () => {
  const types = createRefTypes(() => undefined);
  expect(messageType(types, proto, 'pay.v1.Charge', 'write')).toBe('Charge');
  expect(messageType(types, proto, 'pay.v1.Charge', 'read')).toBe('Charge2');
  expect(messageType(types, proto, 'pay.v1.Empty')).toBe('Empty');
  expect(messageType(types, proto, 'pay.v1.Missing')).toBe('unknown');
  expect(types.declarations()).toBe(
    [
      '/** The protobuf message `pay.v1.Charge`. */\nexport type Charge = {\n  orderId?: string;\n  amountCents?: bigint;\n  card?: Card;\n  tags?: string[];\n  meta?: Record<string, unknown>;\n};\n',
      '/** The protobuf message `pay.v1.Card`. */\nexport type Card = {\n  last4?: string;\n  kind?: number;\n};\n',
      '/** The protobuf message `pay.v1.Charge` (as a participant returns it). */\nexport type Charge2 = {\n  orderId?: string | undefined;\n  amountCents?: bigint | undefined;\n  card?: Card2 | undefined;\n  tags?: string[] | undefined;\n  meta?: Record<string, unknown> | undefined;\n};\n',
      '/** The protobuf message `pay.v1.Card` (as a participant returns it). */\nexport type Card2 = {\n  last4?: string | undefined;\n  kind?: number | undefined;\n};\n',
      '/** The protobuf message `pay.v1.Empty`. */\nexport type Empty = Record<string, never>;\n',
    ].join('\n'),
  );
  expect(localName('order_id_2')).toBe('orderId2');
});
