import type { ScopeParam } from '../../../shared/api/define';

/**
 * How a path parameter leads to the meeting whose participants may call a command: 'm' is the
 * meeting id itself; domain modules register 'd' (document) and 'b' (ballot).
 */
export function createScopeResolvers() {
  const resolvers = new Map<ScopeParam, (id: string) => string | undefined>([['m', (id) => id]]);
  return {
    register(scope: ScopeParam, fn: (id: string) => string | undefined): void {
      resolvers.set(scope, fn);
    },
    meetingIdFor(scope: ScopeParam, id: string): string | undefined {
      return resolvers.get(scope)?.(id);
    },
  };
}
