/** The database and the API client, handed to every component (tests give their own). */
import { createContext, useContext, type ReactNode } from 'react';
import type { CouncilApi } from './council-api';
import type { CouncilDb } from '../db/schema';

export interface Services {
  db: CouncilDb;
  api: CouncilApi;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext value={services}>{children}</ServicesContext>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside <ServicesProvider>');
  return services;
}
