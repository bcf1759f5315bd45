/**
 * `error` with `note` appended to its message (and to the first line of its stack, which
 * repeats the message), for what the client knows about a failure that the code which built the
 * error did not: that it was not retried, and why.
 */
export function withNote<E extends Error>(error: E, note: string): E {
  const message = `${error.message} (${note})`;
  if (typeof error.stack === "string") error.stack = error.stack.replace(error.message, message);
  error.message = message;
  return error;
}
