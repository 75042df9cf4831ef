import { describe, expect, it } from 'vitest';
import { camelCase, createNameScope, docComment, pascalCase, propertyKey, stringLiteral } from './names.js';
import { createTsFile, inlineTypeImport } from './ts-file.js';

describe('names', () => {
  it('makes identifiers from anything', () => {
    expect(pascalCase('order.placed v2')).toBe('OrderPlacedV2');
    expect(camelCase('GET /orders/{id}')).toBe('getOrdersId');
    expect(camelCase('delete')).toBe('delete_');
    expect(pascalCase('123abc')).toBe('_123abc');
    expect(camelCase('')).toBe('unnamed');
    expect(pascalCase('Ünïcödé naïve')).toBe('UnicodeNaive');
  });
  it('quotes keys and strings safely', () => {
    expect(propertyKey('a-b')).toBe("'a-b'");
    expect(propertyKey('ok_1')).toBe('ok_1');
    expect(stringLiteral("it's \\ \n \u2028")).toBe("'it\\'s \\\\ \\n \\u2028'");
  });
  it('keeps */ from ending a doc comment', () => {
    expect(docComment(['ends */ here'])).toBe('/** ends *\\/ here */\n');
    expect(docComment(['a\nb'], '  ')).toBe('  /**\n   * a\n   * b\n   */\n');
    expect(docComment([undefined, ' '])).toBe('');
  });
  it('hands out unique names, case-insensitively', () => {
    const scope = createNameScope(['Order']);
    expect(scope.claim('order')).toBe('order2');
    expect(scope.claim('Item')).toBe('Item');
    expect(scope.claim('item')).toBe('item2');
  });
});

describe('createTsFile', () => {
  it('builds one deduplicated, sorted import block with type-only and aliased imports', () => {
    const f = createTsFile('x.ts', '');
    f.declare('Order');
    const a = f.importType('Order', './types.js');
    const b = f.importValue('createClient', '@contractkit/runtime');
    const c = f.importType('Order', './types.js');
    const d = f.importType('RequestOptions', '@contractkit/runtime');
    f.print(`export type Order = ${a};\nconst x: ${d} = {};\n${b}(x);\n`);
    expect(a).toBe('Order_2');
    expect(c).toBe(a);
    expect(f.toGeneratedFile().content).toBe(
      "import { createClient, type RequestOptions } from '@contractkit/runtime';\nimport type { Order as Order_2 } from './types.js';\n\n" +
        `export type Order = Order_2;\nconst x: RequestOptions = {};\ncreateClient(x);\n`,
    );
  });

  it('keeps a labelled import in a statement of its own, after the module\'s others', () => {
    const f = createTsFile('v.ts', '// header\n', { gapAfterHeader: false, gapAfterImports: false });
    const helpers = f.importValue('ajvRuntime', '@contractkit/runtime/http', { statement: 'ajv' });
    const check = f.importValue('ajvCheck', '@contractkit/runtime/http');
    const type = f.importType('ValueCheck', '@contractkit/runtime/http');
    f.print(`export const v: ${type} = ${check}(${helpers}.equal);\n`);
    expect(f.toGeneratedFile().content).toBe(
      "// header\nimport { ajvCheck, type ValueCheck } from '@contractkit/runtime/http';\nimport { ajvRuntime } from '@contractkit/runtime/http';\n" +
        'export const v: ValueCheck = ajvCheck(ajvRuntime.equal);\n',
    );
  });

  it('an imported name that clashes with a declared one is aliased in generated files too (the steps file)', () => {
    const f = createTsFile('s.ts', '/** mine */\n', { gapAfterHeader: false });
    f.declare('PlaceOrderSteps');
    const t = f.importType('PlaceOrderSteps', './place-order.saga.js');
    expect(t).toBe('PlaceOrderSteps_2');
    expect(f.toGeneratedFile().content).toBe("/** mine */\nimport type { PlaceOrderSteps as PlaceOrderSteps_2 } from './place-order.saga.js';\n\n");
  });

  it('inline type imports quote the module safely', () => {
    expect(inlineTypeImport('OrderV1', './types.js')).toBe("import('./types.js').OrderV1");
    expect(inlineTypeImport('X', "./it's.js")).toBe("import('./it\\'s.js').X");
  });
});

