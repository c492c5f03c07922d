// Types for fast-token-resolution.mjs (plain Node, run before anything is compiled).
export function patchResolve(source: string): string;
export function patchEncoding(source: string): string;
export const fastTokenResolution: { readonly name: string; setup(build: unknown): void };
