/** Review tracking for generated files (AUP section 4): markers, hashes, attestations, status. */
export * from './attestations';
export { contentHash } from './hash';
export { DEFAULT_GENERATED_MARKERS, isGenerated, MARKER_LINES } from './markers';
export * from './status';
