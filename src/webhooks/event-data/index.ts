export type * from "./link.js";
export type * from "./click.js";
export type * from "./conversion.js";
export type * from "./partner.js";
export type * from "./commission.js";
export type * from "./bounty.js";
export type * from "./payout.js";
export type * from "./discount-code.js";
