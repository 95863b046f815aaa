import { useEffect, useState } from 'preact/hooks';
import { apiClient, call } from '../../lib/api-client.ts';

/**
 * Service names by slug, from the public service list (some staff answers name services by
 * slug only). Empty until loaded; a failure leaves the slugs showing.
 */
export function useServiceNames(): Map<string, string> {
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    call(apiClient.GET('/services'))
      .then((list) => setNames(new Map(list.items.map((service) => [service.slug, service.name]))))
      .catch(() => undefined);
  }, []);
  return names;
}
