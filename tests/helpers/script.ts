import type { ReceivedRequest, Reply, RequestHandler } from "../../src/testing/types.js";

/**
 * A scripted server: answers with queued replies in order (then with `fallback`) and records
 * every request that reached it.
 */
export class Script {
  readonly received: ReceivedRequest[] = [];
  private readonly queue: (Reply | ((request: ReceivedRequest) => Reply))[] = [];
  fallback: Reply = { status: 200, body: {} };

  /** Queues replies for the next requests. */
  reply(...replies: (Reply | ((request: ReceivedRequest) => Reply))[]): this {
    this.queue.push(...replies);
    return this;
  }

  readonly handler: RequestHandler = (request) => {
    this.received.push(request);
    const next = this.queue.shift() ?? this.fallback;
    return typeof next === "function" ? next(request) : next;
  };

  /** JSON bodies of the received requests. */
  bodies(): unknown[] {
    return this.received.map((r) => (r.body ? JSON.parse(r.body) : undefined));
  }
}
