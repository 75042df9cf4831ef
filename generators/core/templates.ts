/**
 * Handlebars templates at the leaves: `templates/<generator>/<name>.hbs`
 * render bodies from a typed view model. Templates never contain import lines
 * (imports come from {@link createTsFile}); every identifier, string and doc
 * comment they print goes through the safe helpers registered here.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { packageFile } from '../../contracts/source/package-files.js';
import { camelCase, docComment, pascalCase, propertyKey, stringLiteral } from './names.js';

const hbs = Handlebars.create();
hbs.registerHelper('str', (s: unknown) => stringLiteral(String(s ?? '')));
hbs.registerHelper('key', (s: unknown) => propertyKey(String(s ?? '')));
hbs.registerHelper('camel', (s: unknown) => camelCase(String(s ?? '')));
hbs.registerHelper('pascal', (s: unknown) => pascalCase(String(s ?? '')));
hbs.registerHelper('doc', (s: unknown, indent: unknown) => docComment([typeof s === 'string' ? s : undefined], typeof indent === 'string' ? indent : ''));
hbs.registerHelper('json', (v: unknown) => JSON.stringify(v));

const cache = new Map<string, Handlebars.TemplateDelegate>();

/** Renders `templates/<generator>/<name>.hbs` with `view`. Output is not HTML-escaped. */
export function renderTemplate(generator: string, name: string, view: object): string {
  const key = `${generator}/${name}`;
  let template = cache.get(key);
  if (!template) {
    const text = readFileSync(packageFile('templates', generator, `${name}.hbs`), 'utf8');
    template = hbs.compile(text, { noEscape: true, strict: true });
    cache.set(key, template);
  }
  return template(view);
}
