// Preloaded (node --import) into CLI runs by tests/no-network.test.ts. Records every module the
// run loads, ES modules through a resolve hook and CommonJS through Module._load, and every
// attempt to reach the network, as JSON lines in the file named by NHSSM_LOAD_LOG.
import { appendFileSync } from 'node:fs';
import dgram from 'node:dgram';
import dns from 'node:dns';
import Module, { register } from 'node:module';
import net from 'node:net';

const logFile = process.env.NHSSM_LOAD_LOG;
if (logFile === undefined) throw new Error('NHSSM_LOAD_LOG must name the log file');
const record = (entry) => appendFileSync(logFile, `${JSON.stringify(entry)}\n`);

register('./resolve-hook.mjs', import.meta.url);

const loadModule = Module._load;
Module._load = function recordedLoad(request, parent, isMain) {
  let url = request;
  try {
    url = Module._resolveFilename(request, parent, isMain);
  } catch {
    // Left to the real loader, which reports the failure itself.
  }
  record({ type: 'load', from: parent?.filename ?? null, specifier: request, url });
  return loadModule.apply(this, arguments);
};

/** Replaces a function with one that records the attempt and refuses it. */
function refuse(owner, name, label) {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function refused() {
    record({ type: 'network', api: label, stack: new Error().stack });
    throw new Error(`network use refused in test: ${label}`);
  };
}

for (const name of ['fetch', 'WebSocket', 'EventSource', 'XMLHttpRequest']) refuse(globalThis, name, name);
refuse(net.Socket.prototype, 'connect', 'net.Socket#connect');
refuse(net, 'connect', 'net.connect');
refuse(net, 'createConnection', 'net.createConnection');
refuse(dgram, 'createSocket', 'dgram.createSocket');
refuse(dns, 'lookup', 'dns.lookup');
refuse(dns, 'resolve', 'dns.resolve');
