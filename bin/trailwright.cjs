#!/usr/bin/env node
// The bundled CLI (dist/cli.cjs, built by `npm install` / `npm run bundle`).
// CommonJS, so generate and init start without Node's ES-module loader (src/cli/main.ts).
require("../dist/cli.cjs");
