// Tests start processes in other working directories (CLI, plugin, packed app): make a relative
// ARGO_SCHEMA_DIR (the README passes ../shared/argo) absolute so that they inherit a valid path.
const { resolve } = require('path');
if (process.env.ARGO_SCHEMA_DIR) process.env.ARGO_SCHEMA_DIR = resolve(process.env.ARGO_SCHEMA_DIR);
