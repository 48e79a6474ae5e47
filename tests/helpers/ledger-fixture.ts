import ExcelJS from 'exceljs';

/**
 * A district ledger as officials keep it in Excel, built with exceljs: sheet 小区台账 with a
 * merged title row above the header (Chinese headers with full-width brackets and units), one
 * row per 小区 — a name written with a different suffix (静淑苑小区), an unknown community
 * (清华园小区), a bad number (户数「三百」), a community given twice (富润家园) — and a totals
 * row with SUM formulas; sheet 项目库 with three intervention items (progress as a % cell).
 */
export async function buildLedgerFixture(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('小区台账');
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = '海淀区老旧小区综合整治台账（2026年度）';
  ws.addRow([
    '序号',
    '小区名称',
    '小区编码',
    '户数',
    '楼栋数',
    '建筑面积（㎡）',
    '建成年份',
    '改造阶段',
    '投资估算（万元）',
  ]);
  const rows: ExcelJS.CellValue[][] = [
    [1, '石科院生活区', 'HD-001', 1300, 16, 102000, 1985, '施工', 850.5],
    [2, '静淑苑小区', 'HD-002', 900, 12, 72000, '1992年', '制订方案', 420],
    [3, '学士居', null, null, null, null, 1998, '宣传发动', 60],
    [4, '双泉嘉苑', null, '三百', 5, 26000, 2001, '施工', 200],
    [5, '清华园小区', 'HD-099', 500, 6, 40000, 1990, '施工', 300],
    [6, '富润家园', null, 458, 5, 36000, 2003, '施工', 150],
    [7, '富润家园', null, 460, 5, 36000, 2003, '施工', 150],
  ];
  for (const r of rows) ws.addRow(r);
  ws.addRow([
    '合计',
    null,
    null,
    { formula: 'SUM(D3:D9)', result: 3618 },
    { formula: 'SUM(E3:E9)', result: 49 },
  ]);
  const items = wb.addWorksheet('项目库');
  items.mergeCells('A1:G1');
  items.getCell('A1').value = '改造项目库';
  items.addRow(['小区名称', '改造类别', '改造内容', '数量', '单位', '投资（万元）', '进度']);
  items.addRow(['石科院生活区', '基础类', '屋面防水及外墙保温', 15, '栋', 300, 0.5]);
  items.addRow(['石科院生活区', '完善类', '增设停车位', 120, '个', 180.25, 0]);
  items.addRow(['静淑苑', '提升类', '养老服务站', 1, '处', 95, null]);
  items.getCell('G3').numFmt = '0%';
  items.getCell('G4').numFmt = '0%';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
