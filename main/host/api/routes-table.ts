import type { CommandDef } from '../../../shared/api/define';

export interface CompiledRoute {
  name: string;
  def: CommandDef;
  segments: string[];
  /** Fewer parameters = more specific; literal segments win over `:params`. */
  paramCount: number;
}

export function compileRoutes(commands: Record<string, CommandDef>): CompiledRoute[] {
  return Object.entries(commands)
    .map(([name, def]) => {
      const segments = def.path.split('/').filter(Boolean);
      return { name, def, segments, paramCount: segments.filter((s) => s.startsWith(':')).length };
    })
    .sort((a, b) => a.paramCount - b.paramCount);
}

export type RouteMatch =
  | { kind: 'match'; route: CompiledRoute; params: Record<string, string> }
  | { kind: 'wrong-method' }
  | { kind: 'none' };

export function matchRoute(routes: CompiledRoute[], method: string, path: string): RouteMatch {
  const parts = path.split('/').filter(Boolean);
  let pathMatched = false;
  for (const route of routes) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      const seg = route.segments[i]!;
      const part = parts[i]!;
      if (seg.startsWith(':')) {
        let decoded: string;
        try {
          decoded = decodeURIComponent(part);
        } catch {
          ok = false;
          break;
        }
        params[seg.slice(1)] = decoded;
      } else if (seg !== part) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    if (route.def.method === method) return { kind: 'match', route, params };
    pathMatched = true;
  }
  return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
}
