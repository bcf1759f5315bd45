// The types of validators.js, which scripts/build-spec-validators.mjs generates (it is derived from
// spec/partner-program.openapi.json and not committed). Its exports are ajv validate functions,
// `<operationId>Body`, `<operationId>Query` and `<operationId>Path`; spec-validation.ts reads them
// by name.
export {};
