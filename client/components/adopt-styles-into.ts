import type { CSSResult } from 'lit';

/**
 * Adds a Lit stylesheet to the document or shadow root holding an element that renders into
 * light DOM, once per root. `name` marks the fallback <style> element used where constructable
 * stylesheets are missing.
 */
export function adoptStylesInto(root: Node, styles: CSSResult, name: string): void {
  if (!(root instanceof Document) && !(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    return;
  }
  const parent = root instanceof Document ? root.head : root;
  if (parent.querySelector(`style[data-rpm-styles="${name}"]`)) return;
  const style = document.createElement('style');
  style.dataset['rpmStyles'] = name;
  style.textContent = styles.cssText;
  parent.append(style);
}
