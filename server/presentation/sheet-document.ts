import { escapeHtml as esc } from '../http/escape-html';

/** A printable document of one or more sheets, one A4 page each. */
export function sheetDocument(title: string, sheets: string[], lang: 'zh' | 'en'): string {
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
  @page { size: A4; margin: 10mm; }
  * { box-sizing: border-box; }
  body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1d2733; margin: 0; font-size: 11px; }
  .sheet { width: 190mm; height: 276mm; overflow: hidden; page-break-after: always; break-after: page; padding: 0; position: relative; }
  .sheet:last-child { page-break-after: auto; break-after: auto; }
  header { border-bottom: 2px solid #1d3b5c; margin-bottom: 6px; padding-bottom: 4px; }
  h1 { font-size: 20px; margin: 0; } h1 small { font-size: 12px; color: #5b6674; font-weight: normal; margin-left: 8px; }
  h2 { font-size: 12.5px; margin: 10px 0 4px; color: #1d3b5c; }
  .meta, .legend, footer { color: #5b6674; font-size: 10px; }
  .maps { display: flex; gap: 6mm; } figure { margin: 0; } figcaption { font-weight: bold; margin-bottom: 2px; }
  .maps svg { width: 92mm; height: auto; border: 1px solid #d5dae0; }
  .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
  table.ledger { border-collapse: collapse; width: 100%; } .ledger td, .ledger th { border: 1px solid #d5dae0; padding: 3px 6px; text-align: right; }
  .ledger th { background: #eef2f6; font-weight: normal; } td.net { font-weight: bold; }
  p.existing-sources, p.cleared { font-size: 11px; color: #555; margin: 2px 0; } .estimated { color: #9e6900; }
  p.data-edge { font-size: 11px; color: #9e6900; margin: 2px 0; } .bar.incomplete .track { opacity: 0.55; }
  .bar { display: grid; grid-template-columns: 42mm 1fr 18mm; align-items: center; gap: 4px; margin: 2px 0; font-size: 10px; }
  .track { position: relative; height: 9px; background: #eef2f6; } .track i { position: absolute; left: 0; height: 4px; }
  .track i.b { top: 0; background: #9aa5b1; } .track i.a { bottom: 0; background: #2e7dd7; } .v { text-align: right; }
  ol.stages { display: flex; list-style: none; padding: 0; margin: 4px 0; gap: 2px; }
  ol.stages li { flex: 1; text-align: center; padding: 3px 0; background: #eef2f6; color: #5b6674; }
  ol.stages li.done { background: #c6dbf0; color: #1d3b5c; } ol.stages li.now { background: #1d3b5c; color: #fff; font-weight: bold; }
  ul.release { margin: 0; padding-left: 16px; } p.release { margin: 4px 0 0; }
  footer { position: absolute; bottom: 0; left: 0; right: 0; border-top: 1px solid #d5dae0; padding-top: 2px; }
  button.print { position: fixed; top: 8px; right: 8px; } @media print { button.print { display: none; } }
</style>
</head>
<body>
<button class="print" onclick="window.print()">${lang === 'zh' ? '打印 / 另存为 PDF' : 'Print / save as PDF'}</button>
${sheets.join('\n')}
</body>
</html>`;
}
