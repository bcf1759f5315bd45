/**
 * Runs once before the test files: compiles the fake API's request validators from the vendored
 * OpenAPI document (src/testing/fake/spec/validators.js is derived, not committed).
 */
// @ts-expect-error a build script without type declarations
import { buildSpecValidators } from "../../scripts/build-spec-validators.mjs";

export default function setup(): void {
  (buildSpecValidators as () => unknown)();
}
