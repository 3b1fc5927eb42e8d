/**
 * The storage quota the app's own page is told of. Chromium reports navigator.storage.estimate()'s
 * quota as the usage plus a fixed 10 GiB, whatever is really left (its StaticStorageQuota feature,
 * "predictable reported quota", which hides the disk's size from web pages), while IndexedDB still
 * refuses writes at the real quota. The app needs the real figure: the warning before an import
 * that will not fit and the figures shown with STORAGE_FULL are worked out from it
 * (renderer/common/storage). So the app's Chromium runs with that feature off: Electron's
 * (main.ts) and the one browser mode opens (browser-mode/find-browser.ts).
 */

/** The Chromium feature that reports a fixed quota in place of the real one. */
export const FIXED_REPORTED_QUOTA_FEATURE = 'StaticStorageQuota';

/** The command-line switch that turns it off. */
export const REAL_QUOTA_SWITCH = `--disable-features=${FIXED_REPORTED_QUOTA_FEATURE}`;
