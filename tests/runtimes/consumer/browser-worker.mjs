// A dedicated Web Worker of the Chromium row (bundled as a classic script): the browser guard
// must see a browser here too, and dangerouslyAllowBrowser must let the client be built.
import { Dub, SDKValidationError } from "dub-partners";

let answer;
try {
  new Dub({ token: "dub_browser_smoke" });
  answer = "built a client in a Web Worker without dangerouslyAllowBrowser";
} catch (error) {
  answer = error instanceof SDKValidationError && error.issues[0]?.code === "browser_not_allowed" ? true : `${error?.name}: ${error?.message}`;
}
if (answer === true) {
  try {
    new Dub({ token: "dub_browser_smoke", dangerouslyAllowBrowser: true });
  } catch (error) {
    answer = `refused even with dangerouslyAllowBrowser: ${error?.message}`;
  }
}
self.postMessage(answer);
