// `node --import ./examples/orders/services/register-ts.js <file.ts>`: see ts-hooks.js.
import { register } from 'node:module';

register('./ts-hooks.js', import.meta.url);
