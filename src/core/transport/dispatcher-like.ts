/**
 * What the Node transport needs of an undici `Dispatcher`: its `dispatch` method. undici's
 * `ProxyAgent`, `EnvHttpProxyAgent`, `Agent`, `Pool`, `MockAgent` and `RetryAgent` all fit.
 * Declared here rather than imported from undici so that the package's types need neither undici's
 * nor Node's.
 */
export interface DispatcherLike {
  /** undici's `Dispatcher.dispatch(options, handler)`. */
  dispatch(options: object, handler: object): boolean;
}

/** How the Node transport reaches the network when no `dispatcher` is given. */
export type ProxySetting = "env";
