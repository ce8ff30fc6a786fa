/**
 * The fan-out seam. The core publishes every delivery here; subscribers (one per server process)
 * hand it to their local clients. In memory today; a Redis-backed bus can replace it to spread
 * one chat over several processes without touching the core or the transports.
 */
import type { Delivery } from './delivery';

export interface ChatBus {
  /** Sends a delivery to every subscriber (this process's included). */
  publish(delivery: Delivery): void;
  /** Registers a handler; returns the function that removes it. */
  subscribe(handler: (delivery: Delivery) => void): () => void;
}

/** A bus inside one process: synchronous, ordered, no copies. */
export class InMemoryChatBus implements ChatBus {
  private readonly handlers = new Set<(delivery: Delivery) => void>();

  publish(delivery: Delivery): void {
    for (const handler of this.handlers) handler(delivery);
  }

  subscribe(handler: (delivery: Delivery) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
}
