/** Renders the whole app on a fresh in-memory database, with the client over window.councilDesk. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createCouncilApi } from '../../../renderer/common/council-api';
import { App } from '../../../renderer/app/App';
import { openCouncilDb, type CouncilDb } from '../../../renderer/db/schema';

let counter = 0;

export function freshDbName(): string {
  counter += 1;
  return `council-desk-test-${Date.now()}-${counter}`;
}

export function renderApp(db: CouncilDb = openCouncilDb(freshDbName())) {
  const user = userEvent.setup();
  const result = render(<App db={db} api={createCouncilApi()} />);
  return { ...result, db, user };
}
