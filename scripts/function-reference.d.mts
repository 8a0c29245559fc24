// Types of function-reference.mjs, for the TypeScript test that checks docs/functions.md.
export const REFERENCE_FILE: string;
export const BEGIN: string;
export const END: string;
export function functionReference(metadata: { functions: unknown[] }): string;
export function withReference(document: string, reference: string): string;
