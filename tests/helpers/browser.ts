import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with software WebGL (SwiftShader) for MapLibre and deck.gl.
 * Background networking is off: the app must need nothing from the internet.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
}
