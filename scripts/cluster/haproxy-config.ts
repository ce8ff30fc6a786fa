/**
 * Renders the project's HAProxy config (deploy/haproxy.cfg.template) for a set of Lab nodes: one
 * frontend port, one backend with every node, sticky sessions on or off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the shipped template lives. */
export const HAPROXY_TEMPLATE_PATH = join(__dirname, '..', '..', 'deploy', 'haproxy.cfg.template');

/** One Lab node behind the proxy. */
export interface HaproxyBackend {
  /** Server name in HAProxy (also its SERVERID cookie value): letters, digits, `-`, `_`. */
  name: string;
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface HaproxyConfigOptions {
  frontPort: number;
  backends: HaproxyBackend[];
  /** Sticky sessions (source hash plus a cookie) or plain round robin. */
  sticky: boolean;
  /** Address the frontend binds, default 127.0.0.1. */
  bindHost?: string;
}

const MARKER = /\s*#\s*(@\S+(?:\s+@\S+)*)\s*$/;
const NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Fills the template in.
 * @param template the template's text (default: the shipped one)
 * @throws on no backends, a bad server name, or a placeholder left unfilled
 */
export function renderHaproxyConfig(options: HaproxyConfigOptions, template = readFileSync(HAPROXY_TEMPLATE_PATH, 'utf8')): string {
  if (options.backends.length === 0) throw new Error('HAProxy needs at least one backend');
  for (const b of options.backends) if (!NAME.test(b.name)) throw new Error(`bad HAProxy server name: ${JSON.stringify(b.name)}`);
  const globals = { bindHost: options.bindHost ?? '127.0.0.1', frontPort: String(options.frontPort) };
  const out: string[] = [];
  for (const line of template.split('\n')) {
    // Comment lines are documentation: they may name placeholders and markers, and stay as they are.
    if (line.trimStart().startsWith('#')) {
      out.push(line);
      continue;
    }
    const marker = MARKER.exec(line);
    if (!marker) {
      out.push(fill(line, globals));
      continue;
    }
    const tags = marker[1].split(/\s+/);
    const body = line.slice(0, marker.index);
    if (tags.includes('@sticky') && !options.sticky) continue;
    if (tags.includes('@roundrobin') && options.sticky) continue;
    const unknown = tags.find((t) => !['@sticky', '@roundrobin', '@each'].includes(t));
    if (unknown) throw new Error(`unknown template marker ${unknown}`);
    if (!tags.includes('@each')) {
      out.push(fill(body, globals));
      continue;
    }
    for (const b of options.backends) out.push(fill(body, { ...globals, name: b.name, host: b.host ?? '127.0.0.1', port: String(b.port) }));
  }
  const left = out.map((line) => (line.trimStart().startsWith('#') ? null : /\{\{(\w+)\}\}/.exec(line))).find((m) => m);
  if (left) throw new Error(`template placeholder {{${left[1]}}} has no value`);
  return out.join('\n');
}

function fill(line: string, values: Record<string, string>): string {
  return line.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}
