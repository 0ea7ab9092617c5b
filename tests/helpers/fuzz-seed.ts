// The seed of every property-based test: fixed, so CI runs the same inputs each time and a
// failure can be replayed; FC_SEED=<number> explores other inputs locally.
import fc from 'fast-check';

const FUZZ_SEED = process.env.FC_SEED === undefined ? 20_260_501 : Number(process.env.FC_SEED);

fc.configureGlobal({ seed: FUZZ_SEED });
