import { createMemorySagaStore } from '../../../runtime/src/saga/index.js';
import { describeSagaRuntime } from './saga-suite.js';

describeSagaRuntime('the in-memory store', async () => createMemorySagaStore());
