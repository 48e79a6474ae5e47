#!/bin/sh
# Builds a large OSM extract for bench/import.bench.ts from the committed data/monaco.osm.pbf
# (© OpenStreetMap contributors, ODbL 1.0), so anyone can rebuild the bench's files:
#   sh bench/make-city-extract.sh COPIES OUT.osm.pbf
# Each copy k = 0 … COPIES-1 is Monaco renumbered (osmium renumber, node / way / relation ids
# starting at k·10⁶+1 / k·10⁵+1 / k·10³+1, so no id repeats: Monaco has 180,118 nodes,
# 27,377 ways, 212 relations) and shifted on an 8-column grid by (k mod 8)·0.15° east and
# ⌊k/8⌋·0.065° north (Monaco spans 0.142° × 0.056°, so copies do not overlap), then all copies
# go into one file with osmium merge. 12 copies give ~21 MB, 64 copies ~112 MB.
# Needs osmium-tool and awk. The bench uses: 12 → /tmp/rpm-city-12.osm.pbf, 64 → /tmp/rpm-city-64.osm.pbf.
set -eu
copies=$1
out=$2
src=$(dirname "$0")/../data/monaco.osm.pbf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
k=0
while [ "$k" -lt "$copies" ]; do
  osmium renumber -s "$((k * 1000000 + 1)),$((k * 100000 + 1)),$((k * 1000 + 1))" \
    "$src" -f opl -o "$work/r.opl" -O --no-progress
  dx=$(awk "BEGIN { printf \"%.3f\", ($k % 8) * 0.15 }")
  dy=$(awk "BEGIN { printf \"%.3f\", int($k / 8) * 0.065 }")
  # OPL node lines: "n<id> v… x<lon> y<lat> T…"; fields are space separated (tags escape spaces).
  awk -v dx="$dx" -v dy="$dy" '
    /^n/ {
      for (i = 2; i <= NF; i++) {
        if ($i ~ /^x-?[0-9]/) $i = sprintf("x%.7f", substr($i, 2) + dx)
        else if ($i ~ /^y-?[0-9]/) $i = sprintf("y%.7f", substr($i, 2) + dy)
      }
    }
    { print }' "$work/r.opl" > "$work/s.opl"
  osmium cat -F opl "$work/s.opl" -o "$work/copy-$k.osm.pbf" -O --no-progress
  k=$((k + 1))
done
osmium merge "$work"/copy-*.osm.pbf -o "$out" -O --no-progress
osmium fileinfo -e "$out" | grep -E 'Size|Number of (nodes|ways|relations)|Bounding box'
