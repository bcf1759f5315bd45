import type { RouteContext } from "../../../src/testing/fake/routes/context.js";
import { createRandom } from "../../../src/testing/fake/random.js";
import { FakeState } from "../../../src/testing/fake/state.js";

/**
 * A route context over a fresh state whose `emit` records the events, for the routes' webhook
 * events: the fake keeps them with its state, which a test reaches only through the routes.
 */
export function recordingContext(now = Date.parse("2026-11-24T10:00:00.000Z")): RouteContext & { events: { event: string; data: any }[] } {
  const events: { event: string; data: any }[] = [];
  return {
    state: new FakeState(),
    random: createRandom("events"),
    now,
    domain: "acme.link",
    programUrl: "https://acme.com",
    emit: (event, data) => void events.push({ event, data: structuredClone(data) }),
    events,
  };
}
