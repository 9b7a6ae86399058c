/**
 * Browser entry: the import engine in a module worker.
 * @packageDocumentation
 */
export {
  createImportWorkerClient,
  type ImportWorkerClient,
  type ImportWorkerOptions,
} from './client.js';
