#!/usr/bin/env bash
# Remakes the app's icons from resources/icons/dossier.svg (drawn for Dossier):
#   resources/icons/png/NxN.png  Linux (AppImage, deb) and the source of the others
#   resources/icons/icon.ico     Windows (16 to 256 px)
#   resources/icons/icon.icns    macOS (16 to 1024 px)
# Needs rsvg-convert, ImageMagick and png2icns: apt-get install librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"

for tool in rsvg-convert convert png2icns; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "make-icons: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2
    exit 1
  fi
done

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" dossier.svg --output "png/${size}x${size}.png"
done
# The largest one also serves electron-builder's default icon lookup and the docs.
cp png/1024x1024.png icon.png

convert png/16x16.png png/24x24.png png/32x32.png png/48x48.png png/64x64.png \
  png/128x128.png png/256x256.png icon.ico
png2icns icon.icns png/16x16.png png/32x32.png png/48x48.png png/128x128.png \
  png/256x256.png png/512x512.png png/1024x1024.png >/dev/null

echo "make-icons: wrote $(ls png | wc -l) PNGs, icon.png, icon.ico and icon.icns"
