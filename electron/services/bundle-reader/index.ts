/**
 * The streaming case-bundle reader, used by the import, the command line and the bundle writer's
 * check of what it wrote: readBundle checks a .cdbundle without ever holding the whole file or a
 * whole entry in memory, and hands sound cases and evidence to callbacks; peekBundle reads the
 * manifest only, for the inbox list. The entry-name rules are exported for the writer, which
 * refuses up front a name the reader would refuse.
 */
export { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './limits';
export { readBundle, readBundleWithManifest, type BundleReading, type EvidenceOptions, type ReadBundleOptions } from './read-bundle';
export type { CaseLineChecking, CaseLineOptions } from './case-line-pipeline';
export { peekBundle } from './peek-bundle';
export { reportText } from './report-text';
export { collisionKey, collisionProblem, displayName, entryNameProblem } from './entry-names';
