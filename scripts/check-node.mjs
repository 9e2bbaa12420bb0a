// Every npm script must run on the Node the project pins (the `node` devDependency, Node 24).
// `npm ci --ignore-scripts` or calling node_modules/.bin/* directly falls back to the system's
// Node (v20 on our machines), where node:sqlite and type stripping are missing: fail loudly.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `Copydesk: scripts are running on Node ${process.versions.node}, but the project needs Node 24.\n` +
      'Run them through npm (npm test, npm run …) after a plain `npm install`, which installs the pinned Node 24.'
  );
  process.exit(1);
}
