import { createId, type RandomSource } from "../random.js";
import type { FakeState } from "../state.js";

/**
 * Records the webhook event of a state change in `state` (`{ id, event, createdAt, data }`, as
 * Dub sends it); the fake's dispatcher delivers it to the receivers once the change is committed.
 */
export function recordEvent(state: FakeState, event: string, data: object, now: number, random: RandomSource): void {
  state.events.push({ id: createId("evt_", now, random), event, createdAt: new Date(now).toISOString(), data: structuredClone(data) });
}
