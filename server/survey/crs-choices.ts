export interface CrsChoice {
  id: string;
  label: { zh: string; en: string };
}

/**
 * The CRS the planner may pick (docs/survey-import-api.md §1), the preferred one first.
 * EPSG:4534–4554 3° GK without prefix (CM 75–135°E), 4513–4533 with prefix (zones 25–45),
 * 4502–4512 6° GK without prefix (CM 75–135°E), 4491–4501 with prefix (zones 13–23).
 */
export function crsChoices(first: string | null): CrsChoice[] {
  const all: CrsChoice[] = [
    { id: 'wgs84', label: { zh: 'WGS84 经纬度', en: 'WGS84 longitude/latitude' } },
    { id: 'gcj02', label: { zh: 'GCJ-02 (高德/腾讯)', en: 'GCJ-02 (Amap/Tencent)' } },
    { id: 'bd09', label: { zh: 'BD-09 (百度)', en: 'BD-09 (Baidu)' } },
    { id: 'EPSG:4490', label: { zh: 'CGCS2000 经纬度', en: 'CGCS2000 geographic' } },
  ];
  for (let i = 0; i <= 20; i++) {
    const cm = 75 + 3 * i;
    all.push({
      id: `EPSG:${4534 + i}`,
      label: {
        zh: `CGCS2000 3° 高斯-克吕格 中央经线 ${cm}°E`,
        en: `CGCS2000 3° Gauss-Krüger, CM ${cm}°E`,
      },
    });
  }
  for (let i = 0; i <= 20; i++) {
    const zone = 25 + i;
    all.push({
      id: `EPSG:${4513 + i}`,
      label: {
        zh: `CGCS2000 3° 高斯-克吕格 第 ${zone} 带 (带号)`,
        en: `CGCS2000 3° Gauss-Krüger zone ${zone} (prefixed)`,
      },
    });
  }
  for (let i = 0; i <= 10; i++) {
    const cm = 75 + 6 * i;
    all.push({
      id: `EPSG:${4502 + i}`,
      label: {
        zh: `CGCS2000 6° 高斯-克吕格 中央经线 ${cm}°E`,
        en: `CGCS2000 6° Gauss-Krüger, CM ${cm}°E`,
      },
    });
    all.push({
      id: `EPSG:${4491 + i}`,
      label: {
        zh: `CGCS2000 6° 高斯-克吕格 第 ${13 + i} 带 (带号)`,
        en: `CGCS2000 6° Gauss-Krüger zone ${13 + i} (prefixed)`,
      },
    });
  }
  const key = first === 'EPSG:4326' ? 'wgs84' : first;
  const i = all.findIndex((c) => c.id === key);
  if (i > 0) all.unshift(...all.splice(i, 1));
  return all;
}
