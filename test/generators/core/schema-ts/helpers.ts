/** Shared by the schema-ts tests: print a schema in a style, with or without hooks. */
import type { JsonSchema } from '../../../../contracts/model/types.js';
import { printContext, printSchema } from '../../../../generators/core/schema-ts/printer.js';
import { REF_STYLE } from '../../../../generators/core/schema-ts/declare-refs.js';
import { TITLED_STYLE } from '../../../../generators/core/schema-ts/declare-titled.js';
import { EXACT_STYLE, type Direction, type PrintHooks, type SchemaTsStyle, type TypedValueOptions } from '../../../../generators/core/schema-ts/types.js';

/** The three styles the targets print in, by name. */
export const STYLES: Record<'exact' | 'titled' | 'ref', SchemaTsStyle> = { exact: EXACT_STYLE, titled: TITLED_STYLE, ref: REF_STYLE };

/** Prints `schema` in `style` (exact by default). */
export function print(schema: JsonSchema | undefined, options: { style?: SchemaTsStyle; typed?: TypedValueOptions; dir?: Direction; hooks?: PrintHooks } = {}): string {
  return printSchema(schema, printContext(options));
}
