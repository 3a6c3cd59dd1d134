import type { TemplateInfo } from '../../services/templates-service';

/** Recently used first (most recent at the top), then the registry's order. */
export function orderTemplates(list: readonly TemplateInfo[], recent: readonly string[]): TemplateInfo[] {
  const rank = (kind: string) => {
    const i = recent.indexOf(kind);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return list
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t.kind) - rank(b.t.kind) || a.i - b.i)
    .map((x) => x.t);
}

export function rememberTemplate(recent: readonly string[], kind: string, keep = 10): string[] {
  return [kind, ...recent.filter((k) => k !== kind)].slice(0, keep);
}
