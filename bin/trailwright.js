#!/usr/bin/env node
// The bundled CLI (dist/cli.js, built by `npm install` / `npm run bundle`).
import "../dist/cli.js";
