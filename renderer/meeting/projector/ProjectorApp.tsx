/** The projector window's root: the stored language, then the projector view (no shell, no menu). The entry (main.tsx) sets up i18n, as for the app. */
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../common/i18n';
import { restoreLanguage } from '../../common/language';
import type { CouncilDb } from '../../db/schema';
import { ProjectorView } from './ProjectorView';

export function ProjectorApp({ db, meetingId }: { db: CouncilDb; meetingId: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void restoreLanguage(db).then(() => setReady(true));
  }, [db]);
  return <I18nextProvider i18n={i18n}>{ready && <ProjectorView db={db} meetingId={meetingId} />}</I18nextProvider>;
}
