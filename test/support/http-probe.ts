/**
 * Low-level probes for tests that must set headers browsers set (Origin): one HTTP request, or
 * one WebSocket upgrade attempt, reporting the status the server answered with.
 */
import { request } from 'node:http';
import WebSocket from 'ws';

/** Sends one request and resolves with its status and body text. */
export function probeRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Tries a WebSocket upgrade. Resolves with 101 when the socket opened (and closes it), else with
 * the HTTP status the server refused it with, and that response's body.
 */
export function probeUpgrade(url: string, origin?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.on('open', () => {
      socket.close();
      resolve({ status: 101, body: '' });
    });
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    socket.on('error', (err) => {
      // After 'unexpected-response' ws may still report an error; the first settle wins.
      if (!/Unexpected server response/.test(err.message)) reject(err);
    });
  });
}
