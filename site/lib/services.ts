import { getStatus } from './api.ts';

/** Service slug → display name, for incidents and maintenance that list slugs. */
export async function serviceNames(): Promise<(slugs: string[]) => string> {
  const status = await getStatus();
  const names = new Map(status.services.map((service) => [service.slug, service.name]));
  return (slugs) => slugs.map((slug) => names.get(slug) ?? slug).join(', ');
}
