import type { ViteDevServer } from 'vite';
/** Starts the demo portal's Vite server (demo/ by default) and resolves once it listens. */
export function startDemoServer(options?: {
  root?: string;
  host?: string;
  port?: number;
  strictPort?: boolean;
  open?: boolean;
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}): Promise<{ server: ViteDevServer; url: string }>;
