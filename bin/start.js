#!/usr/bin/env node
// `npm start`: bundles src/ into dist/ when src/ changed since the last build (bin/build.js), then
// runs the server from there.
const { ensureBuilt } = require('./build');

require(ensureBuilt());
