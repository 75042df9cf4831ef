/**
 * Escaping for the map site: every piece of contract text (titles,
 * descriptions, names, schemas) goes through one of these before it reaches
 * HTML, an attribute, SVG or an inline script.
 */

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML/SVG content and in quoted attributes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML[c]!);
}

/** JSON safe inside an inline `<script type="application/json">`: no `</script>`, no `<!--`, no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
