// undici's Pool module, loaded alone by the undici transport (see loadPool). undici ships no
// declaration for it; the module exports the same class as undici's package entry.
declare module "undici/lib/dispatcher/pool.js" {
  import type { Pool } from "undici";
  const PoolClass: typeof Pool;
  export default PoolClass;
}
