// scenario.mjs is ESM, and tsc's `module: commonjs` output turns import() into require(): this
// file, not compiled, keeps the dynamic import.
module.exports = () => import("../scenario.mjs");
