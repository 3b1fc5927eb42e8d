/** A deferral names the required documents awaited: those the case lacks are ticked to begin with. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequiredDocument } from '../../review';
import { RoomForm } from './RoomForm';

interface Props {
  documents: readonly RequiredDocument[];
  onSubmit(kinds: string[]): void;
  onCancel(): void;
}

export function DeferForm({ documents, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(() => new Set(documents.filter((d) => d.titles.length === 0).map((d) => d.kind)));
  const toggle = (kind: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  return (
    <RoomForm submitLabel={t('room.proposal.submit')} onSubmit={() => onSubmit(documents.map((d) => d.kind).filter((k) => chosen.has(k)))} onCancel={onCancel} testId="room-defer-form">
      <fieldset>
        <legend>{t('room.proposal.deferLabel')}</legend>
        {documents.map((d, i) => (
          <label key={d.kind} className="choice">
            <input type="checkbox" checked={chosen.has(d.kind)} autoFocus={i === 0} onChange={() => toggle(d.kind)} data-kind={d.kind} />
            {t(`documentKinds.${d.kind}` as never, { defaultValue: d.kind }) as string}
          </label>
        ))}
      </fieldset>
    </RoomForm>
  );
}
