import "../dist/debug-cli.js";
