/**
 * The app on the Bundles screen, with the demo council stored and a fake bridge in place: `settings`
 * are the renderer's own (stored in its database), `security` the main process's (the bridge's).
 */
import { screen, within } from '@testing-library/react';
import { seedDemoCouncil } from './demo-seed';
import { openCouncilDb } from '../../../renderer/db/schema';
import { writeSetting, type Settings } from '../../../renderer/db/settings';
import type { SecuritySettings } from '../../../shared/api';
import { demoCouncil } from './demo-council';
import type { AppInfo } from '../../../shared/api';
import { APP_INFO, fakeBridge } from './fake-bridge';
import { freshDbName, renderApp } from './render-app';

export async function openBundlesScreen(settings: Partial<Settings> = {}, security: Partial<SecuritySettings> = {}, appInfo: AppInfo = APP_INFO) {
  const bridge = fakeBridge(demoCouncil(), appInfo, security);
  const db = openCouncilDb(freshDbName());
  await seedDemoCouncil(db);
  for (const [key, value] of Object.entries(settings)) await writeSetting(db, key as keyof Settings, value as never);
  const app = renderApp(db);
  await screen.findByRole('heading', { level: 1, name: settings.language === 'en' ? 'Bundles' : '사건 묶음' });
  const root = document.querySelector('[data-screen="bundles"]') as HTMLElement;
  return { ...app, bridge, root, view: within(root) };
}
