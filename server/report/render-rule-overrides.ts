import type { OverrideLine } from '../../domain/standards/list-overrides';
import type { ProjectContext } from '../../domain/standards/rules';
import { escapeHtml as esc } from '../http/escape-html';

const TEXT = {
  zh: {
    local: '本项目地方标准',
    default: '默认',
    context: '项目类型',
    'new-build': '新建',
    renovation: '既有建筑改造',
  },
  en: {
    local: 'Local rule of this project',
    default: 'default',
    context: 'Project context',
    'new-build': 'new build',
    renovation: 'renovation of existing buildings',
  },
} as const;

/**
 * The "本项目地方标准: …" lines of the compliance report and the sheet (issue 12 §1): one per
 * overridden rule with its value, the table's default and the override's source, and the
 * project context when it is renovation. Empty string when the project uses the plain table.
 */
export function renderRuleOverrides(
  rules: { context: ProjectContext; overrides: readonly OverrideLine[] },
  lang: 'zh' | 'en',
): string {
  const t = TEXT[lang];
  const lines = rules.overrides.map(
    (o) =>
      `<li>${esc(t.local)}: <code>${esc(o.key)}</code> = ${esc(o.value)} (${esc(t.default)} ${esc(o.defaultValue)}) — ${esc(o.source)}</li>`,
  );
  if (rules.context === 'renovation') {
    lines.unshift(`<li>${esc(t.context)}: ${esc(t[rules.context])}</li>`);
  }
  return lines.length ? `<ul class="rule-overrides">${lines.join('')}</ul>` : '';
}
