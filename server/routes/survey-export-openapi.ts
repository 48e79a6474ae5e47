/** OpenAPI paths of the CAD/GIS exports (issue 11 item 3, docs/survey-import-api.md §5). */
const id = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'scenario id (a proposal or a baseline)',
  schema: { type: 'integer', minimum: 1 },
};
const crs = (dflt: string) => ({
  name: 'crs',
  in: 'query',
  description: `wgs84 | gcj02 | bd09 | a CGCS2000 Gauss-Krüger EPSG code: 3° CM EPSG:4534–4554, 3° zone-prefixed 4513–4533, 6° zone-prefixed 4491–4501, 6° CM 4502–4512 ("EPSG:4548" or "4548"). Default: ${dflt}. GCJ-02 and BD-09 have no EPSG code: their files are labelled WGS84 (see README.txt in the zip).`,
  schema: { type: 'string' },
});
const err = {
  description: 'Error with a stable code (400 bad crs, 404 unknown scenario)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const file = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});

export const surveyExportPaths = {
  '/api/scenarios/{id}/export.dxf': {
    get: {
      summary: 'The scenario as a DXF drawing for AutoCAD / 天正 / CASS',
      description:
        'AutoCAD 2007 DXF (AC1021, UTF-8 strings), $INSUNITS 6 (metres), CGCS2000 Gauss-Krüger coordinates only. One layer per kind (JMD_建筑, TCW_车位, XFCD_消防车道 …): polygons as closed LWPOLYLINEs, fire lanes as centre lines with constant width (group 43) plus edge lines on XFCD_消防车道边线, trees as points with crown circles on ZB_树冠, labels as TEXT on ZJ_注记 in style RPM_HZ (gbenor.shx + gbcbig.shx).',
      parameters: [id, crs("the 3° CM zone of the scenario's centre (Haidian → EPSG:4548)")],
      responses: { 200: file('image/vnd.dxf', 'DXF text'), 400: err, 404: err },
    },
  },
  '/api/scenarios/{id}/export.zip': {
    get: {
      summary: 'The scenario as ESRI Shapefiles in a zip',
      description:
        'One .shp/.shx/.dbf/.prj/.cpg set per kind and geometry type (<kind>_<polygon|line|point>), attributes UTF-8, field names ≤ 10 characters (README.txt lists the field map).',
      parameters: [id, crs('wgs84')],
      responses: { 200: file('application/zip', 'zip'), 400: err, 404: err },
    },
  },
  '/api/scenarios/{id}/export.gpkg': {
    get: {
      summary: 'The scenario as a GeoPackage, one table per kind',
      parameters: [id, crs('wgs84')],
      responses: {
        200: file('application/geopackage+sqlite3', 'GeoPackage (SQLite)'),
        400: err,
        404: err,
      },
    },
  },
} as const;
