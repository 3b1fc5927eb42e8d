/** The Bundles feature: opening, checking and importing case bundles, and the sync folder's inbox. */
export { BundlesScreen } from './BundlesScreen';
export { koBundles } from './strings-ko';
export { enBundles } from './strings-en';
export { activeImports } from './import/import-bundle';
export { rollBackInterruptedImports } from './import/bundle-rollback';
export { DemoCouncilLoader } from './DemoCouncilLoader';
export { ImportAnnouncements } from './ImportAnnouncements';
export { ImportSpaceQuestion } from './ImportSpaceQuestion';
