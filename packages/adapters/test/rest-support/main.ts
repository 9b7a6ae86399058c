/**
 * Child-process entry of the REST test servers (started by wtr-plugin.mjs): starts them,
 * prints their URLs as one JSON line on stdout, and stops them on SIGTERM or when the
 * parent goes away (stdin closes).
 */
import { startTestServers } from './servers.js';

const servers = await startTestServers();
process.stdout.write(`${JSON.stringify(servers.urls)}\n`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await servers.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
